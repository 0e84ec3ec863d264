"""The infrastructure inventory end to end: CLI import (progress bar only on a terminal,
validation errors by line, nothing imported on error), uploads over HTTP beyond the
default body limit and gzip-compressed, the single-point-of-failure report, and
customers' private "my services" links (isolation, revocation)."""

import gzip
import json
import os
import pty
import shutil
import socket
import subprocess
import tempfile
import unittest

import harness

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
SMALL = os.path.join(DATA, "inventory-small.jsonl")
SMALL_CSV = os.path.join(DATA, "inventory-small.csv")
ERRORS = os.path.join(DATA, "inventory-errors.csv")


def big_inventory(resources):
    """JSON Lines text of a valid inventory with `resources` resources on ten servers."""
    lines = ['{"id":"site","kind":"site"}']
    lines += [f'{{"id":"srv-{s}","kind":"server","site":"site"}}' for s in range(10)]
    lines += [f'{{"id":"res-{r:07d}","kind":"resource","customer":"cust-{r % 997}",'
              f'"product":"vps","on":"srv-{r % 10}","attrs":{{"note":"padding-padding"}}}}'
              for r in range(resources)]
    return "\n".join(lines) + "\n"


class InventoryCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="phare-inventory-")
        self.db = os.path.join(self.dir, "phare.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def phare(self, *args, check=True):
        return harness.run_cli(*args, "--db", self.db, check=check)

    def test_every_command_has_help(self):
        for cmd in (["inventory"], ["inventory", "import"], ["inventory", "show"],
                    ["inventory", "spof"], ["inventory", "map"], ["customer"],
                    ["customer", "link"], ["customer", "links"], ["customer", "revoke"]):
            with self.subTest(cmd=cmd):
                proc = harness.run_cli(*cmd, "--help")
                self.assertEqual(proc.returncode, 0)
                self.assertIn("Usage", proc.stdout + proc.stderr)

    def test_import_prints_the_change_report_and_no_bar_off_a_terminal(self):
        proc = self.phare("inventory", "import", SMALL)
        report = json.loads(proc.stdout)
        self.assertEqual(report["inventory"]["nodes"], 18)
        self.assertEqual(report["changes"]["nodes_added"], 18)
        self.assertFalse(report["unchanged"])
        self.assertIn("Imported inventory", proc.stderr)
        self.assertNotIn("reading [", proc.stderr)
        self.assertNotIn("\r", proc.stderr)
        # The same inventory as CSV is the same inventory.
        again = json.loads(self.phare("inventory", "import", SMALL_CSV).stdout)
        self.assertTrue(again["unchanged"])
        shown = json.loads(self.phare("inventory", "show").stdout)
        self.assertEqual(shown["inventory"]["id"], report["inventory"]["id"])
        self.assertEqual(shown["products"], {"dedicated": 2, "vps": 2})

    def test_progress_bar_on_a_terminal(self):
        controller, terminal = pty.openpty()
        try:
            proc = subprocess.run([harness.PHARE, "inventory", "import", SMALL, "--db", self.db],
                                  stdout=subprocess.PIPE, stderr=terminal, timeout=60)
            os.close(terminal)
            terminal = None
            seen = b""
            while True:
                try:
                    chunk = os.read(controller, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
        finally:
            if terminal is not None:
                os.close(terminal)
            os.close(controller)
        self.assertEqual(proc.returncode, 0)
        self.assertIn(b"reading [", seen)
        self.assertIn(b"100%", seen)
        self.assertEqual(json.loads(proc.stdout)["inventory"]["resources"], 4)

    def test_errors_name_each_line_and_nothing_is_imported(self):
        proc = self.phare("inventory", "import", ERRORS, check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(proc.stdout, "")
        err = proc.stderr
        for line, what in ((3, "rack-1"), (4, "rack-1"), (5, "srv-1"), (6, "srv-2"), (7, "ded-1")):
            self.assertRegex(err, rf"inventory-errors\.csv:{line}: node '{what}'")
        self.assertIn("'power-9'", err)  # the unknown reference
        self.assertIn("spaceship", err)  # the unknown kind
        self.assertRegex(err, r"'loop-a' -> 'loop-b' -> 'loop-a'|'loop-b' -> 'loop-a' -> 'loop-b'")
        self.assertIn("nothing was imported", err)
        shown = self.phare("inventory", "show", check=False)
        self.assertEqual(shown.returncode, 1)
        self.assertIn("no inventory", shown.stderr)
        # With a valid inventory in place, a bad one leaves it untouched.
        first = json.loads(self.phare("inventory", "import", SMALL).stdout)
        self.assertEqual(self.phare("inventory", "import", ERRORS, check=False).returncode, 1)
        shown = json.loads(self.phare("inventory", "show").stdout)
        self.assertEqual(shown["inventory"]["sha256"], first["inventory"]["sha256"])

    def test_spof_finds_the_breaker_both_feeds_share(self):
        self.phare("inventory", "import", SMALL)
        report = json.loads(self.phare("inventory", "spof", "--threshold", "1").stdout)
        hidden = {e["id"]: e for e in report["hidden"]}
        self.assertIn("breaker", hidden)
        self.assertEqual(hidden["breaker"]["defeated"], ["grid"])
        self.assertEqual(hidden["breaker"]["resources_at_risk"], 4)
        self.assertEqual(hidden["breaker"]["resources_down"], 0)
        self.assertEqual(report["hard"][0]["id"], "power")
        self.assertTrue(all(e["resources_down"] > 1 for e in report["hard"]))
        # A higher threshold leaves the racks out.
        report = json.loads(self.phare("inventory", "spof", "--threshold", "3").stdout)
        self.assertEqual([e["id"] for e in report["hard"]], ["power"])


class InventoryServerTest(unittest.TestCase):
    def setUp(self):
        self.server = harness.Phare("--max-body-bytes", "4096").start()
        self.admin = self.server.token("admin")
        self.write = self.server.token("read,write")
        self.page = self.server.page_id()

    def tearDown(self):
        self.server.close()

    def put_inventory(self, body, headers=None, query=""):
        h = {"Content-Type": "application/x-ndjson"}
        h.update(headers or {})
        return self.server.admin("PUT", f"/v1/pages/{self.page}/inventory{query}", self.admin,
                                 body=body, headers=h)

    def test_uploads_beyond_the_default_body_limit_and_gzip(self):
        text = big_inventory(3000)
        self.assertGreater(len(text), 80 * 4096)  # far beyond the server's max_body_bytes
        r = self.put_inventory(text)
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertEqual(r.json()["inventory"]["resources"], 3000)
        # Other routes keep the server's limit.
        big = {"component": {"name": "x", "description": "y" * 10000}}
        r = self.server.admin("POST", f"/v1/pages/{self.page}/components", self.write, body=big)
        self.assertEqual(r.status, 413)
        self.assertIn("4096", r.text())
        # gzip, declared or not.
        smaller = big_inventory(100).encode()
        r = self.put_inventory(gzip.compress(smaller), {"Content-Encoding": "gzip"},
                               "?allow_shrink=true")
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertEqual(r.json()["changes"]["resources_removed"], 2900)
        r = self.put_inventory(gzip.compress(open(SMALL, "rb").read()), query="?allow_shrink=true")
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertEqual(r.json()["inventory"]["resources"], 4)
        r = self.put_inventory(b"x", {"Content-Encoding": "br"})
        self.assertEqual(r.status, 415)

    def test_an_import_by_the_cli_reaches_the_running_server(self):
        self.server.cli("inventory", "import", SMALL)
        r = self.server.admin("GET", f"/v1/pages/{self.page}/inventory", self.write)
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertEqual(r.json()["inventory"]["nodes"], 18)


class ShrinkGuardTest(unittest.TestCase):
    """An import that would empty the inventory, or remove much of it, is refused unless
    asked for; `phare inventory rollback` restores the previous one."""

    def setUp(self):
        self.server = harness.Phare().start()
        self.admin = self.server.token("admin")
        self.path = f"/v1/pages/{self.server.page_id()}/inventory"

    def tearDown(self):
        self.server.close()

    def put(self, body, content_type="application/x-ndjson", query="", encoding=None):
        headers = {"Content-Type": content_type}
        if encoding:
            headers["Content-Encoding"] = encoding
        return self.server.admin("PUT", self.path + query, self.admin, body=body, headers=headers)

    def nodes(self):
        return self.server.admin("GET", self.path, self.admin).json()["inventory"]["nodes"]

    def test_empty_inputs_are_refused_and_rollback_restores(self):
        r = self.put(open(SMALL, "rb").read())
        self.assertEqual(r.status, 200, r.body[:300])
        for body, content_type, encoding in [
                (b"", "application/x-ndjson", None),
                (b"id,kind,name,site,depends,customer,product\n", "text/csv", None),
                (gzip.compress(b""), "application/x-ndjson", "gzip")]:
            r = self.put(body, content_type, encoding=encoding)
            self.assertEqual(r.status, 409, (body, r.body[:300]))
            self.assertEqual(r.headers["content-type"], "application/problem+json")
            self.assertEqual(r.json()["field"], "allow_shrink")
            self.assertIn("18 nodes (100%)", r.json()["detail"])
        self.assertEqual(self.nodes(), 18)
        r = self.put(b"", query="?allow_shrink=true")
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertEqual(self.nodes(), 0)
        out = self.server.cli("inventory", "rollback")
        self.assertEqual(json.loads(out.stdout)["inventory"]["nodes"], 18)
        harness.wait_for(lambda: self.nodes() == 18, what="the server to see the rollback")
        # The CLI import asks the same way.
        empty = os.path.join(self.server.dir, "empty.jsonl")
        open(empty, "w").close()
        refused = self.server.cli("inventory", "import", empty, check=False)
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn("allow_shrink", refused.stderr)
        self.server.cli("inventory", "import", empty, "--allow-shrink")
        r = self.server.admin("POST", self.path + "/rollback", self.admin)
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertEqual(r.json()["inventory"]["nodes"], 18)


class UploadSpoolTest(unittest.TestCase):
    """Inventory uploads go to a temporary file as they arrive, never kept once answered."""

    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="phare-spool-")
        self.spool = os.path.join(self.directory, "tmp")
        os.mkdir(self.spool)
        config = os.path.join(self.directory, "phare.toml")
        with open(config, "w") as f:
            f.write("[inventory]\nmax_upload_bytes = 200000\n")
        self.server = harness.Phare("--config", config, directory=self.directory,
                                    env={"TMPDIR": self.spool}).start()
        self.admin = self.server.token("admin")
        self.path = f"/v1/pages/{self.server.page_id()}/inventory"

    def tearDown(self):
        self.server.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def spooled(self):
        return os.listdir(self.spool)

    def test_spool_files_go_once_answered(self):
        text = big_inventory(1000)
        self.assertLess(len(text), 200000)
        r = self.server.admin("PUT", self.path, self.admin, body=text,
                              headers={"Content-Type": "application/x-ndjson"})
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertEqual(r.json()["inventory"]["resources"], 1000)
        self.assertEqual(self.spooled(), [])
        # Invalid: 422 with the line, nothing imported, nothing left behind.
        r = self.server.admin("PUT", self.path, self.admin, body=text + '{"id": 3}\n',
                              headers={"Content-Type": "application/x-ndjson"})
        self.assertEqual(r.status, 422, r.body[:300])
        self.assertEqual(self.spooled(), [])
        # Too large, announced or found out on the way (chunked).
        r = self.server.admin("PUT", self.path, self.admin, body=big_inventory(3000),
                              headers={"Content-Type": "application/x-ndjson"})
        self.assertEqual(r.status, 413)
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            s.sendall((f"PUT {self.path} HTTP/1.1\r\nHost: x\r\n"
                       f"Authorization: Bearer {self.admin}\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n").encode())
            chunk = b"x" * 65536
            try:
                for _ in range(8):
                    s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                pass  # the server may close as soon as the limit is passed
            self.assertIn(b" 413 ", s.recv(4096))
        self.assertEqual(self.spooled(), [])
        # The body reaches the disk as it arrives; a client that gives up half-way leaves
        # nothing behind.
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            s.sendall((f"PUT {self.path} HTTP/1.1\r\nHost: x\r\n"
                       f"Authorization: Bearer {self.admin}\r\n"
                       "Content-Length: 150000\r\n\r\n").encode() + b"y" * 50000)

            def spooled_bytes():
                files = self.spooled()
                try:
                    return len(files) == 1 and os.path.getsize(os.path.join(self.spool, files[0]))
                except FileNotFoundError:
                    return 0

            harness.wait_for(lambda: spooled_bytes() == 50000, what="the first 50,000 bytes on disk")
        harness.wait_for(lambda: self.spooled() == [], what="the spool file removed")
        self.assertEqual(self.server.get("/healthz").status, 200)


class UploadLimitTest(unittest.TestCase):
    def test_the_inventory_limit_is_configurable(self):
        directory = tempfile.mkdtemp(prefix="phare-limit-")
        config = os.path.join(directory, "phare.toml")
        with open(config, "w") as f:
            f.write("[inventory]\nmax_upload_bytes = 2048\n")
        server = harness.Phare("--config", config, directory=directory)
        try:
            server.start()
            admin = server.token("admin")
            r = server.admin("PUT", f"/v1/pages/{server.page_id()}/inventory", admin,
                             body=big_inventory(100),
                             headers={"Content-Type": "application/x-ndjson"})
            self.assertEqual(r.status, 413)
            self.assertIn("2048", r.text())
        finally:
            server.stop()
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
