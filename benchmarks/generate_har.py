"""A synthetic HAR for the audit benchmark: ``python -m benchmarks.generate_har 20000 -o big.har``.

Each entry is a page or resource request of the benchmark site
(``bench.example.org``, as in :mod:`benchmarks.generate`) with realistic headers,
cookies sent with the request, a few ``Set-Cookie`` headers (declared cookies
of the generated catalogue, names covered by its patterns, undeclared names,
third-party ones) and a body of about 4 kB, so that 20,000 entries make about
100 MB like a real recording with bodies.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BODY = ('<div class="card">Lorem ipsum dolor sit amet, consectetur adipiscing elit.</div>\n') * 52


def _cookie_name(n: int) -> str:
    return f"cookie_{n:06d}" + ("_x" + str(n % 97) if n % 7 == 0 else "")


def entry(i: int, cookies: int) -> dict[str, object]:
    """Entry ``i`` of a recording against a catalogue of ``cookies`` cookies."""
    third = i % 5 == 0
    host = f"cdn{i % 3}.tracker{i % 11}.example" if third else "www.bench.example.org"
    url = f"https://{host}/page/{i}?q={i * 7 % 1000}"
    declared = _cookie_name((i * 37) % max(cookies, 1))
    sent = _cookie_name(i % max(cookies, 1))
    set_cookies = [
        f"{declared}=v{i}; Path=/; Max-Age={86400 * (1 + i % 400)}; Secure; SameSite=Lax",
        f"undeclared_{i % 500}=x; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly",
    ]
    if third:
        set_cookies.append(f"tp_{i % 50}=1; Domain=.tracker{i % 11}.example; SameSite=None; Secure")
    started = f"2026-03-01T{10 + i // 3600 % 10:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000Z"
    return {
        "pageref": f"page_{i // 50}",
        "startedDateTime": started,
        "time": 42.0,
        "request": {
            "method": "GET",
            "url": url,
            "httpVersion": "HTTP/2",
            "headers": [
                {"name": "Accept", "value": "text/html,application/xhtml+xml"},
                {"name": "Accept-Language", "value": "en-GB,en;q=0.9,fr;q=0.8"},
                {"name": "User-Agent", "value": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0"},
                {
                    "name": "Cookie",
                    "value": f"_ga=GA1.2.{i}; {sent}=a",
                },
            ],
            "cookies": [
                {"name": "_ga", "value": f"GA1.2.{i}"},
                {"name": sent, "value": "a"},
            ],
            "queryString": [{"name": "q", "value": str(i * 7 % 1000)}],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": 200,
            "statusText": "OK",
            "httpVersion": "HTTP/2",
            "headers": [
                {"name": "Date", "value": "Sun, 01 Mar 2026 10:00:00 GMT"},
                {"name": "Content-Type", "value": "text/html; charset=utf-8"},
                {"name": "Cache-Control", "value": "no-cache"},
                *({"name": "Set-Cookie", "value": value} for value in set_cookies),
            ],
            "cookies": [],
            "content": {"size": len(BODY), "mimeType": "text/html", "text": BODY},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(BODY),
        },
        "cache": {},
        "timings": {"blocked": 1, "dns": -1, "connect": -1, "send": 0, "wait": 40, "receive": 1},
    }


def generate_har(entries: int, cookies: int = 10_000) -> str:
    """A HAR 1.2 text with ``entries`` entries."""
    pages = [
        {"id": f"page_{p}", "title": f"https://www.bench.example.org/page/{p}",
         "startedDateTime": "2026-03-01T10:00:00.000Z", "pageTimings": {}}
        for p in range(entries // 50 + 1)
    ]  # fmt: skip
    head = json.dumps(
        {"version": "1.2", "creator": {"name": "benchmarks", "version": "1"}, "pages": pages}
    )
    body = ",\n".join(json.dumps(entry(i, cookies)) for i in range(entries))
    return '{"log": ' + head[:-1] + ', "entries": [\n' + body + "\n]}}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate_har", description=__doc__)
    parser.add_argument("entries", nargs="?", type=int, default=20_000)
    parser.add_argument("--cookies", type=int, default=10_000, help="the catalogue's size")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    text = generate_har(args.entries, args.cookies)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
