"""What a hostile client on the network can and cannot make the server do (issue 16):
bodies refused before they are read, budgets shared by all connections, and the other
hardening of the HTTP front, over real loopback."""

import http.client
import json
import os
import re
import shutil
import socket
import tempfile
import unittest
from xml.etree import ElementTree

import harness
import notify_support as ns
from test_inventory import big_inventory


def read_head(s):
    """Reads from `s` until the end of a response head (or the connection closes)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def closed_after(s, data=b""):
    """Reads what is left until the server closes `s`; returns everything read."""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk


class ServerWithConfig:
    """A server in its own directory with `config` as its TOML file and its own TMPDIR."""

    def __init__(self, config, *extra):
        self.directory = tempfile.mkdtemp(prefix="phare-sec-")
        self.spool = os.path.join(self.directory, "tmp")
        os.mkdir(self.spool)
        path = os.path.join(self.directory, "phare.toml")
        with open(path, "w") as f:
            f.write(config)
        self.server = harness.Phare("--config", path, *extra, directory=self.directory,
                                    env={"TMPDIR": self.spool})

    def start(self):
        self.server.start()
        return self.server

    def close(self):
        self.server.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


class UploadBeforeAuthTest(unittest.TestCase):
    """Finding 1: an upload is authenticated and routed before any of it is read."""

    @classmethod
    def setUpClass(cls):
        cls.box = ServerWithConfig("[inventory]\nmax_upload_bytes = 200000\n"
                                   "[server]\nmax_spool_bytes = 100000\n")
        cls.server = cls.box.start()
        cls.admin = cls.server.token("admin")
        cls.write = cls.server.token("read,write", name="writer")
        cls.page = cls.server.page_id()
        cls.path = f"/v1/pages/{cls.page}/inventory"

    @classmethod
    def tearDownClass(cls):
        cls.box.close()

    def upload_head(self, path, token, length=90000, expect=True):
        head = f"PUT {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
        if token:
            head += f"Authorization: Bearer {token}\r\n"
        if expect:
            head += "Expect: 100-continue\r\n"
        return (head + f"Content-Length: {length}\r\n\r\n").encode()

    def refused_at_once(self, path, token):
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            s.settimeout(10)
            s.sendall(self.upload_head(path, token))
            answer = closed_after(s)  # no body sent: the answer comes and the server closes
        self.assertNotIn(b"100 Continue", answer)
        self.assertIn(b"application/problem+json", answer)
        self.assertEqual(os.listdir(self.box.spool), [])
        return answer.split(b"\r\n", 1)[0]

    def test_no_token_wrong_token_wrong_page_or_scope_are_refused_before_the_body(self):
        self.assertEqual(self.refused_at_once(self.path, None), b"HTTP/1.1 401 Unauthorized")
        self.assertIn(b" 401 ", self.refused_at_once(self.path, "not-a-token"))
        self.assertEqual(self.refused_at_once("/v1/pages/other/inventory", self.admin),
                         b"HTTP/1.1 404 Not Found")
        self.assertEqual(self.refused_at_once(self.path, self.write), b"HTTP/1.1 403 Forbidden")

    def test_the_right_token_gets_100_continue_and_imports(self):
        body = big_inventory(50).encode()
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            s.settimeout(10)
            s.sendall(self.upload_head(self.path, self.admin, len(body)))
            self.assertTrue(read_head(s).startswith(b"HTTP/1.1 100 Continue"))
            s.sendall(body)
            self.assertTrue(read_head(s).startswith(b"HTTP/1.1 200 "))

    def test_spool_space_is_shared_by_all_connections(self):
        # Larger than the whole budget: 413 without reading.
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            s.settimeout(10)
            s.sendall(self.upload_head(self.path, self.admin, length=150000, expect=False))
            self.assertIn(b" 413 ", closed_after(s).split(b"\r\n", 1)[0])
        # One slow upload holds 90,000 of the 100,000 bytes: a second one is told to wait.
        with socket.create_connection(("127.0.0.1", self.server.port)) as slow:
            slow.settimeout(10)
            slow.sendall(self.upload_head(self.path, self.admin))
            # Asked for its body: it holds 90,000 of the 100,000 bytes.
            self.assertTrue(read_head(slow).startswith(b"HTTP/1.1 100 Continue"))
            with socket.create_connection(("127.0.0.1", self.server.port)) as s:
                s.settimeout(10)
                s.sendall(self.upload_head(self.path, self.admin, length=20000))
                answer = closed_after(s)
            self.assertTrue(answer.startswith(b"HTTP/1.1 503 "), answer[:200])
            self.assertIn(b"Retry-After: 5", answer)
            self.assertIn(b"application/problem+json", answer)
        # Once it is gone, its share is back.
        body = big_inventory(50)

        def imported():
            r = self.server.admin("PUT", self.path, self.admin, body=body,
                                  headers={"Content-Type": "application/x-ndjson"})
            return r.status == 200

        harness.wait_for(imported, what="an upload accepted again")


class BodyLimitsTest(unittest.TestCase):
    """Finding 2: bodies are limited by route from the head, and held within a budget."""

    @classmethod
    def setUpClass(cls):
        cls.box = ServerWithConfig("[server]\nmax_body_memory_bytes = 100000\n")
        cls.server = cls.box.start()
        cls.token = cls.server.token()
        cls.page = cls.server.page_id()

    @classmethod
    def tearDownClass(cls):
        cls.box.close()

    def post_head(self, path, length, token=None):
        head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        if token:
            head += f"Authorization: Bearer {token}\r\n"
        return (head + f"Content-Length: {length}\r\n\r\n").encode()

    def answer_without_body(self, head):
        with socket.create_connection(("127.0.0.1", self.server.port)) as s:
            s.settimeout(10)
            s.sendall(head)
            return closed_after(s)

    def test_public_routes_take_small_bodies_only(self):
        answer = self.answer_without_body(self.post_head("/api/v2/subscribers.json", 100000))
        self.assertTrue(answer.startswith(b"HTTP/1.1 413 "), answer[:200])
        self.assertIn(b"65536", answer)
        answer = self.answer_without_body(self.post_head("/subscribe", 100000))
        self.assertTrue(answer.startswith(b"HTTP/1.1 413 "), answer[:200])

    def test_admin_routes_are_authenticated_before_the_body(self):
        path = f"/v1/pages/{self.page}/components"
        answer = self.answer_without_body(self.post_head(path, 500000))
        self.assertTrue(answer.startswith(b"HTTP/1.1 401 "), answer[:200])

    def test_a_body_for_no_route_is_not_read(self):
        answer = self.answer_without_body(self.post_head("/nothing-here", 500000))
        self.assertTrue(answer.startswith(b"HTTP/1.1 404 "), answer[:200])
        self.assertIn(b"Connection: close", answer)

    def test_bodies_in_memory_share_one_budget(self):
        path = f"/v1/pages/{self.page}/components"
        with socket.create_connection(("127.0.0.1", self.server.port)) as slow:
            slow.settimeout(10)
            head = self.post_head(path, 90000, self.token)
            slow.sendall(head.replace(b"\r\n\r\n", b"\r\nExpect: 100-continue\r\n\r\n"))
            # Asked for its body: it holds 90,000 of the 100,000 bytes.
            self.assertTrue(read_head(slow).startswith(b"HTTP/1.1 100 Continue"))
            answer = self.answer_without_body(self.post_head(path, 20000, self.token))
            self.assertTrue(answer.startswith(b"HTTP/1.1 503 "), answer[:200])
            self.assertIn(b"application/problem+json", answer)

        def created():
            r = self.server.admin("POST", path, self.token, {"component": {"name": "After"}})
            return r.status == 201

        harness.wait_for(created, what="a body accepted again")


class ControlCharacterTest(unittest.TestCase):
    """Finding 8: control characters are refused on input and never reach a feed."""

    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare().start()
        cls.token = cls.server.token()
        cls.page = cls.server.page_id()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_names_and_bodies_with_controls_are_422_naming_the_field(self):
        cases = [
            ("components", {"component": {"name": "Storage\u000b"}}, "component.name"),
            ("incidents", {"incident": {"name": "Down", "body": "a\u0000b"}}, "incident.body"),
            ("incidents", {"incident": {"name": "Down\u0001", "body": "x"}}, "incident.name"),
        ]
        for collection, body, field in cases:
            r = self.server.admin("POST", f"/v1/pages/{self.page}/{collection}", self.token,
                                  json.dumps(body))
            self.assertEqual(r.status, 422, (body, r.body[:300]))
            self.assertEqual(r.headers["content-type"], "application/problem+json")
            self.assertEqual(r.json()["field"], field)
        # Tabs and newlines are text.
        r = self.server.admin("POST", f"/v1/pages/{self.page}/incidents", self.token,
                              {"incident": {"name": "Disk\tarray", "body": "One.\nTwo."}})
        self.assertEqual(r.status, 201, r.body[:300])

    def test_feeds_stay_xml_whatever_got_in(self):
        # The command line does not go through the HTTP input checks.
        self.server.cli("incident", "create", "--name", "Power\x0b cut", "--body", "Gen\x1bset")
        for path in ["/history.atom", "/history.rss"]:
            r = harness.wait_for(lambda: (lambda r: r if b"Power" in r.body else None)(
                self.server.get(path)), what="the incident in " + path)
            root = ElementTree.fromstring(r.body)  # raises on characters XML forbids
            self.assertIn("Power cut", ElementTree.tostring(root, encoding="unicode"))


class RedirectTest(unittest.TestCase):
    """Finding 5: /preferences sends readers back to this site only."""

    def test_return_stays_on_this_site(self):
        with harness.Phare() as server:
            cases = {"/%09/evil.example": "/", "//evil.example": "/", "/%5Cevil.example": "/",
                     "https://evil.example/": "/", "/%0A/evil.example": "/",
                     "/history%3Fpage%3D2": "/history?page=2", "/incidents/x": "/incidents/x"}
            for given, expected in cases.items():
                r = server.get(f"/preferences?lang=fr&return={given}")
                self.assertEqual(r.status, 303, given)
                self.assertEqual(r.headers["location"], expected, given)


class HeadersTest(unittest.TestCase):
    """Finding 10: every page says nosniff and cannot be framed; plain HTTP has no HSTS
    (test_tls.py checks HSTS and Secure cookies under TLS)."""

    def test_pages_not_found_and_my_services_carry_the_policy(self):
        with harness.Phare() as server:
            for path in ["/", "/history", "/nothing-here", "/my/not-a-token",
                         "/api/v2/summary.json", "/history.atom", "/healthz"]:
                r = server.get(path)
                self.assertEqual(r.headers.get("x-content-type-options"), "nosniff", path)
                self.assertNotIn("strict-transport-security", r.headers, path)
                if r.headers["content-type"].startswith("text/html"):
                    self.assertIn("frame-ancestors 'none'",
                                  r.headers.get("content-security-policy", ""), path)


class DescriptorLimitTest(unittest.TestCase):
    """Finding 12: max_connections above the descriptor limit is lowered at start, so
    accept never fails in a loop and the server keeps answering."""

    def test_connections_are_capped_below_the_descriptor_limit(self):
        directory = tempfile.mkdtemp(prefix="phare-nofile-")
        wrapper = os.path.join(directory, "phare-limited")
        with open(wrapper, "w") as f:
            f.write(f'#!/bin/sh\nexec prlimit --nofile=300:300 -- "{harness.PHARE}" "$@"\n')
        os.chmod(wrapper, 0o755)
        saved = harness.PHARE
        harness.PHARE = wrapper
        server = harness.Phare(directory=directory)
        try:
            server.start()
            self.assertIn("max_connections lowered from 50000 to 150", server.read_log())
            sockets = []
            try:
                for _ in range(250):  # more than the descriptors: the surplus is closed
                    sockets.append(socket.create_connection(("127.0.0.1", server.port)))

                def answered():
                    try:
                        with socket.create_connection(("127.0.0.1", server.port)) as s:
                            s.settimeout(5)
                            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                            return s.recv(4096).startswith(b"HTTP/1.1 200")
                    except OSError:
                        return False

                # Connections past the cap are closed at once; once some of ours are
                # closed, a new one is served.
                for s in sockets[:120]:
                    s.close()
                harness.wait_for(answered, what="healthz answered")
            finally:
                for s in sockets:
                    s.close()
            self.assertNotIn("accept failed", server.read_log())
        finally:
            harness.PHARE = saved
            server.stop()
            shutil.rmtree(directory, ignore_errors=True)


class FramingTest(unittest.TestCase):
    """Finding 15: RFC 9112's Host and Transfer-Encoding rules."""

    def test_host_is_required_and_transfer_encoding_needs_http11(self):
        with harness.Phare() as server:
            for request in [b"GET /api/v2/status.json HTTP/1.1\r\n\r\n",
                            b"POST /subscribe HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
                            b"5\r\nhello\r\n0\r\n\r\n"]:
                with socket.create_connection(("127.0.0.1", server.port)) as s:
                    s.settimeout(10)
                    s.sendall(request)
                    answer = closed_after(s)
                self.assertTrue(answer.startswith(b"HTTP/1."), answer[:100])
                self.assertIn(b" 400 ", answer.split(b"\r\n", 1)[0], request)
                self.assertIn(b"application/problem+json", answer)
            with socket.create_connection(("127.0.0.1", server.port)) as s:
                s.settimeout(10)
                s.sendall(b"GET /api/v2/status.json HTTP/1.0\r\n\r\n")
                self.assertIn(b" 200 ", closed_after(s).split(b"\r\n", 1)[0])


class MetricsAccessTest(unittest.TestCase):
    """Finding 15: /metrics behind a token, or on an address of its own."""

    def test_metrics_token(self):
        box = ServerWithConfig('[server]\nmetrics_token = "s3cret"\n')
        try:
            server = box.start()
            r = server.get("/metrics")
            self.assertEqual(r.status, 401)
            self.assertEqual(r.headers["content-type"], "application/problem+json")
            self.assertEqual(server.get("/metrics", {"Authorization": "Bearer wrong"}).status, 401)
            r = server.get("/metrics", {"Authorization": "Bearer s3cret"})
            self.assertEqual(r.status, 200)
            self.assertIn(b"phare_snapshot_version", r.body)
        finally:
            box.close()

    def test_metrics_listen(self):
        port = harness.free_port()
        box = ServerWithConfig(f'[server]\nmetrics_listen = "127.0.0.1:{port}"\n')
        try:
            server = box.start()
            self.assertEqual(server.get("/metrics").status, 404)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                conn.request("GET", "/metrics")
                r = conn.getresponse()
                self.assertEqual(r.status, 200)
                self.assertIn(b"phare_snapshot_version", r.read())
            finally:
                conn.close()
            self.assertEqual(server.stop(), 0)
        finally:
            box.close()


class TrustedProxiesTest(unittest.TestCase):
    """Finding 4: Forwarded / X-Forwarded-For count from trusted proxies only, and each
    public action has its own bucket."""

    def statuses(self, server, forwarded_for):
        out = []
        for address in forwarded_for:
            r = server.request("POST", "/subscribe", body="",
                               headers={"Content-Type": "application/x-www-form-urlencoded",
                                        "X-Forwarded-For": address})
            out.append(r.status)
        return out

    def test_forwarded_for_only_from_trusted_proxies(self):
        config = "[notify]\nsubscribe_per_ip_burst = 2\nsubscribe_per_ip_per_hour = 1\n"
        trusted = ServerWithConfig(config + '[server]\ntrusted_proxies = ["127.0.0.0/8"]\n')
        untrusted = ServerWithConfig(config + '[server]\ntrusted_proxies = ["10.0.0.0/8"]\n')
        try:
            server = trusted.start()
            # Three clients behind the proxy: three buckets.
            self.assertNotIn(429, self.statuses(server, ["203.0.113.1", "203.0.113.2",
                                                         "203.0.113.3"]))
            # One client: its own bucket runs out, whatever it claims further left.
            self.assertEqual(self.statuses(server, ["1.1.1.1, 203.0.113.9"] * 3)[2], 429)
            # Another action, another bucket.
            r = server.request("GET", "/subscriptions/confirm/nope",
                               headers={"X-Forwarded-For": "203.0.113.9"})
            self.assertEqual(r.status, 404)
            server = untrusted.start()
            self.assertEqual(self.statuses(server, ["203.0.113.1", "203.0.113.2",
                                                    "203.0.113.3"])[2], 429)
        finally:
            trusted.close()
            untrusted.close()

    def test_only_the_configured_header_counts_every_line_of_it(self):
        config = ("[notify]\nsubscribe_per_ip_burst = 2\nsubscribe_per_ip_per_hour = 1\n"
                  '[server]\ntrusted_proxies = ["127.0.0.0/8"]\n')
        box = ServerWithConfig(config)
        try:
            server = box.start()
            # The proxy writes X-Forwarded-For; a Forwarded the client wrote is passed along
            # untouched and must not pick the bucket.
            statuses = []
            for n in range(3):
                r = server.request("POST", "/subscribe", body="", headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Forwarded": f"for=198.51.100.{n}", "X-Forwarded-For": "203.0.113.7"})
                statuses.append(r.status)
            self.assertEqual(statuses[2], 429)
            # A client's own X-Forwarded-For line, then the proxy's: the proxy's counts.
            statuses = []
            for n in range(3):
                raw = (f"POST /subscribe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       f"X-Forwarded-For: 198.51.100.{n + 10}\r\n"
                       f"X-Forwarded-For: 203.0.113.8\r\n"
                       f"Content-Type: application/x-www-form-urlencoded\r\n"
                       f"Content-Length: 0\r\nConnection: close\r\n\r\n").encode()
                with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
                    s.sendall(raw)
                    head = s.recv(64).decode("latin-1")
                statuses.append(int(head.split()[1]))
            self.assertEqual(statuses[2], 429)
        finally:
            box.close()


class SubscriberScopeTest(unittest.TestCase):
    """Finding 6: subscribers (addresses, endpoint URLs that are secrets) need the admin
    scope, and listings show endpoint URLs redacted."""

    def test_read_tokens_get_403_and_listings_redact_endpoints(self):
        with harness.Phare() as server:
            admin = server.token("read,write,admin", name="admin")
            read = server.token("read", name="reader")
            base = f"/v1/pages/{server.page_id()}/subscribers"
            secret_url = "https://hooks.example.com/services/T000/B000/XXXXSECRETXXXX"
            r = server.admin("POST", base, admin, {"subscriber": {"endpoint": secret_url}})
            self.assertEqual(r.status, 201, r.body)
            self.assertEqual(r.json()["endpoint"], secret_url)  # shown once, to its creator
            hook_id = r.json()["id"]
            r = server.admin("POST", base, admin, {"subscriber": {
                "email": "jean@example.org", "skip_confirmation_notification": True}})
            self.assertEqual(r.status, 201, r.body)
            for path in (base, f"{base}/{hook_id}", f"{base}?type=webhook"):
                r = server.admin("GET", path, read)
                self.assertEqual(r.status, 403, (path, r.body))
                self.assertEqual(r.headers["content-type"], "application/problem+json")
                self.assertNotIn(b"SECRET", r.body)
                self.assertNotIn(b"jean@", r.body)
            listed = server.admin("GET", base, admin)
            self.assertEqual(listed.status, 200)
            self.assertNotIn(b"XXXXSECRETXXXX", listed.body)
            endpoints = [s["endpoint"] for s in listed.json() if "endpoint" in s]
            self.assertEqual(endpoints, ["https://hooks.example.com/\u2026"])
            one = server.admin("GET", f"{base}/{hook_id}", admin)
            self.assertEqual(one.json()["endpoint"], "https://hooks.example.com/\u2026")
            gone = server.admin("DELETE", f"{base}/{hook_id}", admin)
            self.assertEqual(gone.status, 200)
            self.assertNotIn(b"XXXXSECRETXXXX", gone.body)
            # Delivery statistics hold no address: read is enough.
            stats = server.admin("GET", f"/v1/pages/{server.page_id()}/deliveries/stats", read)
            self.assertEqual(stats.status, 200)


class LookAlikeAddressTest(unittest.TestCase):
    """Finding 3: per-address limits count the mailbox or number, however it is spelled."""

    def subscribe(self, server, subscriber):
        return server.request("POST", "/api/v2/subscribers.json",
                              body={"subscriber": subscriber},
                              headers={"Content-Type": "application/json"}).status

    def test_four_spellings_of_one_address_against_a_limit_of_three(self):
        box = ServerWithConfig("[notify]\nsubscribe_per_address_per_hour = 3\n"
                               "subscribe_per_ip_burst = 20\n")
        try:
            server = box.start()
            spellings = ["jean@example.org",
                         "JEAN@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.org",  # full-width
                         "jean@exam\u00adple.org",  # soft hyphen
                         "jean@example\u3002org"]  # ideographic full stop
            statuses = [self.subscribe(server, {"email": e}) for e in spellings]
            self.assertEqual(statuses, [202, 202, 202, 429])
            # The page's form shares the limit.
            r = server.request("POST", "/subscribe", body="email=Jean%40EXAMPLE.org",
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
            self.assertEqual(r.status, 429)
            numbers = [{"phone_number": "06 12 34 56 78", "phone_country": "FR"},
                       {"phone_number": "+33612345678", "phone_country": "FR"},
                       {"phone_number": "0033 6 12 34 56 78", "phone_country": "FR"},
                       {"phone_number": "(0)6.12.34.56.78", "phone_country": "FR"}]
            statuses = [self.subscribe(server, n) for n in numbers]
            self.assertEqual(statuses, [202, 202, 202, 429])
        finally:
            box.close()


class PublicWebhookTest(unittest.TestCase):
    """Finding 14: public webhook subscriptions prove the endpoint is theirs
    ([notify] public_webhooks)."""

    def setUp(self):
        self.receiver = ns.WebhookReceiver()
        self.boxes = []

    def tearDown(self):
        for box in self.boxes:
            box.close()
        self.receiver.close()

    def server(self, mode=None):
        config = "[notify]\nallow_private_targets = true\n"
        if mode:
            config += f'public_webhooks = "{mode}"\n'
        box = ServerWithConfig(config)
        self.boxes.append(box)
        server = box.start()
        return server, server.token("read,write,admin", name="admin")

    def subscribers(self, server, token):
        return server.admin("GET", f"/v1/pages/{server.page_id()}/subscribers", token).json()

    def test_by_default_the_endpoint_must_echo_a_challenge(self):
        server, token = self.server()
        r = ns.subscribe(server, {"endpoint": self.receiver.url("/echo")})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["subscriber"]["phare"]["state"], "active")
        [check] = self.receiver.requests()
        challenge = json.loads(check["body"])
        self.assertEqual(challenge["type"], "url_verification")
        self.assertGreaterEqual(len(challenge["challenge"]), 24)
        # An endpoint that answers without echoing is not subscribed.
        r = ns.subscribe(server, {"endpoint": self.receiver.url("/hook")})
        self.assertEqual(r.status, 422, r.body)
        self.assertEqual(r.headers["content-type"], "application/problem+json")
        self.assertEqual(r.json()["field"], "subscriber.endpoint")
        self.assertIn("challenge", r.json()["detail"])
        self.assertEqual(len(self.receiver.requests()), 2)
        # Nor one that does not answer at all.
        r = ns.subscribe(server, {"endpoint": "http://127.0.0.1:9/hook"})
        self.assertEqual(r.status, 422, r.body)
        # A chat incoming webhook cannot echo: operators add those.
        r = ns.subscribe(server, {"endpoint": self.receiver.url("/echo/chat"),
                                  "phare": {"channel": "chat"}})
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(len(self.subscribers(server, token)), 1)

    def test_admin_only_refuses_the_public_and_open_takes_anyone(self):
        server, token = self.server("admin_only")
        r = ns.subscribe(server, {"endpoint": self.receiver.url("/echo")})
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(r.headers["content-type"], "application/problem+json")
        self.assertEqual(self.receiver.requests(), [])
        r = server.admin("POST", f"/v1/pages/{server.page_id()}/subscribers", token,
                         {"subscriber": {"endpoint": self.receiver.url("/hook")}})
        self.assertEqual(r.status, 201, r.body)
        # E-mail subscriptions are not concerned.
        self.assertEqual(ns.subscribe(server, {"email": "a@example.org"}).status, 202)
        server, token = self.server("open")
        r = ns.subscribe(server, {"endpoint": self.receiver.url("/hook")})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(self.receiver.requests(), [])


class SubscribeAnswerTest(unittest.TestCase):
    """Finding 9: subscribing answers the same way whether the address is new, pending
    or active (the decision is queued; the work done while answering is the same)."""

    def test_new_pending_and_active_addresses_get_the_same_answer(self):
        sink = ns.SmtpSink()
        box = ServerWithConfig("[notify]\nsubscribe_per_address_per_hour = 10\n",
                               "--smtp", sink.url)
        try:
            server = box.start()
            admin = server.token("read,write,admin", name="admin")
            base = f"/v1/pages/{server.page_id()}/subscribers"

            def answer(path, body, content_type):
                r = server.request("POST", path, body=body,
                                   headers={"Content-Type": content_type})
                headers = {k: v for k, v in r.headers.items() if k != "date"}
                return r.status, headers, r.body

            def api():
                return answer("/api/v2/subscribers.json",
                              {"subscriber": {"email": "Jean@Example.org"}}, "application/json")

            def form():
                return answer("/subscribe", "email=Jean%40Example.org",
                              "application/x-www-form-urlencoded")

            def state():
                listed = server.admin("GET", base, admin).json()
                return listed[0]["phare"]["state"] if listed else None

            new = api()
            harness.wait_for(lambda: state() == "pending", what="the pending subscriber")
            pending = (api(), form())
            [message] = sink.wait_count(1)[:1]
            link = re.search(r"http://127\.0\.0\.1:\d+(/subscriptions/confirm/[A-Za-z0-9_-]{43})",
                             ns.text_part(message)).group(1)
            self.assertEqual(server.request("POST", link).status, 200)
            self.assertEqual(state(), "active")
            active = (api(), form())
            self.assertEqual(new[0], 202)
            self.assertEqual(pending[1][0], 200)
            self.assertEqual(new, pending[0])
            self.assertEqual(new, active[0])
            self.assertEqual(pending[1], active[1])
            self.assertEqual(len(server.admin("GET", base, admin).json()), 1)
        finally:
            box.close()
            sink.close()


if __name__ == "__main__":
    unittest.main()
