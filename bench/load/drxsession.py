#!/usr/bin/env python3
"""Signs in to a running drx over HTTP the way a browser does, for the load and crash scripts.

    drxsession.py http://127.0.0.1:8080 organizer@drx.example drx-demo-2026

prints shell assignments: DRX_COOKIE (the Cookie header), DRX_CSRF (the session's form token)
DRX_FIELD and DRX_HOSPITAL (a field and an organization offered by the need form).
Only loopback addresses are used by the scripts that call it.
"""
import http.client
import re
import sys
import urllib.parse


def request(base, method, path, headers=None, body=None):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    res = conn.getresponse()
    data = res.read().decode("utf-8", "replace")
    cookies = {}
    for k, v in res.getheaders():
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
    conn.close()
    return res.status, res.getheader("Location"), cookies, data


def csrf_of(page):
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    if not m:
        raise SystemExit("no CSRF field on the page")
    return m.group(1)


def login(base, email, password):
    status, _, cookies, page = request(base, "GET", "/login")
    if status != 200:
        raise SystemExit(f"GET /login answered {status}")
    token = csrf_of(page)
    jar = dict(cookies)
    body = urllib.parse.urlencode({"csrf": token, "email": email, "password": password})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
    }
    status, location, cookies, _ = request(base, "POST", "/login", headers, body)
    jar.update(cookies)
    if status != 303 or "drx_session" not in jar:
        raise SystemExit(f"login as {email} failed ({status})")
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def main():
    base, email, password = sys.argv[1:4]
    cookie = login(base, email, password)
    status, _, _, page = request(base, "GET", "/needs/new", {"Cookie": cookie})
    if status != 200:
        raise SystemExit(f"GET /needs/new answered {status}")
    hospitals = re.findall(r'<option value="(\d+)"', page.split('name="organization"', 1)[1])
    fields = re.findall(r'<option value="(\d+)"', page.split('name="field"', 1)[1])
    print(f"DRX_COOKIE='{cookie}'")
    print(f"DRX_FIELD='{fields[0] if fields else ''}'")
    print(f"DRX_CSRF='{csrf_of(page)}'")
    print(f"DRX_HOSPITAL='{hospitals[0] if hospitals else ''}'")


if __name__ == "__main__":
    main()
