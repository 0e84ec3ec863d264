#!/usr/bin/env python3
"""A webhook receiver for phare's tests: verifies Standard Webhooks signatures.

    webhook_receiver.py --log FILE [--secret whsec_...] [--fail-first N]
                        [--fail-status 503] [--retry-after SECONDS] [--tolerance SECONDS]

Listens on a free 127.0.0.1 port (HTTP/1.1, keep-alive) and prints "listening PORT".
Every request is appended to FILE as one JSON line before the answer is sent: path,
headers of interest, body, client port, whether the signature verified, the status
returned and the most requests seen in progress at once. The first N requests get
--fail-status (with Retry-After if given), later ones 204. A request to /status/NNN
always gets NNN (3xx with a Location). Under /echo, a url_verification request (phare's
endpoint check) is answered 200 {"challenge": ...}; elsewhere it gets 204 like any other,
which does not echo. The signature verification is the Standard Webhooks
algorithm as a receiver implements it (docs/notifications.md shows the same code).
"""
import argparse
import base64
import hashlib
import hmac
import http.server
import json
import sys
import threading
import time


def verify(secret, msg_id, timestamp, signatures, body, tolerance):
    """True if one "v1,<base64>" signature matches and the timestamp is recent."""
    if not (secret and msg_id and timestamp and signatures):
        return False
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    if tolerance > 0 and abs(time.time() - int(timestamp)) > tolerance:
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for candidate in signatures.split(" "):
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


def verification_challenge(body):
    """The challenge of a url_verification request, or None."""
    try:
        message = json.loads(body)
    except ValueError:
        return None
    if isinstance(message, dict) and message.get("type") == "url_verification":
        return message.get("challenge")
    return None


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.count = 0
        self.active = 0
        self.max_active = 0
        self.log = open(args.log, "a", encoding="utf-8")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None

    def log_message(self, *args):
        pass

    def do_POST(self):
        st = self.state
        with st.lock:
            st.count += 1
            st.active += 1
            st.max_active = max(st.max_active, st.active)
            number = st.count
        try:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status, extra = 204, {}
            if self.path.startswith("/status/"):
                status = int(self.path.rsplit("/", 1)[1])
                if 300 <= status < 400:
                    extra["Location"] = "http://127.0.0.1:1/elsewhere"
            elif number <= st.args.fail_first:
                status = st.args.fail_status
                if st.args.retry_after:
                    extra["Retry-After"] = str(st.args.retry_after)
            payload = None
            if self.path.startswith("/echo") and status == 204:
                challenge = verification_challenge(body)
                if challenge is not None:
                    status = 200
                    payload = json.dumps({"challenge": challenge}).encode()
            record = {
                "n": number,
                "path": self.path,
                "client_port": self.client_address[1],
                "content_type": self.headers.get("Content-Type"),
                "user_agent": self.headers.get("User-Agent"),
                "webhook_id": self.headers.get("webhook-id"),
                "webhook_timestamp": self.headers.get("webhook-timestamp"),
                "webhook_signature": self.headers.get("webhook-signature"),
                "authorization": self.headers.get("Authorization"),
                "valid": verify(st.args.secret, self.headers.get("webhook-id"),
                                self.headers.get("webhook-timestamp"),
                                self.headers.get("webhook-signature"), body, st.args.tolerance),
                "body": body.decode("utf-8", "replace"),
                "status": status,
                "max_active": st.max_active,
            }
            with st.lock:
                st.log.write(json.dumps(record, ensure_ascii=False) + "\n")
                st.log.flush()
            if payload is None:
                payload = b"" if status == 204 else b"receiver says %d" % status
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        finally:
            with st.lock:
                st.active -= 1


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops SYNs when a sender opens 8 connections


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--secret", default="")
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--fail-status", type=int, default=503)
    parser.add_argument("--retry-after", type=int, default=0)
    parser.add_argument("--tolerance", type=int, default=0)
    args = parser.parse_args()
    Handler.state = State(args)
    server = Server(("127.0.0.1", 0), Handler)
    print(f"listening {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
