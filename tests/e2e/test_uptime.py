"""Each component's track record on the real server: the 90 daily bars under it on the
status page (days before it existed shown as such, not as up), and
/api/v2/components/{id}/uptime.json with its checks."""

import datetime
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
        cls.server.admin("POST", f"/v1/pages/{cls.page}/components", cls.token, {
            "component": {"name": "Web hosting", "status": "operational"}})
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
        # An operational component is fully up, not "1%"; no other text under its name.
        web = re.search(r"<span>Web hosting</span>.*?</ol>(.*?)</li>", html, re.S)
        self.assertIsNotNone(web, html)
        self.assertIn("100% uptime over the last 90 days", web.group(1))
        self.assertNotIn('class="meta">Partial', html)
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

    def test_v1_uptime_in_statuspages_shape(self):
        base = f"/v1/pages/{self.page}/components/{self.vps}/uptime"
        r = self.server.admin("GET", base, self.token)
        self.assertEqual(r.status, 200, r.text())
        doc = r.json()
        self.assertEqual(doc["id"], self.vps)
        self.assertEqual(doc["name"], "VPS")
        start = datetime.date.fromisoformat(doc["range_start"])
        end = datetime.date.fromisoformat(doc["range_end"])
        self.assertEqual((end - start).days, 89)
        self.assertEqual([e["id"] for e in doc["related_events"]], [self.incident])
        self.assertGreaterEqual(doc["major_outage"], 0)
        self.assertEqual(doc["partial_outage"], 0)
        self.assertLessEqual(doc["uptime_percentage"], 100)
        self.assertTrue(doc["warnings"])  # 89 days before it existed
        # A range before the component existed: nothing counted, no events.
        old = self.server.admin("GET", base + "?start=2017-11-01&end=2017-11-30", self.token)
        self.assertEqual(old.status, 200, old.text())
        self.assertIsNone(old.json()["uptime_percentage"])
        self.assertEqual(old.json()["related_events"], [])
        for query, field in [("?start=yesterday", "start"), ("?end=2017-13-01", "end"),
                             ("?start=2017-11-30&end=2017-11-01", "start"),
                             ("?start=2015-01-01&end=2017-01-01", "start")]:
            bad = self.server.admin("GET", base + query, self.token)
            self.assertEqual(bad.status, 422, query)
            self.assertEqual(bad.json()["field"], field, query)
        self.assertEqual(self.server.get(base).status, 401)
        self.assertEqual(self.server.admin(
            "GET", f"/v1/pages/{self.page}/components/{self.group}/uptime", self.token).status, 404)

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
