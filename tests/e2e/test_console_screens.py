"""The console's operating screens against the real server: progress and node reports,
scheduled maintenance, subscribers and dead letters, API tokens and customers' "my
services" links. Each does what the admin API does (the API then shows the change), is
refused to a role too low and without the form's CSRF token, and shows what others
wrote as text."""

import datetime
import json
import os
import re
import tempfile
import unittest
import urllib.parse
import zoneinfo

import harness
import notify_support as ns
from console_support import Browser, create_user

SMALL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "inventory-small.jsonl")
CONFIG = """
[console]
login_per_address_burst = 200
login_per_account_burst = 200
"""
XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>'
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
ZONE = zoneinfo.ZoneInfo("Europe/Paris")  # the harness's page zone


def local(t):
    """A datetime-local value in the page's zone."""
    return t.astimezone(ZONE).strftime("%Y-%m-%dT%H:%M")


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


class ScreensTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.config = tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False)
        cls.config.write(CONFIG)
        cls.config.close()
        cls.server = harness.Phare("--config", cls.config.name).start()
        cls.server.cli("inventory", "import", SMALL)
        for email, role in [("admin@example.com", "admin"), ("ops@example.com", "operator"),
                            ("comms@example.com", "communicator")]:
            create_user(cls.server, email, role)
        cls.token = cls.server.token("read,write,admin")
        cls.page = cls.server.page_id()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        os.unlink(cls.config.name)

    def api(self, method, path, body=None):
        return self.server.admin(method, f"/v1/pages/{self.page}{path}", self.token, body)

    def signed_in(self, email):
        b = Browser(self.server)
        self.assertEqual(b.sign_in(email).status, 303)
        return b

    def incident(self, name="Rack 1 lost power"):
        r = self.api("POST", "/incidents", {"incident": {"name": name, "body": "Rack 1 is down."}})
        self.assertEqual(r.status, 201, r.text())
        return r.json()["id"]

    def audit(self, n=5):
        return [(e["actor"], e["action"])
                for e in json.loads(self.server.cli("audit", "--limit", str(n)).stdout)]

    def assert_refused_below(self, email, paths_get, posts):
        b = self.signed_in(email)
        for path in paths_get:
            self.assertEqual(b.get(path).status, 403, path)
        for path, fields in posts:
            self.assertEqual(b.post(path, fields).status, 403, path)

    # Progress and nodes (operator).

    def test_progress_is_recorded_as_through_the_api(self):
        inc = self.incident()
        b = self.signed_in("ops@example.com")
        page = b.get(f"/admin/incidents/{inc}/progress")
        self.assertEqual(page.status, 200)
        self.assertIn('<label for="p-restored">', page.text())
        r = b.post(f"/admin/incidents/{inc}/progress", {"scope": "", "restored": "3", "total": "10"})
        self.assertEqual(r.status, 303, r.text())
        samples = self.api("GET", f"/incidents/{inc}/progress").json()
        self.assertEqual([(s["scope"], s["restored"], s["total"]) for s in samples], [("", 3, 10)])
        self.assertIn(("user:ops@example.com", "incident.progress"), self.audit())
        shown = b.get(r.headers["location"]).text()
        self.assertIn("Progress recorded", shown)
        self.assertRegex(shown, r"<td>3 <span class=\"meta\">\(30%\)</span></td><td>10</td>")
        # The service's rules, as the API's: restored never above total.
        r = b.post(f"/admin/incidents/{inc}/progress", {"restored": "11", "total": "10"})
        self.assertEqual(r.status, 422)
        self.assertIn("progress.restored", r.text())
        self.assertEqual(b.post(f"/admin/incidents/{inc}/progress",
                                {"restored": "x", "total": "10"}).status, 422)
        self.assertEqual(len(self.api("GET", f"/incidents/{inc}/progress").json()), 1)

    def test_nodes_are_reported_as_through_the_api(self):
        inc = self.incident()
        b = self.signed_in("ops@example.com")
        r = b.post(f"/admin/incidents/{inc}/nodes", {"nodes": "rack-1\r\n", "state": "down"})
        self.assertEqual(r.status, 303, r.text())
        impact = self.api("GET", f"/incidents/{inc}").json()["phare"]["impact"]
        self.assertEqual(impact["resources"]["down"], 2)  # ded-1 and ded-2
        r = b.post(f"/admin/incidents/{inc}/nodes", {"nodes": "rack-1", "state": "restored"})
        self.assertEqual(r.status, 303, r.text())
        impact = self.api("GET", f"/incidents/{inc}").json()["phare"]["impact"]
        self.assertEqual((impact["resources"]["down"], impact["resources"]["restored"]), (0, 2))
        r = b.post(f"/admin/incidents/{inc}/nodes", {"nodes": "no-such-node", "state": "down"})
        self.assertEqual(r.status, 422)
        self.assertIn("unknown node", r.text())
        self.assertEqual(b.post(f"/admin/incidents/{inc}/nodes",
                                {"nodes": "rack-1", "state": "melted"}).status, 422)

    def test_progress_needs_an_operator(self):
        inc = self.incident()
        self.assert_refused_below(
            "comms@example.com", [f"/admin/incidents/{inc}/progress"],
            [(f"/admin/incidents/{inc}/progress", {"restored": "1", "total": "2"}),
             (f"/admin/incidents/{inc}/nodes", {"nodes": "rack-1", "state": "down"})])
        self.assertEqual(self.api("GET", f"/incidents/{inc}/progress").json(), [])
        self.assertNotIn(f'href="/admin/incidents/{inc}/progress"',
                         self.signed_in("comms@example.com").get("/admin").text())
        self.assertIn(f'href="/admin/incidents/{inc}/progress"',
                      self.signed_in("ops@example.com").get("/admin").text())

    # Maintenance (operator).

    def test_maintenance_is_scheduled_edited_and_cancelled(self):
        comp = self.api("POST", "/components", {"component": {"name": "Storage"}}).json()["id"]
        start = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)
                 ).replace(second=0, microsecond=0)
        b = self.signed_in("ops@example.com")
        self.assertEqual(b.get("/admin/maintenance").status, 200)
        r = b.post("/admin/maintenance", {
            "name": "Storage firmware", "from": local(start),
            "until": local(start + datetime.timedelta(hours=2)), "component": comp,
            "auto_start": "1", "auto_end": "1"})
        self.assertEqual(r.status, 303, r.text())
        upcoming = self.api("GET", "/incidents/upcoming").json()
        m = next(i for i in upcoming if i["name"] == "Storage firmware")
        self.assertEqual(instant(m["scheduled_for"]), start)
        self.assertEqual(instant(m["scheduled_until"]), start + datetime.timedelta(hours=2))
        self.assertEqual([c["id"] for c in m["components"]], [comp])
        self.assertTrue(m["phare"]["scheduled_auto_in_progress"])
        self.assertIn("Storage firmware", b.get("/admin/maintenance").text())
        edit = b.get(f"/admin/maintenance/{m['id']}")
        self.assertIn(f'value="{local(start)}"', edit.text())
        r = b.post(f"/admin/maintenance/{m['id']}", {
            "name": "Storage firmware", "from": local(start),
            "until": local(start + datetime.timedelta(hours=3)), "component": comp})
        self.assertEqual(r.status, 303, r.text())
        got = self.api("GET", f"/incidents/{m['id']}").json()
        self.assertEqual(instant(got["scheduled_until"]), start + datetime.timedelta(hours=3))
        self.assertIn(("user:ops@example.com", "incident.update"), self.audit())
        r = b.post(f"/admin/maintenance/{m['id']}/cancel", {})
        self.assertEqual(r.status, 303, r.text())
        self.assertEqual(self.api("GET", f"/incidents/{m['id']}").status, 404)
        self.assertIn(("user:ops@example.com", "incident.delete"), self.audit())

    def test_cancelling_maintenance_under_way_completes_it(self):
        comp = self.api("POST", "/components", {"component": {"name": "Backups"}}).json()["id"]
        now = datetime.datetime.now(datetime.timezone.utc)
        b = self.signed_in("ops@example.com")
        r = b.post("/admin/maintenance", {
            "name": "Backup move", "from": local(now - datetime.timedelta(hours=1)),
            "until": local(now + datetime.timedelta(hours=1)), "component": comp,
            "auto_start": "1", "auto_end": "1"})
        self.assertEqual(r.status, 303, r.text())
        m = next(i for i in self.api("GET", "/incidents").json() if i["name"] == "Backup move")
        harness.wait_for(lambda: self.api("GET", f"/incidents/{m['id']}").json()["status"]
                         == "in_progress", what="the maintenance to begin")
        self.assertEqual(self.api("GET", f"/components/{comp}").json()["status"],
                         "under_maintenance")
        self.assertIn("in progress", b.get("/admin/maintenance").text())
        self.assertEqual(b.post(f"/admin/maintenance/{m['id']}/cancel", {}).status, 303)
        self.assertEqual(self.api("GET", f"/incidents/{m['id']}").json()["status"], "completed")
        self.assertEqual(self.api("GET", f"/components/{comp}").json()["status"], "operational")

    def test_maintenance_input_is_checked_by_the_service(self):
        b = self.signed_in("ops@example.com")
        start = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)
        r = b.post("/admin/maintenance", {"name": "Backwards", "from": local(start),
                                          "until": local(start - datetime.timedelta(hours=1))})
        self.assertEqual(r.status, 422)
        self.assertIn("scheduled_until", r.text())
        self.assertEqual(b.post("/admin/maintenance", {"name": "No end", "from": local(start)}
                                ).status, 422)
        self.assertEqual(b.post("/admin/maintenance", {"name": "Bad", "from": "tomorrow",
                                                       "until": "later"}).status, 422)
        names = [i["name"] for i in self.api("GET", "/incidents/upcoming").json()]
        self.assertFalse({"Backwards", "No end", "Bad"} & set(names))

    def test_maintenance_needs_an_operator(self):
        self.assert_refused_below("comms@example.com", ["/admin/maintenance"],
                                  [("/admin/maintenance", {"name": "Sneaky"})])
        link = 'href="/admin/maintenance"'
        self.assertNotIn(link, self.signed_in("comms@example.com").get("/admin").text())
        self.assertIn(link, self.signed_in("ops@example.com").get("/admin").text())

    # Tokens (admin).

    def test_a_token_is_shown_once_and_revoked(self):
        b = self.signed_in("admin@example.com")
        r = b.post("/admin/tokens", {"name": "ci-bot", "scope": "read"})
        self.assertEqual(r.status, 200, r.text())
        secret = re.search(r'id="new-secret">(phare_[A-Za-z0-9_-]+)<', r.text()).group(1)
        self.assertEqual(self.server.admin("GET", f"/v1/pages/{self.page}", secret).status, 200)
        listing = b.get("/admin/tokens").text()
        self.assertIn("ci-bot", listing)
        self.assertNotIn(secret, listing)
        token_id = re.search(r'name="id" value="([^"]+)"><button type="submit" '
                             r'aria-label="Revoke ci-bot"', listing).group(1)
        self.assertEqual(b.post("/admin/tokens/revoke", {"id": token_id}).status, 200)
        self.assertEqual(self.server.admin("GET", f"/v1/pages/{self.page}", secret).status, 401)
        self.assertIn(("user:admin@example.com", "token.revoke"), self.audit())
        self.assertEqual(b.post("/admin/tokens", {"name": "", "scope": "read"}).status, 422)

    def test_tokens_need_an_admin(self):
        self.assert_refused_below("ops@example.com", ["/admin/tokens"],
                                  [("/admin/tokens", {"name": "sneaky", "scope": "admin"})])
        self.assertNotIn('href="/admin/tokens"', self.signed_in("ops@example.com").get("/admin").text())

    # Customers' links (admin).

    def test_a_customers_link_is_made_and_revoked(self):
        b = self.signed_in("admin@example.com")
        self.assertEqual(b.get("/admin/customers?customer=cust-a").status, 200)
        r = b.post("/admin/customers/link", {"customer": "cust-a"})
        self.assertEqual(r.status, 200, r.text())
        url = re.search(r'id="new-url">(http[^<]+/my/[A-Za-z0-9_-]{43})<', r.text()).group(1)
        path = urllib.parse.urlsplit(url).path
        self.assertEqual(self.server.get(path + "/summary.json").json()["customer"], "cust-a")
        listing = b.get("/admin/customers?customer=cust-a").text()
        self.assertNotIn(path, listing)
        link_id = re.search(r'name="link" value="([^"]+)"', listing).group(1)
        self.assertEqual(b.post("/admin/customers/revoke",
                                {"customer": "cust-a", "link": link_id}).status, 200)
        self.assertEqual(self.server.get(path + "/summary.json").status, 404)
        r = b.post("/admin/customers/link", {"customer": "nobody"})
        self.assertEqual(r.status, 404)

    def test_customer_links_need_an_admin(self):
        self.assert_refused_below("ops@example.com", ["/admin/customers"],
                                  [("/admin/customers/link", {"customer": "cust-a"})])

    # Subscribers (admin).

    def test_subscribers_are_found_by_address_and_removed(self):
        ids = {}
        for address in ["alice@example.org", "bob@example.net"]:
            r = self.api("POST", "/subscribers", {"subscriber": {
                "email": address, "skip_confirmation_notification": True}})
            self.assertEqual(r.status, 201, r.text())
            ids[address] = r.json()["id"]
        b = self.signed_in("admin@example.com")
        found = b.get("/admin/subscribers?q=EXAMPLE.ORG").text()
        self.assertIn("alice@example.org", found)
        self.assertNotIn("bob@example.net", found)
        self.assertIn('<th scope="row">e-mail</th>', found)  # the counts by channel
        r = b.post("/admin/subscribers/remove", {"id": ids["alice@example.org"]})
        self.assertEqual(r.status, 303, r.text())
        self.assertEqual(self.api("GET", f"/subscribers/{ids['alice@example.org']}").status, 404)
        self.assertIn(("user:admin@example.com", "subscriber.delete"), self.audit())
        self.assertEqual(b.post("/admin/subscribers/remove", {"id": "nope"}).status, 404)
        self.assertEqual(b.post("/admin/deliveries/retry", {"id": "12345"}).status, 404)

    def test_subscribers_need_an_admin(self):
        self.assert_refused_below("ops@example.com", ["/admin/subscribers"],
                                  [("/admin/subscribers/remove", {"id": "x"}),
                                   ("/admin/deliveries/retry", {"id": "all"})])

    # Everything.

    def test_forms_without_csrf_token_are_refused(self):
        inc = self.incident()
        b = self.signed_in("admin@example.com")
        for path, fields in [(f"/admin/incidents/{inc}/progress", {"restored": "1", "total": "2"}),
                             (f"/admin/incidents/{inc}/nodes", {"nodes": "rack-1"}),
                             ("/admin/maintenance", {"name": "x"}),
                             ("/admin/tokens", {"name": "csrf-less", "scope": "read"}),
                             ("/admin/tokens/revoke", {"id": "x"}),
                             ("/admin/customers/link", {"customer": "cust-a"}),
                             ("/admin/subscribers/remove", {"id": "x"}),
                             ("/admin/deliveries/retry", {"id": "all"})]:
            with self.subTest(path=path):
                r = b.post(path, fields, with_csrf=False)
                self.assertEqual(r.status, 403)
                self.assertIn("Form expired", r.text())
        self.assertEqual(self.api("GET", f"/incidents/{inc}/progress").json(), [])
        self.assertNotIn("csrf-less", b.get("/admin/tokens").text())

    def test_stored_xss_payloads_are_inert(self):
        inc = self.incident("Power " + XSS)
        start = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=3)
        r = self.api("POST", "/incidents", {"incident": {
            "name": "Window " + XSS, "status": "scheduled",
            "scheduled_for": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "scheduled_until": (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")}})
        self.assertEqual(r.status, 201, r.text())
        b = self.signed_in("admin@example.com")
        self.assertEqual(b.post("/admin/tokens", {"name": "bot " + XSS, "scope": "read"}).status,
                         200)
        for path in [f"/admin/incidents/{inc}/progress", "/admin/maintenance",
                     f"/admin/maintenance/{r.json()['id']}", "/admin/tokens",
                     "/admin/customers?customer=" + urllib.parse.quote(XSS),
                     "/admin/subscribers?q=" + urllib.parse.quote(XSS)]:
            with self.subTest(path=path):
                page = b.get(path)
                self.assertEqual(page.status, 200)
                self.assertNotIn("<script>alert", page.text())
                self.assertNotIn("<img src=x", page.text())
                self.assertIn(ESCAPED, page.text())

    def test_french_screens(self):
        b = self.signed_in("admin@example.com")
        fr = {"Accept-Language": "fr"}
        self.assertIn("Planifier une maintenance", b.get("/admin/maintenance", fr).text())
        self.assertIn("Jetons d’API", b.get("/admin/tokens", fr).text())
        self.assertIn("Envois échoués", b.get("/admin/subscribers", fr).text())
        self.assertIn("Liens clients", b.get("/admin/customers", fr).text())


class DeadLetterTest(unittest.TestCase):
    """A webhook that fails twice: its dead letter is listed and retried from the console."""

    def test_a_dead_letter_is_listed_and_retried(self):
        hook = ns.WebhookReceiver("--fail-first", "2", "--fail-status", "500")
        server = harness.Phare()
        try:
            config = ns.write_config(server.dir, CONFIG + "[notify]\npublic_webhooks = \"open\"\n"
                                     "retry_initial_seconds = 1\n"
                                     "retry_max_seconds = 2\nmax_attempts = 2\n")
            server.start("--allow-private-targets", "--config", config)
            admin = ns.Admin(server)
            self.assertEqual(ns.subscribe(server, {"endpoint": hook.url()}).status, 201)
            admin.incident("Storage", [admin.component("Storage")], body="Slow disks.")
            harness.wait_for(lambda: admin.stats()["deliveries"]["webhook"]["dead"] == 1,
                             what="a dead letter")
            create_user(server, "admin@example.com", "admin")
            b = Browser(server)
            b.sign_in("admin@example.com")
            listed = admin.call("GET", "/deliveries/dead").json()
            self.assertEqual([d["channel"] for d in listed], ["webhook"])
            # The endpoint URL is a secret: redacted in the listing, which needs admin scope.
            self.assertNotEqual(listed[0]["address"], hook.url())
            self.assertTrue(hook.url().startswith(listed[0]["address"].rstrip("…")))
            reader = server.token("read", name="reader")
            self.assertEqual(server.admin("GET", f"/v1/pages/{admin.page}/deliveries/dead",
                                          reader).status, 403)
            self.assertEqual(admin.call("POST", "/deliveries/987654/retry").status, 404)
            page = b.get("/admin/subscribers").text()
            self.assertIn(hook.url(), page)
            dead = re.search(r'name="id" value="(\d+)"><button type="submit" class="retry"',
                             page).group(1)
            r = b.post("/admin/deliveries/retry", {"id": dead})
            self.assertEqual(r.status, 303, r.text())
            admin.wait_delivered(1, "webhook")
            self.assertEqual(admin.stats()["deliveries"]["webhook"]["dead"], 0)
            self.assertIn("No failed delivery.", b.get("/admin/subscribers").text())
            audit = json.loads(server.cli("audit", "--limit", "5").stdout)
            self.assertIn(("user:admin@example.com", "delivery.retry", dead),
                          [(e["actor"], e["action"], e["target_id"]) for e in audit])
        finally:
            server.close()
            hook.close()


if __name__ == "__main__":
    unittest.main()
