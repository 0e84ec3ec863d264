"""Drives the real `phare` binary for end-to-end tests: starts `phare serve` on a free
loopback port with a temporary database, creates tokens through the CLI, and speaks
HTTP to it with the standard library only. The binary comes from $PHARE_BIN."""

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

PHARE = os.environ.get("PHARE_BIN", "phare")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args, check=True, stdin=None):
    """Runs `phare ARGS`; returns CompletedProcess (text)."""
    proc = subprocess.run([PHARE, *args], capture_output=True, text=True, timeout=60, input=stdin)
    if check and proc.returncode != 0:
        raise AssertionError(f"phare {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return proc


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case name -> value
        self.body = body

    def json(self):
        return json.loads(self.body)

    def text(self):
        return self.body.decode("utf-8")


class Phare:
    """One phare server process with its own temporary directory."""

    def __init__(self, *extra_args, directory=None, time_zone="Europe/Paris", env=None):
        self.dir = directory or tempfile.mkdtemp(prefix="phare-e2e-")
        self.env = None if env is None else {**os.environ, **env}
        self.owns_dir = directory is None
        self.db = os.path.join(self.dir, "phare.db")
        self.port = None
        self.proc = None
        self.extra = list(extra_args)
        self.time_zone = time_zone
        self.scheme = "http"

    def start(self, *extra_args):
        self.port = free_port()
        args = [PHARE, "serve", "--db", self.db, "--listen", f"127.0.0.1:{self.port}",
                "--page-name", "Acme Status", "--time-zone", self.time_zone,
                "--log-level", "warn", *self.extra, *extra_args]
        if "--tls-cert" in args:
            self.scheme = "https"
        self.log = open(os.path.join(self.dir, "server.log"), "ab")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log, env=self.env)
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"phare exited with {self.proc.returncode}: {self.read_log()}")
            try:
                if self.scheme == "http" and self.get("/healthz").status == 200:
                    return self
                if self.scheme == "https":
                    with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                        return self
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError("phare did not become healthy: " + self.read_log())

    def read_log(self):
        with open(os.path.join(self.dir, "server.log"), "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stop(self, sig=signal.SIGTERM, timeout=20):
        """Stops the server; returns its exit code."""
        if not self.proc:
            return None
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self.proc = None
        self.log.close()
        return code

    def close(self):
        self.stop()
        if self.owns_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    def cli(self, *args, check=True):
        return run_cli(*args, "--db", self.db, check=check)

    def token(self, scopes="read,write", name=None):
        name = name or f"test-{scopes.replace(',', '-')}"
        out = self.cli("token", "create", "--name", name, "--scope", scopes).stdout
        return out.strip().splitlines()[-1]

    def page_id(self):
        return self.get("/api/v2/status.json").json()["page"]["id"]

    def request(self, method, path, body=None, headers=None, timeout=10):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            data = body
            if isinstance(body, (dict, list)):
                data = json.dumps(body).encode()
            elif isinstance(body, str):
                data = body.encode()
            conn.request(method, path, body=data, headers=headers or {})
            r = conn.getresponse()
            headers = {}
            for name, value in r.getheaders():  # repeated headers joined, as RFC 9110 allows
                key = name.lower()
                headers[key] = f"{headers[key]}, {value}" if key in headers else value
            return Response(r.status, headers, r.read())
        finally:
            conn.close()

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def admin(self, method, path, token, body=None, headers=None):
        h = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        h.update(headers or {})
        return self.request(method, path, body=body, headers=h)


def wait_for(predicate, timeout=15, interval=0.05, what="condition"):
    """Polls `predicate` until it returns a truthy value (returned) or time runs out."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")
