"""HTTP behaviour of the public hot path and the server's limits, over real loopback."""

import gzip
import re
import socket
import unittest

import harness


class HotPathTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare().start()
        cls.token = cls.server.token()
        cls.page = cls.server.page_id()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_etag_and_304(self):
        first = self.server.get("/api/v2/summary.json")
        self.assertEqual(first.status, 200)
        etag = first.headers["etag"]
        self.assertRegex(etag, r'^"[0-9a-f]{16}"$')
        again = self.server.get("/api/v2/summary.json", {"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, b"")
        self.assertEqual(again.headers["etag"], etag)
        listed = self.server.get("/api/v2/summary.json", {"If-None-Match": f'"x", W/{etag}'})
        self.assertEqual(listed.status, 304)
        stale = self.server.get("/api/v2/summary.json", {"If-None-Match": '"0000000000000000"'})
        self.assertEqual(stale.status, 200)

    def test_etag_changes_with_content(self):
        before = self.server.get("/").headers["etag"]
        r = self.server.admin("POST", f"/v1/pages/{self.page}/components", self.token,
                              {"component": {"name": "Etag probe"}})
        self.assertEqual(r.status, 201)
        after = self.server.get("/")
        self.assertNotEqual(after.headers["etag"], before)
        self.assertIn("Etag probe", after.text())

    def test_gzip_variant(self):
        plain = self.server.get("/")
        zipped = self.server.get("/", {"Accept-Encoding": "gzip, deflate"})
        self.assertEqual(zipped.headers.get("content-encoding"), "gzip")
        self.assertIn("Accept-Encoding", zipped.headers.get("vary"))
        self.assertEqual(gzip.decompress(zipped.body), plain.body)
        self.assertLess(len(zipped.body), len(plain.body))
        refused = self.server.get("/", {"Accept-Encoding": "gzip;q=0"})
        self.assertNotIn("content-encoding", refused.headers)

    def test_head_has_headers_only(self):
        r = self.server.request("HEAD", "/api/v2/status.json")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, b"")
        self.assertEqual(int(r.headers["content-length"]),
                         len(self.server.get("/api/v2/status.json").body))

    def test_cors_on_v2_only(self):
        self.assertEqual(self.server.get("/api/v2/status.json").headers.get(
            "access-control-allow-origin"), "*")
        self.assertNotIn("access-control-allow-origin", self.server.get("/").headers)

    def test_date_header(self):
        self.assertRegex(self.server.get("/api/v2/status.json").headers["date"],
                         r"^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$")

    def test_healthz_and_metrics(self):
        h = self.server.get("/healthz")
        self.assertEqual(h.status, 200)
        self.assertEqual(h.json()["status"], "ok")
        self.server.get("/api/v2/summary.json")
        m = self.server.get("/metrics")
        self.assertEqual(m.status, 200)
        self.assertTrue(m.headers["content-type"].startswith("text/plain"))
        text = m.text()
        self.assertRegex(text, r'phare_http_requests_total\{route="/api/v2/summary.json",code="200"\} \d+')
        self.assertIn('phare_http_request_duration_seconds_bucket{route="/api/v2/summary.json",le="+Inf"}', text)
        self.assertRegex(text, r"phare_snapshot_version [1-9]\d*")
        self.assertIn("phare_db_write_duration_seconds_count", text)

    def test_keep_alive_serves_many_requests_on_one_connection(self):
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            request = b"GET /api/v2/status.json HTTP/1.1\r\nHost: x\r\n\r\n"
            s.sendall(request * 5)
            s.settimeout(5)
            data = b""
            while data.count(b"HTTP/1.1 200 OK") < 5:
                chunk = s.recv(65536)
                self.assertTrue(chunk, "connection closed early")
                data += chunk


    def test_expect_100_continue(self):
        body = b'{"component": {"name": "Sent after 100 Continue"}}'
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            s.settimeout(5)
            s.sendall((f"POST /v1/pages/{self.page}/components HTTP/1.1\r\nHost: x\r\n"
                       f"Authorization: Bearer {self.token}\r\nContent-Type: application/json\r\n"
                       f"Content-Length: {len(body)}\r\nExpect: 100-continue\r\n\r\n").encode())
            self.assertTrue(s.recv(4096).startswith(b"HTTP/1.1 100 Continue"))
            s.sendall(body)
            answer = b""
            while b"\r\n\r\n" not in answer:
                answer += s.recv(4096)
            self.assertTrue(answer.startswith(b"HTTP/1.1 201"), answer[:100])

    def test_pipelined_requests_are_answered_in_order(self):
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            s.settimeout(5)
            s.sendall(b"GET /api/v2/status.json HTTP/1.1\r\nHost: x\r\n\r\n"
                      b"GET /nothing-here HTTP/1.1\r\nHost: x\r\n\r\n"
                      b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
            data = b""
            while data.count(b"HTTP/1.1 ") < 3:
                chunk = s.recv(65536)
                self.assertTrue(chunk)
                data += chunk
            statuses = re.findall(rb"HTTP/1\.1 (\d{3}) ", data)
            self.assertEqual(statuses, [b"200", b"404", b"200"])


class LimitsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare("--max-body-bytes", "4096").start()
        cls.token = cls.server.token()
        cls.page = cls.server.page_id()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_oversize_body_is_413_and_nothing_written(self):
        body = '{"component": {"name": "' + "x" * 10000 + '"}}'
        r = self.server.admin("POST", f"/v1/pages/{self.page}/components", self.token, body)
        self.assertEqual(r.status, 413)
        self.assertEqual(r.headers["content-type"], "application/problem+json")
        self.assertIn("4096", r.json()["detail"])
        listed = self.server.admin("GET", f"/v1/pages/{self.page}/components", self.token)
        self.assertEqual(listed.json(), [])

    def test_oversize_headers_are_431(self):
        r = self.server.get("/api/v2/status.json", {"X-Big": "y" * 40000})
        self.assertEqual(r.status, 431)

    def test_malformed_request_line_is_400(self):
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            s.sendall(b"GARBAGE\r\n\r\n")
            s.settimeout(5)
            self.assertTrue(s.recv(4096).startswith(b"HTTP/1.1 400"))

    def test_oversize_field_is_422(self):
        r = self.server.admin("POST", f"/v1/pages/{self.page}/components", self.token,
                              {"component": {"name": "n" * 300}})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["field"], "component.name")


class ReadTimeoutTest(unittest.TestCase):
    def test_a_silent_connection_is_closed(self):
        with harness.Phare() as server:
            server_config = f"[server]\nread_timeout_seconds = 1\n"
            path = f"{server.dir}/timeout.toml"
            with open(path, "w") as f:
                f.write(server_config)
            server.stop()
            server.extra = ["--config", path]
            server.start()
            with socket.create_connection(("127.0.0.1", server.port)) as s:
                s.sendall(b"GET /api/v2/status.json HTTP/1.1\r\nHost: x\r\n")  # never finished
                s.settimeout(10)
                self.assertEqual(s.recv(4096), b"")  # closed by the server, no answer


if __name__ == "__main__":
    unittest.main()
