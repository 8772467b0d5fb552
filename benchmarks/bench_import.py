"""Import benchmark: a published table of N rows into a catalogue, against loading that catalogue.

Bar from the issue: importing a 10,000-row table takes at most 3x loading the
catalogue it writes (``store.load_text`` of the written text, the floor). The
page is Cookiebot-shaped (benchmarks/generate_tables.py): four category tables,
a row per cookie. The import measured is the whole of ``import_sources``: read
the HTML, map the columns, build the catalogue, check that its export
reproduces the tables, write the commented text, and validate it for the
summary. Two rows without a bar show the parts: reading the HTML alone
(``html.parser``), and the import without reading the HTML.

Run with the others (``python -m benchmarks.run --only import``) or alone
(``python -m benchmarks.bench_import [rows]``).
"""

from __future__ import annotations

import sys

from benchmarks.generate_tables import generate_page
from benchmarks.harness import Case, measure
from consent_tui.core.importers import import_sources
from consent_tui.core.importers.htmlreader import read_html
from consent_tui.core.importers.reading import Source
from consent_tui.core.importers.tablesimport import import_tables, read_tables
from consent_tui.core.store import load_text

BAR = 3.0
NAME = "cookies.html"


def _repeats(size: int) -> int:
    return 9 if size <= 1_000 else 5


def cases(sizes: tuple[int, ...]) -> list[Case]:
    out = []
    for size in sizes:
        page = generate_page(size)
        written = import_sources([NAME], texts={NAME: page}).text
        reads = [read_tables(Source(NAME, page, ".html"), "html")]
        repeats = _repeats(size)

        def floor(text: str = written) -> object:
            return load_text(text)

        def whole(page: str = page) -> object:
            return import_sources([NAME], texts={NAME: page})

        def html(page: str = page) -> object:
            return read_html(page, NAME)

        def rest(reads: list[object] = reads) -> object:
            return import_tables(reads, None, {})  # type: ignore[arg-type]

        out += [
            Case("import a table (whole)", size, floor, whole, repeats, bar=BAR, floor_name="load"),
            Case("  of which: read the HTML", size, floor, html, repeats, floor_name="load"),
            Case("  of which: map, build, check", size, floor, rest, repeats, floor_name="load"),
        ]
    return out


def main(argv: list[str] | None = None) -> int:
    sizes = tuple(int(a) for a in (argv if argv is not None else sys.argv[1:])) or (10_000,)
    for case in cases(sizes):
        result = measure("import", case)
        print(
            f"{case.size:>7,} {case.name:<32} {result.measured * 1000:9.1f} ms "
            f"{result.floor * 1000:9.1f} ms {result.ratio:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
