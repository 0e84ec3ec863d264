"""The static mirror: `phare export-static` writes the site, phare stops, and nginx serving
the exported folder (with the snippet the export writes) answers the same bytes phare
answered, for the JSON and for each page in each language, however the reader asked for
it (?lang=, the phare_lang cookie, Accept-Language). With --watch, each change makes a
new version, swapped in at once: a reader never sees half a site."""

import gzip
import hashlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import unittest
import urllib.request

import harness
from notify_support import NGINX, wait_listening

LANGUAGES = ["en", "fr", "de", "es", "it"]


def fetch(port, path, headers=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


class MirrorNginx:
    def __init__(self, root):
        self.dir = tempfile.mkdtemp(prefix="phare-mirror-")
        self.port = harness.free_port()
        conf = os.path.join(self.dir, "nginx.conf")
        temp = " ".join(f"{k}_temp_path {self.dir}/{k};"
                        for k in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
        with open(conf, "w") as f:
            f.write(f"""daemon off; master_process off; worker_processes 1;
error_log {self.dir}/error.log; pid {self.dir}/nginx.pid;
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types; access_log off; {temp}
  server {{ listen 127.0.0.1:{self.port}; root {root};
    include {root}/_phare/nginx.conf; }}
}}
""")
        self.proc = subprocess.Popen([NGINX, "-p", self.dir, "-c", conf],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_listening(self.port, self.proc)

    def close(self):
        self.proc.send_signal(signal.SIGQUIT)
        self.proc.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


class StaticMirrorTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="phare-export-")
        self.out = os.path.join(self.dir, "site")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def populate(self, server):
        token, page = server.token(), server.page_id()
        comp = server.admin("POST", f"/v1/pages/{page}/components", token, {"component": {
            "name": "Dedicated servers — Strasbourg", "status": "major_outage",
            "phare": {"names": {"fr": "Serveurs dédiés — Strasbourg"}}}}).json()["id"]
        incident = server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "Power loss in Strasbourg", "body": "Both grid feeds are down.",
            "components": {comp: "major_outage"},
            "phare": {"names": {"fr": "Coupure électrique à Strasbourg"}}}}).json()["id"]
        server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "Router upgrade", "status": "scheduled",
            "scheduled_for": "2030-01-01T21:00:00Z", "scheduled_until": "2030-01-01T23:00:00Z",
            "component_ids": [comp]}})
        return comp, incident

    def test_nginx_serves_the_same_bytes_with_phare_stopped(self):
        server = harness.Phare(directory=self.dir, time_zone="Europe/Paris")
        server.db = os.path.join(self.dir, "phare.db")
        with server:
            comp, incident = self.populate(server)
            paths = ["/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
                     "/api/v2/incidents.json", "/api/v2/scheduled-maintenances/upcoming.json",
                     "/history.atom", "/badge.svg", "/maintenance.ics", "/widget.js",
                     f"/components/{comp}/badge.svg"]
            expected = {p: server.get(p).body for p in paths}
            asks = []
            for lang in LANGUAGES:
                for page in ["/", "/history", f"/incidents/{incident}"]:
                    sep = "&" if "?" in page else "?"
                    asks += [(page + sep + "lang=" + lang, {}),
                             (page, {"Cookie": "phare_lang=" + lang}),
                             (page, {"Accept-Language": lang + ";q=0.9"})]
            asks.append(("/", {}))
            pages = {}
            for path, headers in asks:
                r = server.get(path, headers=headers)
                self.assertEqual(r.status, 200, path)
                pages[(path, tuple(headers.items()))] = r.body
        # phare is stopped: the export reads the database alone.
        harness.run_cli("export-static", "--db", server.db, "--out", self.out)
        self.assertTrue(os.path.islink(self.out))
        nginx = MirrorNginx(self.out)
        try:
            for path, body in expected.items():
                status, _, got = fetch(nginx.port, path)
                self.assertEqual((status, got), (200, body), path)
            for (path, headers), body in pages.items():
                status, _, got = fetch(nginx.port, path, dict(headers))
                self.assertEqual(status, 200, (path, headers))
                self.assertEqual(got.decode(), body.decode(), (path, headers))
            # Pre-compressed twins are served to clients that accept gzip.
            status, headers, got = fetch(nginx.port, "/api/v2/summary.json",
                                         {"Accept-Encoding": "gzip"})
            self.assertEqual(headers.get("Content-Encoding"), "gzip")
            self.assertEqual(gzip.decompress(got), expected["/api/v2/summary.json"])
            self.assertEqual(fetch(nginx.port, "/incidents/nosuchthing")[0], 404)
        finally:
            nginx.close()

    def test_manifest_lists_every_file_with_its_digest(self):
        with harness.Phare(directory=self.dir) as server:
            self.populate(server)
        harness.run_cli("export-static", "--db", server.db, "--out", self.out)
        with open(os.path.join(self.out, "manifest.json")) as f:
            manifest = json.load(f)
        self.assertEqual(sorted(manifest["languages"]), sorted(LANGUAGES))
        names = {e["path"] for e in manifest["files"]}
        for lang in LANGUAGES:
            self.assertIn(f"_lang/{lang}/index.html", names)
        for entry in manifest["files"]:
            with open(os.path.join(self.out, entry["path"]), "rb") as f:
                data = f.read()
            self.assertEqual(len(data), entry["bytes"], entry["path"])
            self.assertEqual(hashlib.blake2b(data, digest_size=32).hexdigest(),
                             entry["blake2b256"], entry["path"])
        self.assertEqual(manifest["documents"], len(manifest["files"]))

    def test_a_folder_that_is_not_an_export_is_left_alone(self):
        os.makedirs(self.out)
        with open(os.path.join(self.out, "precious.txt"), "w") as f:
            f.write("keep me")
        with harness.Phare(directory=self.dir) as server:
            pass
        proc = harness.run_cli("export-static", "--db", server.db, "--out", self.out, check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("not a link made by phare export-static", proc.stderr)
        self.assertTrue(os.path.exists(os.path.join(self.out, "precious.txt")))

    def test_watch_swaps_in_each_change_whole(self):
        with harness.Phare(directory=self.dir) as server:
            pass
        db = server.db
        watch = subprocess.Popen([harness.PHARE, "export-static", "--db", db, "--out", self.out,
                                  "--watch", "--interval", "0.2"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        manifest = os.path.join(self.out, "manifest.json")
        try:
            harness.wait_for(lambda: os.path.exists(manifest), what="the first export")
            first = os.readlink(self.out)
            harness.run_cli("component", "create", "--db", db, "--name", "Object storage")

            def changed():
                # Whatever version the link names is complete: its manifest's files exist.
                with open(manifest) as f:
                    entries = json.load(f)["files"]
                for e in entries:
                    self.assertTrue(os.path.exists(os.path.join(self.out, e["path"])), e["path"])
                return os.readlink(self.out) != first

            harness.wait_for(changed, timeout=15, what="a new version")
            with open(os.path.join(self.out, "api/v2/components.json")) as f:
                names = [c["name"] for c in json.load(f)["components"]]
            self.assertIn("Object storage", names)
        finally:
            watch.send_signal(signal.SIGTERM)
            _, err = watch.communicate(timeout=15)
        self.assertEqual(watch.returncode, 0, err)
        self.assertIn(b"Stopped watching", err)
        # Old versions are pruned: the current one and the one before stay.
        self.assertLessEqual(len(os.listdir(self.out + ".versions")), 2)


if __name__ == "__main__":
    unittest.main()
