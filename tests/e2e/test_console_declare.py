"""Declaring from the inventory in the console: nodes found by id, name or site, the
impact shown before anything is public, then the incident declared with those nodes
reported, as the admin API's phare.root_nodes would."""

import os
import re
import unittest

import harness
from console_support import Browser, create_user

SMALL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "inventory-small.jsonl")


class DeclareFromInventoryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare().start()
        cls.server.cli("inventory", "import", SMALL)
        create_user(cls.server, "ops@example.com", "operator")
        cls.token = cls.server.token("read,write")
        cls.page = cls.server.page_id()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def operator(self):
        b = Browser(self.server)
        self.assertEqual(b.sign_in("ops@example.com").status, 303)
        b.get("/admin/declare")  # the form's CSRF token
        return b

    def test_search_preview_then_declare(self):
        b = self.operator()
        form = {"template": "power", "name": "Strasbourg: power loss in rack 1", "notify": "1"}
        found = b.post("/admin/declare", {**form, "q": "RACK", "action": "search"})
        self.assertEqual(found.status, 200)
        text = found.text()
        for node in ("rack-1", "rack-2"):
            self.assertIn(f'name="node" value="{node}"', text)
        self.assertNotIn('value="srv-1"', text)
        self.assertIn('value="Strasbourg: power loss in rack 1"', text)  # the choice is kept
        by_site = b.post("/admin/declare", {**form, "q": "sbg", "action": "search"}).text()
        self.assertIn('value="breaker"', by_site)  # found by its site
        by_name = b.post("/admin/declare", {**form, "q": "grid operator", "action": "search"})
        self.assertIn('value="breaker"', by_name.text())  # found by its name

        preview = b.post("/admin/declare", {**form, "node": "rack-1", "action": "preview"})
        self.assertEqual(preview.status, 200)
        shown = re.search(r'id="impact-preview">(.*?)</div>', preview.text(), re.S)
        self.assertIsNotNone(shown, preview.text())
        self.assertIn("2 resources would be down", shown.group(1))  # ded-1 and ded-2
        self.assertIn("2 customers affected", shown.group(1))  # cust-a and cust-b
        self.assertIn('name="node" value="rack-1" checked', preview.text())
        # Nothing is public yet.
        self.assertEqual(self.server.get("/api/v2/incidents/unresolved.json").json()["incidents"],
                         [])

        done = b.post("/admin/declare", {**form, "node": "rack-1", "action": "declare"})
        self.assertEqual(done.status, 303, done.text())
        incident_id = re.search(r"/admin/incidents/([^/]+)/update", done.headers["location"])
        incident = self.server.admin("GET", f"/v1/pages/{self.page}/incidents/"
                                     f"{incident_id.group(1)}", self.token).json()
        self.assertEqual(incident["phare"]["impact"]["resources"]["down"], 2)
        self.assertEqual(incident["phare"]["cause"], "power")

    def test_a_node_the_inventory_lacks_is_refused_and_the_form_kept(self):
        b = self.operator()
        r = b.post("/admin/declare", {"template": "power", "name": "Lost", "node": "no-such-node",
                                      "action": "declare"})
        self.assertEqual(r.status, 422)
        self.assertIn("no-such-node", r.text())
        self.assertIn('value="Lost"', r.text())
        preview = b.post("/admin/declare", {"template": "power", "node": "no-such-node",
                                            "action": "preview"})
        self.assertIn("Nothing would be hit", preview.text())
        self.assertIn("Not in the inventory: no-such-node", preview.text())
        redundant = b.post("/admin/declare", {"node": "feed-1", "action": "preview"})
        self.assertIn("Nothing would be hit", redundant.text())  # feed-2 still powers the site
        long_query = b.post("/admin/declare", {"q": "x" * 101, "action": "search"})
        self.assertEqual(long_query.status, 200)
        self.assertIn("at most 100 bytes", long_query.text())

    def test_french_words(self):
        b = self.operator()
        page = self.server.request("POST", "/admin/declare",
                                   "q=rack&node=rack-1&action=preview&csrf=" + b.csrf,
                                   headers={**b.headers({"Content-Type":
                                                         "application/x-www-form-urlencoded"}),
                                            "Accept-Language": "fr"})
        self.assertEqual(page.status, 200)
        self.assertIn("Avant publication : 2 ressources seraient coupées", page.text())


if __name__ == "__main__":
    unittest.main()
