"""Crash safety of notifications: 100,000 webhook subscribers, `phare serve` killed with
SIGKILL once while the fan-out expands and once while deliveries go out, restarted each
time. Every subscriber must receive the update (none lost), and any duplicate must
carry the same webhook-id as the first copy, so receivers can drop it. nginx receives
the webhooks (answering 204) and logs each request's path and webhook-id."""

import collections
import json
import os
import signal
import time
import unittest

import harness
import notify_support as ns

SUBSCRIBERS = 100_000
# nice = 0: under ctest -j2 the other tests would starve a lower-priority pipeline.
# fanout_pause_ms: 1,000 batches of 100 take at least 5 s, so that the test sees the
# fan-out half-way on any machine.
CONFIG = """
[notify]
nice = 0
fanout_batch = 100
fanout_pause_ms = 5
webhook_concurrency = 64
max_per_host = 64
max_outstanding = 4000
"""


class CrashTest(unittest.TestCase):
    def setUp(self):
        self.nginx = ns.Nginx()
        self.server = harness.Phare()
        self.config = ns.write_config(self.server.dir, CONFIG)

    def tearDown(self):
        self.server.close()
        self.nginx.remove()

    def start(self):
        self.server.start("--allow-private-targets", "--config", self.config)

    def kill(self):
        self.assertEqual(self.server.stop(sig=signal.SIGKILL), -signal.SIGKILL)

    def import_subscribers(self):
        path = os.path.join(self.server.dir, "subscribers.jsonl")
        base = f"http://127.0.0.1:{self.nginx.port}/hook/"
        with open(path, "w") as f:
            for i in range(SUBSCRIBERS):
                f.write(json.dumps({"endpoint": f"{base}{i}"}) + "\n")
        out = harness.run_cli("subscriber", "import", "--allow-private-targets", path,
                              "--db", self.server.db)
        self.assertEqual(json.loads(out.stdout)["imported"], SUBSCRIBERS)

    def test_kill_9_during_fanout_and_dispatch_loses_nothing(self):
        started = time.time()
        self.import_subscribers()
        self.start()
        admin = ns.Admin(self.server)
        admin.incident("Strasbourg power outage", [admin.component("SBG")],
                       body="Both grid feeds are down.")

        # 1. Killed while the fan-out is half-way through the subscribers.
        def mid_fanout():
            [fanout] = admin.stats()["fanouts"]
            return fanout["finished_at"] is None and fanout["queued"] >= SUBSCRIBERS // 10
        harness.wait_for(mid_fanout, timeout=60, interval=0.01, what="the fan-out half-way")
        self.kill()
        self.start()

        # 2. Killed again while deliveries are going out.
        def sending():
            s = admin.stats()
            return SUBSCRIBERS // 4 <= s["totals"]["delivered"] < SUBSCRIBERS * 9 // 10
        harness.wait_for(sending, timeout=90, interval=0.02, what="deliveries under way")
        self.kill()
        self.start()

        stats = admin.wait_idle(timeout=120)
        self.assertEqual(stats["deliveries"]["webhook"]["delivered"], SUBSCRIBERS)
        self.assertEqual(stats["totals"]["dead"], 0)
        self.server.stop()
        self.nginx.close()

        ids = collections.defaultdict(set)
        received = 0
        for line in self.nginx.lines():
            path, _, webhook_id = line.partition(" ")
            if path.startswith("/hook/"):
                ids[int(path[len("/hook/"):])].add(webhook_id)
                received += 1
        lost = [i for i in range(SUBSCRIBERS) if i not in ids]
        self.assertEqual(lost, [], f"{len(lost)} subscribers got nothing")
        mixed = [i for i, found in ids.items() if len(found) != 1]
        self.assertEqual(mixed, [], "a duplicate carried another webhook-id")
        self.assertTrue(all(next(iter(v)).startswith("msg_") for v in ids.values()))
        duplicates = received - SUBSCRIBERS
        print(f"\ncrash test: {SUBSCRIBERS} subscribers, {received} webhooks received, "
              f"{duplicates} duplicates (same id), 0 lost, {time.time() - started:.1f} s")


if __name__ == "__main__":
    unittest.main()
