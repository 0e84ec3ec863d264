"""The `phare` command line: help, errors and exit codes, and the admin operations for
scripts, against a real database file."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

import harness

COMMANDS = [[], ["serve"], ["demo"], ["token"], ["token", "create"], ["token", "list"],
            ["token", "revoke"], ["component"], ["component", "list"], ["component", "create"],
            ["component", "update"], ["component", "delete"], ["component", "show"],
            ["component", "create-group"], ["incident"], ["incident", "create"],
            ["incident", "update"], ["incident", "list"], ["incident", "show"],
            ["incident", "delete"], ["maintenance"], ["maintenance", "create"],
            ["maintenance", "update"], ["maintenance", "list"], ["audit"], ["export-static"],
            ["eta"], ["eta", "eval"], ["incident", "draft"], ["incident", "progress"],
            ["subscriber", "export"]]


class CliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="phare-cli-")
        self.db = os.path.join(self.dir, "phare.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def phare(self, *args, check=True):
        return harness.run_cli(*args, check=check)

    def test_every_command_has_help(self):
        for cmd in COMMANDS:
            with self.subTest(cmd=cmd):
                proc = self.phare(*cmd, "--help")
                self.assertEqual(proc.returncode, 0)
                self.assertIn("Usage", proc.stdout + proc.stderr)

    def test_version(self):
        self.assertRegex(self.phare("--version").stdout, r"phare \d+\.\d+\.\d+")

    def test_usage_errors_exit_2(self):
        for args in (["no-such-command"], ["token", "create", "--db", self.db],
                     ["serve", "--threads", "-4", "--db", self.db]):
            with self.subTest(args=args):
                proc = self.phare(*args, check=False)
                self.assertEqual(proc.returncode, 2, proc.stderr)
                self.assertTrue(proc.stderr.strip())

    def test_token_create_prints_the_token_last(self):
        proc = self.phare("token", "create", "--db", self.db, "--name", "ops", "--scope", "read")
        token = proc.stdout.strip().splitlines()[-1]
        self.assertRegex(token, r"^phare_[A-Za-z0-9_-]{43}$")
        listed = json.loads(self.phare("token", "list", "--db", self.db).stdout)
        self.assertEqual([(t["name"], t["scopes"]) for t in listed], [("ops", ["read"])])
        self.assertNotIn(token, self.phare("token", "list", "--db", self.db).stdout)
        # The secret itself is not in the database file.
        with open(self.db, "rb") as f:
            self.assertNotIn(token.encode(), f.read())
        revoke = self.phare("token", "revoke", "--db", self.db, listed[0]["id"])
        self.assertEqual(revoke.returncode, 0)
        self.assertIsNotNone(json.loads(self.phare("token", "list", "--db", self.db).stdout)[0]["revoked_at"])

    def test_bad_scope_is_an_error(self):
        proc = self.phare("token", "create", "--db", self.db, "--name", "x", "--scope", "root",
                          check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("--scope", proc.stderr)

    def test_components_and_incidents_from_scripts(self):
        db = ["--db", self.db]
        comp = json.loads(self.phare("component", "create", *db, "--name", "API",
                                     "--description", "REST").stdout)
        self.assertEqual(comp["status"], "operational")
        group = json.loads(self.phare("component", "create-group", *db, "--name", "Platform",
                                      "--member", comp["id"]).stdout)
        self.assertEqual(group["components"], [comp["id"]])
        inc = json.loads(self.phare("incident", "create", *db, "--name", "API down",
                                    "--body", "Investigating.", "--component",
                                    f"{comp['id']}=major_outage", "--body-for",
                                    "general:fr=Nous sommes désolés.").stdout)
        self.assertEqual(inc["impact"], "critical")
        self.assertEqual(inc["incident_updates"][0]["phare"]["bodies"][0]["language"], "fr")
        upd = json.loads(self.phare("incident", "update", *db, inc["id"], "--status", "resolved",
                                    "--body", "Fixed.").stdout)
        self.assertEqual(upd["status"], "resolved")
        shown = json.loads(self.phare("component", "show", *db, comp["id"]).stdout)
        self.assertEqual(shown["status"], "operational")
        listed = json.loads(self.phare("incident", "list", *db).stdout)
        self.assertEqual([i["id"] for i in listed], [inc["id"]])
        self.assertEqual(json.loads(self.phare("incident", "list", *db, "--open").stdout), [])
        audit = json.loads(self.phare("audit", *db, "--limit", "2").stdout)
        self.assertEqual(audit[0]["action"], "incident.update")
        self.assertTrue(audit[0]["actor"].startswith("cli:"))
        self.phare("incident", "delete", *db, inc["id"])
        self.assertEqual(json.loads(self.phare("incident", "list", *db).stdout), [])

    def test_names_in_other_languages(self):
        db = ["--db", self.db]
        comp = json.loads(self.phare("component", "create", *db, "--name", "Dedicated servers",
                                     "--name-in", "fr=Serveurs dédiés", "--name-in",
                                     "DE=Dedizierte Server", "--description", "Bare metal",
                                     "--description-in", "fr=Serveurs physiques").stdout)
        self.assertEqual(comp["phare"]["names"], {"de": "Dedizierte Server",
                                                  "fr": "Serveurs dédiés"})
        self.assertEqual(comp["phare"]["descriptions"], {"fr": "Serveurs physiques"})
        group = json.loads(self.phare("component", "create-group", *db, "--name", "Strasbourg",
                                      "--member", comp["id"], "--name-in",
                                      "it=Strasburgo").stdout)
        self.assertEqual(group["phare"]["names"], {"it": "Strasburgo"})
        inc = json.loads(self.phare("incident", "create", *db, "--name", "Power outage",
                                    "--name-in", "fr=Panne électrique", "--body", "Down.",
                                    "--component", f"{comp['id']}=major_outage").stdout)
        self.assertEqual(inc["phare"]["names"], {"fr": "Panne électrique"})
        # Given on update, the names replace the others.
        upd = json.loads(self.phare("component", "update", *db, comp["id"], "--name-in",
                                    "es=Servidores dedicados").stdout)
        self.assertEqual(upd["phare"]["names"], {"es": "Servidores dedicados"})
        m = json.loads(self.phare("maintenance", "create", *db, "--name", "Upgrade", "--from",
                                  "2031-03-30 01:00", "--until", "2031-03-30 03:00", "--name-in",
                                  "fr=Mise à jour").stdout)
        self.assertEqual(m["phare"]["names"], {"fr": "Mise à jour"})
        for bad in (["--name-in", "Serveurs"], ["--name-in", "french=Serveurs"],
                    ["--name-in", "fr="]):
            with self.subTest(bad=bad):
                proc = self.phare("component", "create", *db, "--name", "x", *bad, check=False)
                self.assertEqual(proc.returncode, 1, proc.stderr)
                self.assertIn("--name-in" if bad[1] == "Serveurs" else "component.phare.names",
                              proc.stderr)

    def test_maintenance_with_local_times(self):
        db = ["--db", self.db]
        m = json.loads(self.phare("maintenance", "create", *db, "--name", "Upgrade",
                                  "--from", "2031-03-30 01:00", "--until",
                                  "2031-03-30T03:00:00Z").stdout)
        self.assertEqual(m["status"], "scheduled")
        self.assertEqual(m["scheduled_for"], "2031-03-30T01:00:00.000+00:00")  # page zone: UTC
        self.assertTrue(m["phare"]["scheduled_auto_in_progress"])
        bad = self.phare("maintenance", "create", *db, "--name", "x", "--from", "soon",
                         "--until", "later", check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("soon", bad.stderr)

    def test_errors_name_the_problem_and_exit_1(self):
        db = ["--db", self.db]
        proc = self.phare("component", "update", *db, "nosuchcompo1", "--name", "x", check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("nosuchcompo1", proc.stderr)
        proc = self.phare("incident", "create", *db, "--name", "x", "--component", "a=broken",
                          check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("--component", proc.stderr)
        proc = self.phare("component", "create", *db, "--name", "x", "--status", "down",
                          check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("major_outage", proc.stderr)

    def test_export_static_writes_the_same_bytes_the_server_serves(self):
        db = ["--db", self.db]
        comp = json.loads(self.phare("component", "create", *db, "--name", "API").stdout)
        inc = json.loads(self.phare("incident", "create", *db, "--name", "API down", "--component",
                                    f"{comp['id']}=major_outage", "--body", "Looking.").stdout)
        out = os.path.join(self.dir, "site")
        server = harness.Phare(directory=self.dir, time_zone="UTC")
        server.db = self.db
        try:
            server.start()  # a running server and the export read the same database
            proc = self.phare("export-static", *db, "--out", out)
            self.assertIn("Exported", proc.stderr)
            for name in ["index.html", "history/index.html", f"incidents/{inc['id']}/index.html",
                         "api/v2/summary.json", "api/v2/status.json", "history.atom",
                         "index.html.gz"]:
                self.assertTrue(os.path.exists(os.path.join(out, name)), name)
            with open(os.path.join(out, "api/v2/status.json")) as f:
                self.assertEqual(json.load(f)["status"]["indicator"], "critical")
            with open(os.path.join(out, "api/v2/summary.json"), "rb") as f:
                exported = json.load(f)
            served = server.get("/api/v2/summary.json").json()
            self.assertEqual(exported["incidents"], served["incidents"])
            self.assertEqual(exported["components"], served["components"])
        finally:
            server.stop()
        bad = self.phare("export-static", *db, "--out", "/proc/forbidden", check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("phare: error:", bad.stderr)

    def test_subscriber_export_is_read_back_by_import(self):
        source = os.path.join(self.dir, "in.jsonl")
        with open(source, "w") as f:
            f.write('{"email": "a@example.org", "phare": {"language": "fr", "audience": '
                    '"technical", "time_zone": "Europe/Paris"}}\n'
                    '{"phone_number": "06 12 34 56 78", "phone_country": "FR"}\n'
                    '{"endpoint": "https://hooks.example.com/h?token=s3cret", '
                    '"email": "ops@example.com"}\n')
        self.phare("subscriber", "import", "--db", self.db, source)
        with harness.Phare(directory=self.dir) as server:  # one waiting for confirmation
            server.request("POST", "/api/v2/subscribers.json",
                           body={"subscriber": {"email": "pending@example.org"}},
                           headers={"Content-Type": "application/json"})
        out = os.path.join(self.dir, "export.jsonl")
        proc = self.phare("subscriber", "export", "--db", self.db, "--out", out)
        self.assertIn("Exported 3 subscribers", proc.stderr)
        with open(out) as f:
            exported = [json.loads(line) for line in f]
        self.assertIn("https://hooks.example.com/h?token=s3cret",
                      [e.get("endpoint") for e in exported])
        everyone = self.phare("subscriber", "export", "--db", self.db, "--include-pending").stdout
        self.assertIn("pending@example.org", everyone)
        # Read back into an empty database: the same subscribers, settings and all.
        other = os.path.join(self.dir, "other.db")
        self.phare("subscriber", "import", "--db", other, out)
        again = [json.loads(line) for line in
                 self.phare("subscriber", "export", "--db", other).stdout.splitlines()]

        def comparable(e):
            keep = {k: v for k, v in e.items() if k not in ("id", "created_at")}
            keep["phare"] = {k: v for k, v in e["phare"].items() if k != "confirmed_at"}
            return keep
        self.assertEqual([comparable(e) for e in again], [comparable(e) for e in exported])
        bad = self.phare("subscriber", "export", "--db", self.db, "--out", "/proc/x/y",
                         check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("phare: error:", bad.stderr)

    def test_config_file_errors_are_precise(self):
        config = os.path.join(self.dir, "phare.toml")
        with open(config, "w") as f:
            f.write("[server]\nlisten = \"127.0.0.1:0\"\nmax_body_byte = 5\n")
        proc = self.phare("serve", "--db", self.db, "--config", config, check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("server.max_body_byte", proc.stderr)
        self.assertIn("phare.toml:3", proc.stderr)


if __name__ == "__main__":
    unittest.main()
