"""Imported tables export again, cell for cell: every sample, in every language and format.

The samples (tests/data/import) are tables in the shapes sites publish; the
golden exports of the layout samples (tests/golden/layouts) are pages consent-tui
wrote itself, in ten layouts and seven languages. Each is imported, exported as
an HTML fragment, a whole page and Markdown, read back with the same readers and
compared with its source (tests/core/importers/roundtrip.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT
from tests.core.importers.roundtrip import round_trip

SAMPLES = DATA / "import"
LAYOUT_PAGES = ROOT / "tests" / "golden" / "layouts"
# Shapes the layout cannot say, checked apart (test_limits): a merged cell inside one
# service's rows, and merged rows in a table that lists several names in one cell.
LIMITS = {"spans-de.html"}
SOURCES = [
    *(p for p in sorted(SAMPLES.iterdir()) if p.suffix in (".html", ".md", ".csv", ".tsv")),
    *sorted(LAYOUT_PAGES.glob("*.html")),
    *sorted(LAYOUT_PAGES.glob("*.md")),
]
ONE_SOURCE = [p for p in SOURCES if p.name not in LIMITS and not p.name.startswith("twin.")]


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("source", ONE_SOURCE, ids=_name)
def test_the_export_reproduces_every_table(source: Path) -> None:
    result, found = round_trip([str(source)])
    assert result.tables and all(result.tables.values())
    assert result.summary.differences == []
    assert {key: lines for key, lines in found.items() if lines} == {}


def test_translated_pages_make_one_catalogue_that_exports_each_page() -> None:
    result, found = round_trip([str(SAMPLES / "twin.en.html"), str(SAMPLES / "twin.fr.html")])
    assert result.catalogue.languages == ("en", "fr")
    assert set(found) == {
        (lang, v) for lang in ("en", "fr") for v in ("html fragment", "html page", "markdown")
    }
    assert {key: lines for key, lines in found.items() if lines} == {}
    necessary = result.catalogue.categories["necessary-cookies"]
    assert necessary.title is not None and necessary.title.values == {
        "en": "Necessary cookies",
        "fr": "Cookies nécessaires",
    }
    sid = result.catalogue.services["example-airline"]
    assert sid.cookies[1].duration == "1 year"
    assert sid.cookies[1].duration_text is not None
    assert sid.cookies[1].duration_text.values == {"en": "1 year", "fr": "1 an"}


def test_what_the_layout_cannot_say_is_named_in_the_summary() -> None:
    result, found = round_trip([str(SAMPLES / "spans-de.html")])
    where = f"{SAMPLES / 'spans-de.html'}, table"
    not_in_export = "spans 2 rows on the page, not in the export"
    assert result.summary.differences == [
        f"{where} 1: the cell at row 1, column 'Zweck' {not_in_export}",
        f"{where} 2: the cell at row 1, column 'Anbieter' {not_in_export}",
    ]
    assert found[("de", "html fragment")] == [
        "table 1: the cell at row 1, column 'Zweck' spans 2 rows on the page, not in the export",
        "table 2: the cell at row 1, column 'Anbieter' spans 2 rows on the page, not in the export",
    ]
    # every cell's text is still there
    assert all("instead of" not in line for line in found[("de", "html page")])
