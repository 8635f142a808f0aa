#!/usr/bin/env python3
"""Takes a screenshot of the real app window for the README.

Run under Xvfb with tauri-driver listening on 4444, e.g.:
  SUNDBY_DATA_DIR=$(mktemp -d) xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    bash -c 'tauri-driver --port 4444 & sleep 1; python3 scripts/screenshot.py target/debug/sundby docs/screenshot.png "#/indstillinger"'
Optional: SUNDBY_SHOT_SCROLL names a CSS selector scrolled into view before the shot.
Optional setup: JSON files with [command, args] pairs in SUNDBY_SHOT_SETUP are invoked first.
"""
import base64, json, os, sys, time, urllib.request

BASE = "http://127.0.0.1:" + os.environ.get("SUNDBY_SHOT_PORT", "4444")

def req(method, path, data=None):
    r = urllib.request.Request(BASE + path, method=method,
                               data=json.dumps(data).encode() if data is not None else None,
                               headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(r))

binary, out, route = sys.argv[1], sys.argv[2], sys.argv[3]
sid = req("POST", "/session", {"capabilities": {"alwaysMatch": {"tauri:options": {"application": os.path.abspath(binary)}}}})["value"]["sessionId"]
try:
    def js(code, args=None):
        return req("POST", f"/session/{sid}/execute/async", {"script": code, "args": args or []})["value"]
    for _ in range(100):
        if js("arguments[0](document.body.dataset.ready === 'true')"):
            break
        time.sleep(0.1)
    setup = os.environ.get("SUNDBY_SHOT_SETUP")
    if setup:
        for cmd, args in json.load(open(setup)):
            js("window.__TAURI__.core.invoke(arguments[0], arguments[1]).then(arguments[2], e => arguments[2](e))", [cmd, args])
        js("location.reload(); arguments[0](true)")
        time.sleep(1.5)
    js("location.hash = arguments[0]; setTimeout(() => arguments[1](true), 1200)", [route])
    scroll = os.environ.get("SUNDBY_SHOT_SCROLL")
    if scroll:
        js("const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView(); setTimeout(() => arguments[1](!!e), 300)", [scroll])
    png = req("GET", f"/session/{sid}/screenshot")["value"]
    open(out, "wb").write(base64.b64decode(png))
    print("wrote", out)
finally:
    req("DELETE", f"/session/{sid}")
