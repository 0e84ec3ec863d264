"""The phone line on the real server: /hotline/{lang}.txt and its recordings at 8 and 16 kHz
(format, a duration that fits the text, ETags), what Debian's pocketsphinx hears in the
English one, and `phare hotline render` for phone systems that play files."""

import datetime
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import wave

import harness

SPHINX_DICT = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"


def wav_facts(data):
    """(rate, channels, sample width, seconds) of a WAVE file's bytes."""
    with tempfile.NamedTemporaryFile(suffix=".wav") as f:
        f.write(data)
        f.flush()
        with wave.open(f.name, "rb") as w:
            return w.getframerate(), w.getnchannels(), w.getsampwidth(), \
                w.getnframes() / w.getframerate()


def heard(wav_bytes, keyphrases):
    """The keyphrases pocketsphinx spots in 16 kHz audio ({phrase: threshold})."""
    with tempfile.TemporaryDirectory() as d:
        audio = os.path.join(d, "a.wav")
        with open(audio, "wb") as f:
            f.write(wav_bytes)
        kws = os.path.join(d, "kws.txt")
        with open(kws, "w") as f:
            for phrase, threshold in keyphrases.items():
                f.write(f"{phrase} /{threshold}/\n")
        out = subprocess.run(["pocketsphinx_continuous", "-infile", audio, "-kws", kws],
                             capture_output=True, text=True, timeout=300).stdout
    return {p for p in keyphrases if re.search(r"\b" + re.escape(p) + r"\b", out)}


class HotlineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare(time_zone="UTC").start()
        token, page = cls.server.token(), cls.server.page_id()
        cls.token, cls.page = token, page

        def component(name, product):
            return cls.server.admin("POST", f"/v1/pages/{page}/components", token, {
                "component": {"name": name, "status": "operational",
                              "phare": {"product": product, "location": "Frankfurt"}}}).json()["id"]

        dedicated = component("Dedicated servers (FRA)", "dedicated_servers")
        vps = component("VPS (FRA)", "vps")
        yesterday = datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(1)
        cls.server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "FRA power", "status": "identified", "body": "Power lost in FRA.",
            "components": {dedicated: "major_outage"},
            "phare": {"started_at": f"{yesterday}T10:30:00Z"}}})
        fixed = cls.server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "VPS network", "body": "Looking.",
            "components": {vps: "partial_outage"}}}).json()["id"]
        r = cls.server.admin("PATCH", f"/v1/pages/{page}/incidents/{fixed}", token, {"incident": {
            "status": "resolved", "body": "Fixed.", "components": {vps: "operational"}}})
        assert r.status == 200, r.body
        cls.text = harness.wait_for(cls.restored_script, timeout=30, what="the restored script")

    @classmethod
    def restored_script(cls):
        r = cls.server.get("/hotline/en.txt")
        return r.status == 200 and "restored" in r.text() and r.text()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def recording(self, path):
        """The recording of the script self.text (waits while an older one is served)."""
        def fresh():
            r = self.server.get(path)
            return r.status == 200 and self.server.get("/hotline/en.txt").text() == self.text and r
        return harness.wait_for(fresh, timeout=30, what=path)

    def test_script_is_spoken_words(self):
        text = self.text
        self.assertIn("an outage has hit dedicated servers in Frankfurt", text)
        self.assertIn("at ten thirty in the morning", text)
        self.assertIn("Service was restored for virtual private servers in Frankfurt", text)
        self.assertNotRegex(text, r"[0-9]|://|\bFRA\b|\bVPS\b")
        fr = self.server.get("/hotline/fr.txt")
        self.assertEqual(fr.status, 200)
        self.assertEqual(fr.headers["content-type"], "text/plain; charset=utf-8")
        self.assertIn("dix heures trente", fr.text())
        self.assertIn("les serveurs dédiés à Frankfurt", fr.text())

    def test_audio_format_and_duration(self):
        words = len(self.text.split())
        narrow = self.recording("/hotline/en.wav")
        wide = self.recording("/hotline/en-16k.wav")
        self.assertEqual(narrow.headers["content-type"], "audio/wav")
        rate, channels, width, seconds = wav_facts(narrow.body)
        self.assertEqual((rate, channels, width), (8000, 1, 2))
        rate16, channels16, width16, seconds16 = wav_facts(wide.body)
        self.assertEqual((rate16, channels16, width16), (16000, 1, 2))
        self.assertAlmostEqual(seconds, seconds16, delta=0.05)
        # Spoken at about 150 words a minute: between half and twice that long.
        expected = words / 150 * 60
        self.assertGreater(seconds, expected / 2, (words, seconds))
        self.assertLess(seconds, expected * 2, (words, seconds))
        for lang in ("fr", "de", "es", "it"):
            r = self.server.get(f"/hotline/{lang}.wav")
            self.assertEqual(r.status, 200, lang)
            self.assertEqual(wav_facts(r.body)[:3], (8000, 1, 2), lang)

    def test_etags_and_errors(self):
        r = self.recording("/hotline/en.wav")
        etag = r.headers["etag"]
        again = self.server.get("/hotline/en.wav", headers={"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, b"")
        text = self.server.get("/hotline/en.txt")
        self.assertNotEqual(text.headers["etag"], etag)
        missing = self.server.get("/hotline/xx.wav")
        self.assertEqual(missing.status, 404)
        self.assertEqual(missing.headers["content-type"], "application/problem+json")

    def test_pocketsphinx_hears_the_key_words(self):
        wide = self.recording("/hotline/en-16k.wav").body
        wanted = {"restored": "1e-20", "ten thirty": "1e-20", "frankfurt": "1e-30"}
        # Words the script does not say must not be heard at the same thresholds.
        controls = {p: t for p, t in {"cancelled": "1e-20", "eleven fifteen": "1e-20",
                                      "chicago": "1e-30"}.items() if p not in self.text.lower()}
        got = heard(wide, {**wanted, **controls})
        self.assertEqual(got & set(wanted), set(wanted), self.text)
        self.assertEqual(got & set(controls), set(), self.text)

    def test_cli_renders_files(self):
        out = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, out)
        r = harness.run_cli("hotline", "render", "--db", self.server.db, "--out", out,
                            "--lang", "fr")
        summary = json.loads(r.stdout)
        self.assertEqual([s["language"] for s in summary], ["fr"])
        self.assertGreater(summary[0]["audio_seconds"], 5)
        self.assertEqual(sorted(os.listdir(out)), ["fr-16k.wav", "fr.txt", "fr.wav"])
        with open(os.path.join(out, "fr.txt"), encoding="utf-8") as f:
            self.assertIn("les serveurs dédiés à Frankfurt", f.read())
        with open(os.path.join(out, "fr.wav"), "rb") as f:
            self.assertEqual(wav_facts(f.read())[:3], (8000, 1, 2))
        bad = harness.run_cli("hotline", "render", "--db", self.server.db, "--out", out,
                              "--lang", "xx", check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("--lang", bad.stderr)


if __name__ == "__main__":
    unittest.main()
