"""Local receivers shaped like the social networks' APIs, on 127.0.0.1 only: Mastodon
(POST /api/v1/statuses), Bluesky (com.atproto.server.createSession,
com.atproto.repo.createRecord, com.atproto.repo.getRecord) and X (POST /2/tweets).

Each checks the request as the API documents it (method, path, headers, auth, JSON shape,
length limits, reply references, link facets over UTF-8 byte offsets) and answers like the
real service: ids, uri/cid, errors in the service's own shape, rate limits with their
documented status and headers (Mastodon 429 + X-RateLimit-Reset as an ISO 8601 time,
Bluesky 429 + ratelimit-reset, X 429 + x-rate-limit-reset, both Unix seconds). Anything
else is answered 400/404 *and* recorded in `violations`, which the tests assert empty.

Run by hand to watch what phare posts (e.g. with `phare demo --social-sink URL`):

    python3 tests/e2e/social_receivers.py --port 8790
"""

import argparse
import datetime
import hashlib
import itertools
import json
import re
import sys
import threading
import time
import unicodedata
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "phare-demo"              # Mastodon and X access token
BSKY_HANDLE = "status.demo.test"
BSKY_PASSWORD = TOKEN             # the app password
BSKY_DID = "did:plc:phare0test0status0demo"
TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
URL = re.compile(r"https?://\S+")
X_LIGHT = [(0, 4351), (8192, 8205), (8208, 8223), (8242, 8247)]


def _joins(prev, cp):
    """Whether code point `cp` continues the grapheme ending with `prev` (an approximation
    of UAX #29 good enough for the texts phare writes: combining marks, ZWJ sequences,
    variation selectors, skin tones, flag pairs)."""
    if prev is None:
        return False
    if unicodedata.combining(chr(cp)) or cp == 0x200D or 0xFE00 <= cp <= 0xFE0F:
        return True
    if prev == 0x200D or 0x1F3FB <= cp <= 0x1F3FF:
        return True
    return False


def graphemes(text):
    clusters = []
    prev = None
    ri_open = False
    for ch in text:
        cp = ord(ch)
        if 0x1F1E6 <= cp <= 0x1F1FF:  # regional indicators pair up into flags
            if ri_open:
                clusters[-1] += ch
                ri_open = False
                prev = cp
                continue
            ri_open = True
        else:
            ri_open = False
        if _joins(prev, cp):
            clusters[-1] += ch
        else:
            clusters.append(ch)
        prev = cp
    return clusters


def mastodon_length(text):
    return len(graphemes(URL.sub("x" * 23, text)))


def x_length(text):
    text = unicodedata.normalize("NFC", text)
    total = 23 * len(URL.findall(text))
    for cluster in graphemes(URL.sub("", text)):
        first = ord(cluster[0])
        if first >= 0x1F000 or "\u200d" in cluster:
            total += 2
            continue
        for ch in cluster:
            total += 1 if any(lo <= ord(ch) <= hi for lo, hi in X_LIGHT) else 2
    return total


class State:
    """What the receivers hold: posts per network, every request, the violations."""

    def __init__(self, mastodon_limit=500):
        self.lock = threading.Lock()
        self.mastodon_limit = mastodon_limit
        self.requests = []
        self.violations = []
        self.mastodon = []      # statuses, in order
        self.idempotency = {}   # Idempotency-Key -> status
        self.bluesky = {}       # rkey -> {"uri", "cid", "value"}
        self.bluesky_order = []
        self.x = []
        self.sessions = set()
        self.ids = itertools.count(109_000_000_000_000_001)
        # Failure injection, consumed one at a time: network -> ["rate_limit" | "hang" |
        # "expired"], and how long a rate limit lasts.
        self.inject = {"mastodon": [], "bluesky": [], "x": []}
        self.rate_limit_seconds = 2
        self.release = threading.Event()  # lets a hung request answer
        self.created = threading.Condition(self.lock)

    def posts(self, network):
        with self.lock:
            if network == "bluesky":
                return [self.bluesky[k] for k in self.bluesky_order]
            return list(getattr(self, network))

    def take(self, network):
        with self.lock:
            return self.inject[network].pop(0) if self.inject[network] else None

    def wait_posts(self, network, count, timeout=20):
        deadline = time.time() + timeout
        with self.created:
            while True:
                n = len(self.bluesky_order) if network == "bluesky" else len(getattr(self, network))
                if n >= count:
                    return
                left = deadline - time.time()
                if left <= 0:
                    raise AssertionError(f"{network}: {n} posts, expected {count}")
                self.created.wait(left)


def _iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None  # set by serve()
    echo = False

    def log_message(self, fmt, *args):
        pass

    # --- plumbing -------------------------------------------------------------------
    def answer(self, status, body, headers=None):
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client is gone (a crash test killed it)

    def violation(self, status, message, body):
        with self.state.lock:
            self.state.violations.append(f"{self.command} {self.path}: {message}")
        if self.echo:
            print(f"!! {self.command} {self.path}: {message}", flush=True)
        self.answer(status, body)

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            return None, "Content-Type is not application/json"
        try:
            body = json.loads(raw)
        except ValueError:
            return None, "the body is not JSON"
        if not isinstance(body, dict):
            return None, "the body is not a JSON object"
        return body, None

    def bearer(self):
        auth = self.headers.get("Authorization", "")
        return auth[len("Bearer "):] if auth.startswith("Bearer ") else None

    def record(self, network, body):
        entry = {"network": network, "method": self.command, "path": self.path,
                 "headers": {k.lower(): v for k, v in self.headers.items()}, "json": body,
                 "at": time.time()}
        with self.state.lock:
            self.state.requests.append(entry)
        if self.echo and body is not None and ("status" in body or "text" in body or
                                                "record" in body):
            text = body.get("status") or body.get("text") or body["record"].get("text")
            print(f"[{network}] {text}", flush=True)

    def hang_if_asked(self, network):
        """Holds the answer until `release` is set (a crash test kills phare meanwhile)."""
        if self.state.take(network) == "hang":
            self.state.release.wait(60)
            return True
        return False

    # --- routes ---------------------------------------------------------------------
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/xrpc/com.atproto.repo.getRecord":
            return self.bsky_get_record(urllib.parse.parse_qs(url.query))
        self.violation(404, "no such route", {"error": "NotFound"})

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        routes = {"/api/v1/statuses": self.mastodon_status,
                  "/xrpc/com.atproto.server.createSession": self.bsky_session,
                  "/xrpc/com.atproto.repo.createRecord": self.bsky_create,
                  "/2/tweets": self.x_tweet}
        if path not in routes:
            self.read_json()
            return self.violation(404, "no such route", {"error": "NotFound"})
        routes[path]()

    # --- Mastodon -------------------------------------------------------------------
    def mastodon_status(self):
        body, error = self.read_json()
        self.record("mastodon", body)
        if error:
            return self.violation(400, error, {"error": error})
        if self.bearer() != TOKEN:
            return self.violation(401, "bad or missing bearer token",
                                  {"error": "The access token is invalid"})
        key = self.headers.get("Idempotency-Key")
        if not key:
            return self.violation(400, "no Idempotency-Key", {"error": "Idempotency-Key"})
        text = body.get("status")
        if not isinstance(text, str) or not text.strip():
            return self.violation(422, "no status text", {"error": "Validation failed: Text can't be blank"})
        if mastodon_length(text) > self.state.mastodon_limit:
            return self.violation(422, f"{mastodon_length(text)} characters",
                                  {"error": "Validation failed: Text character limit of "
                                            f"{self.state.mastodon_limit} exceeded"})
        if not re.fullmatch(r"[a-z]{2,3}", str(body.get("language", ""))):
            return self.violation(422, "language is not an ISO 639 code",
                                  {"error": "Validation failed: Language"})
        if body.get("visibility", "public") not in ("public", "unlisted", "private", "direct"):
            return self.violation(422, "bad visibility", {"error": "Validation failed"})
        allowed = {"status", "language", "visibility", "in_reply_to_id", "spoiler_text",
                   "sensitive", "media_ids", "poll", "scheduled_at"}
        if set(body) - allowed:
            return self.violation(422, f"unknown fields {set(body) - allowed}", {"error": "?"})
        reply = body.get("in_reply_to_id")
        with self.state.lock:
            if key in self.state.idempotency:  # the same status again, as Mastodon does
                status = self.state.idempotency[key]
                repeated = True
            else:
                repeated = False
                if reply is not None and not any(s["id"] == reply for s in self.state.mastodon):
                    status = None
                else:
                    sid = str(next(self.state.ids))
                    status = {"id": sid, "created_at": _iso(time.time()),
                              "in_reply_to_id": reply, "language": body["language"],
                              "visibility": body.get("visibility", "public"),
                              "uri": f"https://mastodon.test/users/status/statuses/{sid}",
                              "url": f"https://mastodon.test/@status/{sid}",
                              "content": "<p>" + text + "</p>", "text": text,
                              "idempotency_key": key, "account": {"id": "1", "username": "status"}}
                    self.state.mastodon.append(status)
                    self.state.idempotency[key] = status
                    self.state.created.notify_all()
        if status is None:
            return self.violation(404, "in_reply_to_id names no status", {"error": "Record not found"})
        if not repeated:
            injected = self.state.take("mastodon")
            if injected == "rate_limit":  # undo: the request did not go through
                with self.state.lock:
                    self.state.mastodon.remove(status)
                    del self.state.idempotency[key]
                reset = time.time() + self.state.rate_limit_seconds
                return self.answer(429, {"error": "Too many requests"},
                                   {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                                    "X-RateLimit-Reset": _iso(reset)})
            if injected == "hang":
                self.state.release.wait(60)
        self.answer(200, status, {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "299",
                                  "X-RateLimit-Reset": _iso(time.time() + 300)})

    # --- Bluesky --------------------------------------------------------------------
    def bsky_error(self, status, name, message, headers=None):
        self.answer(status, {"error": name, "message": message}, headers)

    def bsky_session(self):
        body, error = self.read_json()
        self.record("bluesky", body)
        if error:
            return self.violation(400, error, {"error": "InvalidRequest", "message": error})
        if set(body) - {"identifier", "password", "authFactorToken"}:
            return self.violation(400, "unknown fields", {"error": "InvalidRequest"})
        if body.get("identifier") != BSKY_HANDLE or body.get("password") != BSKY_PASSWORD:
            return self.violation(401, "bad identifier or password",
                                  {"error": "AuthenticationRequired",
                                   "message": "Invalid identifier or password"})
        jwt = "eyJhbGciOiJFUzI1NksifQ." + hashlib.sha256(str(time.time()).encode()).hexdigest()
        with self.state.lock:
            self.state.sessions.add(jwt)
        self.answer(200, {"did": BSKY_DID, "handle": BSKY_HANDLE, "accessJwt": jwt,
                          "refreshJwt": jwt + ".refresh", "active": True})

    def bsky_auth(self):
        jwt = self.bearer()
        with self.state.lock:
            ok = jwt in self.state.sessions
        return ok

    def bsky_get_record(self, query):
        self.record("bluesky", None)
        if not self.bsky_auth():
            return self.violation(401, "no session", {"error": "AuthenticationRequired"})
        if query.get("repo") != [BSKY_DID] or query.get("collection") != ["app.bsky.feed.post"]:
            return self.violation(400, f"bad query {query}", {"error": "InvalidRequest"})
        rkey = query.get("rkey", [""])[0]
        with self.state.lock:
            found = self.state.bluesky.get(rkey)
        if not found:
            return self.bsky_error(400, "RecordNotFound", f"Could not locate record: {rkey}")
        self.answer(200, found)

    def check_bsky_record(self, body):
        """The documented shape of createRecord's input; an error message or None."""
        if set(body) - {"repo", "collection", "rkey", "validate", "record", "swapCommit"}:
            return "unknown input fields"
        if body.get("repo") != BSKY_DID or body.get("collection") != "app.bsky.feed.post":
            return "repo or collection"
        if "rkey" in body and not TID.match(body["rkey"]):
            return f"rkey {body['rkey']!r} is not a TID"
        record = body.get("record")
        if not isinstance(record, dict) or record.get("$type") != "app.bsky.feed.post":
            return "record.$type"
        text = record.get("text")
        if not isinstance(text, str) or len(graphemes(text)) > 300 or len(text.encode()) > 3000:
            return "text missing or over 300 graphemes"
        try:
            datetime.datetime.fromisoformat(record.get("createdAt", "").replace("Z", "+00:00"))
        except ValueError:
            return "createdAt"
        if not isinstance(record.get("langs", []), list) or len(record.get("langs", [])) > 3:
            return "langs"
        raw = text.encode()
        for facet in record.get("facets", []):
            index = facet.get("index", {})
            start, end = index.get("byteStart"), index.get("byteEnd")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(raw)):
                return "facet index"
            for feature in facet.get("features", []):
                if feature.get("$type") != "app.bsky.richtext.facet#link":
                    return "facet feature $type"
                if raw[start:end].decode("utf-8", "replace") != feature.get("uri"):
                    return f"facet bytes {raw[start:end]!r} are not its uri"
        reply = record.get("reply")
        if reply is not None:
            for ref in ("root", "parent"):
                r = reply.get(ref) or {}
                if not any(p["uri"] == r.get("uri") and p["cid"] == r.get("cid")
                           for p in self.state.bluesky.values()):
                    return f"reply.{ref} is not a strong ref to an existing post"
        return None

    def bsky_create(self):
        body, error = self.read_json()
        self.record("bluesky", body)
        if error:
            return self.violation(400, error, {"error": "InvalidRequest", "message": error})
        injected = self.state.take("bluesky")
        if injected == "expired":
            with self.state.lock:
                self.state.sessions.discard(self.bearer())
            return self.bsky_error(400, "ExpiredToken", "Token has expired")
        if not self.bsky_auth():
            return self.violation(401, "no session", {"error": "AuthenticationRequired"})
        if injected == "rate_limit":
            reset = int(time.time()) + self.state.rate_limit_seconds
            return self.bsky_error(429, "RateLimitExceeded", "Rate Limit Exceeded",
                                   {"ratelimit-limit": "5000", "ratelimit-remaining": "0",
                                    "ratelimit-reset": str(reset),
                                    "ratelimit-policy": "5000;w=3600"})
        with self.state.lock:
            problem = self.check_bsky_record(body)
            if problem is None:
                rkey = body.get("rkey") or "3k" + hashlib.sha1(str(time.time()).encode()).hexdigest()[:11]
                if rkey in self.state.bluesky:
                    problem = "record already exists"
                else:
                    cid = "bafyrei" + hashlib.sha256(json.dumps(body["record"]).encode()).hexdigest()[:52]
                    post = {"uri": f"at://{BSKY_DID}/app.bsky.feed.post/{rkey}", "cid": cid,
                            "value": body["record"]}
                    self.state.bluesky[rkey] = post
                    self.state.bluesky_order.append(rkey)
                    self.state.created.notify_all()
        if problem:
            return self.violation(400, problem, {"error": "InvalidRequest", "message": problem})
        if injected == "hang":
            self.state.release.wait(60)
        self.answer(200, {"uri": post["uri"], "cid": post["cid"],
                          "commit": {"cid": "bafyreicommit", "rev": "3kabc"},
                          "validationStatus": "valid"})

    # --- X --------------------------------------------------------------------------
    def x_tweet(self):
        body, error = self.read_json()
        self.record("x", body)
        if error:
            return self.violation(400, error, {"title": "Invalid Request", "detail": error})
        if self.bearer() != TOKEN:
            return self.violation(401, "bad bearer token",
                                  {"title": "Unauthorized", "type": "about:blank",
                                   "status": 401, "detail": "Unauthorized"})
        text = body.get("text")
        allowed = {"text", "reply", "quote_tweet_id", "media", "poll", "reply_settings",
                   "for_super_followers_only", "geo", "direct_message_deep_link"}
        if not isinstance(text, str) or set(body) - allowed:
            return self.violation(400, "text missing or unknown fields",
                                  {"title": "Invalid Request", "detail": "bad fields"})
        if x_length(text) > 280:
            return self.violation(400, f"weighted length {x_length(text)}",
                                  {"title": "Invalid Request", "detail": "text is too long"})
        reply = body.get("reply")
        injected = self.state.take("x")
        if injected == "rate_limit":
            reset = int(time.time()) + self.state.rate_limit_seconds
            return self.answer(429, {"title": "Too Many Requests", "detail": "Too Many Requests",
                                     "type": "about:blank", "status": 429},
                               {"x-rate-limit-limit": "200", "x-rate-limit-remaining": "0",
                                "x-rate-limit-reset": str(reset)})
        with self.state.lock:
            if any(t["text"] == text for t in self.state.x):
                duplicate = True
            else:
                duplicate = False
                if reply is not None and not any(
                        t["id"] == reply.get("in_reply_to_tweet_id") for t in self.state.x):
                    tweet = None
                else:
                    tweet = {"id": str(next(self.state.ids)), "text": text,
                             "edit_history_tweet_ids": [], "reply": reply}
                    tweet["edit_history_tweet_ids"].append(tweet["id"])
                    self.state.x.append(tweet)
                    self.state.created.notify_all()
        if duplicate:  # X's documented answer to the same text twice
            return self.answer(403, {"detail": "You are not allowed to create a Tweet with "
                                               "duplicate content.",
                                     "type": "about:blank", "title": "Forbidden", "status": 403})
        if tweet is None:
            return self.violation(400, "in_reply_to_tweet_id names no post",
                                  {"title": "Invalid Request"})
        if injected == "hang":
            self.state.release.wait(60)
        self.answer(201, {"data": {"id": tweet["id"], "text": text,
                                   "edit_history_tweet_ids": tweet["edit_history_tweet_ids"]}})


class Receivers:
    """The three receivers on one loopback port, served from a background thread."""

    def __init__(self, port=0, echo=False, mastodon_limit=500):
        self.state = State(mastodon_limit)
        handler = type("BoundHandler", (Handler,), {"state": self.state, "echo": echo})
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def close(self):
        self.state.release.set()
        self.server.shutdown()
        self.server.server_close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8790)
    args = parser.parse_args()
    receivers = Receivers(args.port, echo=True)
    print(f"Mastodon, Bluesky and X receivers on {receivers.url} "
          f"(token {TOKEN}, Bluesky handle {BSKY_HANDLE}); Ctrl-C stops", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        receivers.close()
        print(f"{len(receivers.state.violations)} violation(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
