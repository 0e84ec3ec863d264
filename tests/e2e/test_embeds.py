"""What other sites embed, against the real server: the status badges (SVG, parsed as
XML), the maintenance calendars (parsed by python3-icalendar, times checked in UTC), and
/widget.js running in Chromium on a page of another origin, reading the v2 JSON through
CORS."""

import datetime
import http.server
import os
import threading
import unittest
import xml.etree.ElementTree as ET

import icalendar

import harness
import test_browser

SVG = "{http://www.w3.org/2000/svg}"


class EmbedsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare().start()
        token, page = cls.server.token(), cls.server.page_id()
        cls.token, cls.page = token, page
        cls.vps = cls.component("VPS — Strasbourg <b>", "partial_outage")
        cls.web = cls.component("Web hosting", "operational")
        cls.maintenance = cls.server.admin("POST", f"/v1/pages/{page}/incidents", token, {
            "incident": {"name": "Router upgrade, Roubaix; phase 2", "status": "scheduled",
                         "scheduled_for": "2030-01-01T21:00:00Z",
                         "scheduled_until": "2030-01-01T23:30:00Z",
                         "component_ids": [cls.vps], "body": "One router at a time."}}).json()["id"]
        cls.server.admin("POST", f"/v1/pages/{page}/incidents", token, {
            "incident": {"name": "Web upgrade", "status": "scheduled",
                         "scheduled_for": "2030-02-01T21:00:00+01:00",
                         "scheduled_until": "2030-02-01T22:00:00+01:00",
                         "component_ids": [cls.web]}})

    @classmethod
    def component(cls, name, status):
        return cls.server.admin("POST", f"/v1/pages/{cls.page}/components", cls.token, {
            "component": {"name": name, "status": status}}).json()["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def get_ok(self, path):
        r = self.server.get(path)
        self.assertEqual(r.status, 200, path)
        self.assertEqual(r.headers.get("x-content-type-options"), "nosniff")
        return r

    def test_page_badge_is_svg_with_a_text_alternative(self):
        r = self.get_ok("/badge.svg")
        self.assertTrue(r.headers["content-type"].startswith("image/svg+xml"))
        self.assertIn("default-src 'none'", r.headers["content-security-policy"])
        root = ET.fromstring(r.body)
        self.assertEqual(root.get("role"), "img")
        self.assertEqual(root.find(SVG + "title").text, "Acme Status status: Minor Service Outage")
        self.assertEqual(root.get("aria-label"), root.find(SVG + "title").text)

    def test_component_badge_follows_the_component(self):
        path = f"/components/{self.web}/badge.svg"
        before = ET.fromstring(self.get_ok(path).body).find(SVG + "title").text
        self.assertEqual(before, "Web hosting: Operational")
        self.server.admin("PATCH", f"/v1/pages/{self.page}/components/{self.web}", self.token,
                          {"component": {"status": "major_outage"}})
        harness.wait_for(lambda: "Major outage" in self.server.get(path).text(),
                         what="the badge to change")
        self.server.admin("PATCH", f"/v1/pages/{self.page}/components/{self.web}", self.token,
                          {"component": {"status": "operational"}})
        name = ET.fromstring(self.get_ok(f"/components/{self.vps}/badge.svg").body)
        self.assertEqual(name.find(SVG + "title").text, "VPS — Strasbourg <b>: Partial outage")
        self.assertEqual(self.server.get("/components/nosuchthing/badge.svg").status, 404)

    def test_calendar_parses_and_keeps_times_in_utc(self):
        r = self.get_ok("/maintenance.ics")
        self.assertTrue(r.headers["content-type"].startswith("text/calendar"))
        cal = icalendar.Calendar.from_ical(r.body)
        events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
        self.assertEqual(set(events), {"Router upgrade, Roubaix; phase 2", "Web upgrade"})
        router = events["Router upgrade, Roubaix; phase 2"]
        utc = datetime.timezone.utc
        self.assertEqual(router.decoded("DTSTART"), datetime.datetime(2030, 1, 1, 21, 0, tzinfo=utc))
        self.assertEqual(router.decoded("DTEND"), datetime.datetime(2030, 1, 1, 23, 30, tzinfo=utc))
        web = events["Web upgrade"]
        self.assertEqual(web.decoded("DTSTART"), datetime.datetime(2030, 2, 1, 20, 0, tzinfo=utc))
        self.assertIn("One router at a time.", str(router["DESCRIPTION"]))
        self.assertTrue(str(router["URL"]).endswith("/incidents/" + self.maintenance))

    def test_component_calendar_holds_only_its_maintenance(self):
        cal = icalendar.Calendar.from_ical(
            self.get_ok(f"/components/{self.vps}/maintenance.ics").body)
        self.assertEqual([str(e["SUMMARY"]) for e in cal.walk("VEVENT")],
                         ["Router upgrade, Roubaix; phase 2"])


class HostPage(http.server.BaseHTTPRequestHandler):
    """Another site that embeds the widget."""
    html = b""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.html)

    def log_message(self, *args):
        pass


@unittest.skipUnless(os.path.exists(test_browser.CHROMIUM) and
                     os.path.exists(test_browser.CHROMEDRIVER),
                     "chromium and chromium-driver are installed by scripts/install-deps test")
class WidgetBrowserTest(unittest.TestCase):
    def test_widget_shows_the_status_on_another_site(self):
        with harness.Phare() as server:
            token, page = server.token(), server.page_id()
            server.admin("POST", f"/v1/pages/{page}/components", token, {
                "component": {"name": "VPS", "status": "major_outage"}})
            HostPage.html = (f"<!doctype html><html lang=en><title>Shop</title><p>Our status: "
                             f"<span data-phare-status></span></p><script src="
                             f"'http://127.0.0.1:{server.port}/widget.js'></script>").encode()
            host = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HostPage)
            threading.Thread(target=host.serve_forever, daemon=True).start()
            driver = test_browser.WebDriver(scripts=True)
            try:
                # "localhost" and "127.0.0.1" are different origins: the read needs CORS.
                driver.open(f"http://localhost:{host.server_address[1]}/")
                text = lambda: driver.js(
                    "const a = document.querySelector('[data-phare-status] a');"
                    "return a ? a.textContent : ''")
                harness.wait_for(lambda: text() == "Partial System Outage", timeout=10,
                                 what="the widget's text")
                self.assertTrue(driver.js("return document.querySelector("
                                          "'[data-phare-status] a').href").startswith("http"))
            finally:
                driver.close()
                host.shutdown()
                host.server_close()


if __name__ == "__main__":
    unittest.main()
