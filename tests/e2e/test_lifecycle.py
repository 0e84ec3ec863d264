"""Start, stop, restart: graceful shutdown, durability, and writes by other processes."""

import os
import signal
import socket
import subprocess
import time
import unittest

import harness


class LifecycleTest(unittest.TestCase):
    def test_data_survives_a_restart(self):
        server = harness.Phare()
        try:
            server.start()
            token, page = server.token(), server.page_id()
            r = server.admin("POST", f"/v1/pages/{page}/components", token,
                             {"component": {"name": "Persisted"}})
            self.assertEqual(r.status, 201)
            self.assertEqual(server.stop(), 0)
            server.start()
            self.assertEqual(server.page_id(), page)
            names = [c["name"] for c in server.get("/api/v2/components.json").json()["components"]]
            self.assertEqual(names, ["Persisted"])
            # The token still works after the restart.
            self.assertEqual(server.admin("GET", f"/v1/pages/{page}/components", token).status, 200)
        finally:
            server.close()

    def test_sigterm_finishes_requests_in_flight_then_exits_0(self):
        server = harness.Phare()
        try:
            server.start()
            token, page = server.token(), server.page_id()
            body = b'{"component": {"name": "Landed during shutdown"}}'
            s = socket.create_connection(("127.0.0.1", server.port))
            head = (f"POST /v1/pages/{page}/components HTTP/1.1\r\nHost: x\r\n"
                    f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode()
            s.sendall(head + body[:10])  # the request is in flight
            time.sleep(0.3)
            idle = socket.create_connection(("127.0.0.1", server.port))  # an idle keep-alive
            server.proc.send_signal(signal.SIGTERM)
            time.sleep(0.3)
            s.sendall(body[10:])
            s.settimeout(10)
            answer = b""
            while b"\r\n\r\n" not in answer:
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
            self.assertTrue(answer.startswith(b"HTTP/1.1 201"), answer[:200])
            self.assertIn(b"Connection: close", answer)
            idle.settimeout(10)
            self.assertEqual(idle.recv(10), b"")  # closed without waiting for the timeout
            self.assertEqual(server.proc.wait(timeout=15), 0)
            server.proc = None
            server.log.close()
            server.start()
            names = [c["name"] for c in server.get("/api/v2/components.json").json()["components"]]
            self.assertEqual(names, ["Landed during shutdown"])
        finally:
            server.close()

    def test_sigint_exits_0(self):
        with harness.Phare() as server:
            self.assertEqual(server.stop(signal.SIGINT), 0)

    def test_writes_by_the_cli_reach_the_running_page(self):
        with harness.Phare() as server:
            server.cli("component", "create", "--name", "Added by the CLI")
            harness.wait_for(lambda: "Added by the CLI" in server.get("/").text(),
                             what="the page to show a component created by another process")

    def test_a_taken_port_is_a_clear_error(self):
        with harness.Phare() as server:
            proc = subprocess.run([harness.PHARE, "serve", "--db", server.db + "2", "--listen",
                                   f"127.0.0.1:{server.port}"], capture_output=True, text=True,
                                  timeout=30)
            self.assertNotEqual(proc.returncode, 0)
            self.assertIn("cannot listen", proc.stderr)

    def test_an_unwritable_database_is_a_clear_error(self):
        proc = subprocess.run([harness.PHARE, "serve", "--db", "/nonexistent/dir/phare.db"],
                              capture_output=True, text=True, timeout=30)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("phare: error:", proc.stderr)
        self.assertIn("/nonexistent/dir/phare.db", proc.stderr)


class MaintenanceScheduleTest(unittest.TestCase):
    def test_maintenance_starts_and_completes_on_schedule(self):
        with harness.Phare() as server:
            token, page = server.token(), server.page_id()
            comp = server.admin("POST", f"/v1/pages/{page}/components", token,
                                {"component": {"name": "Routers"}}).json()["id"]
            now = time.time()
            fmt = lambda t: time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
            r = server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
                "name": "Short window", "status": "scheduled",
                "scheduled_for": fmt(now + 2), "scheduled_until": fmt(now + 4),
                "scheduled_auto_in_progress": True, "scheduled_auto_completed": True,
                "component_ids": [comp]}})
            self.assertEqual(r.status, 201, r.body)

            def component_status():
                return server.get("/api/v2/components.json").json()["components"][0]["status"]

            harness.wait_for(lambda: component_status() == "under_maintenance", timeout=20,
                             what="the window to start")
            active = server.get("/api/v2/scheduled-maintenances/active.json").json()
            self.assertEqual(active["scheduled_maintenances"][0]["status"], "in_progress")
            harness.wait_for(lambda: component_status() == "operational", timeout=20,
                             what="the window to complete")
            done = server.get("/api/v2/scheduled-maintenances.json").json()
            self.assertEqual(done["scheduled_maintenances"][0]["status"], "completed")


if __name__ == "__main__":
    unittest.main()
