"""No surface shows a restoration time that has passed as if it were still ahead.

The 2017 replay runs on the demo's simulated clock (300x: one real second is five
minutes). At 12:25 UTC the operator said "5 minutes to 4 hours"; no update follows until
17:00, so the published promise must be replaced as the clock passes it. Every response is
checked against its own time of rendering (the customer's page and JSON: the request; the
public page: its snapshot, whose "Page generated" time it shows)."""

import datetime
import re
import time
import unittest

import harness
import test_demo

UTC = datetime.timezone.utc
END = datetime.datetime(2017, 11, 9, 16, 40, tzinfo=UTC)  # past the operator's 16:25
SHOWN_TIME = re.compile(r"(\d{1,2}):(\d{2}) ([AP]M)")


def minutes(match):
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    return (hour % 12 + (12 if half == "PM" else 0)) * 60 + minute


def same_day_times(text):
    """Minutes of day of the times shown without a date (a date means another day)."""
    return [minutes(m) for m in SHOWN_TIME.finditer(text)
            if "November" not in text[max(0, m.start() - 30):m.start()]]


class StaleEstimateTest(unittest.TestCase):
    def assert_ahead(self, html, eta_class, generated_text, where):
        generated = SHOWN_TIME.search(generated_text)
        self.assertIsNotNone(generated, where)
        now = minutes(generated)
        for eta in re.findall(r'<p class="' + eta_class + r'">(.*?)</p>', html):
            if "expected" not in eta.lower():
                continue
            for shown in same_day_times(eta):
                self.assertGreaterEqual(shown, now, f"{where}: '{eta}' at {generated_text}")

    def test_a_passed_promise_is_replaced_and_never_shown_as_expected(self):
        demo = test_demo.Demo("--speed", "300", "--start", "2017-11-09T13:30:00Z")
        try:
            link = re.search(r"own view: \S*?(/my/\S+)", demo.output()).group(1)
            late_seen = False
            checks = 0
            while True:
                view = demo.server.get(link + "/summary.json").json()
                generated = datetime.datetime.fromisoformat(view["generated_at"])
                for incident in view["incidents"]:
                    e = incident["estimate"]
                    if e is None:
                        continue
                    if e["expected_by"] is not None:
                        self.assertGreater(datetime.datetime.fromisoformat(e["expected_by"]),
                                           generated, incident["name"])
                    late_seen |= e["late"]
                mine = demo.server.get(link + "?lang=en&tz=UTC").text()
                self.assert_ahead(mine, "eta", re.search(r"Generated ([^.]*)", mine).group(1),
                                  "my services")
                public = demo.server.get("/?lang=en&tz=UTC").text()
                footer = re.search(r"Page generated ([^.]*)", public)
                self.assertIsNotNone(footer)
                self.assert_ahead(public, "eta", footer.group(1), "status page")
                checks += 1
                if generated >= END:
                    break
                time.sleep(0.2)
            self.assertGreater(checks, 10)
            # The promise was replaced, not merely hidden: a later time is told, as late.
            self.assertTrue(late_seen)
            sbg = [i for i in view["incidents"] if i["estimate"]]
            self.assertTrue(sbg)
            self.assertIsNotNone(sbg[0]["estimate"]["expected_by"])
            summary = demo.server.get("/api/v2/summary.json").json()
            estimates = [i["phare"]["estimate"] for i in summary["incidents"]
                         if i["phare"]["estimate"]]
            self.assertTrue(estimates)
            self.assertTrue(all("late" in e for e in estimates))
        finally:
            self.assertEqual(demo.close(), 0)


if __name__ == "__main__":
    unittest.main()
