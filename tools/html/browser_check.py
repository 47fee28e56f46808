#!/usr/bin/env python3
"""Open kyc-precheck's HTML reports in a real browser (Debian's headless `chromium`) and check
what a person would see: every finding visible with its message, every embedded picture
loaded (naturalWidth > 0), the overlays drawn, no console error, nothing fetched from the
network, no sideways scrolling on a phone, and an A4 print that works.

Python standard library only. Chromium is driven over --remote-debugging-pipe (the DevTools
protocol on file descriptors 3 and 4), so no port is opened.

    python3 tools/html/browser_check.py [--binary target/debug/kyc-precheck]
                                        [--out DIR] [--screenshot docs/html-report.png]

The reports are generated from the fixtures by the binary; the JSON report of the same run is
the reference for which findings must be on each page. Exit 0 when every page passes.
"""

import argparse
import base64
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-22"
GLARE_CASE = "fixtures/diagnose/expired_glare/profile.json"
SELFIE = "fixtures/images/selfie_hopper.jpg"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]
DESKTOP = {"width": 1100, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}

# What the page shows, read in the browser after layout.
PROBE = r"""
(() => {
  const shown = el => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
      && parseFloat(s.opacity) > 0;
  };
  return JSON.stringify({
    findings: [...document.querySelectorAll('li.finding')].map(el => ({
      code: el.dataset.code, subject: el.dataset.subject, visible: shown(el), text: el.innerText })),
    images: [...document.images].map(img => ({
      alt: img.alt, complete: img.complete, naturalWidth: img.naturalWidth, visible: shown(img) })),
    overlays: [...document.querySelectorAll('svg.overlay g.ov')].map(g => ({
      kind: g.dataset.kind, visible: g.getBBox().width > 0 })),
    rows: document.querySelectorAll('tr.case').length,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  });
})()
"""


class Browser:
    """One headless Chromium, one tab, spoken to over the DevTools pipe."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="kyc-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        cmd = [
            "sh", "-c", f'exec "$@" 3<&{to_child_r} 4>&{from_child_w}', "sh",
            chromium, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "about:blank",
        ]
        self.proc = subprocess.Popen(
            cmd, pass_fds=(to_child_r, from_child_w),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._messages = queue.Queue()
        self._next_id = 0
        self.events = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call(
            "Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)

    def _read(self):
        buf = b""
        while True:
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                self._messages.put(None)
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                self._messages.put(json.loads(raw))

    def _drain_stderr(self):
        # Chromium's own log lines (GPU, dbus) are not the page's console: read and drop them
        # so the pipe never fills.
        for _ in self.proc.stderr:
            pass

    def call(self, method, params=None, session=False, timeout=60):
        self._next_id += 1
        msg = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._messages.get(timeout=max(0.1, deadline - time.monotonic()))
            if reply is None:
                raise RuntimeError("chromium closed the DevTools pipe")
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
            if time.monotonic() > deadline:
                raise TimeoutError(method)

    def wait_event(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        while not any(e["method"] == method for e in self.events):
            reply = self._messages.get(timeout=max(0.1, deadline - time.monotonic()))
            if reply is None:
                raise RuntimeError("chromium closed the DevTools pipe")
            if "method" in reply:
                self.events.append(reply)
            if time.monotonic() > deadline:
                raise TimeoutError(method)

    def open(self, path, device):
        self.call("Emulation.setDeviceMetricsOverride", {**device, "screenWidth": device["width"],
                  "screenHeight": device["height"]}, session=True)
        self.events = []
        self.call("Page.navigate", {"url": path.resolve().as_uri()}, session=True)
        self.wait_event("Page.loadEventFired")
        result = self.call("Runtime.evaluate", {"expression": PROBE, "returnByValue": True},
                           session=True)
        return json.loads(result["result"]["value"])

    def problems(self):
        """Console errors, uncaught exceptions and any request that is not the page itself."""
        out = []
        for e in self.events:
            m, p = e["method"], e.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(f"exception: {p['exceptionDetails'].get('text')}")
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(f"console.{p['type']}: {p.get('args')}")
            elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
                out.append(f"console error: {p['entry'].get('text')}")
            elif m == "Network.requestWillBeSent":
                url = p["request"]["url"]
                if not url.startswith(("file:", "data:")):
                    out.append(f"network request: {url[:80]}")
            elif m == "Network.loadingFailed":
                out.append(f"failed to load: {p.get('errorText')}")
        return out

    def screenshot(self, path, max_height=None):
        size = self.call("Page.getLayoutMetrics", session=True)["cssContentSize"]
        height = min(size["height"], max_height or size["height"])
        shot = self.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": height, "scale": 1},
        }, session=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def print_a4(self, path):
        pdf = self.call("Page.printToPDF", {
            "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True,
            "preferCSSPageSize": True,
        }, session=True)
        data = base64.b64decode(pdf["data"])
        path.write_bytes(data)
        return len(re.findall(rb"/Type\s*/Page[^s]", data))

    def close(self):
        try:
            self.call("Browser.close", timeout=10)
        except (RuntimeError, TimeoutError, queue.Empty, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def run(binary, args):
    out = subprocess.run([binary, *args, "--today", TODAY], cwd=ROOT, capture_output=True,
                         env={**os.environ, "NO_COLOR": "1", "LANG": "C"})
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{args}: exit {out.returncode}: {out.stderr.decode()}")
    return out.stdout.decode()


def make_pages(binary, out):
    """(page, the JSON report's findings, what it is) for every page to open."""
    pages = []
    singles = [
        ("check_en", ["check", GLARE_CASE, "--selfie", SELFIE]),
        ("check_zh", ["check", GLARE_CASE, "--selfie", SELFIE, "--lang", "zh"]),
        ("cutoff", ["check", "--id-front", "fixtures/images/doc_cutoff_corner.jpg",
                    "--id-back", "fixtures/images/back_clean.jpg"]),
        ("diagnose_en", ["diagnose", GLARE_CASE, "--rejection", "veriff:204"]),
        ("diagnose_zh", ["diagnose", GLARE_CASE, "--rejection", "证件过期", "--lang", "zh"]),
    ]
    for name, args in singles:
        path = out / f"{name}.html"
        path.write_text(run(binary, [*args, "--format", "html"]), encoding="utf-8")
        report = json.loads(run(binary, [*args, "--format", "json"]))
        pages.append((path, report["findings"], name))
    batch = out / "batch"
    run(binary, ["batch", "fixtures/diagnose", "--format", "html", "-o", str(batch)])
    cases = [json.loads(line) for line in
             run(binary, ["batch", "fixtures/diagnose", "--format", "json"]).splitlines()]
    pages.append((batch / "index.html", [], f"batch index ({len(cases)} cases)"))
    index = (batch / "index.html").read_text(encoding="utf-8")
    for case in cases:
        row = index.split(f'data-case="{case["case"]}"', 1)[1]
        href = re.search(r'<a href="([^"]+)"', row).group(1)
        pages.append((batch / href, case["findings"], f"batch case {case['case']}"))
    return pages, len(cases)


def check_page(browser, path, findings, device, cases):
    """Problems seen on one page in one device."""
    seen = browser.open(path, device)
    problems = browser.problems()
    shown = seen["findings"]
    if len(shown) != len(findings):
        problems.append(f"{len(shown)} findings on the page, the report has {len(findings)}")
    for want, got in zip(findings, shown):
        if want["code"] != got["code"] and not any(s["code"] == want["code"] for s in shown):
            problems.append(f"{want['code']} not on the page")
    for want in findings:
        match = [s for s in shown if s["code"] == want["code"] and s["subject"] == want["subject"]]
        if not any(s["visible"] for s in match):
            problems.append(f"{want['code']} not visible")
        # innerText collapses runs of white space as the message does not.
        if not any(" ".join(want["message"].split()) in " ".join(s["text"].split()) for s in match):
            problems.append(f"{want['code']}: message not visible: {want['message'][:60]}")
    for img in seen["images"]:
        if not (img["complete"] and img["naturalWidth"] > 0 and img["visible"]):
            problems.append(f"picture not loaded: {img['alt']}")
    if any(not o["visible"] for o in seen["overlays"]):
        problems.append("an overlay has no size")
    if "index" in path.name and seen["rows"] != cases:
        problems.append(f"{seen['rows']} index rows, {cases} cases")
    if seen["scrollWidth"] > seen["innerWidth"] + 1:
        problems.append(f"wider than the screen: {seen['scrollWidth']} > {seen['innerWidth']}")
    return problems, seen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=str(ROOT / "target/debug/kyc-precheck"))
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    ap.add_argument("--out", help="keep the pages, screenshots and PDF here (default: a temp dir)")
    ap.add_argument("--screenshot", help="also save the failing check page's screenshot here")
    a = ap.parse_args()
    out = Path(a.out) if a.out else Path(tempfile.mkdtemp(prefix="kyc-html-"))
    out.mkdir(parents=True, exist_ok=True)
    pages, cases = make_pages(a.binary, out)

    browser = Browser(a.chromium)
    passed = failed = 0
    try:
        for path, findings, what in pages:
            for device_name, device in (("desktop", DESKTOP), ("phone", PHONE)):
                problems, seen = check_page(browser, path, findings, device, cases)
                size = path.stat().st_size
                status = "ok" if not problems else "FAIL"
                print(f"{status:4} {what} [{device_name}]: {len(seen['findings'])} findings, "
                      f"{len(seen['images'])} pictures, {len(seen['overlays'])} overlays, "
                      f"{size / 1024:.0f} KiB")
                for p in problems:
                    print(f"       {p}")
                passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)
                if device_name == "phone" and path.name in ("check_en.html", "check_zh.html"):
                    browser.screenshot(out / f"{path.stem}_phone.png")
            if path.name == "check_en.html":
                browser.open(path, DESKTOP)
                browser.screenshot(out / "check_en.png")
                if a.screenshot:
                    # The verdict, the profile and the ID front: what the docs describe.
                    browser.screenshot(Path(a.screenshot), max_height=1010)
                pdf_pages = browser.print_a4(out / "check_en.pdf")
                ok = pdf_pages >= 1
                print(f"{'ok' if ok else 'FAIL':4} {what} printed on A4: {pdf_pages} pages")
                passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    finally:
        browser.close()
    print(f"pages, screenshots and the PDF are in {out}")
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
