"""`phare import statuspage`: a page's v2 JSON (and subscriber CSV) becomes the same page.

The round trip: a page built through the admin API is exported as its public v2 JSON,
imported into an empty database, served again, and exports the same JSON. Then what a
Statuspage export holds that phare never wrote (v1 incident lists, Statuspage's own
impacts, the subscriber CSV) and what an import must refuse.
"""

import json
import os
import shutil
import tempfile
import unittest

import harness

DOCUMENTS = ["summary.json", "components.json", "incidents.json",
             "scheduled-maintenances.json"]
PAGE = ("--page-url", "https://status.example.test")


def build_page(p, token):
    web = p.admin("POST", f"/v1/pages/{p.page_id()}/components", token, {"component": {
        "name": "Web hosting", "description": "Shared hosting",
        "phare": {"product": "web_hosting", "location": "Strasbourg",
                  "names": {"fr": "Hébergement web"}}}}).json()
    group = p.admin("POST", f"/v1/pages/{p.page_id()}/component-groups", token,
                    {"component_group": {"name": "Strasbourg", "components": [web["id"]]}})
    assert group.status == 201, group.text()
    dns = p.admin("POST", f"/v1/pages/{p.page_id()}/components", token,
                  {"component": {"name": "DNS"}}).json()
    incident = p.admin("POST", f"/v1/pages/{p.page_id()}/incidents", token, {"incident": {
        "name": "Power loss in Strasbourg", "status": "investigating",
        "body": "We are investigating a power loss.",
        "components": {web["id"]: "major_outage"},
        "phare": {"names": {"fr": "Coupure de courant à Strasbourg"}, "cause": "power",
                  "bodies": [{"audience": "general", "language": "fr",
                              "body": "Nous enquêtons sur une coupure de courant."}]}}})
    assert incident.status == 201, incident.text()
    incident = incident.json()
    for status, body, component_status in [
            ("identified", "Both power feeds are down.", "partial_outage"),
            ("resolved", "Power is back; every server answers.", "operational")]:
        r = p.admin("PATCH", f"/v1/pages/{p.page_id()}/incidents/{incident['id']}", token,
                    {"incident": {"status": status, "body": body,
                                  "components": {web["id"]: component_status}}})
        assert r.status == 200, r.text()
    maintenance = p.admin("POST", f"/v1/pages/{p.page_id()}/incidents", token, {"incident": {
        "name": "DNS software upgrade", "status": "scheduled",
        "scheduled_for": "2031-03-01T02:00:00Z", "scheduled_until": "2031-03-01T04:00:00Z",
        "body": "We will upgrade the DNS servers.", "components": {dns["id"]: "operational"}}})
    assert maintenance.status == 201, maintenance.text()
    return web, dns


def save_documents(p, directory):
    for name in DOCUMENTS:
        with open(os.path.join(directory, name), "wb") as f:
            f.write(p.get("/api/v2/" + name).body)


def documents(p):
    return {name: p.get("/api/v2/" + name).json() for name in DOCUMENTS}


def incident_count(db):
    listed = json.loads(harness.run_cli("incident", "list", "--db", db).stdout)
    return len(listed if isinstance(listed, list) else listed["incidents"])


def run_import(db, *args, check=True):
    return harness.run_cli("import", "statuspage", "--db", db, *args, check=check)


class RoundTripTest(unittest.TestCase):
    def test_exported_page_imports_as_the_same_json(self):
        work = tempfile.mkdtemp(prefix="phare-import-")
        self.addCleanup(shutil.rmtree, work, True)
        with harness.Phare(*PAGE) as a:
            token = a.token("read,write,admin")
            web, _ = build_page(a, token)
            save_documents(a, work)
            before = documents(a)
            # The same page fetched from the running server's URL.
            from_url = os.path.join(work, "from-url.db")
            out = run_import(from_url, "--from", f"http://127.0.0.1:{a.port}").stdout
            self.assertEqual(json.loads(out)["incidents"], 1)

        db = os.path.join(work, "imported.db")
        report = json.loads(run_import(db, "--from", work).stdout)
        self.assertEqual((report["components"], report["incidents"], report["maintenance"]),
                         (3, 1, 1))
        self.assertEqual(report["updates"], 4)

        for path in (db, from_url):
            with harness.Phare(*PAGE, directory=work) as b:
                b.db = path
                b.stop()
                b.start()
                after = documents(b)
                self.assertEqual(after, before)
                # History kept: the uptime record shows the outage of the imported incident.
                uptime = b.get(f"/api/v2/components/{web['id']}/uptime.json?days=90").json()
                worst = {day["status"] for day in uptime["history"]}
                self.assertTrue(worst & {"major_outage", "partial_outage"}, uptime)
                self.assertIn("Power loss in Strasbourg",
                              b.get("/").text())

    def test_an_import_needs_an_empty_page_and_writes_all_or_nothing(self):
        work = tempfile.mkdtemp(prefix="phare-import-")
        self.addCleanup(shutil.rmtree, work, True)
        with harness.Phare(*PAGE) as a:
            build_page(a, a.token("read,write,admin"))
            save_documents(a, work)
            db = os.path.join(work, "imported.db")
            run_import(db, "--from", work)
            again = run_import(db, "--from", work, check=False)
            self.assertNotEqual(again.returncode, 0)
            self.assertIn("empty", again.stderr)
            # The running page itself is not empty either.
            busy = run_import(a.db, "--from", work, check=False)
            self.assertNotEqual(busy.returncode, 0)

        # An incident naming a component the export does not have: nothing is written.
        with open(os.path.join(work, "incidents.json")) as f:
            incidents = json.load(f)
        incidents["incidents"][0]["components"] = [{"id": "nosuchcomponent"}]
        with open(os.path.join(work, "incidents.json"), "w") as f:
            json.dump(incidents, f)
        fresh = os.path.join(work, "fresh.db")
        bad = run_import(fresh, "--from", work, check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("nosuchcomponent", bad.stderr)
        summary = json.loads(harness.run_cli("component", "list", "--db", fresh).stdout)
        self.assertEqual(summary if isinstance(summary, list) else summary.get("components"), [])


STATUSPAGE_INCIDENTS = [{
    "id": "p31zjtct2jer", "name": "Elevated API error rates", "status": "postmortem",
    "impact": "major", "created_at": "2023-01-05T10:00:00.000-05:00",
    "updated_at": "2023-01-06T09:00:00.000-05:00", "started_at": "2023-01-05T09:55:00.000-05:00",
    "monitoring_at": "2023-01-05T11:00:00.000-05:00",
    "resolved_at": "2023-01-05T11:30:00.000-05:00", "shortlink": "http://stspg.io/p31z",
    "page_id": "y2j98763l56x", "postmortem_body": "We found the cause.",
    "incident_updates": [
        {"id": "u3", "status": "resolved", "body": "This incident has been resolved.",
         "created_at": "2023-01-05T11:30:00.000-05:00",
         "display_at": "2023-01-05T11:30:00.000-05:00",
         "affected_components": [{"code": "ftgks51sfs2d", "name": "API",
                                  "old_status": "partial_outage",
                                  "new_status": "operational"}]},
        {"id": "u1", "status": "investigating", "body": "We are investigating errors.",
         "created_at": "2023-01-05T10:00:00.000-05:00",
         "display_at": "2023-01-05T10:00:00.000-05:00",
         "affected_components": [{"code": "ftgks51sfs2d", "name": "API",
                                  "old_status": "operational",
                                  "new_status": "partial_outage"}]}],
    "components": [{"id": "ftgks51sfs2d", "name": "API", "status": "operational"}]}]

STATUSPAGE_SUMMARY = {
    "page": {"id": "y2j98763l56x", "name": "Example", "url": "https://status.example.com",
             "time_zone": "America/New_York", "updated_at": "2023-01-06T09:00:00.000-05:00"},
    "components": [{"id": "ftgks51sfs2d", "name": "API", "status": "operational",
                    "created_at": "2022-06-01T00:00:00.000-04:00",
                    "updated_at": "2023-01-05T11:30:00.000-05:00", "position": 1,
                    "description": None, "showcase": True, "start_date": "2022-06-01",
                    "group_id": None, "page_id": "y2j98763l56x", "group": False,
                    "only_show_if_degraded": False}],
    "incidents": [], "scheduled_maintenances": [],
    "status": {"indicator": "none", "description": "All Systems Operational"}}


class StatuspageExportTest(unittest.TestCase):
    def write(self, work, name, value):
        with open(os.path.join(work, name), "w") as f:
            f.write(value if isinstance(value, str) else json.dumps(value))

    def test_statuspage_files_and_subscriber_csv(self):
        work = tempfile.mkdtemp(prefix="phare-import-")
        self.addCleanup(shutil.rmtree, work, True)
        export = os.path.join(work, "export")
        os.mkdir(export)
        self.write(export, "summary.json", STATUSPAGE_SUMMARY)
        self.write(export, "v1-incidents-page-1.json", STATUSPAGE_INCIDENTS)  # a v1 list
        self.write(work, "subscribers.csv",
                   "\ufefftype,email,phone_number,phone_country,endpoint\n"
                   "email,ops@example.com,,,\n"
                   "sms,,6175550123,US,\n"
                   "webhook,hooks@example.com,,,https://hooks.example.com/status\n")
        db = os.path.join(work, "p.db")
        dry = json.loads(run_import(db, "--from", export, "--dry-run",
                                    "--subscribers", os.path.join(work, "subscribers.csv")).stdout)
        self.assertEqual((dry["dry_run"], dry["incidents"], dry["subscribers"]), (True, 1, 3))
        self.assertEqual(incident_count(db), 0)  # a dry run writes nothing
        report = json.loads(run_import(db, "--from", export, "--subscribers",
                                       os.path.join(work, "subscribers.csv")).stdout)
        self.assertEqual(report["subscribers"], 3)
        listed = json.loads(harness.run_cli("subscriber", "list", "--db", db).stdout)
        rows = listed if isinstance(listed, list) else listed.get("subscribers", [])
        self.assertEqual(len(rows), 3)
        self.assertTrue(all(r.get("state", "active") == "active" for r in rows), rows)

        with harness.Phare("--page-url", "https://status.example.com", directory=work,
                           time_zone="America/New_York") as p:
            p.stop()
            p.db = db
            p.start()
            incidents = p.get("/api/v2/incidents.json").json()
            self.assertEqual(incidents["page"]["id"], "y2j98763l56x")
            incident = incidents["incidents"][0]
            self.assertEqual(incident["id"], "p31zjtct2jer")
            self.assertEqual(incident["impact"], "major")  # Statuspage's, kept
            self.assertEqual(incident["started_at"], "2023-01-05T09:55:00.000-05:00")
            self.assertEqual([u["id"] for u in incident["incident_updates"]], ["u3", "u1"])

    def test_bad_exports_are_refused_with_the_place_named(self):
        work = tempfile.mkdtemp(prefix="phare-import-")
        self.addCleanup(shutil.rmtree, work, True)
        db = os.path.join(work, "p.db")
        cases = [
            ("{not json", "invalid JSON"),
            (json.dumps({"incidents": [{"id": "x", "name": "n", "status": "exploded"}]}),
             "incidents[0].status"),
            (json.dumps({"components": [{"id": "../etc", "name": "n"}]}), "components.id"),
            (json.dumps({"incidents": [{"id": "x", "status": "resolved"}]}),
             "incidents[0].name"),
        ]
        for text, expected in cases:
            self.write(work, "bad.json", text)
            r = run_import(db, "--from", os.path.join(work, "bad.json"), check=False)
            self.assertEqual(r.returncode, 1, text)
            self.assertIn(expected, r.stderr, text)
        self.write(work, "s.csv", "email,ops@example.com\nslack,https://hooks.slack.com/x\n")
        self.write(work, "ok.json", STATUSPAGE_SUMMARY)
        r = run_import(db, "--from", os.path.join(work, "ok.json"), "--subscribers",
                       os.path.join(work, "s.csv"), check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("line 2", r.stderr)
        missing = run_import(db, "--from", os.path.join(work, "nowhere"), check=False)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("nowhere", missing.stderr)


if __name__ == "__main__":
    unittest.main()
