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


_HEAD = (
    '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Cookie declaration'
    '</title>\n<link rel="canonical" href="https://www.bench.example/cookies"></head>\n<body>'
)
_HEADER = "".join(
    f'<th scope="col">{h}</th>'
    for h in ("Name", "Provider", "Purpose", "Maximum Storage Duration", "Type")
)
_CELL = '<td class="CookieDeclarationTableCell">{}</td>'


def _row(row: int, per_provider: int) -> str:
    number = row // per_provider
    provider = (
        f'<a href="https://p{number}.example/privacy" title="Provider {number}\'s privacy policy">'
        f"Provider {number}</a><br>"
    )
    cells = (
        f"cookie_{row}",
        provider,
        f"Stores the visitor&#39;s choice number {row} for this site.",
        DURATIONS[row % len(DURATIONS)],
        TYPES[row % len(TYPES)],
    )
    return "<tr>" + "".join(_CELL.format(c) for c in cells) + "</tr>"


def generate_page(rows: int, per_provider: int = 3) -> str:
    """An HTML page with ``rows`` cookie rows spread over four category tables."""
    out = [_HEAD]
    per_table = -(-rows // len(CATEGORIES))
    row = 0
    for category in CATEGORIES:
        count = min(per_table, rows - row)
        out.append(
            '<div class="CookieDeclarationType">'
            f'<div class="CookieDeclarationTypeHeader">{category} ({count})</div>'
            f'<div class="CookieDeclarationTypeDescription">{category} cookies of the site.</div>'
        )
        out.append(
            f'<table class="CookieDeclarationTable"><thead><tr>{_HEADER}</tr></thead><tbody>'
        )
        for _ in range(count):
            out.append(_row(row, per_provider))
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
