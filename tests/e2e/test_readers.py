"""Each reader gets the page in their language and time zone; feeds parse."""

import unittest

import feedparser

import harness


class ReadersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare().start()
        token, page = cls.server.token(), cls.server.page_id()
        comp = cls.server.admin("POST", f"/v1/pages/{page}/components", token, {
            "component": {"name": "VPS — Strasbourg",
                          "phare": {"product": "vps", "location": "Strasbourg"}}}).json()["id"]
        r = cls.server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "Strasbourg power outage", "body": "Both grid feeds are down.",
            "components": {comp: "major_outage"}, "phare": {"draft": True, "cause": "power"}}})
        assert r.status == 201, r.body
        cls.incident = r.json()["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def page(self, path="/", headers=None):
        r = self.server.get(path, headers)
        self.assertEqual(r.status, 200, r.body[:300])
        return r

    def test_default_is_the_page_language_and_zone(self):
        r = self.page()
        self.assertIn('<html lang="en">', r.text())
        self.assertIn("Europe/Paris", r.text())
        self.assertIn("We are sorry", r.text())  # the general body comes first
        self.assertIn("Accept-Language", r.headers["vary"])

    def test_language_from_query_cookie_and_header(self):
        for headers, path in [({}, "/?lang=fr"), ({"Cookie": "phare_lang=fr"}, "/"),
                              ({"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"}, "/")]:
            with self.subTest(headers=headers, path=path):
                text = self.page(path, headers).text()
                self.assertIn('<html lang="fr">', text)
                self.assertIn("Nous sommes désolés", text)
                self.assertIn("heure de Paris", text)

    def test_query_wins_over_cookie_and_header(self):
        text = self.page("/?lang=en", {"Cookie": "phare_lang=fr", "Accept-Language": "fr"}).text()
        self.assertIn('<html lang="en">', text)

    def test_unknown_language_or_zone_falls_back(self):
        text = self.page("/?lang=xx&tz=Mars/Base", {"Cookie": "phare_tz=%00bad"}).text()
        self.assertIn('<html lang="en">', text)
        self.assertIn("Europe/Paris", text)

    def test_zone_from_query_and_cookie(self):
        text = self.page("/?tz=America/Toronto").text()
        self.assertIn("America/Toronto", text)
        self.assertRegex(text, r"\d:\d\d (AM|PM) E[SD]T")
        text = self.page(f"/incidents/{self.incident}", {"Cookie": "phare_tz=Asia/Tokyo"}).text()
        self.assertIn("Asia/Tokyo", text)
        self.assertIn("JST", text)

    def test_variants_are_cached_bytes_with_etags(self):
        a = self.page("/?lang=fr&tz=America/Toronto")
        b = self.server.get("/?lang=fr&tz=America/Toronto", {"If-None-Match": a.headers["etag"]})
        self.assertEqual(b.status, 304)
        self.assertNotEqual(a.headers["etag"], self.page("/").headers["etag"])

    def test_preferences_set_cookies_and_return(self):
        r = self.server.get("/preferences?lang=fr&tz=America/Toronto&return=/history")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.headers["location"], "/history")
        cookies = r.headers.get("set-cookie", "")
        self.assertIn("phare_lang=fr", cookies)
        self.assertIn("phare_tz=America/Toronto", cookies)
        evil = self.server.get("/preferences?lang=fr&return=//evil.example/")
        self.assertEqual(evil.headers["location"], "/")
        bad = self.server.get("/preferences?lang=zz&tz=Nowhere")
        self.assertNotIn("set-cookie", bad.headers)

    def test_history_pages_per_reader(self):
        self.assertIn("Historique des incidents", self.page("/history?lang=fr").text())
        self.assertEqual(self.server.get("/history?page=999").status, 404)

    def test_atom_and_rss_parse(self):
        for path in ["/history.atom", "/history.rss"]:
            with self.subTest(path=path):
                r = self.page(path)
                feed = feedparser.parse(r.body)
                self.assertFalse(feed.bozo, feed.get("bozo_exception"))
                self.assertEqual(len(feed.entries), 1)
                entry = feed.entries[0]
                self.assertEqual(entry.title, "Strasbourg power outage")
                self.assertTrue(entry.link.endswith(f"/incidents/{self.incident}"))
                self.assertIn("We are sorry", entry.summary)


if __name__ == "__main__":
    unittest.main()
