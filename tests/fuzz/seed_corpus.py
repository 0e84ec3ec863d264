#!/usr/bin/env python3
"""Seeds tests/fuzz/corpus/<target>/ from the project's own test data: the API scenarios
(requests and JSON bodies), the e2e inventory files (plain and gzip), the TOML blocks of
docs/, and a few hand-written edge cases per target. Files are named by the SHA-1 of their
content, as libFuzzer names what it finds, so re-running adds nothing twice.

    tests/fuzz/seed_corpus.py            (from the repository's root)
"""
import gzip
import hashlib
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fuzz/corpus"


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def scenario_steps():
    """(method, target, headers, body) of every step of tests/e2e/scenarios/*.scn."""
    for scn in sorted((ROOT / "tests/e2e/scenarios").glob("*.scn")):
        lines = scn.read_text().splitlines()
        i = 0
        while i < len(lines):
            if not lines[i].startswith("### "):
                i += 1
                continue
            i += 1
            if i >= len(lines) or " " not in lines[i]:
                continue
            method, target = lines[i].split(" ", 1)
            i += 1
            headers = []
            while i < len(lines) and lines[i].strip() and not lines[i].startswith("---"):
                headers.append(lines[i])
                i += 1
            body = []
            while i < len(lines) and not lines[i].startswith("---"):
                if lines[i].strip():
                    body.append(lines[i])
                i += 1
            yield method, target, headers, "\n".join(body)


def fill(text):
    return (text.replace("$PAGE", "pg1234567890").replace("$TOKEN", "tok")
            .replace("$READ", "tok").replace("$ADMIN", "tok"))


def http_request(method, target, headers, body, version="1.1"):
    head = [f"{method} {target} HTTP/{version}", "Host: 127.0.0.1"] + headers
    if body:
        head += ["Content-Type: application/json", f"Content-Length: {len(body.encode())}"]
    return "\r\n".join(head) + "\r\n\r\n" + body


def seed_http_and_json():
    for method, target, headers, body in scenario_steps():
        body = fill(body)
        put("http_request", http_request(method, fill(target), [fill(h) for h in headers], body))
        if body.startswith("{") or body.startswith("["):
            put("admin_json", body)
    for raw in [
        "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /healthz HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /api/v2/summary.json HTTP/1.1\r\nHost: a\r\nIf-None-Match: W/\"x\", \"y\", *\r\n"
        "Accept-Encoding: gzip;q=0, br, *;q=0.5\r\n\r\n",
        "POST /v1/pages/p/incidents HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n",
        "GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET /my/%41%zz/summary.json?x=%00&return=/%09/evil.example HTTP/1.1\r\n\r\n",
        "GET /preferences?return=//evil.example/%2e%2e HTTP/1.1\r\nHost: a\r\n"
        "Cookie: phare_session=abc; other=\"q\"\r\n\r\n",
        "GET /history?page=3 HTTP/1.1\r\nHost: a\r\nForwarded: for=\"[2001:db8::1]:80\";proto=https,"
        " for=10.1.2.3\r\nX-Forwarded-For: 203.0.113.9, 10.0.0.1\r\n\r\n",
        "PUT /v1/pages/p/inventory HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
        "Content-Length: 4\r\n\r\n{}\r\n",
        "DELETE /v1/pages/p/components/c HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
        "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n",
    ]:
        put("http_request", raw)
    for body in [
        '{"subscriber": {"email": "reader@example.com", "components": ["a"]}}',
        '{"subscriber": {"phone_country": "FR", "phone_number": "06 12 34 56 78"}}',
        '{"nodes": ["a", {"id": "b", "state": "degraded"}, {"id": "c", "state": "restored"}]}',
        '{"progress": {"restored": 10, "total": 20, "scope": "servers", "at": "2017-11-09T06:21:00Z"}}',
        '{"draft": {"resources_affected": 3, "workaround": {"fr": "Basculez", "en": "Fail over"}}}',
        '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
        'email=reader%40example.com&components%5B%5D=a&phone_country=FR',
    ]:
        put("admin_json", body)


def seed_inventory():
    for path in sorted((ROOT / "tests/e2e/data").glob("inventory-*")):
        data = path.read_bytes()
        put("inventory", b"\x00" + data)            # auto-detected
        put("inventory", b"\x04" + data)            # gzip-compressed by the target
        put("inventory", b"\x00" + gzip.compress(data, mtime=0))  # raw gzip upload
    put("inventory", b"\x02id,kind,name\n\"a,b\",site,\"say \"\"hi\"\"\"\n")
    put("inventory", b"\x01\n\n{\"id\":\"x\",\"kind\":\"server\",\"attributes\":{\"k\":\"v\"}}\n")
    put("inventory", b"\x00")


def seed_time():
    for text in ["2017-11-09T06:21:00Z", "2017-11-09T07:21:00.000+01:00", "2017-11-09 06:21Z",
                 "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2017-11-09T06:21:00+18:00",
                 "-0001-01-01T00:00:00Z", "2017-11-09T06:21:00+99:99", "2017-02-30",
                 "2017-11-09", "Europe/Paris|2017-03-26 02:30", "America/New_York|2017-11-05T01:30:00",
                 "UTC|1970-01-01 00:00", "Asia/Kolkata|9999-12-31 23:59"]:
        put("time", text)


def seed_config():
    for doc in sorted((ROOT / "docs").glob("*.md")):
        for block in re.findall(r"```toml\n(.*?)```", doc.read_text(), re.S):
            put("config", block)
    put("config", '[server]\nlisten = "[::1]:8080"\ntrusted_proxies = ["10.0.0.0/8"]\n'
                  'max_body_bytes = 99999999999999999999\n[page]\ntime_zone = "Mars/Base"\n')


def seed_markdown():
    for method, target, headers, body in scenario_steps():
        for m in re.finditer(r'"body": "((?:[^"\\]|\\.)*)"', body):
            put("markdown", b"\x00" + m.group(1).encode().decode("unicode_escape").encode("utf-8", "replace"))
    for text in [
        "**Both feeds** are down since {time:2017-11-09T06:21:00Z}; next update {date:2017-11-20T12:00:00Z}.",
        "[ok](https://example.com) [bad](javascript:alert(1)) ![img](data:image/png;base64,AA) <script>x</script>",
        "| a | b |\n|---|---|\n| ~~c~~ | www.example.com |\n\n```\ncode <b>\n```\n- [ ] task\n",
        "14:30 CET {time:not-a-time} {time:2017-11-09T06:21:00Z",
    ]:
        put("markdown", b"\x01" + text.encode())


def seed_mime():
    for fields in [
        ["Incident: Strasbourg power outage", "Status", "Both grid feeds are down.\nMore.",
         "<p>Both</p>", "reader@example.com"],
        ["Panne électrique — Strasbourg", "Statut OVH", "Électricité coupée.\r\n" + "é" * 200, "",
         "lecteur@exemple.fr"],
        ["Сбой питания " * 10, "\"Quoted\" <name>", "Текст " * 100, "<b>x</b>", "x@y"],
        ["=?utf-8?B?AA==?= " + "a" * 300, "", "line with trailing space \n." + "x" * 1000, "", ""],
    ]:
        put("mime", "\0".join(fields))


if __name__ == "__main__":
    seed_http_and_json()
    seed_inventory()
    seed_time()
    seed_config()
    seed_markdown()
    seed_mime()
    for folder in sorted(CORPUS.iterdir()):
        print(f"{folder.name}: {len(list(folder.iterdir()))} files")
