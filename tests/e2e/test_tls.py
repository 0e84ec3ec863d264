"""HTTPS with a self-signed certificate made for the test, and TLS session resumption."""

import os
import socket
import ssl
import subprocess
import unittest

import harness


class TlsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare()
        cert = os.path.join(cls.server.dir, "cert.pem")
        key = os.path.join(cls.server.dir, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj",
                        "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", cert], check=True, capture_output=True)
        cls.cert = cert
        cls.server.start("--tls-cert", cert, "--tls-key", key)

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def context(self, version):
        ctx = ssl.create_default_context(cafile=self.cert)
        ctx.minimum_version = ctx.maximum_version = version
        return ctx

    def fetch(self, ctx, session=None, path="/api/v2/status.json"):
        raw = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        with ctx.wrap_socket(raw, server_hostname="127.0.0.1", session=session) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            return data, s.session, s.session_reused

    def test_serves_https(self):
        data, _, _ = self.fetch(self.context(ssl.TLSVersion.TLSv1_3))
        self.assertTrue(data.startswith(b"HTTP/1.1 200 OK"), data[:100])
        self.assertIn(b'"indicator":"none"', data)

    def test_hsts_and_secure_cookies(self):
        ctx = self.context(ssl.TLSVersion.TLSv1_3)
        for path in ["/api/v2/status.json", "/", "/nothing-here"]:  # ready bytes and handlers
            data, _, _ = self.fetch(ctx, path=path)
            self.assertIn(b"\r\nStrict-Transport-Security: max-age=31536000\r\n", data, path)
        data, _, _ = self.fetch(ctx, path="/preferences?lang=fr&return=/")
        cookies = [line for line in data.split(b"\r\n") if line.startswith(b"Set-Cookie:")]
        self.assertTrue(cookies)
        for line in cookies:
            self.assertTrue(line.endswith(b"; Secure"), line)

    def test_resumes_tls13_sessions(self):
        ctx = self.context(ssl.TLSVersion.TLSv1_3)
        _, session, reused = self.fetch(ctx)
        self.assertFalse(reused)
        data, _, reused = self.fetch(ctx, session)
        self.assertTrue(reused, "the second handshake should resume the first session")
        self.assertTrue(data.startswith(b"HTTP/1.1 200 OK"))

    def test_resumes_tls12_sessions(self):
        ctx = self.context(ssl.TLSVersion.TLSv1_2)
        _, session, _ = self.fetch(ctx)
        _, _, reused = self.fetch(ctx, session)
        self.assertTrue(reused)

    def test_refuses_plain_http_on_the_tls_port(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            self.assertNotIn(b"200 OK", s.recv(4096))

    def test_missing_key_is_a_usage_error(self):
        proc = subprocess.run([harness.PHARE, "serve", "--db", self.server.db + "x",
                               "--tls-cert", self.cert], capture_output=True, text=True, timeout=30)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("tls-key", proc.stderr)


if __name__ == "__main__":
    unittest.main()
