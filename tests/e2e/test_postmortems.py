"""Post-mortems end to end: the promise of a report at resolution on the page and in the
JSON, drafting from facts through the admin API, publishing (Statuspage's postmortem_*
fields, the incident page, every subscriber told in their audience and language through
smtp-sink), revising, errors as problem+json, and `phare postmortem draft|publish`."""

import datetime
import json
import os
import shutil
import tempfile
import unittest

import harness
import notify_support as ns

CONFIG = """
[notify]
retry_initial_seconds = 1
"""

FACTS = {
    "summary": {"en": "Our Strasbourg site lost all its electricity.",
                "fr": "Notre site de Strasbourg a perdu toute son électricité."},
    "customer_impact": {"en": "Your servers in Strasbourg could not be reached.",
                        "fr": "Vos serveurs à Strasbourg étaient injoignables."},
    "root_cause": {"en": "One fault at the electricity company cut both power lines.",
                   "fr": "Une seule panne chez le fournisseur a coupé les deux lignes."},
    "chain": [{"at": "2017-11-09T06:04:07Z",
               "what": {"en": "Both grid feeds sat behind one upstream breaker, which tripped."}},
              {"what": {"en": "The generators did not start; the UPS ran out."}}],
    "changes": [{"by": "2018-06-30T00:00:00Z",
                 "what": {"en": "A second, truly independent power line.",
                          "fr": "Une seconde ligne électrique vraiment indépendante."}}],
    "credits_policy": {"en": "The service credits in your contract apply.",
                       "fr": "Les compensations de votre contrat s’appliquent."},
}


def in_days(days):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class PostmortemTest(unittest.TestCase):
    def setUp(self):
        self.sink = ns.SmtpSink()
        self.server = harness.Phare()
        config = ns.write_config(self.server.dir, CONFIG)
        self.server.start("--smtp", self.sink.url, "--config", config)
        self.admin = ns.Admin(self.server)
        self.sbg = self.admin.component("Dedicated servers — Strasbourg")
        lines = [{"email": "jean@example.org",
                  "phare": {"language": "fr", "time_zone": "Europe/Paris",
                            "audience": "general"}},
                 {"email": "ops@example.org",
                  "phare": {"language": "en", "time_zone": "UTC", "audience": "technical"}}]
        path = os.path.join(self.server.dir, "subscribers.jsonl")
        with open(path, "w") as f:
            f.write("\n".join(json.dumps(line) for line in lines) + "\n")
        self.server.cli("subscriber", "import", path)

    def tearDown(self):
        self.server.close()
        self.sink.close()

    def mails_to(self, address):
        return [m for m in self.sink.messages()
                if m["To"].addresses[0].addr_spec == address]

    def test_promise_draft_publish_revise(self):
        incident = self.admin.incident("Strasbourg power outage", [self.sbg],
                                       body="We are sorry: Strasbourg is down.")
        iid = incident["id"]
        self.assertIsNone(incident["postmortem_body"])
        self.assertIsNone(incident["postmortem_published_at"])
        pm_path = f"/incidents/{iid}/postmortem"
        self.assertEqual(self.admin.call("GET", pm_path).status, 404)

        # A draft before resolution is fine; publishing is not.
        r = self.admin.call("PUT", pm_path, {"postmortem": {"facts": FACTS, "draft": True,
                                                            "notify_twitter": True}})
        self.assertEqual(r.status, 200, r.body)
        draft = r.json()
        self.assertEqual(len(draft["bodies"]), 10)
        self.assertIn("findings", draft)
        self.assertIsNone(draft["published_at"])
        r = self.admin.call("PUT", pm_path + "/publish")
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.headers["content-type"], "application/problem+json")
        # Nothing of a draft shows publicly.
        v2 = self.server.get("/api/v2/incidents.json").json()["incidents"][0]
        self.assertIsNone(v2["postmortem_body"])
        self.assertEqual(v2["phare"]["postmortem"]["bodies"], [])

        # Resolved with the promise of a report by a date: on the page and in the JSON.
        by = in_days(9)
        self.admin.update(iid, status="resolved", body="Service is back. We are sorry.",
                          phare={"postmortem_by": by})
        v2 = self.server.get("/api/v2/incidents.json").json()["incidents"][0]
        self.assertTrue(v2["phare"]["postmortem"]["promised_by"].startswith(by[:10]))
        page = self.server.get(f"/incidents/{iid}").text()
        self.assertIn("We will publish a report on this incident by", page)

        self.admin.wait_idle()
        before = {a: len(self.mails_to(a)) for a in ("jean@example.org", "ops@example.org")}
        r = self.admin.call("PUT", pm_path + "/publish")
        self.assertEqual(r.status, 200, r.body)
        published = r.json()
        self.assertIsNotNone(published["published_at"])

        v2 = self.server.get("/api/v2/incidents.json").json()["incidents"][0]
        self.assertEqual(v2["status"], "postmortem")
        self.assertIn("one upstream breaker", v2["postmortem_body"])  # technical by default
        self.assertIsNotNone(v2["postmortem_published_at"])
        self.assertIsNotNone(v2["postmortem_body_last_updated_at"])
        self.assertTrue(v2["postmortem_notify_subscribers"])
        self.assertTrue(v2["postmortem_notify_twitter"])
        self.assertEqual(len(v2["phare"]["postmortem"]["bodies"]), 10)
        v1 = self.admin.call("GET", f"/incidents/{iid}").json()
        self.assertEqual(v1["postmortem_body"], v2["postmortem_body"])

        # Each subscriber is told once, in their audience and language.
        def told():
            return all(len(self.mails_to(a)) > before[a] for a in before)
        harness.wait_for(told, timeout=20, what="the post-mortem mails")
        fr = ns.text_part(self.mails_to("jean@example.org")[-1])
        self.assertIn("Nous avons publié notre rapport", fr)
        self.assertIn(f"/incidents/{iid}", fr)
        self.assertIn("Notre site de Strasbourg a perdu toute son électricité.", fr)
        en = ns.text_part(self.mails_to("ops@example.org")[-1])
        self.assertIn("post-mortem of this incident is published", en)

        # The incident page shows it, general version first, technical behind a disclosure.
        page = self.server.get(f"/incidents/{iid}?lang=fr").text()
        self.assertIn("Rapport sur cet incident", page)
        self.assertIn("Ce que nous allons changer", page)
        self.assertIn("Une seconde ligne électrique vraiment indépendante.", page)
        self.assertIn("one upstream breaker", page)  # the technical version falls back to en
        self.assertNotIn("We will publish a report", page)

        # Publishing again tells no one twice.
        self.assertEqual(self.admin.call("PUT", pm_path + "/publish").status, 200)
        self.admin.wait_idle()
        self.assertEqual(len(self.mails_to("jean@example.org")), before["jean@example.org"] + 1)

        # Revised after publishing: the page says so.
        r = self.admin.call("PUT", pm_path, {"postmortem": {"bodies": [
            {"audience": "general", "language": "fr",
             "body": "Nous sommes désolés. Voici ce qui s’est passé, corrigé."}]}})
        self.assertEqual(r.status, 200, r.body)
        self.assertGreater(r.json()["body_last_updated_at"], published["published_at"])
        page = self.server.get(f"/incidents/{iid}?lang=fr").text()
        self.assertIn("Révisé", page)
        self.assertIn("corrigé", page)

    def test_bad_input_and_statuspage_fields(self):
        incident = self.admin.incident("Roubaix network", [self.sbg], body="Down.")
        iid = incident["id"]
        pm_path = f"/incidents/{iid}/postmortem"
        bad = self.admin.call("PUT", pm_path,
                              {"postmortem": {"facts": {"summary": {"xx": "?"}}, "draft": True}})
        self.assertEqual(bad.status, 422, bad.body)
        self.assertEqual(bad.json()["field"], "postmortem.summary.xx")
        bad = self.admin.call("PUT", pm_path, {"postmortem": {"bodies": [{"audience": "boss"}]}})
        self.assertEqual(bad.status, 422)
        self.assertEqual(self.admin.call("PUT", "/incidents/nope/postmortem/publish").status, 404)
        self.assertEqual(self.admin.call("DELETE", pm_path).status, 404)
        # Statuspage's fields on an incident write save a draft.
        updated = self.admin.update(iid, postmortem_body="The chassis lost its configuration.",
                                    postmortem_notify_subscribers=False)
        self.assertIsNone(updated["postmortem_body"])  # a draft is not shown
        self.assertFalse(updated["postmortem_notify_subscribers"])
        got = self.admin.call("GET", pm_path).json()
        self.assertEqual(got["body"], "The chassis lost its configuration.")
        self.assertEqual(self.admin.call("DELETE", pm_path).status, 204)
        self.assertEqual(self.admin.call("GET", pm_path).status, 404)


class PostmortemCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="phare-pm-cli-")
        self.db = os.path.join(self.dir, "phare.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def phare(self, *args, check=True):
        return harness.run_cli(*args, check=check)

    def test_draft_then_publish(self):
        incident = json.loads(self.phare("incident", "create", "--db", self.db, "--name",
                                         "Strasbourg power outage", "--body",
                                         "We are sorry: Strasbourg is down.").stdout)
        iid = incident["id"]
        facts = os.path.join(self.dir, "facts.json")
        with open(facts, "w") as f:
            json.dump({"postmortem": {"facts": FACTS}}, f)
        out = json.loads(self.phare("postmortem", "draft", "--db", self.db, iid,
                                    "--facts", facts).stdout)
        self.assertEqual(len(out["bodies"]), 10)
        self.assertIsNone(out["published_at"])
        early = self.phare("postmortem", "publish", "--db", self.db, iid, check=False)
        self.assertEqual(early.returncode, 1)
        self.assertIn("resolved", early.stderr)
        self.phare("incident", "update", "--db", self.db, iid, "--status", "resolved",
                   "--body", "Service is back. We are sorry.")
        out = json.loads(self.phare("postmortem", "publish", "--db", self.db, iid).stdout)
        self.assertIsNotNone(out["published_at"])
        shown = json.loads(self.phare("incident", "show", "--db", self.db, iid).stdout)
        self.assertEqual(shown["status"], "postmortem")
        self.assertIsNotNone(shown["postmortem_published_at"])
        missing = self.phare("postmortem", "publish", "--db", self.db, "nope", check=False)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("phare: error:", missing.stderr)
        bad = self.phare("postmortem", "draft", "--db", self.db, iid, "--body-for", "boss:fr=x",
                         check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("--body-for", bad.stderr)


if __name__ == "__main__":
    unittest.main()
