"""The demo in the reader's language: with ?lang=fr the page's titles, component and group
names, maintenance bodies and the customer's own page read in French, with no English
left and no raw product ids or site codes; German, Spanish and Italian are offered too."""

import re
import unittest

from test_demo import Demo

# What the English page shows and the French one must not (the demo at noon, 9 November
# 2017: two open incidents, one past, one maintenance to come).
ENGLISH = [
    "Strasbourg: power outage, all services down",
    "Roubaix: network unreachable",
    "Gravelines: elevated latency on VPS",
    "Gravelines: core router software upgrade",
    "Dedicated servers — Strasbourg",
    "Web hosting — Roubaix",
    "Public Cloud — Gravelines",
    "<span>Strasbourg (SBG)</span>",
    "<span>Gravelines (GRA)</span>",
    "Bare-metal servers",
    "We will upgrade the software of the Gravelines core routers",
    "Current incidents",
    "Planned maintenance",
]
FRENCH = [
    "Strasbourg : panne électrique, tous les services sont coupés",
    "Roubaix : réseau injoignable",
    "Gravelines : latence élevée sur les VPS",
    "Gravelines : mise à jour logicielle des routeurs de cœur de réseau",
    "Serveurs dédiés — Strasbourg",
    "Hébergement web — Roubaix",
    "Cloud public — Gravelines",
    "<span>Site de Strasbourg (SBG)</span>",
    "Serveurs physiques",
    "Nous mettrons à jour le logiciel des routeurs de cœur de réseau de Gravelines",
    "Incidents en cours",
]


class I18nDemoTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.demo = Demo("--speed", "1", "--start", "2017-11-09T12:00:00Z")

    @classmethod
    def tearDownClass(cls):
        cls.demo.close()

    def page(self, path):
        response = self.demo.server.get(path)
        self.assertEqual(response.status, 200, path)
        return response.text()

    def test_the_english_page_shows_the_default_names(self):
        page = self.page("/?lang=en")
        for text in ENGLISH:
            self.assertIn(text, page)

    def test_the_french_page_reads_in_french(self):
        page = self.page("/?lang=fr")
        for text in ENGLISH:
            self.assertNotIn(text, page)
        for text in FRENCH:
            self.assertIn(text, page)

    def test_a_past_incident_reads_in_french_on_its_own_page(self):
        summary = self.demo.server.get("/api/v2/incidents.json").json()
        gra = next(i for i in summary["incidents"] if i["name"].startswith("Gravelines: elevated"))
        self.assertEqual(gra["phare"]["names"]["fr"], "Gravelines : latence élevée sur les VPS")
        page = self.page(f"/incidents/{gra['id']}?lang=fr")
        self.assertIn("Nous analysons une latence élevée", page)
        self.assertNotIn("We are investigating elevated latency", page)
        self.assertNotIn("Traffic runs on the redundant port", page)

    def test_history_months_in_the_reader_language(self):
        for language, month in (("fr", "novembre 2017"), ("de", "November 2017"),
                                ("es", "noviembre de 2017"), ("it", "novembre 2017")):
            page = self.page(f"/history?lang={language}")
            self.assertNotIn("ui.month_year", page, language)
            self.assertRegex(page, r"<h3[^>]*>" + month + "</h3>", language)

    def test_german_spanish_and_italian_pages(self):
        expected = {
            "de": ["Straßburg: Stromausfall, alle Dienste ausgefallen", "Dedizierte Server — Straßburg",
                   "Standort Straßburg (SBG)", "Aktuelle Störungen"],
            "es": ["Estrasburgo: corte eléctrico, todos los servicios caídos",
                   "Servidores dedicados — Estrasburgo", "Incidencias en curso"],
            "it": ["Strasburgo: interruzione di corrente, tutti i servizi fuori uso",
                   "Server dedicati — Strasburgo", "Incidenti in corso"],
        }
        for language, texts in expected.items():
            page = self.page(f"/?lang={language}")
            self.assertIn(f'<html lang="{language}"', page)
            for text in texts:
                self.assertIn(text, page, language)
            self.assertNotIn("Strasbourg: power outage", page, language)
        # The browser's language picks the page's when there is no ?lang=.
        response = self.demo.server.get("/", headers={"Accept-Language": "it-CH,it;q=0.9"})
        self.assertIn("Incidenti in corso", response.text())

    def test_my_services_in_french_without_raw_ids(self):
        link = re.search(r"one customer's own view: (http://\S+/my/[A-Za-z0-9_-]{43})",
                         self.demo.output())
        self.assertIsNotNone(link)
        path = link.group(1)[link.group(1).index("/my/"):]
        page = self.page(path + "?lang=fr")
        cells = re.findall(r"<td>([^<]*)</td>", page)
        self.assertTrue(cells)
        for raw in ("dedicated", "cloud_instance", "private_cloud", "web_hosting", "sbg", "rbx",
                    "gra"):
            self.assertNotIn(raw, cells)
        for cell in cells:
            self.assertNotIn("_", cell)  # no snake_case id
        self.assertIn("<td>Strasbourg</td>", page)
        self.assertTrue(any(label in cells for label in
                            ("Serveur dédié", "Instance cloud", "VPS", "Hébergement web",
                             "Cloud privé")), cells)
        self.assertIn("Strasbourg : panne électrique", page)
        self.assertNotIn("Strasbourg: power outage", page)
        german = self.page(path + "?lang=de")
        self.assertIn("<td>Straßburg</td>", german)


if __name__ == "__main__":
    unittest.main()
