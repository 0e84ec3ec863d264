"""The public pages in a real browser (Debian's Chromium, driven through chromedriver's
WebDriver HTTP API with the standard library): landmarks, text alternatives for colour,
contrast, a phone-sized screen, and no JavaScript needed."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
import urllib.request

import harness

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Relative luminance contrast (WCAG 2.x) of each element's text against the first
# opaque background behind it; returns the failures.
CONTRAST_JS = r"""
function lum(c){const m=c.match(/[\d.]+/g).map(Number);const f=v=>{v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4)};return 0.2126*f(m[0])+0.7152*f(m[1])+0.0722*f(m[2]);}
function bg(e){for(;e;e=e.parentElement){const c=getComputedStyle(e).backgroundColor;const a=c.match(/[\d.]+/g);if(a&&(a.length<4||Number(a[3])>0.5))return c;}return 'rgb(255,255,255)';}
const bad=[];
for(const e of document.querySelectorAll('.status, .banner p, .meta, time, a, p, h1, h2, h3')){
  if(!e.textContent.trim())continue;
  const l1=lum(getComputedStyle(e).color), l2=lum(bg(e));
  const ratio=(Math.max(l1,l2)+0.05)/(Math.min(l1,l2)+0.05);
  if(ratio<4.5)bad.push(e.className+' '+e.tagName+' '+ratio.toFixed(2)+' '+e.textContent.trim().slice(0,30));
}
return bad;
"""


class WebDriver:
    def __init__(self, scripts=False):
        self.port = harness.free_port()
        self.profile = tempfile.mkdtemp(prefix="phare-chromium-")
        self.proc = subprocess.Popen([CHROMEDRIVER, f"--port={self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        harness.wait_for(self._up, timeout=20, what="chromedriver")
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={self.profile}"]
        if not scripts:
            args.append("--blink-settings=scriptEnabled=false")
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": CHROMIUM, "args": args}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def _up(self):
        try:
            return self.call("GET", "/status")["ready"]
        except OSError:
            return False

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data,
                                     method=method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())["value"]

    def do(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def open(self, url):
        self.do("POST", "/url", {"url": url})

    def js(self, script):
        return self.do("POST", "/execute/sync", {"script": script, "args": []})

    def find(self, css):
        """The WebDriver id of the first element matching `css`."""
        found = self.do("POST", "/element", {"using": "css selector", "value": css})
        return next(iter(found.values()))

    def type(self, css, text):
        self.do("POST", f"/element/{self.find(css)}/value", {"text": text})

    def click(self, css):
        self.do("POST", f"/element/{self.find(css)}/click", {})

    def screenshot(self, path):
        """Saves a PNG of the viewport."""
        import base64
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.do("GET", "/screenshot")))

    def size(self, width, height):
        self.do("POST", "/window/rect", {"width": width, "height": height})

    def close(self):
        try:
            self.do("DELETE", "")
        finally:
            self.proc.terminate()
            self.proc.wait(timeout=20)
            shutil.rmtree(self.profile, ignore_errors=True)


@unittest.skipUnless(os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER),
                     "chromium and chromium-driver are installed by scripts/install-deps test")
class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Phare().start()
        token, page = cls.server.token(), cls.server.page_id()
        group = cls.server.admin("POST", f"/v1/pages/{page}/component-groups", token,
                                 {"component_group": {"name": "Strasbourg"}}).json()["id"]
        ids = []
        for name, status in [("Dedicated servers", "major_outage"), ("VPS", "partial_outage"),
                             ("Web hosting", "degraded_performance"), ("Network", "operational"),
                             ("Object storage", "under_maintenance")]:
            ids.append(cls.server.admin("POST", f"/v1/pages/{page}/components", token, {
                "component": {"name": name, "status": status, "group_id": group}}).json()["id"])
        inc = cls.server.admin("POST", f"/v1/pages/{page}/incidents", token, {"incident": {
            "name": "Power outage <script>alert(1)</script>",
            "body": "Both grid feeds are down.\n\nWe are on it & will update you.",
            "components": {ids[0]: "major_outage"}}}).json()
        cls.incident = inc["id"]
        cls.driver = WebDriver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.close()
        cls.server.close()

    def url(self, path):
        return f"http://127.0.0.1:{self.server.port}{path}"

    def test_landmarks_and_language(self):
        self.driver.open(self.url("/"))
        found = self.driver.js("return ['header','nav','main','footer'].map(t => document.querySelectorAll(t).length)")
        self.assertEqual(found, [1, 1, 1, 1])
        self.assertEqual(self.driver.js("return document.documentElement.lang"), "en")
        self.assertTrue(self.driver.js("return document.title").startswith("Acme Status"))
        self.assertEqual(self.driver.js("return document.querySelectorAll('script').length"), 0)
        self.assertEqual(self.driver.js("return document.querySelector('[role=status]').textContent.trim()"),
                         "✕ Major System Outage")

    def test_every_status_is_written_not_only_coloured(self):
        self.driver.open(self.url("/"))
        labels = self.driver.js(
            "return [...document.querySelectorAll('.status')].map(e => e.textContent.replace(/^\\W+/, '').trim())")
        for expected in ["Major outage", "Partial outage", "Degraded performance", "Operational",
                         "Under maintenance"]:
            self.assertIn(expected, labels)
        hidden = self.driver.js(
            "return [...document.querySelectorAll('.status [aria-hidden=true]')].length")
        self.assertGreater(hidden, 0)  # the glyphs are decorative

    def test_contrast_meets_wcag_aa(self):
        for path in ["/", f"/incidents/{self.incident}", "/history"]:
            with self.subTest(path=path):
                self.driver.open(self.url(path))
                self.assertEqual(self.driver.js(CONTRAST_JS), [])

    def test_fits_a_phone_screen(self):
        self.driver.size(360, 740)
        try:
            for path in ["/", f"/incidents/{self.incident}"]:
                with self.subTest(path=path):
                    self.driver.open(self.url(path))
                    overflow = self.driver.js(
                        "return document.documentElement.scrollWidth - window.innerWidth")
                    self.assertLessEqual(overflow, 0)
        finally:
            self.driver.size(1200, 900)

    def test_incident_page_and_escaping(self):
        self.driver.open(self.url(f"/incidents/{self.incident}"))
        heading = self.driver.js("return document.querySelector('main h2').textContent")
        self.assertEqual(heading, "Power outage <script>alert(1)</script>")  # shown as text
        self.assertEqual(self.driver.js("return document.querySelectorAll('script').length"), 0)
        paragraphs = self.driver.js("return [...document.querySelectorAll('.body p')].map(p => p.textContent)")
        self.assertEqual(paragraphs, ["Both grid feeds are down.", "We are on it & will update you."])
        zone = self.driver.js("return document.querySelector('time').textContent")
        self.assertRegex(zone, r"\d{1,2}:\d\d\s?(AM|PM)? (CET|CEST)$")


if __name__ == "__main__":
    unittest.main()
