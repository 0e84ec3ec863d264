"""Customers' private "my services" pages: each sees only the incidents hitting their own
resources, and only those resources; wrong, malformed and revoked links get 404; the
pages are never cached by shared caches."""

import json
import os
import unittest

import harness

SMALL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "inventory-small.jsonl")
OWNED = {"cust-a": {"ded-1", "vps-1"}, "cust-b": {"ded-2"}, "cust-c": {"vps-2"}}
ALL = set().union(*OWNED.values())


class MyServicesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare().start()
        s = cls.server
        s.cli("inventory", "import", SMALL)
        cls.token = s.token("read,write")
        cls.page = s.page_id()
        for name in ("Dedicated servers — Strasbourg", "VPS — Strasbourg"):
            r = s.admin("POST", f"/v1/pages/{cls.page}/components", cls.token,
                        body={"component": {"name": name}})
            assert r.status == 201, r.body
        r = s.admin("POST", f"/v1/pages/{cls.page}/incidents", cls.token,
                    body={"incident": {"name": "Rack 1 lost power", "body": "Rack 1 is down.",
                                       "phare": {"root_nodes": ["rack-1"]}}})
        assert r.status == 201, r.body
        cls.incident = r.json()["id"]
        cls.links = {}
        for customer in OWNED:
            url = s.cli("customer", "link", customer).stdout.strip().splitlines()[-1]
            cls.links[customer] = url[url.index("/my/"):]

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def summary(self, customer):
        r = self.server.get(self.links[customer] + "/summary.json")
        self.assertEqual(r.status, 200, r.body[:300])
        return r.json()

    def test_links_look_unguessable(self):
        tokens = {path.rsplit("/", 1)[1] for path in self.links.values()}
        self.assertEqual(len(tokens), 3)
        for token in tokens:
            self.assertRegex(token, r"^[A-Za-z0-9_-]{43}$")

    def test_each_customer_sees_only_their_own_resources(self):
        for customer, owned in OWNED.items():
            with self.subTest(customer=customer):
                view = self.summary(customer)
                self.assertEqual(view["customer"], customer)
                seen = {r["id"] for r in view["resources"]}
                for i in view["incidents"]:
                    seen |= {r["id"] for r in i["resources"]}
                self.assertEqual(seen, owned)
                text = json.dumps(view) + self.server.get(self.links[customer]).text()
                for other in ALL - owned:
                    self.assertNotIn(other, text)
                for other_customer in set(OWNED) - {customer}:
                    self.assertNotIn(other_customer, text)

    def test_only_incidents_hitting_the_customer_are_listed(self):
        a = self.summary("cust-a")
        self.assertEqual([i["id"] for i in a["incidents"]], [self.incident])
        self.assertEqual([(r["id"], r["state"]) for r in a["incidents"][0]["resources"]],
                         [("ded-1", "down")])
        self.assertEqual(a["incidents"][0]["shortlink"].rsplit("/", 1)[1], self.incident)
        self.assertIn("estimate", a["incidents"][0])
        self.assertEqual(self.summary("cust-c")["incidents"], [])
        page = self.server.get(self.links["cust-a"])
        self.assertEqual(page.status, 200)
        self.assertIn("Rack 1 lost power", page.text())
        self.assertIn("ded-1", page.text())
        self.assertNotIn("Rack 1 lost power", self.server.get(self.links["cust-c"]).text())

    def test_in_the_readers_language_and_zone(self):
        link = self.links["cust-a"]
        english = self.server.get(link).text()
        self.assertIn('<html lang="en">', english)
        self.assertIn("affected by a current incident", english)
        for headers, path in (({"Accept-Language": "fr-CA, fr;q=0.9"}, link),
                              (None, link + "?lang=fr"),
                              ({"Cookie": "phare_lang=fr"}, link)):
            with self.subTest(headers=headers, path=path):
                page = self.server.get(path, headers=headers)
                self.assertEqual(page.status, 200)
                self.assertIn('<html lang="fr">', page.text())
                self.assertIn("par un incident en cours", page.text())
                self.assertIn("ded-1", page.text())
        toronto = self.server.get(link + "?tz=America/Toronto").text()
        self.assertRegex(toronto, r"Times are shown in [^.]*(Eastern|Toronto|E[SD]T)")

    def test_private_and_never_cached_by_others(self):
        for path in (self.links["cust-a"], self.links["cust-a"] + "/summary.json"):
            r = self.server.get(path)
            self.assertEqual(r.headers["cache-control"], "private, no-store")
            self.assertNotIn("etag", r.headers)

    def test_wrong_and_malformed_links_are_404(self):
        token = self.links["cust-b"].rsplit("/", 1)[1]
        wrong = token[:10] + ("A" if token[10] != "A" else "B") + token[11:]
        for path in (f"/my/{wrong}", f"/my/{wrong}/summary.json", "/my/x", "/my/x/summary.json",
                     "/my/" + "A" * 43, "/my/" + "A" * 400):
            with self.subTest(path=path):
                r = self.server.get(path)
                self.assertEqual(r.status, 404)
                self.assertEqual(r.headers["cache-control"], "private, no-store")
                self.assertNotIn("cust-", r.text())

    def test_revoked_links_are_404_and_others_keep_working(self):
        s = self.server
        url = s.cli("customer", "link", "cust-b").stdout.strip().splitlines()[-1]
        path = url[url.index("/my/"):]
        self.assertEqual(s.get(path).status, 200)
        links = json.loads(s.cli("customer", "links", "cust-b").stdout)
        self.assertEqual(len(links), 2)
        newest = max(links, key=lambda l: l["created_at"])
        s.cli("customer", "revoke", "cust-b", "--link", newest["id"])
        # Several links of one customer may share a creation second; check by status.
        statuses = {s.get(path).status, s.get(self.links["cust-b"]).status}
        self.assertEqual(statuses, {200, 404})
        s.cli("customer", "revoke", "cust-b")
        self.assertEqual(s.get(path).status, 404)
        self.assertEqual(s.get(self.links["cust-b"]).status, 404)
        self.assertEqual(s.get(path + "/summary.json").status, 404)
        self.assertEqual(s.get(self.links["cust-a"]).status, 200)
        again = s.cli("customer", "revoke", "cust-b", check=False)
        self.assertEqual(again.returncode, 1)

    def test_links_only_for_customers_of_the_inventory(self):
        proc = self.server.cli("customer", "link", "cust-nobody", check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("no customer 'cust-nobody'", proc.stderr)


if __name__ == "__main__":
    unittest.main()
