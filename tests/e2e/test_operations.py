"""Operators are told what matters: an overdue update (log, metric, ops webhook), and a
restoration estimate the data disagrees with, before they publish it."""

import http.server
import json
import os
import threading
import time
import unittest

import harness


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


class Receiver(http.server.BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class OperationsTest(unittest.TestCase):
    def test_overdue_update_warns_operators(self):
        receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        threading.Thread(target=receiver.serve_forever, daemon=True).start()
        server = harness.Phare()
        try:
            config = os.path.join(server.dir, "phare.toml")
            with open(config, "w") as f:
                f.write(f'[cadence]\nops_webhook = "http://127.0.0.1:{receiver.server_port}/ops"\n')
            server.extra = ["--config", config]
            server.start()
            token, page = server.token(), server.page_id()
            r = server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
                "name": "Slow API", "body": "Investigating.",
                "phare": {"next_update_at": iso(time.time() + 1)}}})
            self.assertEqual(r.status, 201, r.body)
            incident = r.json()["id"]
            event = harness.wait_for(lambda: Receiver.received and Receiver.received[0],
                                     timeout=30, what="the ops webhook")
            self.assertEqual(event["event"], "cadence.overdue")
            self.assertEqual(event["incident"]["id"], incident)
            self.assertIn("Slow API", event["text"])
            metrics = server.get("/metrics").text()
            self.assertIn("phare_cadence_overdue_incidents 1", metrics)
            self.assertIn("phare_cadence_warnings_total 1", metrics)
            self.assertIn("cadence", server.read_log())
            # A new update keeps the promise again.
            server.admin("PATCH", f"/v1/pages/{page}/incidents/{incident}", token,
                         {"incident": {"body": "Still on it."}})
            harness.wait_for(lambda: "phare_cadence_overdue_incidents 0"
                             in server.get("/metrics").text(), timeout=30, what="the warning to clear")
        finally:
            server.close()
            receiver.shutdown()

    def test_check_tells_an_operator_the_data_disagrees_before_publishing(self):
        with harness.Phare() as server:
            token, page = server.token(), server.page_id()
            now = time.time()
            r = server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
                "name": "Strasbourg power outage", "body": "Servers are down.",
                "phare": {"started_at": iso(now - 3 * 3600), "cause": "power"}}})
            self.assertEqual(r.status, 201, r.body)
            incident = r.json()["id"]
            for hours_ago, restored in [(2.5, 0), (1.5, 400), (0.5, 900)]:
                s = server.admin("POST", f"/v1/pages/{page}/incidents/{incident}/progress", token,
                                 {"progress": {"restored": restored, "total": 10000,
                                               "at": iso(now - hours_ago * 3600)}})
                self.assertEqual(s.status, 201, s.body)
            check = server.admin("POST", f"/v1/pages/{page}/incidents/{incident}/check", token,
                                 {"check": {"phare": {"estimate": {"to": iso(now + 600)}}}})
            self.assertEqual(check.status, 200, check.body)
            self.assertTrue(check.json()["warnings"], check.json())
            # Nothing was published by the check.
            shown = server.admin("GET", f"/v1/pages/{page}/incidents/{incident}", token).json()
            self.assertEqual(len(shown["incident_updates"]), 1)
            self.assertNotEqual(shown["phare"]["estimate"]["source"], "operator")


if __name__ == "__main__":
    unittest.main()
