"""Social posts end to end: the real `phare serve` posting each published update to local
Mastodon-, Bluesky- and X-shaped receivers (social_receivers.py), which check every request
as the APIs document it and record any deviation as a violation.

- one incident is one thread on each network (the second post replies to the first, the
  third to the second with the first as Bluesky's root);
- rate limits (429 with each network's reset header) are waited out, not turned into
  failures;
- a crash between the network's answer and phare recording it never double-posts;
- the communicator sees and edits pending posts (admin API and CLI), within the limits.

Prints the time from publishing to each network's post (PHARE_SOCIAL_TIMINGS)."""

import json
import os
import signal
import time
import unittest

import harness
import notify_support as ns
import social_receivers as sr
from test_demo import Demo

ACCOUNTS = """
[notify]
allow_private_targets = true

[social]
retry_initial_seconds = 1
retry_max_seconds = 2
lease_seconds = 30

[[social.accounts]]
name = "mastodon-fr"
network = "mastodon"
url = "{url}"
language = "fr"
audience = "general"
token_file = "{dir}/mastodon.token"
{hold}

[[social.accounts]]
name = "bluesky-en-tech"
network = "bluesky"
url = "{url}/"
language = "en"
audience = "technical"
time_zone = "UTC"
handle = "{handle}"
token_env = "PHARE_TEST_BLUESKY_PASSWORD"

[[social.accounts]]
name = "x-en"
network = "x"
url = "{url}"
language = "en"
token_file = "{dir}/x.token"
"""


class SocialTest(unittest.TestCase):
    def setUp(self):
        self.receivers = sr.Receivers()
        self.state = self.receivers.state
        self.server = harness.Phare(env={"PHARE_TEST_BLUESKY_PASSWORD": sr.BSKY_PASSWORD})
        self.write_config()

    def write_config(self, hold=""):
        for name in ("mastodon.token", "x.token"):
            with open(os.path.join(self.server.dir, name), "w") as f:
                f.write(sr.TOKEN + "\n")
        self.config = ns.write_config(self.server.dir, ACCOUNTS.format(
            url=self.receivers.url, dir=self.server.dir, handle=sr.BSKY_HANDLE, hold=hold))

    def tearDown(self):
        self.server.close()
        self.receivers.close()

    def start(self):
        self.server.start("--config", self.config)
        self.admin = ns.Admin(self.server)
        self.component = self.admin.component("Dedicated servers — Strasbourg")

    def posts_api(self, incident_id):
        r = self.admin.call("GET", f"/social_posts?incident_id={incident_id}")
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def wait_settled(self, incident_id, count):
        def settled():
            posts = self.posts_api(incident_id)
            done = [p for p in posts if p["state"] in ("posted", "dead")]
            return len(done) >= count and posts
        return harness.wait_for(settled, timeout=30, what=f"{count} settled posts")

    def assert_no_violations(self):
        self.assertEqual(self.state.violations, [])

    def test_one_incident_is_one_thread_on_each_network(self):
        self.start()
        published = time.time()
        incident = self.admin.incident("Power loss in Strasbourg", [self.component],
                                       body="Investigating.")
        returned = time.time()
        for network in ("mastodon", "bluesky", "x"):
            self.state.wait_posts(network, 1)
        first = {n: self.state.posts(n)[0] for n in ("mastodon", "bluesky", "x")}
        link = f"/incidents/{incident['id']}"
        # Mastodon: French, general audience, the link, the documented request.
        toot = first["mastodon"]
        self.assertTrue(toot["text"].startswith("Panne depuis "), toot["text"])
        self.assertIn("Nous sommes désolés.", toot["text"])
        self.assertIn("Nos équipes sont mobilisées.", toot["text"])
        self.assertTrue(toot["text"].endswith(link), toot["text"])
        self.assertEqual(toot["language"], "fr")
        self.assertIsNone(toot["in_reply_to_id"])
        # Bluesky: English technical, link facet over the link's bytes.
        record = first["bluesky"]["value"]
        self.assertTrue(record["text"].startswith("[Investigating] Outage since "), record)
        self.assertEqual(record["langs"], ["en"])
        self.assertNotIn("reply", record)
        self.assertEqual(len(record["facets"]), 1)
        self.assertTrue(record["facets"][0]["features"][0]["uri"].endswith(link))
        # X: English general.
        tweet = first["x"]
        self.assertIn("We are sorry.", tweet["text"])
        self.assertIsNone(tweet["reply"])

        # The next updates reply to the thread.
        self.admin.update(incident["id"], status="identified", body="Found it.")
        for network in ("mastodon", "bluesky", "x"):
            self.state.wait_posts(network, 2)
        self.admin.update(incident["id"], status="resolved", body="Back.")
        for network in ("mastodon", "bluesky", "x"):
            self.state.wait_posts(network, 3)
        toots = self.state.posts("mastodon")
        self.assertEqual(toots[1]["in_reply_to_id"], toots[0]["id"])
        self.assertEqual(toots[2]["in_reply_to_id"], toots[1]["id"])
        self.assertTrue(toots[2]["text"].startswith("Résolu : "), toots[2]["text"])
        skeets = self.state.posts("bluesky")
        root = {"uri": skeets[0]["uri"], "cid": skeets[0]["cid"]}
        self.assertEqual(skeets[1]["value"]["reply"], {"root": root, "parent": root})
        self.assertEqual(skeets[2]["value"]["reply"],
                         {"root": root, "parent": {"uri": skeets[1]["uri"],
                                                   "cid": skeets[1]["cid"]}})
        tweets = self.state.posts("x")
        self.assertEqual(tweets[1]["reply"], {"in_reply_to_tweet_id": tweets[0]["id"]})
        self.assertEqual(tweets[2]["reply"], {"in_reply_to_tweet_id": tweets[1]["id"]})

        # Every request carried its auth and Mastodon's an Idempotency-Key.
        for req in self.state.requests:
            if req["path"].startswith("/api/v1/statuses"):
                self.assertTrue(req["headers"]["idempotency-key"].startswith("phare-social-"))
                self.assertEqual(req["headers"]["authorization"], f"Bearer {sr.TOKEN}")
        self.assert_no_violations()

        # The admin API shows them posted with the networks' ids; a posted one cannot change.
        posts = self.wait_settled(incident["id"], 9)
        self.assertEqual({p["state"] for p in posts}, {"posted"})
        by_account = {}
        for p in posts:
            by_account.setdefault(p["account"], []).append(p)
        self.assertEqual(by_account["mastodon-fr"][0]["remote_id"], toots[0]["id"])
        self.assertEqual(by_account["bluesky-en-tech"][1]["remote_cid"], skeets[1]["cid"])
        self.assertEqual(by_account["x-en"][2]["remote_id"], tweets[2]["id"])
        self.assertLessEqual(by_account["x-en"][0]["length"], 280)
        r = self.admin.call("PATCH", f"/social_posts/{posts[0]['id']}",
                            {"social_post": {"text": "too late"}})
        self.assertEqual(r.status, 409, r.body)

        first_request = {}
        for req in self.state.requests:
            first_request.setdefault(req["network"], req["at"])
        timings = {n: round((first_request[n] - published) * 1000) for n in first_request}
        print(f"\nPHARE_SOCIAL_TIMINGS publish→request ms (from the POST; "
              f"the POST itself took {round((returned - published) * 1000)} ms): {timings}")

    def test_rate_limits_wait_for_the_documented_reset(self):
        for network in ("mastodon", "bluesky", "x"):
            self.state.inject[network].append("rate_limit")
        self.start()
        incident = self.admin.incident("Network trouble in Roubaix", [self.component])
        posts = self.wait_settled(incident["id"], 3)
        self.assertEqual({p["state"] for p in posts}, {"posted"})
        self.assertEqual({p["attempts"] for p in posts}, {2})
        for network, path in (("mastodon", "/api/v1/statuses"),
                              ("bluesky", "/xrpc/com.atproto.repo.createRecord"),
                              ("x", "/2/tweets")):
            times = [r["at"] for r in self.state.requests if r["path"].startswith(path)]
            self.assertEqual(len(times), 2, network)
            # The retry came once the reset had passed (reset = refusal + 2 s, to the second).
            self.assertGreaterEqual(times[1] - times[0], self.state.rate_limit_seconds - 1,
                                    network)
            self.assertEqual(len(self.state.posts(network)), 1)
        self.assert_no_violations()

    def test_a_crash_after_the_network_answered_never_double_posts(self):
        # One network at a time (the poster sends one post after the other): the network
        # creates the post and holds its answer; phare is killed before it hears back.
        self.start()
        for n, network in enumerate(("mastodon", "bluesky", "x")):
            with self.subTest(network=network):
                self.state.release.clear()
                self.state.inject[network].append("hang")
                before = len(self.state.posts(network))
                incident = self.admin.incident(f"Power loss {n}", [self.component])
                self.state.wait_posts(network, before + 1)
                self.assertEqual(self.server.stop(sig=signal.SIGKILL), -signal.SIGKILL)
                self.state.release.set()
                self.server.start("--config", self.config)
                posts = self.wait_settled(incident["id"], 3)
                self.assertEqual({p["state"] for p in posts}, {"posted"}, posts)
                # The first incident's update below adds one post per network.
                for other in ("mastodon", "bluesky", "x"):
                    expected = n + 1 + (1 if n > 0 else 0)
                    self.assertEqual(len(self.state.posts(other)), expected, other)
                by_account = {p["account"]: p for p in posts}
                if network == "mastodon":
                    keys = [r["headers"]["idempotency-key"] for r in self.state.requests
                            if r["path"] == "/api/v1/statuses"]
                    self.assertEqual(keys[0], keys[1])  # Mastodon answered the same status
                    self.assertEqual(by_account["mastodon-fr"]["remote_id"],
                                     self.state.posts("mastodon")[0]["id"])
                    # The stored id threads the incident's next update.
                    self.admin.update(incident["id"], status="identified", body="Found it.")
                    self.state.wait_posts("mastodon", 2)
                    self.assertEqual(self.state.posts("mastodon")[1]["in_reply_to_id"],
                                     self.state.posts("mastodon")[0]["id"])
                    self.wait_settled(incident["id"], 6)
                if network == "bluesky":
                    self.assertTrue(any(r["path"].startswith("/xrpc/com.atproto.repo.getRecord")
                                        for r in self.state.requests))
                    self.assertEqual(by_account["bluesky-en-tech"]["remote_uri"],
                                     self.state.posts("bluesky")[2]["uri"])
                if network == "x":
                    self.assertEqual(by_account["x-en"]["remote_id"], "")  # refused duplicate
                    self.assertIn("duplicate", by_account["x-en"]["last_error"])
        self.assert_no_violations()

    def test_the_communicator_edits_a_pending_post(self):
        self.write_config(hold="hold_seconds = 3600")
        self.start()
        incident = self.admin.incident("Power loss in Strasbourg", [self.component])
        pending = harness.wait_for(
            lambda: [p for p in self.posts_api(incident["id"]) if p["account"] == "mastodon-fr"],
            what="the drafted post")[0]
        self.assertEqual(pending["state"], "pending")
        self.assertEqual(pending["network"], "mastodon")
        self.assertLessEqual(pending["length"], pending["limit"])
        self.assertEqual(pending["warnings"], [])  # the draft passes the checker
        path = f"/social_posts/{pending['id']}"
        r = self.admin.call("PATCH", path, {"social_post": {"text": "x" * 501}})
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("limit is 500", r.json()["detail"])
        text = "Panne électrique à Strasbourg depuis 7 h 21 (heure de Paris). Retour prévu vers midi."
        r = self.admin.call("PATCH", path, {"social_post": {"text": text}})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual((r.json()["text"], r.json()["edited"]), (text, True))
        # The CLI sees and edits the same posts.
        listed = json.loads(self.server.cli("social", "list", "--incident", incident["id"],
                                            "--config", self.config).stdout)
        self.assertEqual([p["text"] for p in listed if p["account"] == "mastodon-fr"], [text])
        shown = next(p for p in listed if p["id"] == pending["id"])
        self.assertEqual(shown, self.admin.call("GET", path).json())  # the API's very shape
        out = self.server.cli("social", "edit", str(pending["id"]), "--text", text + " Désolés.",
                              "--config", self.config)
        self.assertTrue(json.loads(out.stdout)["edited"])
        bad = self.server.cli("social", "edit", str(pending["id"]), "--text", "",
                              "--config", self.config, check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("text", bad.stderr)
        self.assertEqual(self.state.posts("mastodon"), [])  # held: nothing went out
        self.assert_no_violations()


class DemoSocialTest(unittest.TestCase):
    def test_the_2017_demo_posts_its_thread(self):
        receivers = sr.Receivers()
        demo = Demo("--speed", "3000", "--social-sink", receivers.url)
        try:
            receivers.state.wait_posts("mastodon", 3, timeout=60)
            receivers.state.wait_posts("bluesky", 3, timeout=60)
            toots = receivers.state.posts("mastodon")
            self.assertTrue(toots[0]["text"].startswith(("Panne", "Ralentissement")), toots[0])
            self.assertEqual(toots[0]["language"], "fr")
            skeets = receivers.state.posts("bluesky")
            self.assertTrue(skeets[0]["value"]["text"].startswith("["), skeets[0])
            # Later posts of an incident reply within its thread.
            self.assertTrue(any(t["in_reply_to_id"] for t in toots[1:]), toots)
            self.assertTrue(any("reply" in s["value"] for s in skeets[1:]), skeets)
            self.assertEqual(receivers.state.violations, [])
        finally:
            demo.close()
            receivers.close()


if __name__ == "__main__":
    unittest.main()
