"""Real receivers for the notification end-to-end tests.

- SmtpSink: Postfix's smtp-sink on a free loopback port, one file per message, parsed back
  with Python's email package (RFC 2047 headers decoded by the parser, not by us).
- WebhookReceiver: tests/support/webhook_receiver.py, which logs every request as JSON.
- Nginx: answers 204 and logs each request's path and webhook-id (for the crash test,
  where 100,000 webhooks must be counted quickly).
Plus helpers over phare's admin API: the page id, incidents, delivery statistics.
"""

import base64
import email
import email.policy
import hashlib
import hmac
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import harness

SUPPORT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support")
SMTP_SINK = "/usr/sbin/smtp-sink"
NGINX = "/usr/sbin/nginx"


def wait_listening(port, proc, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"receiver exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


class SmtpSink:
    """smtp-sink writing each message to its own file in a temporary directory."""

    def __init__(self, dump=True, nice=0):
        self.dir = tempfile.mkdtemp(prefix="phare-mail-")
        os.chmod(self.dir, 0o777)  # smtp-sink runs as nobody when we are root
        self.port = harness.free_port()
        args = ["nice", "-n", str(nice), SMTP_SINK] if nice else [SMTP_SINK]
        if os.geteuid() == 0:
            args += ["-u", "nobody"]
        if dump:  # without, messages are discarded (benchmarks)
            args += ["-d", os.path.join(self.dir, "%Y%m%d%H%M%S.")]
        args += [f"127.0.0.1:{self.port}", "256"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_listening(self.port, self.proc)

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}/phare.test?tls=none"

    def messages(self):
        """Every message received so far, oldest first, as email.message.EmailMessage."""
        out = []
        paths = [os.path.join(self.dir, name) for name in os.listdir(self.dir)]
        for path in sorted(paths, key=lambda p: (os.stat(p).st_mtime_ns, p)):
            with open(path, "rb") as f:
                out.append(email.message_from_binary_file(f, policy=email.policy.default))
        return out

    def wait_count(self, count, timeout=15):
        """At least `count` messages, each written whole: smtp-sink writes a message's file
        as the message arrives, so a file is read once its size holds still."""
        def whole():
            paths = [os.path.join(self.dir, name) for name in os.listdir(self.dir)]
            if len(paths) < count:
                return None
            sizes = [os.path.getsize(p) for p in paths]
            time.sleep(0.05)
            if [os.path.getsize(p) for p in paths] != sizes:
                return None
            messages = self.messages()
            return messages if all(m["To"] is not None for m in messages) else None

        return harness.wait_for(whole, timeout=timeout, what=f"{count} messages")

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


def text_part(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message):
    return message.get_body(preferencelist=("html",)).get_content()


class WebhookReceiver:
    """tests/support/webhook_receiver.py; extra arguments as it takes them."""

    def __init__(self, *args):
        self.dir = tempfile.mkdtemp(prefix="phare-hooks-")
        self.log = os.path.join(self.dir, "requests.jsonl")
        self.proc = subprocess.Popen(
            ["python3", os.path.join(SUPPORT, "webhook_receiver.py"), "--log", self.log, *args],
            stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().split()
        if len(line) != 2 or line[0] != "listening":
            raise AssertionError(f"the webhook receiver did not start: {line}")
        self.port = int(line[1])

    def url(self, path="/hook"):
        return f"http://127.0.0.1:{self.port}{path}"

    def requests(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def wait_count(self, count, timeout=15):
        return harness.wait_for(lambda: len(self.requests()) >= count and self.requests(),
                                timeout=timeout, what=f"{count} webhook requests")

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def verify_webhook(secret, record):
    """Standard Webhooks verification, as docs/notifications.md shows it."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{record['webhook_id']}.{record['webhook_timestamp']}.".encode()
    signed += record["body"].encode("utf-8")
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(sig.partition(",")[2], expected)
               for sig in record["webhook_signature"].split(" ") if sig.startswith("v1,"))


class Nginx:
    """nginx answering 204 to everything, logging "$uri $http_webhook_id" per request."""

    def __init__(self, nice=0):
        self.dir = tempfile.mkdtemp(prefix="phare-nginx-")
        self.port = harness.free_port()
        self.log = os.path.join(self.dir, "ids.log")
        conf = os.path.join(self.dir, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""daemon off; master_process off; worker_processes 1;
error_log {self.dir}/error.log; pid {self.dir}/nginx.pid;
events {{ worker_connections 4096; }}
http {{
  log_format ids '$uri $http_webhook_id';
  access_log {self.log} ids;
  client_body_temp_path {self.dir}/body;
  server {{ listen 127.0.0.1:{self.port}; keepalive_requests 1000000;
    location / {{ return 204; }} }}
}}
""")
        command = [NGINX, "-p", self.dir, "-c", conf]
        if nice:
            command = ["nice", "-n", str(nice)] + command
        self.proc = subprocess.Popen(command,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_listening(self.port, self.proc)

    def lines(self):
        with open(self.log, encoding="utf-8") as f:
            return f.read().splitlines()

    def close(self):
        if self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGQUIT)  # graceful: the log is complete
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def remove(self):
        self.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def write_config(directory, text):
    path = os.path.join(directory, "phare.toml")
    with open(path, "w") as f:
        f.write(text)
    return path


class Admin:
    """phare's admin API with one admin token."""

    def __init__(self, server):
        self.server = server
        self.token = server.token("read,write,admin", name="notify-tests")
        self.page = server.page_id()

    def call(self, method, path, body=None):
        return self.server.admin(method, f"/v1/pages/{self.page}{path}", self.token, body=body)

    def component(self, name):
        r = self.call("POST", "/components", {"component": {"name": name}})
        assert r.status == 201, r.body
        return r.json()["id"]

    def incident(self, name, components, body="", bodies=None, **extra):
        incident = {"name": name, "body": body,
                    "components": {c: "major_outage" for c in components}}
        if bodies:
            incident["phare"] = {"bodies": bodies}
        incident.update(extra)
        r = self.call("POST", "/incidents", {"incident": incident})
        assert r.status == 201, r.body
        return r.json()

    def update(self, incident_id, **fields):
        r = self.call("PATCH", f"/incidents/{incident_id}", {"incident": fields})
        assert r.status == 200, r.body
        return r.json()

    def stats(self):
        r = self.call("GET", "/deliveries/stats")
        assert r.status == 200, r.body
        return r.json()

    def wait_delivered(self, count, channel=None, timeout=20):
        def done():
            s = self.stats()
            n = s["deliveries"][channel]["delivered"] if channel else s["totals"]["delivered"]
            return n >= count and s
        return harness.wait_for(done, timeout=timeout, what=f"{count} delivered")

    def wait_idle(self, timeout=20):
        """Until every fan-out is done and nothing is pending or leased."""
        def idle():
            s = self.stats()
            busy = s["totals"]["pending"] + s["totals"]["leased"]
            running = any(f["finished_at"] is None for f in s["fanouts"])
            return not busy and not running and s
        return harness.wait_for(idle, timeout=timeout, what="the outbox to empty")


def subscribe(server, subscriber, headers=None):
    h = {"Content-Type": "application/json"}
    h.update(headers or {})
    return server.request("POST", "/api/v2/subscribers.json", body={"subscriber": subscriber},
                          headers=h)
