"""Each component's track record on the real server: the 90 daily bars under it on the
status page (days before it existed shown as such, not as up), and
/api/v2/components/{id}/uptime.json with its checks."""

import re
import unittest

import harness


class UptimeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare().start()
        cls.token, cls.page = cls.server.token(), cls.server.page_id()
        cls.vps = cls.server.admin("POST", f"/v1/pages/{cls.page}/components", cls.token, {
            "component": {"name": "VPS", "status": "operational"}}).json()["id"]
        cls.group = cls.server.admin("POST", f"/v1/pages/{cls.page}/component-groups", cls.token,
                                     {"component_group": {"name": "Strasbourg"}}).json()["id"]
        cls.incident = cls.server.admin("POST", f"/v1/pages/{cls.page}/incidents", cls.token, {
            "incident": {"name": "VPS down", "body": "Looking.",
                         "components": {cls.vps: "major_outage"}}}).json()["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_status_page_shows_ninety_days_with_today_down(self):
        html = self.server.get("/").text()
        bars = re.search(r'<ol class="bars" aria-label="Status over the last 90 days">(.*?)</ol>',
                         html, re.S)
        self.assertIsNotNone(bars, html)
        days = re.findall(r'<li class="b-([a-z_]+)" title="([^"]*)"', bars.group(1))
        self.assertEqual(len(days), 90)
        self.assertEqual(days[-1][0], "major_outage")
        self.assertIn("VPS down", days[-1][1])
        self.assertEqual({c for c, _ in days[:-1]}, {"unknown"})  # it did not exist yet
        self.assertIn(f'href="/incidents/{self.incident}"', bars.group(1))
        self.assertRegex(html, r"\d+(\.\d+)?% uptime over the last 90 days")
        fr = self.server.get("/?lang=fr").text()
        self.assertIn("de disponibilité sur les 90 derniers jours", fr)

    def test_uptime_json(self):
        r = self.server.get(f"/api/v2/components/{self.vps}/uptime.json")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers.get("access-control-allow-origin"), "*")
        doc = r.json()
        self.assertEqual(doc["days"], 90)
        self.assertEqual(len(doc["history"]), 90)
        today = doc["history"][-1]
        self.assertEqual(today["status"], "major_outage")
        self.assertEqual(today["incident_ids"], [self.incident])
        self.assertLess(today["uptime_percentage"], 100)
        self.assertIsNone(doc["history"][0]["status"])
        self.assertIsNone(doc["history"][0]["uptime_percentage"])
        week = self.server.get(f"/api/v2/components/{self.vps}/uptime.json?days=7").json()
        self.assertEqual(len(week["history"]), 7)

    def test_uptime_json_refuses_bad_input(self):
        for days in ["0", "91", "abc", "-1", "7.5", ""]:
            r = self.server.get(f"/api/v2/components/{self.vps}/uptime.json?days={days}")
            self.assertEqual(r.status, 422, days)
            self.assertEqual(r.headers["content-type"], "application/problem+json")
            self.assertEqual(r.json()["field"], "days")
        self.assertEqual(self.server.get("/api/v2/components/nosuch/uptime.json").status, 404)
        self.assertEqual(
            self.server.get(f"/api/v2/components/{self.group}/uptime.json").status, 404)


if __name__ == "__main__":
    unittest.main()
