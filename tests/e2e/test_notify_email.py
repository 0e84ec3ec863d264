"""E-mail notifications end to end: `phare serve --smtp` into Postfix's smtp-sink, every
message parsed back with Python's email package. Double opt-in, the reader's language,
zone and audience, one-click unsubscribe (RFC 8058), scopes, the same public answer for
a known address, rate limits, and the subscription form of the page."""

import json
import os
import re
import time
import unittest

import harness
import notify_support as ns

CONFIG = """
[notify]
retry_initial_seconds = 1
subscribe_per_ip_burst = 6
subscribe_per_ip_per_hour = 60
subscribe_per_address_per_hour = 2
"""


class EmailTest(unittest.TestCase):
    def setUp(self):
        self.sink = ns.SmtpSink()
        self.server = harness.Phare()
        config = ns.write_config(self.server.dir, CONFIG)
        self.server.start("--smtp", self.sink.url, "--config", config)
        self.admin = ns.Admin(self.server)

    def tearDown(self):
        self.server.close()
        self.sink.close()

    def link(self, message, kind):
        match = re.search(rf"http://127\.0\.0\.1:\d+/{kind}/[A-Za-z0-9_-]{{43}}",
                          ns.text_part(message))
        self.assertIsNotNone(match, ns.text_part(message))
        return match.group(0)

    def path(self, url):
        return url.split(f":{self.server.port}", 1)[1]

    def test_double_opt_in_then_the_readers_variant_then_one_click_unsubscribe(self):
        sbg = self.admin.component("Serveurs dédiés SBG")
        r = ns.subscribe(self.server, {"email": "Jean.Dupont@Example.ORG",
                                       "phare": {"language": "fr",
                                                 "time_zone": "America/Montreal",
                                                 "audience": "general"}})
        self.assertEqual(r.status, 202, r.body)
        self.assertEqual(r.headers["access-control-allow-origin"], "*")
        [confirmation] = self.sink.wait_count(1)
        self.assertEqual(confirmation["Subject"], "Confirmez votre abonnement à Acme Status")
        self.assertEqual(confirmation["To"].addresses[0].addr_spec, "Jean.Dupont@example.org")
        self.assertEqual(confirmation["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertFalse(confirmation.defects)

        # Nothing but the confirmation goes out before the link is used.
        self.admin.incident("Avant confirmation", [sbg], body="Not for unconfirmed readers.")
        time.sleep(1.5)
        self.assertEqual(len(self.sink.messages()), 1)

        confirm = self.path(self.link(confirmation, "subscriptions/confirm"))
        page = self.server.get(confirm)  # a mail scanner's GET changes nothing
        self.assertEqual(page.status, 200)
        self.assertIn("Confirmez votre abonnement", page.text())
        self.assertIn('method="post"', page.text())
        self.assertIn("no-referrer", page.headers["referrer-policy"])
        done = self.server.request("POST", confirm)
        self.assertEqual(done.status, 200)
        self.assertIn("Abonnement confirmé", done.text())

        self.admin.incident(
            "Panne électrique à Strasbourg : « SBG1 à SBG4 » touchés", [sbg],
            body="Both grid feeds are down (technical, English).",
            bodies=[{"audience": "general", "language": "fr",
                     "body": "Nos équipes sont mobilisées depuis {time:2017-11-09T06:21:00Z}."},
                    {"audience": "technical", "language": "fr",
                     "body": "Les deux arrivées EDF et les groupes sont tombés."}])
        mail = self.sink.wait_count(2)[1]
        self.assertEqual(mail["Subject"], "[Acme Status] Panne électrique à Strasbourg : "
                                          "« SBG1 à SBG4 » touchés : Analyse en cours")
        text = ns.text_part(mail)
        self.assertIn("Nos équipes sont mobilisées depuis", text)
        self.assertIn("01:21", text)  # 06:21 UTC in Montreal (UTC-5 in November)
        self.assertNotIn("arrivées EDF", text)  # the technical body is for technical readers
        self.assertIn("<p>Nos équipes sont mobilisées", ns.html_part(mail))
        self.assertEqual(mail.get_content_type(), "multipart/alternative")
        self.assertTrue(mail["Message-ID"].startswith("<"))
        self.assertIn("<incident-", mail["References"])
        unsubscribe = mail["List-Unsubscribe"].strip("<>")
        self.assertEqual(unsubscribe, self.link(mail, "unsubscribe"))

        # RFC 8058: the mail client POSTs this body to the List-Unsubscribe URL.
        gone = self.server.request("POST", self.path(unsubscribe),
                                   body="List-Unsubscribe=One-Click",
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(gone.status, 200)
        self.assertIn("désabonné", gone.text())
        self.assertEqual(self.admin.call("GET", "/subscribers").json(), [])
        self.admin.incident("Après désabonnement", [sbg], body="Nobody to tell.")
        time.sleep(1.5)
        self.assertEqual(len(self.sink.messages()), 2)
        again = self.server.request("POST", self.path(unsubscribe))
        self.assertEqual(again.status, 404)

    def test_the_same_answer_for_a_known_address_and_rate_limits(self):
        first = ns.subscribe(self.server, {"email": "known@example.org"})  # a new address
        second = ns.subscribe(self.server, {"email": "known@example.org"})  # a known one
        self.assertEqual((first.status, first.body), (second.status, second.body))
        third = ns.subscribe(self.server, {"email": "KNOWN@example.org "})
        self.assertEqual(third.status, 429)  # two confirmations an hour per address
        # Subscriptions are decided off the request (the same work whatever the state).
        harness.wait_for(lambda: self.admin.call("GET", "/subscribers").json(),
                         what="the subscriber")
        self.assertEqual(len(self.admin.call("GET", "/subscribers").json()), 1)
        self.assertEqual(third.headers["content-type"], "application/problem+json")
        self.assertEqual(third.json()["type"], "urn:phare:problem:rate-limited")
        self.assertGreater(int(third.headers["retry-after"]), 0)
        statuses = [ns.subscribe(self.server, {"email": f"r{k}@example.org"}).status
                    for k in range(4)]
        self.assertEqual(statuses[:3], [202, 202, 202])
        self.assertEqual(statuses[3], 429)  # six requests from one client address
        pre = self.server.request("OPTIONS", "/api/v2/subscribers.json",
                                  headers={"Origin": "https://widget.example",
                                           "Access-Control-Request-Method": "POST"})
        self.assertEqual(pre.status, 204)
        self.assertIn("POST", pre.headers["access-control-allow-methods"])
        self.assertEqual(pre.headers["access-control-allow-origin"], "*")

    def test_validation_names_the_field(self):
        r = ns.subscribe(self.server, {"email": "jean@", "phare": {"language": "fr"}})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["field"], "subscriber.email")
        r = ns.subscribe(self.server, {"email": "a@example.org", "component_ids": ["nope"]})
        self.assertEqual(r.json()["field"], "subscriber.component_ids")

    def test_scopes_and_preferences(self):
        a = self.admin.component("Hébergement web RBX")
        b = self.admin.component("VPS GRA")
        lines = [{"email": "only-a@example.org", "component_ids": [a],
                  "phare": {"language": "fr", "time_zone": "Europe/Paris"}},
                 {"email": "only-b@example.org", "component_ids": [b],
                  "phare": {"language": "en", "time_zone": "Asia/Tokyo",
                            "audience": "technical"}}]
        path = os.path.join(self.server.dir, "subscribers.jsonl")
        with open(path, "w") as f:
            f.write("\n".join(json.dumps(line) for line in lines) + "\n")
        out = json.loads(self.server.cli("subscriber", "import", path).stdout)
        self.assertEqual(out, {"imported": 2, "skipped": 0})
        bodies = [{"audience": "general", "language": "fr", "body": "Sites web lents."},
                  {"audience": "technical", "language": "en", "body": "NFS latency on filers."}]
        self.admin.incident("RBX web hosting", [a], body="Slow.", bodies=bodies)
        [mail] = self.sink.wait_count(1)
        self.assertEqual(mail["To"].addresses[0].addr_spec, "only-a@example.org")
        self.assertIn("Sites web lents.", ns.text_part(mail))
        self.admin.incident("GRA VPS", [b], body="Down.", bodies=bodies)
        mails = self.sink.wait_count(2)
        self.assertEqual(mails[1]["To"].addresses[0].addr_spec, "only-b@example.org")
        self.assertIn("NFS latency on filers.", ns.text_part(mails[1]))
        self.assertIn("Investigating", mails[1]["Subject"])
        time.sleep(1)
        self.assertEqual(len(self.sink.messages()), 2)

    def test_the_page_has_a_form_that_subscribes(self):
        page = self.server.get("/?lang=fr")
        self.assertIn('action="/subscribe"', page.text())
        self.assertIn("Être prévenu par e-mail", page.text())
        r = self.server.request(
            "POST", "/subscribe",
            body="email=form%40example.org&audience=technical&lang=fr&tz=Europe%2FParis",
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 200)
        self.assertIn("Consultez votre messagerie", r.text())
        [mail] = self.sink.wait_count(1)
        self.assertEqual(mail["To"].addresses[0].addr_spec, "form@example.org")
        subscriber = self.admin.call("GET", "/subscribers").json()[0]
        self.assertEqual(subscriber["phare"]["audience"], "technical")
        self.assertEqual(subscriber["phare"]["state"], "pending")
        bad = self.server.request("POST", "/subscribe", body="email=nope",
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(bad.status, 422)


if __name__ == "__main__":
    unittest.main()
