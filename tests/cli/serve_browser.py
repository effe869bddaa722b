#!/usr/bin/python3
"""Drives headless Chromium over the DevTools protocol against a running `newsdex serve`:
loads the page, types a query and presses Enter, clicks a facet, checks that the results
and the filter chip changed, removes the chip, shows a query error, and writes a screenshot.

Usage: serve_browser.py BASE_URL SCREENSHOT.png [QUERY [HEIGHT]]
Exit 0 when every check passed, 1 when one failed, 77 when Chromium cannot start.
Debian's python3-websocket (websocket-client) is the only module outside the standard library.
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
base, shot = sys.argv[1], sys.argv[2]
query = sys.argv[3] if len(sys.argv) > 3 else "softbank"
height = int(sys.argv[4]) if len(sys.argv) > 4 else 1100
fails = 0


def check(name, ok, detail=""):
    global fails
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else "  (" + str(detail) + ")"))
    if not ok:
        fails += 1


def start_chromium(profile):
    if not os.access(CHROMIUM, os.X_OK):
        return None, CHROMIUM + " is not installed"
    proc = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", "--hide-scrollbars",
         "--remote-debugging-port=0", "--remote-allow-origins=*",
         "--user-data-dir=" + profile, "--window-size=1360,1100", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    port_file = os.path.join(profile, "DevToolsActivePort")
    for _ in range(300):  # 30 s: a cold start on a busy machine is slow
        if proc.poll() is not None:
            return None, "exited with %d: %s" % (proc.returncode, proc.stderr.read().decode()[-400:])
        if os.path.exists(port_file):
            with open(port_file) as f:
                lines = f.read().split()
            if lines:
                return (proc, int(lines[0])), ""
        time.sleep(0.1)
    proc.kill()
    return None, "no DevTools port after 30 s"


class Page:
    def __init__(self, port):
        targets = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60,
                                              suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})

    def eval(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError("%s: %s" % (expression, r["exceptionDetails"]))
        return r["result"].get("value")

    def mark(self):  # set before an action that navigates: the new document has no mark
        self.eval("window.__old = 1")

    def wait_loaded(self, what):
        for _ in range(200):
            if self.eval("!window.__old && document.readyState === 'complete'"):
                return True
            time.sleep(0.05)
        raise RuntimeError("the page did not load after " + what)

    def click(self, selector):  # a real mouse click at the element's centre
        box = self.eval("(() => { const e = document.querySelector(%s); e.scrollIntoView("
                        "{block: 'center'}); const r = e.getBoundingClientRect(); "
                        "return [r.x + r.width / 2, r.y + r.height / 2]; })()"
                        % json.dumps(selector))
        self.mark()
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1],
                      button="left", clickCount=1)
        self.wait_loaded("clicking " + selector)

    def hits(self):
        return self.eval("document.querySelectorAll('ol.hits > li').length")

    def chips(self):
        return self.eval("[...document.querySelectorAll('.chip')].map(c => c.dataset.filter)")


def run(page):
    page.call("Page.enable")
    page.call("Emulation.setDeviceMetricsOverride", width=1360, height=height, deviceScaleFactor=1,
              mobile=False)
    page.mark()
    page.call("Page.navigate", url=base + "/")
    page.wait_loaded("opening " + base)
    check("the page has a search box", page.eval("!!document.querySelector('input[name=q]')"))
    check("the front page lists facets",
          page.eval("document.querySelectorAll('aside section.facet').length") >= 3)

    # Type the query and press Enter, as a person does.
    page.eval("document.querySelector('input[name=q]').focus()")
    page.call("Input.insertText", text=query)
    page.mark()
    for kind in ("rawKeyDown", "char", "keyUp"):
        page.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                  windowsVirtualKeyCode=13, text="\r" if kind == "char" else "")
    page.wait_loaded("pressing Enter")
    before = page.hits()
    total_text = page.eval("document.querySelector('.summary').textContent")
    check("searching shows results", before > 0, total_text)
    check("the URL holds the query", ("q=" + query.split()[0]) in page.eval("location.search"))
    check("no chip before a facet is clicked", page.chips() == [], page.chips())
    check("a snippet highlights a matched word", page.eval("!!document.querySelector('.snip mark')"))

    # Click the company facet row that narrows the results (its count below the total).
    total = int(total_text.split()[0].rstrip("+"))
    pick = page.eval("""(() => {
      const rows = [...document.querySelectorAll('section[data-kind=company] li a')];
      const i = rows.findIndex(a => +a.querySelector('.n').textContent < %d);
      if (i < 0) return null;
      rows[i].id = 'pick';
      return [rows[i].title, +rows[i].querySelector('.n').textContent];
    })()""" % total)
    check("a company facet narrows the query", pick is not None)
    if pick is None:
        return
    facet_filter, facet_count = pick
    page.click("#pick")
    check("the chip of the clicked facet is shown", page.chips() == [facet_filter], page.chips())
    after = page.eval("document.querySelector('.summary').textContent")
    check("the results changed to the facet's count",
          int(after.split()[0].rstrip("+")) == facet_count and after != total_text,
          "%s -> %s (facet count %d)" % (total_text, after, facet_count))
    check("the facet row is marked as on",
          page.eval("!!document.querySelector('section[data-kind=company] li a.on')"))
    png = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
    with open(shot, "wb") as f:
        f.write(base64.b64decode(png["data"]))
    print("screenshot: " + shot)

    page.click(".chip")
    back = page.eval("document.querySelector('.summary').textContent")
    check("removing the chip brings the results back",
          page.chips() == [] and back.split()[0] == total_text.split()[0], back)

    page.mark()
    page.call("Page.navigate", url=base + "/?q=" + urllib.request.quote(query + " AND"))
    page.wait_loaded("a malformed query")
    err = page.eval("(document.querySelector('.err') || {}).textContent || ''")
    check("a query error is shown with its position",
          ("position %d" % (len(query) + 1)) in err, err)
    check("the error marks the place in the query",
          page.eval("!!document.querySelector('.err .at')"))


def main():
    profile = tempfile.mkdtemp(prefix="newsdex-chromium-")
    started, why = start_chromium(profile)
    if not started:
        print("SKIP: Chromium cannot start: " + why)
        shutil.rmtree(profile, ignore_errors=True)
        return 77
    proc, port = started
    try:
        run(Page(port))
    except Exception as e:  # a step that could not run is a failure, with what it was
        check("the browser session ran to the end", False, e)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    return 1 if fails else 0


sys.exit(main())
