"""`phare demo` with its infrastructure: the 9 November 2017 inventory is stored, the day's
failing nodes are reported on the Strasbourg and Roubaix incidents, and the printed
"my services" link shows one customer's story."""

import re
import unittest

import harness
from test_demo import Demo


def by_name(incidents):
    return {i["name"].split(":")[0]: i for i in incidents}


class DemoInventoryTest(unittest.TestCase):
    def test_midday_counts_and_a_customers_view(self):
        demo = Demo("--speed", "1", "--start", "2017-11-09T12:00:00Z")
        try:
            out = demo.output()
            link = re.search(r"one customer's own view: (http://\S+/my/[A-Za-z0-9_-]{43})", out)
            self.assertIsNotNone(link, out)
            path = link.group(1)[link.group(1).index("/my/"):]
            summary = demo.server.get("/api/v2/summary.json").json()
            incidents = by_name(summary["incidents"])
            sbg = incidents["Strasbourg"]["phare"]["impact"]
            rbx = incidents["Roubaix"]["phare"]["impact"]
            # Strasbourg: every hosted server went down; about 30% were back at 11:04.
            self.assertGreater(sbg["resources"]["hit"], 90000)
            share = sbg["resources"]["restored"] / sbg["resources"]["hit"]
            self.assertGreater(share, 0.25)
            self.assertLess(share, 0.35)
            self.assertGreater(sbg["customers"]["down"], 10000)
            self.assertEqual({s["site"] for s in sbg["by_site"]}, {"sbg"})
            # Roubaix: unreachable from 07:01 to 09:31, everything back since.
            self.assertGreater(rbx["resources"]["hit"], 10000)
            self.assertEqual(rbx["resources"]["restored"], rbx["resources"]["hit"])
            self.assertEqual(rbx["resources"]["down"], 0)
            # The printed customer is still waiting for a server in Strasbourg.
            view = demo.server.get(path + "/summary.json").json()
            self.assertEqual([i["name"].split(":")[0] for i in view["incidents"]], ["Strasbourg"])
            hit = view["incidents"][0]["resources"]
            self.assertTrue(hit)
            self.assertTrue(all(r["site"] == "sbg" and r["state"] == "down" for r in hit))
            self.assertIsNotNone(view["incidents"][0]["estimate"])
            page = demo.server.get(path)
            self.assertEqual(page.status, 200)
            # By noon the operator's "by 11:55 UTC" has passed: the new time says so.
            self.assertIn("Later than we expected. We now expect service back around",
                          page.text())
            # The inventory behind it, through the admin API.
            token = re.search(r"admin API token: (phare_\S+)", out).group(1)
            page_id = summary["page"]["id"]
            inv = demo.server.admin("GET", f"/v1/pages/{page_id}/inventory", token).json()
            self.assertEqual(inv["inventory"]["customers"], 25000)
            mapped = {c["node"]: c["mapped_by"] for c in inv["components"]}
            self.assertEqual(mapped["component-cloud_instance-sbg"], "link")
            self.assertEqual(mapped["component-dedicated-sbg"], "name")
            spof = demo.server.admin("GET", f"/v1/pages/{page_id}/inventory/spof?threshold=1000",
                                     token).json()
            self.assertIn("sbg-grid-breaker", [e["id"] for e in spof["hidden"]])
        finally:
            self.assertEqual(demo.close(), 0)


if __name__ == "__main__":
    unittest.main()
