#!/usr/bin/env python3
"""End-to-end notification benchmark of the real `phare serve` (run by bench/notify_fanout.sh).

  fanout    one update to N subscribers (default 1,000,000: e-mail, webhooks, SMS, chat;
            2 languages, 12 zones, 2 audiences): seconds from the update to every delivery
            queued (the fan-out job's created_at → finished_at), and the variants rendered.
            Target: <= 10 s.
  page      wrk on /api/v2/summary.json for 10 s before the update, and for 10 s from the
            update on (fan-out, then the first deliveries): requests/s during / before.
            Target: >= 0.8.
  email     Postfix's smtp-source into smtp-sink (the reference), then phare delivering one
            update to M e-mail subscribers into smtp-sink, with the same number of SMTP
            connections: messages/s of each. Target: phare >= 0.8 x smtp-source.
  webhook   phare delivering one update to W webhook subscribers on a local nginx answering
            204: webhooks/s. Target: >= 5,000/s.

Prints one JSON object with every figure (and the targets) on stdout; progress on stderr.
Needs smtp-sink/smtp-source (postfix), nginx and wrk (scripts/install-deps bench).
"""
import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "e2e"))

import harness  # noqa: E402
import notify_support as ns  # noqa: E402

LANGUAGES = ["en", "fr"]
ZONES = ["Europe/Paris", "Europe/London", "America/New_York", "America/Montreal",
         "America/Los_Angeles", "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney",
         "Africa/Casablanca", "America/Sao_Paulo", "Asia/Kolkata", "UTC"]
AUDIENCES = ["general", "technical"]


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def server_time(text):
    return datetime.datetime.fromisoformat(text)


class Run:
    """A phare server over its own database, with its receivers."""

    def __init__(self, phare, config_text, *extra):
        os.environ["PHARE_BIN"] = phare
        harness.PHARE = phare
        self.server = harness.Phare(*extra)
        self.config = ns.write_config(self.server.dir, config_text)

    def import_jsonl(self, lines):
        path = os.path.join(self.server.dir, "subscribers.jsonl")
        with open(path, "w") as f:
            for line in lines:
                f.write(line)
        start = time.time()
        out = subprocess.run([harness.PHARE, "subscriber", "import", "--allow-private-targets",
                              path, "--db", self.server.db, "--log-level", "warn"],
                             capture_output=True, text=True, check=True)
        log(f"  imported {json.loads(out.stdout)['imported']} subscribers in "
            f"{time.time() - start:.1f} s")
        os.remove(path)

    def start(self, *args):
        self.server.start("--allow-private-targets", "--config", self.config, *args)
        self.admin = ns.Admin(self.server)
        self.component = self.admin.component("Dedicated servers SBG")

    def publish(self):
        bodies = [{"audience": a, "language": lang, "body": f"{a}/{lang}: power is out since "
                   "{time:2017-11-09T06:21:00Z}; next update soon."}
                  for a in AUDIENCES for lang in LANGUAGES]
        return self.admin.incident("Strasbourg power outage", [self.component],
                                   body="Both grid feeds are down.", bodies=bodies)

    def wait_fanout(self, timeout=600):
        def done():
            [job] = self.admin.stats()["fanouts"]
            return job["finished_at"] and job
        job = harness.wait_for(done, timeout=timeout, interval=0.05, what="the fan-out")
        return (server_time(job["finished_at"]) - server_time(job["created_at"])).total_seconds(), job

    def delivery_rate(self, channel, count, since, timeout=600):
        """Messages/s from `since` (the update's publication: fan-out included) until
        `count` are delivered."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.admin.stats()["deliveries"][channel]["delivered"] >= count:
                return count / (time.time() - since)
            time.sleep(0.02)
        raise AssertionError(f"{channel}: not all {count} delivered in time")

    def metric(self, name):
        text = self.server.get("/metrics").text()
        match = re.search(rf"^{name} (\d+)", text, re.M)
        return int(match.group(1)) if match else None

    def close(self):
        self.server.close()


def wrk(url, seconds, connections=64):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url],
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def mixed_subscribers(n, hook_base, chat_base):
    for i in range(n):
        lang, zone, aud = LANGUAGES[i % 2], ZONES[(i // 2) % len(ZONES)], AUDIENCES[(i // 3) % 2]
        phare = {"language": lang, "time_zone": zone, "audience": aud}
        kind = i % 20
        if kind < 12:
            sub = {"email": f"reader{i}@example.org"}
        elif kind < 17:
            sub = {"endpoint": f"{hook_base}{i}"}
        elif kind < 19:
            sub = {"phone_number": f"+336{i % 10**8:08d}", "phone_country": "FR"}
            phare["all_updates"] = True
        else:
            sub = {"endpoint": f"{chat_base}{i}"}
            phare["channel"] = "chat"
        sub["phare"] = phare
        yield json.dumps(sub) + "\n"


def bench_fanout(phare, n):
    """Fan-out time on an idle machine, then the page's requests/s around a second run."""
    log(f"fanout: {n} mixed subscribers")
    # The receivers stand for other machines: on this one they must not take the page's CPU.
    sink, nginx = ns.SmtpSink(dump=False, nice=15), ns.Nginx(nice=15)
    config = f"""
[sms]
url = "http://127.0.0.1:{nginx.port}/sms"
[notify]
max_per_host = 64
"""
    template = Run(phare, config)
    runs = []
    try:
        base = f"http://127.0.0.1:{nginx.port}"
        template.import_jsonl(mixed_subscribers(n, base + "/hook/", base + "/chat/"))
        out = {"subscribers": n}
        for phase in ("fanout", "page"):
            run = Run(phare, config)
            runs.append(run)
            shutil.copy(template.server.db, run.server.db)
            run.start("--smtp", sink.url)
            url = f"http://127.0.0.1:{run.server.port}/api/v2/summary.json"
            if phase == "fanout":
                run.publish()
                seconds, job = run.wait_fanout()
                out.update(queued=job["queued"], fanout_seconds=seconds,
                           variants_rendered=run.metric("phare_notify_variants_rendered_total"))
                log(f"  fan-out: {job['queued']} deliveries queued in {seconds:.2f} s, "
                    f"{out['variants_rendered']} variants rendered")
            else:
                before = wrk(url, 10)
                log(f"  page before: {before:.0f} requests/s")
                run.publish()
                during = wrk(url, 10)
                seconds, _ = run.wait_fanout()
                log(f"  page during: {during:.0f} requests/s (the fan-out took {seconds:.2f} s)")
                out.update(page_rps_before=before, page_rps_during=during,
                           page_ratio=during / before, fanout_seconds_under_load=seconds)
            run.close()
        return out
    finally:
        for run in runs:
            run.close()
        template.close()
        sink.close()
        nginx.remove()


def smtp_source_rate(messages, connections):
    sink = ns.SmtpSink(dump=False)
    tmp = tempfile.mkdtemp(prefix="phare-bench-")
    try:
        mail = os.path.join(tmp, "message.txt")
        with open(mail, "w") as f:  # about the size of phare's update mails
            f.write("Subject: Panne electrique a Strasbourg\n\n" +
                    "Nos equipes sont mobilisees. " * 120)
        start = time.time()
        subprocess.run(["/usr/sbin/smtp-source", "-d", "-s", str(connections), "-m",
                        str(messages), "-F", mail, "-f", "status@example.net", "-t",
                        "reader@example.org", f"127.0.0.1:{sink.port}"],
                       check=True, capture_output=True)
        return messages / (time.time() - start)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        sink.close()


def bench_email(phare, messages, connections, nice, rounds):
    """Rounds of (smtp-source, phare) back to back, as the machine's load drifts; the
    median ratio is reported."""
    log(f"email: {messages} messages, {connections} connections, {rounds} rounds")
    template = Run(phare, "")
    template.import_jsonl(json.dumps({"email": f"reader{i}@example.org",
                                      "phare": {"language": LANGUAGES[i % 2]}}) + "\n"
                          for i in range(messages))
    pairs = []
    try:
        for _ in range(rounds):
            reference = smtp_source_rate(messages, connections)
            sink = ns.SmtpSink(dump=False)
            run = Run(phare, f"[smtp]\nconnections = {connections}\n[notify]\nnice = {nice}\n")
            try:
                shutil.copy(template.server.db, run.server.db)
                run.start("--smtp", sink.url)
                since = time.time()
                run.publish()
                rate = run.delivery_rate("email", messages, since)
            finally:
                run.close()
                sink.close()
            log(f"  smtp-source {reference:.0f}/s, phare {rate:.0f}/s: {rate / reference:.2f}")
            pairs.append((reference, rate))
    finally:
        template.close()
    ratios = sorted(rate / reference for reference, rate in pairs)
    return {"messages": messages, "connections": connections, "nice": nice,
            "smtp_source_per_second": [round(r) for r, _ in pairs],
            "phare_per_second": [round(p) for _, p in pairs],
            "ratio_median": ratios[len(ratios) // 2]}


def bench_webhooks(phare, count):
    log(f"webhook: {count} webhooks to nginx")
    nginx = ns.Nginx()
    run = Run(phare, "[notify]\nmax_per_host = 64\nwebhook_concurrency = 64\n")
    try:
        run.import_jsonl(json.dumps({"endpoint": f"http://127.0.0.1:{nginx.port}/hook/{i}"}) + "\n"
                         for i in range(count))
        run.start()
        since = time.time()
        run.publish()
        rate = run.delivery_rate("webhook", count, since)
        log(f"  phare: {rate:.0f} webhooks/s")
        return {"webhooks": count, "per_second": rate}
    finally:
        run.close()
        nginx.remove()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phare", required=True, help="the phare binary")
    parser.add_argument("--subscribers", type=int, default=1_000_000)
    parser.add_argument("--emails", type=int, default=50_000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--webhooks", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3, help="e-mail rounds (median)")
    parser.add_argument("--nice", type=int, default=10,
                        help="[notify] nice for the e-mail run (smtp-source runs at 0)")
    parser.add_argument("--only", choices=["fanout", "email", "webhook"])
    args = parser.parse_args()
    results = {"targets": {"fanout_seconds": 10, "page_ratio": 0.8, "email_ratio": 0.8,
                           "webhooks_per_second": 5000}}
    if args.only in (None, "fanout"):
        results["fanout"] = bench_fanout(args.phare, args.subscribers)
    if args.only in (None, "email"):
        results["email"] = bench_email(args.phare, args.emails, args.connections, args.nice,
                                       args.rounds)
    if args.only in (None, "webhook"):
        results["webhook"] = bench_webhooks(args.phare, args.webhooks)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
