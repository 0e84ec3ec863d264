#!/usr/bin/env python3
"""The operator console under load (`bench/run BUILD console`).

Starts `phare serve` on a free loopback port with a page of 40 components and 3 open
incidents, creates an admin through the CLI and signs in like a browser, then measures:
  - declare → public: a power-loss incident declared through the console's form, and
    the time until /api/v2/summary.json (what the public page and widgets read) shows it,
    over BENCH_CONSOLE_ROUNDS rounds (default 10);
  - the dashboard (/admin, server-rendered per request) under wrk with 200 connections
    for BENCH_DURATION (default 10s): req/s, p50, p99, errors.
Loopback only; everything it starts is stopped on exit."""

import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "e2e"))

import harness  # noqa: E402
from console_support import Browser, create_user  # noqa: E402


def setup(server):
    token = server.token("read,write,admin")
    page = server.page_id()
    ids = []
    for i in range(40):
        c = server.admin("POST", f"/v1/pages/{page}/components", token,
                         {"component": {"name": f"Service {i:02d} — Site {i % 8}"}}).json()
        ids.append(c["id"])
    for i in range(3):
        server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": f"Open incident {i}", "status": "investigating", "impact": "major",
            "body": "We are investigating.", "component_ids": ids[i * 3:i * 3 + 3]}})
    return ids


def declare_to_public(server, browser, component, rounds):
    waits = []
    for i in range(rounds):
        name = f"Power loss in bench site {i}"
        start = time.monotonic()
        r = browser.post("/admin/declare", {"template": "power", "name": name,
                                            "component": component})
        assert r.status == 303, (r.status, r.text()[:300])
        while name not in server.get("/api/v2/summary.json").text():
            if time.monotonic() - start > 10:
                raise AssertionError("the public summary never showed " + name)
            time.sleep(0.005)
        waits.append(time.monotonic() - start)
    return waits


def wrk_dashboard(server, cookie, duration):
    out = subprocess.run(["wrk", "-t2", "-c200", f"-d{duration}", "--latency",
                          "-H", f"Cookie: phare_console={cookie}",
                          f"http://127.0.0.1:{server.port}/admin"],
                         capture_output=True, text=True, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    p50 = re.search(r"50%\s+(\S+)", out).group(1)
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, (errors.group(1) if errors else "none"), (non2xx.group(1) if non2xx else "0")


def main():
    rounds = int(os.environ.get("BENCH_CONSOLE_ROUNDS", "10"))
    duration = os.environ.get("BENCH_DURATION", "10s")
    with harness.Phare("--threads", "2") as server:  # started by the `with`
        ids = setup(server)
        create_user(server, "bench@example.com", "admin")
        browser = Browser(server)
        assert browser.sign_in("bench@example.com").status == 303
        waits = declare_to_public(server, browser, ids[-1], rounds)
        print(f"console declare -> public summary.json: median {statistics.median(waits) * 1000:.0f} ms,"
              f" max {max(waits) * 1000:.0f} ms over {rounds} rounds")
        rps, p50, p99, errors, non2xx = wrk_dashboard(server, browser.cookie, duration)
        print(f"console dashboard /admin, 200 connections, {duration}: {rps} req/s,"
              f" p50 {p50}, p99 {p99}, socket errors: {errors}, non-2xx: {non2xx}")


if __name__ == "__main__":
    main()
