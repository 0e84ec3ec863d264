"""Service credits: the admin API, the CLI (table, JSON, CSV) and a customer's own statement
on their "my services" page, from downtime the graph records as nodes go down and back."""

import json
import os
import tempfile
import time
import unittest

import harness

SMALL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "inventory-small.jsonl")
# Any downtime of a dedicated server is under a 100 % target: a 5 % credit, testable in a
# second of real time. Other products fall to the built-in-like default plan.
CONFIG = """
[sla.dedicated]
target = 100
tiers = [{below = 100, credit = 5}]
[sla.default]
tiers = [{below = 99.9, credit = 10}, {below = 99, credit = 25}]
"""
BAD_CONFIG = """
[sla.bad]
tiers = [{below = 99, credit = 10}, {below = 99.5, credit = 25}]
"""


def this_month():
    return time.strftime("%Y-%m", time.gmtime())


class CreditsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="phare-credits-")
        cls.config = os.path.join(cls.tmp, "phare.toml")
        with open(cls.config, "w") as f:
            f.write(CONFIG)
        cls.server = harness.Phare("--config", cls.config).start()
        s = cls.server
        s.cli("inventory", "import", SMALL)
        cls.admin_token = s.token("admin")
        cls.read_token = s.token("read")
        cls.page = s.page_id()
        r = s.admin("POST", f"/v1/pages/{cls.page}/incidents", cls.admin_token,
                    body={"incident": {"name": "Rack 1 lost power", "body": "Rack 1 is down.",
                                       "phare": {"root_nodes": ["rack-1"]}}})
        assert r.status == 201, r.body
        incident = r.json()["id"]
        time.sleep(0.05)
        r = s.admin("PATCH", f"/v1/pages/{cls.page}/incidents/{incident}", cls.admin_token,
                    body={"incident": {"status": "resolved", "body": "Power is back."}})
        assert r.status == 200, r.body
        url = s.cli("customer", "link", "cust-a").stdout.strip().splitlines()[-1]
        cls.link = url[url.index("/my/"):]

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def credits(self, query, token=None):
        return self.server.admin("GET", f"/v1/pages/{self.page}/credits{query}",
                                 token or self.admin_token)

    def test_the_api_lists_each_customers_resources_with_their_credit(self):
        r = self.credits(f"?month={this_month()}")
        self.assertEqual(r.status, 200, r.body)
        doc = r.json()
        self.assertEqual(doc["month"], this_month())
        self.assertFalse(doc["complete"])
        by_customer = {c["customer"]: c for c in doc["customers"]}
        self.assertEqual(set(by_customer), {"cust-a", "cust-b"})  # vps-* never went down
        line = by_customer["cust-a"]["resources"][0]
        self.assertEqual(line["id"], "ded-1")
        self.assertEqual(line["plan"], "dedicated")
        self.assertGreater(line["downtime_seconds"], 0)
        self.assertLess(line["availability"], 100)
        self.assertEqual(line["tier"], 1)
        self.assertEqual(line["credit"], 5)
        self.assertEqual(doc["products"], [{"product": "dedicated", "resources": 2, "credited": 2,
                                            "downtime_seconds": doc["products"][0]
                                            ["downtime_seconds"],
                                            "by_credit": [{"credit": 5, "resources": 2}]}])
        mine = self.credits(f"?month={this_month()}&customer=cust-b").json()
        self.assertEqual([c["customer"] for c in mine["customers"]], ["cust-b"])

    def test_bad_requests_get_problems(self):
        for query in ("", "?month=2017-13", "?month=november", "?month=9999-12"):
            with self.subTest(query=query):
                r = self.credits(query)
                self.assertEqual(r.status, 422, r.body)
                self.assertEqual(r.headers["content-type"], "application/problem+json")
                self.assertEqual(r.json()["field"], "month")
        r = self.credits(f"?month={this_month()}&customer={'x' * 300}")
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["field"], "customer")
        self.assertEqual(self.credits(f"?month={this_month()}", self.read_token).status, 403)
        self.assertEqual(self.server.get(f"/v1/pages/{self.page}/credits?month=2017-11").status,
                         401)

    def test_the_cli_prints_a_table_json_and_csv(self):
        s = self.server
        table = s.cli("credits", "--config", self.config, "--month", this_month()).stdout
        self.assertIn("ded-1", table)
        self.assertIn("Totals per product", table)
        doc = json.loads(s.cli("credits", "--config", self.config, "--month", this_month(),
                               "--json").stdout)
        self.assertEqual(doc, self.credits(f"?month={this_month()}").json() | {
            "as_of": doc["as_of"]})
        csv = s.cli("credits", "--config", self.config, "--month", this_month(), "--csv",
                    "--customer", "cust-a").stdout.splitlines()
        self.assertEqual(csv[0], "month,customer,resource,product,sla,plan,downtime_seconds,"
                                 "availability,tier,credit")
        self.assertEqual(len(csv), 2)
        fields = csv[1].split(",")
        self.assertEqual(fields[:4], [this_month(), "cust-a", "ded-1", "dedicated"], csv[1])
        self.assertEqual(fields[5], "dedicated")  # the plan
        self.assertEqual(fields[8:], ["1", "5"])
        # Without the configuration, the built-in default plan: a second is no credit.
        plain = json.loads(s.cli("credits", "--month", this_month(), "--json").stdout)
        line = plain["customers"][0]["resources"][0]
        self.assertEqual((line["plan"], line["tier"], line["credit"]), ("default", None, 0))

    def test_the_cli_refuses_bad_input_by_name(self):
        bad = self.server.cli("credits", "--month", "2017/11", check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("month", bad.stderr)
        path = os.path.join(self.tmp, "bad.toml")
        with open(path, "w") as f:
            f.write(BAD_CONFIG)
        bad = self.server.cli("credits", "--config", path, "--month", "2017-11", check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("sla.bad.tiers[1].below", bad.stderr)

    def test_a_customer_sees_their_own_statement(self):
        view = self.server.get(self.link + "/summary.json").json()
        self.assertEqual(len(view["credits"]), 2)  # last month, this month so far
        now = view["credits"][1]
        self.assertEqual(now["month"], this_month())
        self.assertEqual([r["id"] for r in now["resources"]], ["ded-1"])
        self.assertEqual(now["resources"][0]["credit"], 5)
        self.assertEqual(view["credits"][0]["resources"], [])
        page = self.server.get(self.link).text()
        self.assertIn("Service credits", page)
        self.assertIn("5 %", page)
        self.assertNotIn("ded-2", page)


if __name__ == "__main__":
    unittest.main()
