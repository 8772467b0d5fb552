"""The round-trip check of imported tables: import, export, read the export back, compare.

``round_trip(sources)`` imports the sources (pages, Markdown, CSV), exports the
catalogue in each of its languages as an HTML fragment, a whole HTML page and
Markdown, reads each export's tables with the same readers the import uses,
and compares them table by table, cell by cell with the source tables
(whitespace normalised): headings, captions, header cells, every cell,
merged cells. Markdown has neither captions nor merged cells: it is compared
as it shows them (a merged cell's text in its first row).

Run it on any page: ``uv run python -m tests.core.importers.roundtrip page.html …``
prints each difference and exits 1 when there is one.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.importers import ImportOptions, ImportResult, import_sources
from consent_tui.core.importers.compare import differences
from consent_tui.core.importers.htmlreader import read_html
from consent_tui.core.importers.mdreader import read_markdown
from consent_tui.core.importers.tables import SourceTable
from consent_tui.core.store import load_text

VARIANTS = ("html fragment", "html page", "markdown")


def exported_tables(result: ImportResult, lang: str, variant: str) -> list[SourceTable]:
    """The tables of the imported catalogue's export, read back (from the written text)."""
    catalogue = load_text(result.text)  # what a user's `consent-tui export` reads
    if variant == "markdown":
        text = registry.get("markdown").render(catalogue, ExportOptions(lang=lang)).text
        return read_markdown(text, "export")
    fragment = variant == "html fragment"
    text = registry.get("html").render(catalogue, ExportOptions(lang=lang, fragment=fragment)).text
    return read_html(text, "export").tables


def round_trip(
    sources: Sequence[str], options: ImportOptions | None = None
) -> tuple[ImportResult, dict[tuple[str, str], list[str]]]:
    """The import, and per (language, variant) what its export does not reproduce."""
    result = import_sources(list(sources), options)
    found: dict[tuple[str, str], list[str]] = {}
    for lang, tables in result.tables.items():
        for variant in VARIANTS:
            export = exported_tables(result, lang, variant)
            found[(lang, variant)] = differences(tables, export, flat=variant == "markdown")
    return result, found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m tests.core.importers.roundtrip SOURCE…", file=sys.stderr)
        return 2
    result, found = round_trip(args)
    failed = False
    for (lang, variant), lines in found.items():
        status = "same" if not lines else f"{len(lines)} differences"
        print(f"{lang} {variant}: {status}")
        for line in lines:
            print(f"  {line}")
        failed = failed or bool(lines)
    tables = sum(len(t) for t in result.tables.values())
    print(f"{tables} tables, {result.summary.services} services, {result.summary.cookies} cookies")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
