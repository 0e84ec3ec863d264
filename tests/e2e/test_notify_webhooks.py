"""Webhook and chat notifications end to end, into tests/support/webhook_receiver.py:
Standard Webhooks signatures verified as a receiver would, retries against a receiver
that fails then recovers (one webhook-id throughout), dead letters and their retry by
API and CLI, the one e-mail (into smtp-sink) to the contact of a webhook that keeps
failing, Statuspage's endpoint+email shape, coalescing, and the refusal of private targets
without --allow-private-targets."""

import json
import time
import unittest
import urllib.parse

import harness
import notify_support as ns

# Delivery is tested here: public webhook subscriptions are open (test_security.py tests
# the endpoint check of the default, "verify").
CONFIG = """
[notify]
public_webhooks = "open"
retry_initial_seconds = 1
retry_max_seconds = 2
max_attempts = 2
"""


class WebhookTest(unittest.TestCase):
    def setUp(self):
        self.receivers = []
        self.server = harness.Phare()
        self.config = ns.write_config(self.server.dir, CONFIG)

    def tearDown(self):
        self.server.close()
        for r in self.receivers:
            r.close()

    def start(self, *args):
        self.server.start("--allow-private-targets", "--config", self.config, *args)
        self.admin = ns.Admin(self.server)
        return self.admin

    def receiver(self, *args):
        r = ns.WebhookReceiver(*args)
        self.receivers.append(r)
        return r

    def subscribe_hook(self, url, **phare):
        body = {"endpoint": url}
        if phare:
            body["phare"] = phare
        r = ns.subscribe(self.server, body)
        self.assertEqual(r.status, 201, r.body)
        return r.json()["subscriber"]

    def test_signed_webhooks_in_statuspages_shape(self):
        admin = self.start()
        hook = self.receiver()
        sub = self.subscribe_hook(hook.url())
        secret = sub["phare"]["secret"]
        self.assertTrue(secret.startswith("whsec_"))
        self.assertEqual(sub["mode"], "webhook")
        sbg = admin.component("Dedicated servers SBG")
        incident = admin.incident("Strasbourg power outage", [sbg], body="Both feeds are down.")
        [record] = hook.wait_count(1)
        self.assertTrue(ns.verify_webhook(secret, record), record)
        self.assertTrue(record["webhook_id"].startswith("msg_"))
        self.assertFalse(ns.verify_webhook("whsec_" + "A" * 44, record))
        payload = json.loads(record["body"])
        self.assertEqual(list(payload)[0], "meta")
        self.assertEqual(payload["meta"]["unsubscribe"], sub["phare"]["unsubscribe_url"])
        self.assertEqual(payload["page"]["id"], admin.page)
        self.assertEqual(payload["page"]["status_indicator"], "critical")
        self.assertEqual(payload["incident"]["id"], incident["id"])
        self.assertEqual(payload["incident"]["incident_updates"][0]["body"], "Both feeds are down.")
        admin.wait_delivered(1, "webhook")
        # The unsubscribe token from the subscription ends it, Statuspage-style.
        token = sub["phare"]["unsubscribe_token"]
        r = self.server.request("DELETE", f"/api/v2/subscribers/{token}.json")
        self.assertEqual(r.status, 200, r.body)
        r = self.server.request("DELETE", f"/api/v2/subscribers/{sub['id']}.json")
        self.assertEqual(r.status, 401)  # an id alone unsubscribes nobody

    def test_a_components_own_change_sends_a_component_update(self):
        admin = self.start()
        hook = self.receiver()
        sub = self.subscribe_hook(hook.url())
        rbx = admin.component("Web hosting RBX")
        r = admin.call("PATCH", f"/components/{rbx}",
                       {"component": {"status": "partial_outage"}})
        self.assertEqual(r.status, 200, r.body)
        [record] = hook.wait_count(1)
        self.assertTrue(ns.verify_webhook(sub["phare"]["secret"], record), record)
        payload = json.loads(record["body"])
        self.assertEqual(list(payload), ["meta", "page", "component", "component_update"])
        self.assertEqual(payload["component"]["id"], rbx)
        self.assertEqual(payload["component"]["status"], "partial_outage")
        update = payload["component_update"]
        self.assertEqual((update["component_id"], update["old_status"], update["new_status"]),
                         (rbx, "operational", "partial_outage"))
        self.assertEqual(payload["page"]["status_indicator"], "minor")
        # A change that leaves the status alone sends nothing.
        r = admin.call("PATCH", f"/components/{rbx}", {"component": {"description": "Roubaix"}})
        self.assertEqual(r.status, 200, r.body)
        admin.wait_delivered(1, "webhook")
        time.sleep(0.5)
        self.assertEqual(len(hook.requests()), 1)

    def test_retries_until_the_receiver_recovers_with_one_id(self):
        admin = self.start()
        hook = self.receiver("--fail-first", "1", "--fail-status", "503")
        self.subscribe_hook(hook.url())
        admin.incident("Network", [admin.component("Network")], body="Routing issue.")
        records = hook.wait_count(2)
        self.assertEqual([r["status"] for r in records], [503, 204])
        self.assertEqual(records[0]["webhook_id"], records[1]["webhook_id"])
        stats = admin.wait_delivered(1, "webhook")
        self.assertEqual(stats["deliveries"]["webhook"]["dead"], 0)

    def test_dead_letters_and_their_retry_by_api_and_cli(self):
        admin = self.start()
        hook = self.receiver("--fail-first", "4", "--fail-status", "500")
        self.subscribe_hook(hook.url())
        incident = admin.incident("Storage", [admin.component("Storage")], body="Slow disks.")
        harness.wait_for(lambda: admin.stats()["deliveries"]["webhook"]["dead"] == 1,
                         what="a dead letter")
        self.assertEqual(len(hook.requests()), 2)  # max_attempts = 2
        r = admin.call("POST", "/deliveries/retry", {"channel": "webhook"})
        self.assertEqual(r.json(), {"retried": 1})
        harness.wait_for(lambda: admin.stats()["deliveries"]["webhook"]["dead"] == 1
                         and len(hook.requests()) == 4, what="a second dead letter")
        out = json.loads(self.server.cli("notify", "retry").stdout)
        self.assertEqual(out, {"retried": 1})
        admin.wait_delivered(1, "webhook")
        ids = {r["webhook_id"] for r in hook.wait_count(5)}
        self.assertEqual(len(ids), 1)
        status = json.loads(self.server.cli("notify", "status").stdout)
        self.assertEqual(status["deliveries"]["webhook"]["delivered"], 1)
        self.assertEqual(status["fanouts"][0]["incident_id"], incident["id"])

    def test_only_the_latest_state_goes_to_a_reader_who_is_behind(self):
        hook = self.receiver()
        # Three updates are published while phare is down (from the CLI): when it starts,
        # the reader is behind by three and gets the latest state once.
        harness.run_cli("subscriber", "import", "--allow-private-targets", "-",
                        "--db", self.server.db, stdin=json.dumps({"endpoint": hook.url()}))
        component = json.loads(self.server.cli("component", "create", "--name", "DNS").stdout)
        created = json.loads(self.server.cli(
            "incident", "create", "--name", "DNS outage", "--body", "Resolvers down.",
            "--component", f"{component['id']}=major_outage").stdout)
        for status, body in (("identified", "A bad deploy."), ("monitoring", "Rolled back.")):
            self.server.cli("incident", "update", created["id"], "--status", status,
                            "--body", body)
        admin = self.start()
        admin.wait_idle()
        time.sleep(0.5)
        [record] = hook.requests()
        latest = json.loads(record["body"])["incident"]
        self.assertEqual(latest["status"], "monitoring")
        self.assertEqual(latest["incident_updates"][0]["body"], "Rolled back.")
        fanouts = admin.stats()["fanouts"]
        self.assertEqual(sum(f["coalesced"] for f in fanouts), 2)

    def test_chat_channels_get_slack_shaped_messages(self):
        admin = self.start()
        hook = self.receiver()
        self.subscribe_hook(hook.url("/slack"), channel="chat", flavor="slack", language="fr")
        admin.incident("Panne <SBG>", [admin.component("SBG")], body="Tout est *coupé*.")
        [record] = hook.wait_count(1)
        self.assertIsNone(record["webhook_signature"])  # chat products do not verify them
        payload = json.loads(record["body"])
        self.assertIn("&lt;SBG&gt;", payload["text"])  # Slack's escaping
        attachment = payload["attachments"][0]
        self.assertEqual(attachment["color"], "#e74c3c")
        self.assertIn("Se désabonner", attachment["footer"])

    def test_a_failing_webhook_tells_its_contact_once_by_email(self):
        # Statuspage's webhook shape: an endpoint and the address told when it keeps failing.
        sink = ns.SmtpSink()
        try:
            config = ns.write_config(self.server.dir, CONFIG + "quarantine_after = 2\n")
            self.server.start("--allow-private-targets", "--config", config,
                              "--smtp", sink.url)
            admin = ns.Admin(self.server)
            hook = self.receiver("--fail-first", "1000", "--fail-status", "500")
            r = ns.subscribe(self.server, {"endpoint": hook.url(), "email": "Ops@Example.ORG",
                                           "phare": {"language": "fr"}})
            self.assertEqual(r.status, 201, r.body)
            sub = r.json()["subscriber"]
            self.assertEqual((sub["mode"], sub["endpoint"], sub["email"]),
                             ("webhook", hook.url(), "Ops@example.org"))
            component = admin.component("Storage")
            for name in ("Slow disks", "Lost volume", "Full pool"):
                admin.incident(name, [component], body=name + ".")
                admin.wait_idle()
            # Two dead letters in a row quarantine the webhook; its contact hears it once,
            # in the subscriber's language, and nothing more for the third dead letter.
            [notice] = sink.wait_count(1)
            admin.wait_idle()
            time.sleep(1)
            self.assertEqual(len(sink.messages()), 1)
            self.assertEqual(notice["To"].addresses[0].addr_spec, "Ops@example.org")
            self.assertIn("webhook", notice["Subject"])
            self.assertIn("Acme Status", notice["Subject"])
            text = ns.text_part(notice)
            self.assertIn(hook.url(), text)
            self.assertIn("échou", text)  # French
            self.assertIn(hook.url(), ns.html_part(notice))
            self.assertFalse(notice.defects)
            stats = admin.stats()
            # Two dead letters; the third incident queues nothing for a quarantined webhook.
            self.assertEqual(stats["deliveries"]["webhook"]["dead"], 2)
            self.assertEqual(stats["deliveries"]["email"]["delivered"], 1)
            self.assertEqual(len(hook.requests()), 4)  # 2 attempts x 2
            listed = admin.call("GET", f"/subscribers/{sub['id']}").json()
            self.assertEqual(listed["phare"]["state"], "quarantined")
            self.assertEqual(listed["email"], "Ops@example.org")
        finally:
            sink.close()

    def test_the_webhook_shape_with_a_contact_and_what_stays_refused(self):
        admin = self.start()
        url = "http://127.0.0.1:9/hook"
        r = admin.call("POST", "/subscribers",
                       {"subscriber": {"endpoint": url, "email": "noc@example.org"}})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual((r.json()["mode"], r.json()["email"]), ("webhook", "noc@example.org"))
        r = ns.subscribe(self.server, {"endpoint": url, "email": "noc@"})
        self.assertEqual(r.status, 422, r.body)
        self.assertEqual(r.json()["field"], "subscriber.email")
        for body in ({"endpoint": url, "phone_number": "+33612345678"},
                     {"email": "a@example.org", "phone_number": "+33612345678"},
                     {"endpoint": url, "email": "a@example.org", "phone_number": "+33612345678"},
                     {}):
            r = ns.subscribe(self.server, body)
            self.assertEqual(r.status, 422, body)
            self.assertEqual(r.headers["content-type"], "application/problem+json")
            self.assertIn("exactly one of email, phone_number or endpoint", r.json()["detail"])
        r = ns.subscribe(self.server, {"email": "alone@example.org"})
        self.assertEqual((r.status, r.json()["subscriber"]["mode"]), (202, "email"))
        # A form posts the same fields.
        r = self.server.request(
            "POST", "/api/v2/subscribers.json",
            body=urllib.parse.urlencode({"subscriber[endpoint]": url,
                                         "subscriber[email]": "form@example.org"}),
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["subscriber"]["email"], "form@example.org")

    def test_private_targets_are_refused_without_the_flag(self):
        self.server.start()
        for url in ("http://127.0.0.1:9/hook", "http://localhost/x", "http://10.0.0.1/x",
                    "http://169.254.169.254/latest/meta-data"):
            r = ns.subscribe(self.server, {"endpoint": url})
            self.assertEqual(r.status, 422, url)
            self.assertEqual(r.json()["field"], "subscriber.endpoint")
        r = ns.subscribe(self.server, {"endpoint": "ftp://example.org/x"})
        self.assertEqual(r.status, 422)


if __name__ == "__main__":
    unittest.main()
