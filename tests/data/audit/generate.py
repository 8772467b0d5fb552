"""Write the audit fixtures: recordings of the imagined site www.petit-four.example.

``python -m tests.data.audit.generate`` rewrites them; ``tests/core/test_audit_fixtures.py``
checks that the committed files are what this script writes. Every cookie value and
storage value holds the marker ``MARKER-VALUE``, which must never appear in any output.
Hostile parts: markup and terminal escapes in names, a 10 kB value, invalid UTF-8 bytes
in cookies.txt, a Set-Cookie header with several cookies on separate lines, attributes
in odd case, quoted values, dates in three formats.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SITE = "https://www.petit-four.example"
MARK = "MARKER-VALUE"
DATE = "Sun, 01 Mar 2026 10:00:00 GMT"
RECORDED = "2026-03-01T10:00:00Z"  # also given as --recorded-at for the jar files
ESC = "\x1b[31mred\x1b[0m"
XSS = "<script>alert(1)</script>"


def _entry(when: str, url: str, set_cookies: list[str], sent: str | None = None) -> dict[str, Any]:
    headers = [{"name": "Date", "value": DATE}, {"name": "Content-Type", "value": "text/html"}]
    headers += [{"name": "Set-Cookie", "value": value} for value in set_cookies]
    request_headers = [{"name": "Cookie", "value": sent}] if sent else []
    return {
        "startedDateTime": f"2026-03-01T10:00:{when}.000Z",
        "time": 12.5,
        "request": {
            "method": "GET",
            "url": url,
            "httpVersion": "HTTP/2",
            "headers": request_headers,
            "cookies": [],
            "queryString": [],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": 200,
            "statusText": "OK",
            "httpVersion": "HTTP/2",
            "headers": headers,
            "cookies": [],
            "content": {"size": 40, "mimeType": "text/html", "text": f"<p>{MARK}-body</p>"},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": 40,
        },
        "cache": {},
        "timings": {"send": 0, "wait": 10, "receive": 2.5},
    }


def _har(entries: list[dict[str, Any]]) -> str:
    doc = {
        "log": {
            "version": "1.2",
            "creator": {"name": "fixture", "version": "1"},
            "pages": [{"id": "page_1", "title": SITE + "/", "startedDateTime": RECORDED}],
            "entries": entries,
        }
    }
    return json.dumps(doc, indent=1) + "\n"


def before_har() -> str:
    return _har(
        [
            _entry(
                "00",
                SITE + "/",
                [
                    f"pf_session={MARK}-session01; Path=/; HttpOnly; Secure; SameSite=Lax",
                    f"csrftoken={MARK}-csrf; expires=Mon, 01 Mar 2027 10:00:00 GMT; path=/",
                    f'pf_theme="{MARK}-dark"; MAX-AGE=31536000\n'
                    f"pf_consent={MARK}-consent; Max-Age=15552000; DOMAIN=.petit-four.example",
                    f"__cf_bm={MARK}-cf; path=/; expires=Sun, 01-Mar-26 10:30:00 GMT; "
                    "domain=.petit-four.example; HttpOnly; Secure; SameSite=None",
                    f"evil={MARK}-evil; Domain=adnet.example",
                    f"gone={MARK}-gone; Max-Age=0",
                ],
            ),
            _entry(
                "02",
                SITE + "/recipes/",
                [],
                sent=f"pf_session={MARK}-session01; _pk_id.1.a2c4={MARK}-pk; "
                f"_pk_ses.1.a2c4={MARK}-pks",
            ),
            _entry(
                "03",
                "https://ads.adnet.example/pixel.gif",
                [f"adsess={MARK}-ads; Domain=.adnet.example; Secure; SameSite=None"],
            ),
            _entry(
                "04",
                SITE + "/hostile",
                [f"{XSS}={MARK}-xss; Path=/", "big=" + MARK + "-" + "x" * 10_000 + "; Path=/"],
            ),
        ]
    )


def accept_har() -> str:
    return _har(
        [
            _entry(
                "10",
                SITE + "/",
                [
                    f"_pk_id.1.a2c4={MARK}-pk; Expires=Wed Mar  1 10:00:00 2028; Path=/",
                    f"pf_lang={MARK}-fr; Max-Age=31536000; Path=/",
                ],
                sent=f"_hjSessionUser_123456={MARK}-hj1; _hjSessionUser_654321={MARK}-hj2",
            ),
            _entry(
                "11",
                "https://www.tube.example/embed/abc",
                [
                    f"vid_pref={MARK}-vid; Domain=.tube.example; Max-Age=15552000; Secure",
                    f"pf_session={MARK}-tube; Domain=.tube.example; Secure",  # the same name
                ],
            ),
            _entry(
                "12",
                "https://geo.other.example/locate",
                [f"pf_geo={MARK}-geo; Domain=other.example; Max-Age=86400"],
            ),
            _entry(
                "13",
                "https://ads.adnet.example/sync",
                [f"adid={MARK}-adid; domain=.adnet.example; max-age=34000000; secure"],
            ),
            _entry("14", SITE + "/esc", [f"{ESC}={MARK}-esc"]),
        ]
    )


def reject_state() -> str:
    def cookie(name: str, domain: str, expires: float, **more: Any) -> dict[str, Any]:
        return {
            "name": name,
            "value": f"{MARK}-{name}",
            "domain": domain,
            "path": "/",
            "expires": expires,
            "httpOnly": False,
            "secure": True,
            "sameSite": "Lax",
            **more,
        }

    state = {
        "cookies": [
            cookie("pf_session", "www.petit-four.example", -1, httpOnly=True),
            cookie("pf_consent", ".petit-four.example", 1788170400.0),
            cookie("adid", ".adnet.example", 1806134400.0, sameSite="None"),
        ],
        "origins": [
            {
                "origin": SITE,
                "localStorage": [
                    {"name": "pf_cart", "value": f"{MARK}-cart"},
                    {"name": "pf_ab_test", "value": f"{MARK}-ab"},
                ],
                "sessionStorage": [{"name": "pf_checkout", "value": f"{MARK}-checkout"}],
            }
        ],
    }
    return json.dumps(state, indent=2) + "\n"


def cookies_txt() -> bytes:
    lines = [
        "# Netscape HTTP Cookie File",
        "# https://curl.se/docs/http-cookies.html",
        "",
        f"#HttpOnly_www.petit-four.example\tFALSE\t/\tTRUE\t0\tpf_session\t{MARK}-s",
        f".petit-four.example\tTRUE\t/\tFALSE\t1804154400\tpf_lang\t{MARK}-fr",
        "",
    ]
    text = "\r\n".join(lines).encode()
    text += (
        b".petit-four.example\tTRUE\t/\tFALSE\t1804154400\tcaf\xe9\t" + MARK.encode() + b"\xff\r\n"
    )
    text += b"not a cookie line\r\n"
    return text


def inspection() -> str:
    log = {
        "stack": [{"fileName": SITE + "/app.js", "source": "set by a script"}],
        "type": "Cookie.JS",
        "timestamp": "2026-03-01T10:00:05.000Z",
        "location": SITE + "/",
    }
    doc = {
        "title": "Website Evidence Collection",
        "uri_ins": SITE + "/",
        "uri_refs": [SITE + "/"],
        "start_time": "2026-03-01T10:00:00.000Z",
        "browsing_history": [SITE + "/", SITE + "/recipes/"],
        "cookies": [
            {
                "name": "pf_consent",
                "value": f"{MARK}-c",
                "domain": "petit-four.example",
                "path": "/",
                "expires": 1788170405.0,
                "size": 20,
                "httpOnly": False,
                "secure": True,
                "session": False,
                "expiresUTC": "2026-08-28T10:00:05.000Z",
                "log": log,
            },
            {
                "name": "_pk_ses.1.a2c4",
                "value": f"{MARK}-pks",
                "domain": "petit-four.example",
                "path": "/",
                "expires": "2026-03-01T10:30:05.000Z",
                "log": log,
                "session": False,
            },
        ],
        "localStorage": {
            SITE: {
                "pf_cart": {"value": f"{MARK}-cart", "log": log},
                XSS: {"value": f"{MARK}-x"},
            }
        },
        "beacons": [],
        "hosts": {},
    }
    return json.dumps(doc, indent=2) + "\n"


def cookies_yml() -> str:
    return (
        "- name: pf_consent\n"
        f"  value: {MARK}-c\n"
        "  domain: petit-four.example\n"
        "  path: /\n"
        "  expires: 1788170405.0\n"
        "  session: false\n"
        "  log:\n"
        "    timestamp: 2026-03-01T10:00:05.000Z\n"
        "    stack:\n"
        f"      - fileName: {SITE}/app.js\n"
    )


def storage_yml() -> str:
    return f"{SITE}:\n  pf_cart:\n    value: {MARK}-cart\n"


def own() -> str:
    doc = {
        "format": "consent-tui-evidence",
        "version": 1,
        "consent": "after-accept",
        "site": SITE + "/",
        "recorded": {
            "at": RECORDED,
            "tool": "consent-tui 0.1.0",
            "browser": "Chromium",
            "third_party_cookies": "allowed",
            "consent_action": "accept",
        },
        "pages": [{"url": SITE + "/", "at": RECORDED}],
        "cookies": [
            {
                "name": "pf_session",
                "domain": "www.petit-four.example",
                "host_only": True,
                "path": "/",
                "set_by": SITE + "/",
                "seen_at": RECORDED,
                "expires": None,
                "max_age": None,
                "session": True,
                "lifetime_seconds": None,
                "secure": True,
                "http_only": True,
                "same_site": "Lax",
                "value_size": 22,
            }
        ],
        "storage": [
            {
                "type": "indexed_db",
                "name": "pf_offline",
                "origin": SITE,
                "seen_at": RECORDED,
                "value_size": 0,
            }
        ],
    }
    return json.dumps(doc, indent=2) + "\n"


def files() -> dict[str, bytes]:
    """Every fixture: path relative to this folder -> bytes."""
    return {
        "before.har": before_har().encode(),
        "accept.har": accept_har().encode(),
        "reject.json": reject_state().encode(),
        "cookies.txt": cookies_txt(),
        "wec/inspection.json": inspection().encode(),
        "wec/inspection.yml": b"title: ignored beside inspection.json\n",
        "wec-yaml/cookies.yml": cookies_yml().encode(),
        "wec-yaml/local-storage.yml": storage_yml().encode(),
        "scan.json": own().encode(),
    }


def main() -> None:
    for name, data in files().items():
        target = HERE / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


if __name__ == "__main__":
    main()
