#!/usr/bin/env python3
"""Write load for the crash test: threads create needs through the real form until the server
goes away, and record every acknowledged write (a 303 to /needs/ID) in OUTFILE, one id a line,
flushed as soon as the answer arrives.

    writer.py BASE OUTFILE [threads]      (DRX_COOKIE, DRX_CSRF, DRX_FIELD, DRX_HOSPITAL set)
"""
import http.client
import os
import sys
import threading
import time
import urllib.parse

BASE, OUT = sys.argv[1], sys.argv[2]
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 8
u = urllib.parse.urlsplit(BASE)
lock = threading.Lock()
out = open(OUT, "a", encoding="utf-8")
errors = []


def worker(n):
    i = 0
    conn = None
    while True:
        i += 1
        body = urllib.parse.urlencode({
            "csrf": os.environ["DRX_CSRF"],
            "problem": f"crash test need {n}-{i}",
            "population": "patients in the ward",
            "outcome": "fewer falls at night",
            "urgency": "high",
            "field": os.environ["DRX_FIELD"],
            "organization": os.environ["DRX_HOSPITAL"],
        })
        try:
            if conn is None:
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
            conn.request("POST", "/needs/new", body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": os.environ["DRX_COOKIE"],
            })
            res = conn.getresponse()
            res.read()
        except (OSError, http.client.HTTPException):
            return  # the server is gone: what was acknowledged is on file
        loc = res.getheader("Location") or ""
        if res.status == 303 and loc.startswith("/needs/"):
            with lock:
                out.write(loc.rsplit("/", 1)[1] + "\n")
                out.flush()
        else:
            errors.append(f"{res.status} {loc}")
            return


threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
out.close()
if errors:
    print("unexpected answers before the crash:", errors[:5], file=sys.stderr)
    sys.exit(1)
