"""axe-core (from npm, installed by scripts/install-deps test into tests/e2e/node_modules)
injected by the browser into every public page and every console screen: 0 violations,
in English and French, with incidents, maintenance and hostile names on the page."""

import datetime
import os
import unittest

import harness
import test_browser
from console_support import PASSWORD, create_user

HERE = os.path.dirname(os.path.abspath(__file__))
AXE = os.path.join(HERE, "node_modules", "axe-core", "axe.min.js")
CONFIG = "[console]\nlogin_per_address_burst = 200\n"

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' +
                  v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
  .catch(e => done(['axe failed: ' + e]));
"""


@unittest.skipUnless(os.path.exists(test_browser.CHROMIUM) and
                     os.path.exists(test_browser.CHROMEDRIVER) and os.path.exists(AXE),
                     "chromium, chromium-driver and axe-core come with scripts/install-deps test")
class AccessibilityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare()
        config = os.path.join(cls.server.dir, "phare.toml")
        with open(config, "w") as f:
            f.write(CONFIG)
        cls.server.start("--config", config)
        s = cls.server
        token, page = s.token(), s.page_id()
        comp = s.admin("POST", f"/v1/pages/{page}/components", token, {"component": {
            "name": "VPS <img src=x onerror=alert(1)>", "status": "major_outage"}}).json()["id"]
        s.admin("POST", f"/v1/pages/{page}/components", token, {"component": {
            "name": "Web hosting", "status": "operational"}})
        cls.incident = s.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "Power loss <script>alert(1)</script>", "body": "We are **on it**.",
            "components": {comp: "major_outage"}}}).json()["id"]
        start = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)
        stamp = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
        s.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "Router upgrade", "status": "scheduled", "scheduled_for": stamp(start),
            "scheduled_until": stamp(start + datetime.timedelta(hours=2)),
            "component_ids": [comp]}})
        create_user(s, "admin@example.com", "admin")
        with open(AXE, encoding="utf-8") as f:
            cls.axe = f.read()
        cls.driver = test_browser.WebDriver(scripts=True)
        cls.driver.size(1280, 900)

    @classmethod
    def tearDownClass(cls):
        cls.driver.close()
        cls.server.close()

    def violations(self, path):
        d = self.driver
        d.open(f"http://127.0.0.1:{self.server.port}{path}")
        d.js(self.axe + "\nreturn true;")
        return d.do("POST", "/execute/async", {"script": RUN_AXE, "args": []})

    def check(self, paths):
        for path in paths:
            with self.subTest(path=path):
                self.assertEqual(self.violations(path), [])

    def test_axe_sees_violations_where_there_are_some(self):
        self.driver.open("data:text/html,<html><body><img src=x></body></html>")
        self.driver.js(self.axe + "\nreturn true;")
        found = self.driver.do("POST", "/execute/async", {"script": RUN_AXE, "args": []})
        self.assertTrue(any(v.startswith("image-alt") for v in found), found)

    def test_public_pages(self):
        self.check(["/", "/?lang=fr", "/history", f"/incidents/{self.incident}",
                    f"/incidents/{self.incident}?lang=fr", "/incidents/nosuchthing"])

    def test_console_screens(self):
        d = self.driver
        self.check(["/admin/login"])
        d.open(f"http://127.0.0.1:{self.server.port}/admin/login")
        d.type("#email", "admin@example.com")
        d.type("#password", PASSWORD)
        d.click("button[type=submit]")
        harness.wait_for(lambda: d.js("return location.pathname") == "/admin", what="dashboard")
        screens = ["/admin", "/admin/declare", f"/admin/incidents/{self.incident}/update",
                   f"/admin/incidents/{self.incident}/progress", "/admin/maintenance",
                   "/admin/subscribers", "/admin/tokens", "/admin/customers", "/admin/users",
                   "/admin/audit"]
        self.check(screens)


if __name__ == "__main__":
    unittest.main()
