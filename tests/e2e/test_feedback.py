"""Readers telling us whether they understood, on the real server: the "Was this clear?"
form under each update (plain HTML, no JavaScript), counted once per browser and update,
refused when forged or filled by a bot, never counted by a GET; operators' counts and
comments (admin API, /metrics) and the unclear-update warning."""

import html
import os
import re
import tempfile
import unittest
import urllib.parse

import harness
from console_support import Browser, create_user

FORM = "application/x-www-form-urlencoded"


def forms(page_html):
    """The feedback forms of a page: a list of {field: value} of their hidden inputs."""
    found = []
    for form in re.findall(r'<form class="feedback" action="/feedback" method="post">(.*?)</form>',
                           page_html, re.S):
        fields = dict(re.findall(r'<input type="hidden" name="([a-z]+)" value="([^"]*)">', form))
        found.append({k: html.unescape(v) for k, v in fields.items()})
    return found


class FeedbackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        config = os.path.join(cls.dir, "phare.toml")
        with open(config, "w") as f:
            f.write("[feedback]\nunclear_share = 0.4\nmin_votes = 2\n")
        cls.server = harness.Phare("--config", config).start()
        cls.token, cls.page = cls.server.token(), cls.server.page_id()
        vps = cls.server.admin("POST", f"/v1/pages/{cls.page}/components", cls.token, {
            "component": {"name": "VPS", "status": "operational"}}).json()["id"]
        cls.incident = cls.server.admin("POST", f"/v1/pages/{cls.page}/incidents", cls.token, {
            "incident": {"name": "VPS down", "body": "Hypervisor kernel panic on host 12.",
                         "components": {vps: "major_outage"},
                         "phare": {"bodies": [{"audience": "general", "language": "en",
                                               "body": "Some VPS are down. We are on it."}]}}
        }).json()["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def post(self, fields, cookie=None):
        headers = {"Content-Type": FORM}
        if cookie:
            headers["Cookie"] = cookie
        return self.server.request("POST", "/feedback", body=urllib.parse.urlencode(fields),
                                   headers=headers)

    def counts(self):
        r = self.server.admin("GET", f"/v1/pages/{self.page}/incidents/{self.incident}/feedback",
                              self.token)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def test_vote_once_per_browser_and_operators_see_it(self):
        page = self.server.get(f"/incidents/{self.incident}").text()
        found = forms(page)
        self.assertEqual({f["audience"] for f in found}, {"general", "technical"}, page)
        general = next(f for f in found if f["audience"] == "general")
        self.assertEqual(general["lang"], "en")
        self.assertIn('name="website"', page)  # the honeypot
        r = self.post({**general, "answer": "no", "comment": "Which hosts?"})
        self.assertEqual(r.status, 200, r.body)
        self.assertIn("Thank you", r.text())
        cookie = r.headers["set-cookie"].split(";")[0]
        self.assertTrue(cookie.startswith("phare_fb_"), cookie)
        again = self.post({**general, "answer": "no"}, cookie=cookie)
        self.assertEqual(again.status, 200)
        self.assertIn("already", again.text())
        second = self.post({**general, "answer": "no"})  # another browser
        self.assertEqual(second.status, 200)
        doc = self.counts()
        tally = [u for u in doc["updates"] if u["audience"] == "general"]
        self.assertEqual(len(tally), 1, doc)
        self.assertEqual((tally[0]["yes"], tally[0]["no"], tally[0]["language"]), (0, 2, "en"))
        self.assertEqual([c["comment"] for c in doc["comments"]], ["Which hosts?"])
        self.assertEqual(doc["comments"][0]["answer"], "no")
        # Two "no" of two general answers: more than 40 % with at least 2 votes.
        harness.wait_for(lambda: "phare_feedback_unclear_updates 1" in
                         self.server.get("/metrics").text(), timeout=20, what="the warning")
        metrics = self.server.get("/metrics").text()
        self.assertIn('phare_feedback_answers_total{answer="no"} 2', metrics)
        self.assertIn("feedback: Update", self.server.read_log())
        # The one writing the next update sees the answers on the console's update screen.
        create_user(self.server, "comms@example.com", "communicator")
        b = Browser(self.server)
        self.assertEqual(b.sign_in("comms@example.com").status, 303)
        screen = b.get(f"/admin/incidents/{self.incident}/update").text()
        self.assertIn("general readers, en: 0 yes, 2 no", screen)
        self.assertIn("Not clear: Which hosts?", screen)

    def test_forged_bot_and_get_votes_count_nothing(self):
        found = forms(self.server.get(f"/incidents/{self.incident}?lang=fr").text())
        technical = next(f for f in found if f["audience"] == "technical")
        self.assertEqual(technical["lang"], "fr")
        before = self.counts()
        forged = self.post({**technical, "lang": "de", "answer": "yes"})
        self.assertEqual(forged.status, 403)
        bot = self.post({**technical, "answer": "yes", "website": "http://spam.example"})
        self.assertEqual(bot.status, 403)
        long = self.post({**technical, "answer": "yes", "comment": "x" * 281})
        self.assertEqual(long.status, 422)
        # An e-mail's link: a page with the answer chosen and a form; nothing counted.
        link = "/feedback?" + urllib.parse.urlencode({**technical, "answer": "no"})
        page = self.server.get(link)
        self.assertEqual(page.status, 200)
        self.assertIn('value="no" checked', page.text())
        self.assertIn('action="/feedback" method="post"', page.text())
        self.assertEqual(self.counts(), before)
        bad_link = self.server.get("/feedback?" + urllib.parse.urlencode(
            {**technical, "token": "x"}))
        self.assertEqual(bad_link.status, 403)
        ok = self.post({**technical, "answer": "yes"})
        self.assertEqual(ok.status, 200)
        self.assertIn("Merci", ok.text())


if __name__ == "__main__":
    unittest.main()
