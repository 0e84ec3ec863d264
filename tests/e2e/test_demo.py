"""`phare demo`: the 9 November 2017 replay tells the day's story on the page."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

import harness


class Demo:
    def __init__(self, *args):
        self.dir = tempfile.mkdtemp(prefix="phare-demo-")
        self.port = harness.free_port()
        self.out = open(os.path.join(self.dir, "out.log"), "w+")
        self.proc = subprocess.Popen([harness.PHARE, "demo", "--db", os.path.join(self.dir, "d.db"),
                                      "--listen", f"127.0.0.1:{self.port}", *args],
                                     stdout=self.out, stderr=subprocess.STDOUT, text=True)
        self.server = harness.Phare(directory=self.dir)
        self.server.port = self.port
        harness.wait_for(self.ready, timeout=30, what="the demo to serve")

    def ready(self):
        if self.proc.poll() is not None:
            raise AssertionError("demo exited: " + self.output())
        try:
            return self.server.get("/healthz").status == 200
        except OSError:
            return False

    def output(self):
        self.out.flush()
        with open(self.out.name) as f:
            return f.read()

    def close(self):
        self.proc.terminate()
        code = self.proc.wait(timeout=20)
        self.out.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        return code


class DemoTest(unittest.TestCase):
    def test_midday_snapshot(self):
        demo = Demo("--speed", "1", "--start", "2017-11-09T12:00:00Z")
        try:
            out = demo.output()
            self.assertRegex(out, r"admin API token: phare_\S+")
            summary = demo.server.get("/api/v2/summary.json").json()
            self.assertEqual(summary["page"]["time_zone"], "Europe/Paris")
            self.assertEqual(summary["status"]["indicator"], "critical")
            names = {i["name"]: i for i in summary["incidents"]}
            sbg = names["Strasbourg: power outage, all services down"]
            rbx = names["Roubaix: network unreachable"]
            self.assertEqual(rbx["status"], "monitoring")
            self.assertEqual(sbg["started_at"], "2017-11-09T07:23:00.000+01:00")
            self.assertIn("Everything is powered again", sbg["incident_updates"][0]["body"])  # 11:44
            self.assertIn("30% of IP addresses", sbg["incident_updates"][1]["body"])  # 11:04
            groups = [c for c in summary["components"] if c["group"]]
            self.assertEqual([g["name"] for g in groups],
                             ["Strasbourg (SBG)", "Roubaix (RBX)", "Gravelines (GRA)"])
            self.assertEqual(len(summary["components"]), 18)
            upcoming = demo.server.get("/api/v2/scheduled-maintenances/upcoming.json").json()
            self.assertEqual(len(upcoming["scheduled_maintenances"]), 1)
            page = demo.server.get("/").text()
            self.assertIn("Strasbourg: power outage", page)
            self.assertIn("Gravelines: elevated latency on VPS", page)  # the past 14 days
            # The admin API is open with the printed token.
            token = re.search(r"admin API token: (phare_\S+)", out).group(1)
            r = demo.server.admin("GET", f"/v1/pages/{summary['page']['id']}/incidents/unresolved",
                                  token)
            self.assertEqual(r.status, 200)
            self.assertEqual(len(r.json()), 2)
        finally:
            self.assertEqual(demo.close(), 0)

    def test_first_strasbourg_update_speaks_to_everyone(self):
        demo = Demo("--speed", "1", "--start", "2017-11-09T06:30:00Z")
        try:
            token = re.search(r"admin API token: (phare_\S+)", demo.output()).group(1)
            summary = demo.server.get("/api/v2/summary.json").json()
            page = summary["page"]["id"]
            [sbg] = summary["incidents"]
            [first] = sbg["incident_updates"]
            bodies = {(b["audience"], b["language"]): b["body"] for b in first["phare"]["bodies"]}
            en, fr = bodies[("general", "en")], bodies[("general", "fr")]
            for text, words in [(en, ["sorry", "teams", "dedicated servers", "Strasbourg",
                                      "Next update by", "CET"]),
                                (fr, ["désolés", "équipes", "serveurs dédiés", "Strasbourg",
                                      "Prochain point", "heure de Paris"])]:
                for word in words:
                    self.assertIn(word, text)
            # The French technical body names the components in French (phare.names).
            for name in ["Serveurs dédiés — Strasbourg", "VPS — Strasbourg",
                         "Réseau — Strasbourg"]:
                self.assertIn(name, bodies[("technical", "fr")])
            self.assertIn("Dedizierte Server — Straßburg", bodies[("technical", "de")])
            general = [{"audience": "general", "language": lang, "body": bodies[("general", lang)]}
                       for lang in ("en", "fr")]
            check = demo.server.admin("POST", f"/v1/pages/{page}/incidents/{sbg['id']}/check",
                                      token, {"check": {"phare": {"bodies": general}}})
            self.assertEqual(check.status, 200, check.body)
            self.assertEqual(check.json()["findings"], [])
            pasted = demo.server.admin(
                "POST", f"/v1/pages/{page}/incidents/{sbg['id']}/check", token,
                {"check": {"phare": {"bodies": [{"audience": "general", "language": "en",
                                                 "body": first["body"]}]}}})
            rules = {f["rule"] for f in pasted.json()["findings"]}
            self.assertIn("apology-missing", rules)
            self.assertIn("jargon", rules)
        finally:
            self.assertEqual(demo.close(), 0)

    def test_the_whole_replay(self):
        demo = Demo("--speed", "400000")
        try:
            def finished():
                incidents = demo.server.get("/api/v2/incidents.json").json()["incidents"]
                sbg = [i for i in incidents if i["name"].startswith("Strasbourg")]
                return sbg and "apologise" in sbg[0]["incident_updates"][0]["body"] and sbg[0]
            sbg = harness.wait_for(finished, timeout=60, what="the replay to reach 20 November")
            self.assertEqual(sbg["status"], "postmortem")
            self.assertEqual(sbg["resolved_at"], "2017-11-12T19:00:00.000+01:00")
            self.assertEqual(len(sbg["incident_updates"]), 15)
            # Its post-mortem, published on 18 November, in both audiences: the technical
            # version carries the chain, the general one what it meant and what changes.
            self.assertEqual(sbg["postmortem_published_at"], "2017-11-18T02:31:00.000+01:00")
            bodies = {(b["audience"], b["language"]): b["body"]
                      for b in sbg["phare"]["postmortem"]["bodies"]}
            technical = bodies[("technical", "en")]
            for link in ("one upstream breaker", "fail to start", "UPS string", "40,386"):
                self.assertIn(link, technical)
            general = bodies[("general", "en")]
            self.assertIn("sorry", general)
            self.assertIn("What we will change", general)
            self.assertIn("second power line", general)
            self.assertNotIn("breaker", general)
            self.assertIn("Ce que nous allons changer", bodies[("general", "fr")])
            rbx = [i for i in demo.server.get("/api/v2/incidents.json").json()["incidents"]
                   if i["name"].startswith("Roubaix")][0]
            self.assertEqual(rbx["status"], "postmortem")
            self.assertEqual(rbx["postmortem_published_at"], "2017-11-09T22:08:00.000+01:00")
            page = demo.server.get(f"/incidents/{sbg['id']}?lang=fr").text()
            self.assertIn("Rapport sur cet incident", page)
            # The maintenance window (14-15 Nov) is moved by the scheduler, which ticks once a
            # real second: give it a moment after the replay.
            harness.wait_for(lambda: demo.server.get("/api/v2/scheduled-maintenances.json").json()
                             ["scheduled_maintenances"][0]["status"] == "completed",
                             timeout=20, what="the maintenance window to complete")
            summary = demo.server.get("/api/v2/summary.json").json()
            self.assertEqual(summary["status"]["indicator"], "none")
            self.assertTrue(all(c["status"] == "operational" for c in summary["components"]))
            self.assertNotRegex(demo.output(), r"\berror\b")  # every scripted event applied
        finally:
            self.assertEqual(demo.close(), 0)

    def test_refuses_a_used_database(self):
        demo = Demo("--speed", "1")
        db = os.path.join(demo.dir, "d.db")
        try:
            proc = subprocess.run([harness.PHARE, "demo", "--db", db, "--listen", "127.0.0.1:0"],
                                  capture_output=True, text=True, timeout=30)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("fresh database", proc.stderr)
        finally:
            demo.close()


if __name__ == "__main__":
    unittest.main()
