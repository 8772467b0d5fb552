"""Published cookie tables of any size for the import benchmark (and the large-table tests).

``generate_page(10000)`` is an HTML page in the shape Cookiebot's declaration has: a
heading per category with its count, then a table of Name · Provider · Purpose ·
Maximum Storage Duration · Type, a row per cookie, providers linked to their privacy
policies, three cookies per provider.
"""

from __future__ import annotations

import argparse
import sys

CATEGORIES = ("Necessary", "Preferences", "Statistics", "Marketing")
DURATIONS = ("Session", "1 day", "30 days", "6 months", "1 year", "2 years", "Persistent")
TYPES = ("HTTP Cookie", "HTTP Cookie", "HTTP Cookie", "HTML Local Storage", "Pixel Tracker")


def generate_page(rows: int, per_provider: int = 3) -> str:
    """An HTML page with ``rows`` cookie rows spread over four category tables."""
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">']
    out.append(
        '<title>Cookie declaration</title>\n<link rel="canonical" href="https://www.bench.example/cookies"></head>\n<body>'
    )
    per_table = -(-rows // len(CATEGORIES))
    row = 0
    for category in CATEGORIES:
        count = min(per_table, rows - row)
        out.append(
            f'<div class="CookieDeclarationType"><div class="CookieDeclarationTypeHeader">{category} ({count})</div>'
        )
        out.append(
            f'<div class="CookieDeclarationTypeDescription">{category} cookies of the benchmark site.</div>'
        )
        out.append(
            '<table class="CookieDeclarationTable"><thead><tr><th scope="col">Name</th><th scope="col">Provider</th>'
        )
        out.append(
            '<th scope="col">Purpose</th><th scope="col">Maximum Storage Duration</th><th scope="col">Type</th></tr></thead><tbody>'
        )
        for _ in range(count):
            provider = f"Provider {row // per_provider}"
            out.append(
                f'<tr><td class="CookieDeclarationTableCell">cookie_{row}</td>'
                f'<td class="CookieDeclarationTableCell"><a href="https://p{row // per_provider}.example/privacy" '
                f'title="{provider}\'s privacy policy">{provider}</a><br></td>'
                f'<td class="CookieDeclarationTableCell">Stores the visitor&#39;s choice number {row} for this site.</td>'
                f'<td class="CookieDeclarationTableCell">{DURATIONS[row % len(DURATIONS)]}</td>'
                f'<td class="CookieDeclarationTableCell">{TYPES[row % len(TYPES)]}</td></tr>'
            )
            row += 1
        out.append("</tbody></table></div>")
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", type=int)
    args = parser.parse_args(argv)
    sys.stdout.write(generate_page(args.rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
