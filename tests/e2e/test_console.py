"""The operator console against the real server: users made by the CLI sign in, sessions
expire, CSRF tokens and roles are checked on the server, admin pages are private and
strict, and what the public could write is shown as text."""

import json
import os
import re
import socket
import sqlite3
import tempfile
import unittest

import harness
from console_support import PASSWORD, Browser, create_user, cookies_of, form, FORM

CONFIG = """
[console]
login_per_address_burst = 200
login_per_account_burst = 200

[comms]
checker_blocking = ["time-without-zone"]
"""


class ConsoleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.config = tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False)
        cls.config.write(CONFIG)
        cls.config.close()
        cls.server = harness.Phare("--config", cls.config.name).start()
        create_user(cls.server, "admin@example.com", "admin")
        create_user(cls.server, "comms@example.com", "communicator")
        cls.token = cls.server.token()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        os.unlink(cls.config.name)

    def signed_in(self, email="admin@example.com"):
        b = Browser(self.server)
        self.assertEqual(b.sign_in(email).status, 303)
        return b

    def test_cli_manages_users(self):
        users = json.loads(self.server.cli("user", "list").stdout)
        by_email = {u["email"]: u for u in users}
        self.assertEqual(by_email["admin@example.com"]["role"], "admin")
        self.assertTrue(by_email["comms@example.com"]["password_set"])
        self.assertNotIn("password_hash", by_email["admin@example.com"])
        bad = self.server.cli("user", "create", "--email", "x@example.com", "--role", "root",
                              check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("--role", bad.stderr)
        dup = self.server.cli("user", "create", "--email", "ADMIN@example.com", check=False)
        self.assertEqual(dup.returncode, 1)
        self.assertIn("exists", dup.stderr)

    def test_sign_in_sets_a_strict_cookie_and_shows_the_dashboard(self):
        page = self.server.get("/admin/login")
        token = cookies_of(page)["phare_console_form"]
        from console_support import hidden
        r = self.server.request("POST", "/admin/login",
                                form({"csrf": hidden(page.text(), "csrf"),
                                      "email": "admin@example.com", "password": PASSWORD}),
                                headers={**FORM, "Cookie": f"phare_console_form={token}"})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.headers["location"], "/admin")
        cookie = [c for c in r.headers["set-cookie"].split(", ") if c.startswith("phare_console=")][0]
        for attribute in ["HttpOnly", "SameSite=Strict", "Path=/admin"]:
            self.assertIn(attribute, cookie)
        self.assertNotIn("Secure", cookie)  # plain HTTP here; Secure under TLS
        b = Browser(self.server)
        b.cookie = cookies_of(r)["phare_console"]
        dash = b.get("/admin")
        self.assertEqual(dash.status, 200)
        self.assertIn("<h1>Dashboard</h1>", dash.text())
        self.assertIn("admin@example.com", dash.text())
        audit = json.loads(self.server.cli("audit", "--limit", "20").stdout)
        self.assertIn(("user:admin@example.com", "session.sign_in"),
                      [(e["actor"], e["action"]) for e in audit])

    def test_wrong_password_is_refused(self):
        r = Browser(self.server).sign_in("admin@example.com", "not the password at all")
        self.assertEqual(r.status, 401)
        self.assertIn("Wrong e-mail or password", r.text())
        self.assertNotIn("phare_console=", r.headers.get("set-cookie", "").replace("phare_console_form", ""))

    def test_admin_pages_are_private_and_strict(self):
        b = self.signed_in()
        for path in ["/admin", "/admin/users", "/admin/login"]:
            with self.subTest(path=path):
                r = b.get(path)
                self.assertEqual(r.headers["cache-control"], "no-store, private")
                csp = r.headers["content-security-policy"]
                self.assertIn("default-src 'self'", csp)
                self.assertIn("frame-ancestors 'none'", csp)
                self.assertNotIn("unsafe-inline", csp)
                self.assertEqual(r.headers["x-content-type-options"], "nosniff")
                self.assertNotIn("<script>", r.text())
                self.assertNotIn(" style=", r.text())

    def test_forms_without_csrf_token_are_refused(self):
        b = self.signed_in()
        r = b.post("/admin/users", {"email": "new@example.com", "role": "viewer"}, with_csrf=False)
        self.assertEqual(r.status, 403)
        r = b.post("/admin/logout", {}, with_csrf=False)
        self.assertEqual(r.status, 403)
        self.assertEqual(b.get("/admin").status, 200)  # still signed in
        # Before sign-in, the form token is a cookie repeated in the form.
        r = self.server.request("POST", "/admin/login",
                                form({"email": "admin@example.com", "password": PASSWORD}),
                                headers=FORM)
        self.assertEqual(r.status, 403)

    def test_audit_log_page_is_for_admins(self):
        b = self.signed_in()
        r = b.get("/admin/audit")
        self.assertEqual(r.status, 200)
        self.assertIn("user:admin@example.com", r.text())
        self.assertIn("<code>session.sign_in</code>", r.text())
        self.assertEqual(self.signed_in("comms@example.com").get("/admin/audit").status, 403)

    def test_sign_out_ends_the_session(self):
        b = self.signed_in()
        r = b.post("/admin/logout", {})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.headers["location"], "/admin/login?signed_out=1")
        self.assertEqual(b.get("/admin").status, 303)

    def test_expired_session_redirects_to_sign_in(self):
        b = self.signed_in()
        with sqlite3.connect(self.server.db) as db:  # 31 minutes without use
            db.execute("UPDATE console_sessions SET last_seen_at = last_seen_at - 31 * 60000, "
                       "created_at = created_at - 31 * 60000")
        r = b.get("/admin/users")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.headers["location"], "/admin/login?next=%2Fadmin%2Fusers&expired=1")
        self.assertIn("Your session has ended", self.server.get(r.headers["location"]).text())

    def test_forms_without_a_session_are_refused_before_their_body(self):
        # The head announces a large form; the answer comes without any of it being sent.
        raw = (b"POST /admin/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               b"Content-Type: application/x-www-form-urlencoded\r\n"
               b"Content-Length: 200000\r\nExpect: 100-continue\r\n\r\n")
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=5) as s:
            s.sendall(raw)
            head = s.recv(4096).decode("latin-1")
        self.assertTrue(head.startswith("HTTP/1.1 303"), head[:200])
        self.assertIn("/admin/login", head)
        self.assertNotIn("100 Continue", head)
        # Sign-in forms are small: a large one is refused before it is read.
        r = self.server.request("POST", "/admin/login", "x" * 20000, headers=FORM)
        self.assertEqual(r.status, 413)

    def test_communicator_cannot_manage_users(self):
        b = self.signed_in("comms@example.com")
        self.assertEqual(b.get("/admin").status, 200)
        r = b.get("/admin/users")
        self.assertEqual(r.status, 403)
        self.assertIn("communicator", r.text())
        r = b.post("/admin/users", {"email": "sneaky@example.com", "role": "admin"})
        self.assertEqual(r.status, 403)
        self.assertNotIn("sneaky@example.com", self.server.cli("user", "list").stdout)
        self.assertNotIn('href="/admin/users"', b.get("/admin").text())

    def test_admin_adds_and_disables_a_user(self):
        b = self.signed_in()
        r = b.post("/admin/users", {"email": "new.viewer@example.com", "role": "viewer"})
        self.assertEqual(r.status, 200)
        link = re.search(r'http://[^<"]*/admin/password/[A-Za-z0-9_-]{43}', r.text())
        self.assertIsNotNone(link)
        r = b.post("/admin/users/disable", {"email": "new.viewer@example.com"})
        self.assertEqual(r.status, 200)
        users = {u["email"]: u for u in json.loads(self.server.cli("user", "list").stdout)}
        self.assertIsNotNone(users["new.viewer@example.com"]["disabled_at"])
        audit = json.loads(self.server.cli("audit", "--limit", "5").stdout)
        self.assertEqual((audit[0]["actor"], audit[0]["action"]),
                         ("user:admin@example.com", "user.disable"))

    def test_sign_in_is_rate_limited_per_account_and_address(self):
        with harness.Phare() as server:  # the default limits: 5 per account, 20 per address
            create_user(server, "target@example.com", "viewer")
            create_user(server, "other@example.com", "viewer")
            answers = [Browser(server).sign_in("target@example.com", "guessing a password").status
                       for _ in range(6)]
            self.assertEqual(answers, [401] * 5 + [429])
            # Even the right password waits now; another account does not.
            refused = Browser(server).sign_in("target@example.com")
            self.assertEqual(refused.status, 429)
            self.assertGreater(int(refused.headers["retry-after"]), 0)
            self.assertEqual(Browser(server).sign_in("other@example.com").status, 303)
            answers = [Browser(server).sign_in(f"u{i}@example.com", "guessing").status
                       for i in range(14)]
            self.assertEqual(answers[-1], 429)  # the address spent its 20

    def test_stored_xss_payloads_are_inert(self):
        page = self.server.page_id()
        payload = '<script>alert(1)</script><img src=x onerror=alert(2)>'
        comp = self.server.admin("POST", f"/v1/pages/{page}/components", self.token,
                                 {"component": {"name": "Web " + payload,
                                                "status": "major_outage"}})
        self.assertEqual(comp.status, 201, comp.text())
        inc = self.server.admin("POST", f"/v1/pages/{page}/incidents", self.token, {"incident": {
            "name": "Power " + payload, "body": "Both feeds are down.",
            "components": {comp.json()["id"]: "major_outage"}}})
        self.assertEqual(inc.status, 201, inc.text())
        body = self.signed_in().get("/admin").text()
        self.assertNotIn("<script>alert", body)
        self.assertNotIn("<img src=x", body)
        self.assertIn("Power &lt;script&gt;alert(1)&lt;/script&gt;", body)

    def test_dashboard_shows_an_overdue_promise(self):
        page = self.server.page_id()
        inc = self.server.admin("POST", f"/v1/pages/{page}/incidents", self.token, {"incident": {
            "name": "Late update", "body": "We are looking into it.",
            "phare": {"next_update_at": "2020-01-01T00:00:00Z"}}})
        self.assertEqual(inc.status, 201, inc.text())
        body = self.signed_in("comms@example.com").get("/admin").text()
        card = body[body.index("Late update"):]
        self.assertRegex(card[:1500], r'class="countdown overdue"[^>]*>\d+ min overdue<')

    def test_dashboard_answers_304_while_unchanged(self):
        b = self.signed_in()
        first = b.get("/admin")
        again = b.get("/admin", headers={"If-None-Match": first.headers["etag"]})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.headers["cache-control"], "no-store, private")

    def test_write_an_update_publishes_like_the_api(self):
        page = self.server.page_id()
        inc = self.server.admin("POST", f"/v1/pages/{page}/incidents", self.token, {"incident": {
            "name": "Power loss", "body": "Both feeds are down. We are sorry."}}).json()
        b = self.signed_in("comms@example.com")
        form_page = b.get(f"/admin/incidents/{inc['id']}/update")
        self.assertEqual(form_page.status, 200)
        self.assertIn('name="body.general.fr"', form_page.text())
        self.assertIn('name="body.technical.en"', form_page.text())
        fields = {"status": "identified", "next_update_minutes": "60", "notify": "1",
                  "action": "publish",
                  "body.general.en": "We found the cause: a power failure. We are sorry.",
                  "body.general.fr": "Nous avons trouvé la cause : une panne de courant. Pardon.",
                  "body.technical.en": "Both grid feeds failed and the generators did not start.",
                  "body.technical.fr": "Les deux arrivées électriques sont tombées."}
        r = b.post(f"/admin/incidents/{inc['id']}/update", fields)
        self.assertEqual(r.status, 303, r.text())
        got = self.server.admin("GET", f"/v1/pages/{page}/incidents/{inc['id']}", self.token).json()
        latest = got["incident_updates"][0]
        self.assertEqual(latest["status"], "identified")
        self.assertEqual(latest["body"], fields["body.technical.en"])  # the page's default
        bodies = {(x["audience"], x["language"]): x["body"] for x in latest["phare"]["bodies"]}
        self.assertEqual(bodies[("general", "fr")], fields["body.general.fr"])
        # The same input through the admin API gives the same bodies.
        twin = self.server.admin("POST", f"/v1/pages/{page}/incidents", self.token, {"incident": {
            "name": "Power loss twin", "body": "Both feeds are down. We are sorry."}}).json()
        api = self.server.admin("PATCH", f"/v1/pages/{page}/incidents/{twin['id']}", self.token, {
            "incident": {"status": "identified", "body": fields["body.technical.en"],
                         "phare": {"bodies": [{"audience": a, "language": l, "body": t}
                                              for (a, l), t in bodies.items()]}}}).json()
        api_latest = api["incident_updates"][0]
        self.assertEqual(api_latest["body"], latest["body"])
        self.assertEqual(sorted(map(json.dumps, api_latest["phare"]["bodies"])),
                         sorted(map(json.dumps, latest["phare"]["bodies"])))
        audit = json.loads(self.server.cli("audit", "--limit", "10").stdout)
        self.assertIn(("user:comms@example.com", inc["id"]),
                      [(e["actor"], e["target_id"]) for e in audit])

    def test_blocking_findings_stop_publishing_on_the_server(self):
        page = self.server.page_id()
        inc = self.server.admin("POST", f"/v1/pages/{page}/incidents", self.token, {"incident": {
            "name": "Blocked update", "body": "We are looking into it."}}).json()
        b = self.signed_in("comms@example.com")
        r = b.post(f"/admin/incidents/{inc['id']}/update", {
            "status": "identified", "action": "publish",
            "body.technical.en": "Back at 14:00, we think. We are sorry."})
        self.assertEqual(r.status, 422)
        self.assertIn("blocking", r.text())
        self.assertIn(" disabled>", r.text())  # the publish button too
        got = self.server.admin("GET", f"/v1/pages/{page}/incidents/{inc['id']}", self.token).json()
        self.assertEqual(got["status"], "investigating")
        viewer = Browser(self.server)
        create_user(self.server, "viewer@example.com", "viewer")
        viewer.sign_in("viewer@example.com")
        self.assertEqual(viewer.get(f"/admin/incidents/{inc['id']}/update").status, 403)

    def test_declare_an_incident_from_a_template(self):
        page = self.server.page_id()
        comp = self.server.admin("POST", f"/v1/pages/{page}/components", self.token, {
            "component": {"name": "Dedicated servers — Gravelines"}}).json()
        self.assertEqual(self.signed_in("comms@example.com").get("/admin/declare").status, 403)
        b = self.signed_in()
        form_page = b.get("/admin/declare")
        self.assertEqual(form_page.status, 200)
        self.assertIn("Power loss at a site", form_page.text())
        r = b.post("/admin/declare", {"template": "power", "name": "Power loss in Gravelines",
                                      "component": comp["id"], "notify": "1"})
        self.assertEqual(r.status, 303, r.text())
        incident_id = re.match(r"/admin/incidents/(\w+)/update", r.headers["location"]).group(1)
        got = self.server.admin("GET", f"/v1/pages/{page}/incidents/{incident_id}", self.token).json()
        self.assertEqual(got["name"], "Power loss in Gravelines")
        self.assertEqual(got["components"][0]["status"], "major_outage")
        languages = {(x["audience"], x["language"]) for x in got["incident_updates"][0]["phare"]["bodies"]}
        self.assertIn(("general", "fr"), languages)  # drafted
        audit = json.loads(self.server.cli("audit", "--limit", "5").stdout)
        self.assertIn(("user:admin@example.com", incident_id),
                      [(e["actor"], e["target_id"]) for e in audit])
        self.assertEqual(b.post("/admin/declare", {"template": "nope", "name": "x"}).status, 422)

    def test_declare_maintenance_hands_over_to_the_scheduling_form(self):
        page = self.server.page_id()
        comp = self.server.admin("POST", f"/v1/pages/{page}/components", self.token, {
            "component": {"name": "Routers — Roubaix"}}).json()
        b = self.signed_in()
        self.assertIn("Planned maintenance", b.get("/admin/declare").text())
        before = self.server.admin("GET", f"/v1/pages/{page}/incidents", self.token).json()
        r = b.post("/admin/declare", {"template": "maintenance", "name": "Router <upgrade>",
                                      "component": comp["id"]})
        self.assertEqual(r.status, 200, r.text())
        form_html = r.text()
        self.assertIn('action="/admin/maintenance"', form_html)
        self.assertIn('value="Router &lt;upgrade&gt;"', form_html)
        self.assertRegex(form_html, r'value="%s" checked' % comp["id"])
        # Nothing is created until the window is scheduled.
        after = self.server.admin("GET", f"/v1/pages/{page}/incidents", self.token).json()
        self.assertEqual(len(after), len(before))

    def test_french_interface(self):
        b = self.signed_in()
        r = b.get("/admin", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
        self.assertIn('<html lang="fr">', r.text())
        self.assertIn("Tableau de bord", r.text())
        login = self.server.get("/admin/login", headers={"Accept-Language": "fr"})
        self.assertIn("Connexion", login.text())

    def test_a_users_language_preference_wins_over_the_browsers(self):
        create_user(self.server, "lang@example.com", "viewer")
        b = self.signed_in("lang@example.com")
        self.assertEqual(b.post("/admin/preferences", {"language": "fr"}).status, 303)
        r = b.get("/admin", headers={"Accept-Language": "en-US"})
        self.assertIn("Tableau de bord", r.text())
        self.assertEqual(b.post("/admin/preferences", {"language": "xx"}).status, 422)
        self.assertEqual(b.post("/admin/preferences", {"language": ""}).status, 303)
        self.assertIn("<h1>Dashboard</h1>", b.get("/admin", headers={"Accept-Language": "en"}).text())


if __name__ == "__main__":
    unittest.main()
