"""The operator console in a real browser (Debian's Chromium through chromedriver, as in
test_browser.py), scripts on: signing in with the keyboard's form, the dashboard on a
phone (390x844) and a laptop, and a second client's update appearing on the open
dashboard without a reload. Screenshots go to $PHARE_SCREENSHOTS (docs/console when
refreshing the documentation), else to a temporary directory."""

import datetime
import os
import shutil
import tempfile
import time
import unittest

import harness
import test_browser
from console_support import PASSWORD, create_user

CONFIG = "[console]\nlogin_per_address_burst = 200\n"


@unittest.skipUnless(os.path.exists(test_browser.CHROMIUM) and
                     os.path.exists(test_browser.CHROMEDRIVER),
                     "chromium and chromium-driver are installed by scripts/install-deps test")
class ConsoleBrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="phare-console-")
        config = os.path.join(cls.tmp, "phare.toml")
        with open(config, "w") as f:
            f.write(CONFIG)
        cls.shots = os.environ.get("PHARE_SCREENSHOTS") or cls.tmp
        os.makedirs(cls.shots, exist_ok=True)
        cls.server = harness.Phare("--config", config).start()
        create_user(cls.server, "jeanne@example.com", "operator")
        token, page = cls.server.token(), cls.server.page_id()
        cls.token, cls.page = token, page
        ids = []
        for name, status in [("Dedicated servers — Strasbourg", "major_outage"),
                             ("VPS — Strasbourg", "partial_outage"),
                             ("Network — Roubaix", "degraded_performance"),
                             ("Web hosting", "operational")]:
            ids.append(cls.server.admin("POST", f"/v1/pages/{page}/components", token, {
                "component": {"name": name, "status": status}}).json()["id"])
        now = datetime.datetime.now(datetime.timezone.utc)
        stamp = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
        cls.incident = cls.server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "Power loss in Strasbourg <script>alert(1)</script>",
            "body": "Both grid feeds are down. We are sorry and on it.",
            "components": {ids[0]: "major_outage", ids[1]: "partial_outage"},
            "phare": {"next_update_at": stamp(now - datetime.timedelta(minutes=12)),
                      "started_at": stamp(now - datetime.timedelta(minutes=40))}}}).json()["id"]
        cls.server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "Slow network in Roubaix", "body": "Some links are slow. Sorry.",
            "components": {ids[2]: "degraded_performance"},
            "phare": {"next_update_at": stamp(now + datetime.timedelta(minutes=25))}}})
        cls.server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "Router upgrade in Roubaix", "status": "scheduled",
            "scheduled_for": "2031-03-30T01:00:00Z", "scheduled_until": "2031-03-30T03:00:00Z",
            "body": "We will upgrade the core routers."}})
        cls.driver = test_browser.WebDriver(scripts=True)
        cls.driver.size(1280, 900)

    @classmethod
    def tearDownClass(cls):
        cls.driver.close()
        cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def url(self, path):
        return f"http://127.0.0.1:{self.server.port}{path}"

    def viewport(self, width, height):
        """Resizes the window so that the page itself gets width x height."""
        self.driver.size(width, height)
        extra = self.driver.js("return window.outerHeight - window.innerHeight")
        self.driver.size(width, height + max(0, extra))

    def sign_in(self, email="jeanne@example.com"):
        d = self.driver
        d.open(self.url("/admin/login"))
        if d.js("return location.pathname") != "/admin/login":
            return
        d.type("#email", email)
        d.type("#password", PASSWORD)
        d.click("button[type=submit]")
        harness.wait_for(lambda: d.js("return location.pathname") == "/admin", what="dashboard")

    def test_1_sign_in_page(self):
        d = self.driver
        d.open(self.url("/admin/login"))
        self.assertEqual(d.js("return document.querySelectorAll('label[for=email], label[for=password]').length"), 2)
        self.assertEqual(d.js("return document.querySelector('main h1').textContent"), "Sign in")
        self.viewport(390, 844)
        try:
            d.screenshot(os.path.join(self.shots, "login-phone.png"))
        finally:
            d.size(1280, 900)

    def test_2_dashboard_on_a_laptop_and_a_phone(self):
        d = self.driver
        self.sign_in()
        self.assertEqual(d.js("return document.querySelectorAll('header, nav, main').length"), 3)
        self.assertEqual(d.js("return document.querySelector('a.skip').getAttribute('href')"), "#main")
        titles = d.js("return [...document.querySelectorAll('article h3')].map(h => h.textContent)")
        self.assertIn("Power loss in Strasbourg <script>alert(1)</script>", titles)  # as text
        self.assertEqual(d.js("return document.querySelectorAll('main script').length"), 0)
        countdowns = d.js("return [...document.querySelectorAll('.countdown')].map(e => "
                          "[e.textContent, e.classList.contains('overdue'), getComputedStyle(e).color])")
        self.assertIn(["12 min overdue", True, "rgb(180, 35, 24)"], countdowns)
        self.assertTrue(any(text.startswith("due in 2") and not late for text, late, _ in countdowns))
        d.screenshot(os.path.join(self.shots, "dashboard-laptop.png"))
        self.viewport(390, 844)
        try:
            d.open(self.url("/admin"))
            overflow = d.js("return document.documentElement.scrollWidth - window.innerWidth")
            self.assertLessEqual(overflow, 0)
            d.screenshot(os.path.join(self.shots, "dashboard-phone.png"))
        finally:
            d.size(1280, 900)

    def test_4_write_an_update(self):
        d = self.driver
        self.sign_in()
        d.open(self.url(f"/admin/incidents/{self.incident}/update"))
        # general and technical, for each of the page's five languages
        self.assertEqual(d.js("return document.querySelectorAll('textarea').length"), 10)
        self.assertTrue(d.js("return document.querySelector('#b-general-de').value.length > 0"))
        unlabeled = d.js("return [...document.querySelectorAll('textarea, select, input:not([type=hidden])')]"
                         ".filter(e => !e.labels || e.labels.length === 0).map(e => e.name)")
        self.assertEqual(unlabeled, [])
        self.assertTrue(d.js("return document.querySelector('#b-general-fr').value.length > 0"))
        d.screenshot(os.path.join(self.shots, "update-laptop.png"))
        self.viewport(390, 844)
        try:
            d.open(self.url(f"/admin/incidents/{self.incident}/update"))
            overflow = d.js("return document.documentElement.scrollWidth - window.innerWidth")
            self.assertLessEqual(overflow, 0)
        finally:
            d.size(1280, 900)

    def test_3_a_second_client_update_appears_without_reload(self):
        d = self.driver
        self.sign_in()
        d.open(self.url("/admin"))
        d.js("window.__marker = 'same page'; return 1")
        harness.wait_for(lambda: d.js("return document.querySelector('main').dataset.live"),
                         what="live dashboard")
        time.sleep(0.1)
        started = time.time()
        made = self.server.admin("POST", f"/v1/pages/{self.page}/incidents", self.token, {
            "incident": {"name": "Network unreachable in Roubaix",
                         "body": "The optical links are down. We are on it."}})
        self.assertEqual(made.status, 201)
        harness.wait_for(
            lambda: "Network unreachable in Roubaix" in d.js("return document.querySelector('main').textContent"),
            timeout=15, interval=0.1, what="the new incident on the open dashboard")
        elapsed = time.time() - started
        self.assertEqual(d.js("return window.__marker"), "same page")  # no reload
        print(f"\nconsole: a second client's incident appeared after {elapsed:.2f} s")

    def screens(self, name, path):
        """Screenshots of `path` on a laptop and a phone; every field labelled, no
        horizontal scrolling on the phone."""
        d = self.driver
        d.open(self.url(path))
        self.assertEqual(d.js("return document.querySelectorAll('header, nav, main').length"), 3)
        unlabeled = d.js("return [...document.querySelectorAll('textarea, select, input:not([type=hidden])')]"
                         ".filter(e => !e.labels || e.labels.length === 0).map(e => e.name)")
        self.assertEqual(unlabeled, [], path)
        d.screenshot(os.path.join(self.shots, f"{name}-laptop.png"))
        self.viewport(390, 844)
        try:
            d.open(self.url(path))
            overflow = d.js("return document.documentElement.scrollWidth - window.innerWidth")
            self.assertLessEqual(overflow, 0, path)
            d.screenshot(os.path.join(self.shots, f"{name}-phone.png"))
        finally:
            d.size(1280, 900)

    def test_5_operating_screens(self):
        d = self.driver
        s, page, token = self.server, self.page, self.token
        s.cli("inventory", "import", os.path.join(os.path.dirname(__file__), "data",
                                                  "inventory-small.jsonl"))
        for restored in (2, 5):
            s.admin("POST", f"/v1/pages/{page}/incidents/{self.incident}/progress", token,
                    {"progress": {"restored": restored, "total": 12, "scope": "sbg"}})
        admin = s.token("read,write,admin")
        for address in ("claire@example.org", "ops-team@example.net"):
            s.admin("POST", f"/v1/pages/{page}/subscribers", admin, {"subscriber": {
                "email": address, "skip_confirmation_notification": True}})
        s.cli("token", "create", "--name", "monitoring-probe", "--scope", "read,write")
        create_user(s, "admin@example.com", "admin")
        d.open(self.url("/admin"))
        d.click("form.who button[type=submit]")  # sign out, then in as an admin
        harness.wait_for(lambda: d.js("return location.pathname") == "/admin/login",
                         what="signed out")
        self.sign_in("admin@example.com")
        self.screens("progress", f"/admin/incidents/{self.incident}/progress")
        self.screens("maintenance", "/admin/maintenance")
        self.screens("subscribers", "/admin/subscribers?q=example")
        self.screens("tokens", "/admin/tokens")
        self.screens("customers", "/admin/customers?customer=cust-a")
        d.open(self.url("/admin/customers?customer=cust-a"))
        d.click("form[action='/admin/customers/link'] button")
        harness.wait_for(lambda: d.js("return !!document.querySelector('#new-url')"),
                         what="the new link")
        d.screenshot(os.path.join(self.shots, "customers-laptop.png"))  # with the link shown


if __name__ == "__main__":
    unittest.main()
