"""The English export of the opendatasoft sample reproduces the seed document's table.

The seed (a text copy of the published page) is parsed, not retyped: its table is
tab-separated with cells wrapped onto continuation lines. The Markdown and HTML
exports are parsed back and must give the same rows, cell for cell.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.store import load
from tests.conftest import SAMPLES

SEED = Path("/work/shared/reference/seed-cookies-policy.txt")
SEED_COPY = Path(__file__).resolve().parents[1] / "golden" / "export" / "inputs" / "seed.txt"
HEADER = "Service provider's name\tFunction and location\tCookie name(s)\tPurposes"
# The published English page says "front et back office" once, a slip of French.
SEED_CORRECTIONS = {"front et back office": "front and back office"}


def _squash(text: str) -> str:
    return " ".join(text.split())


def seed_rows() -> tuple[str, list[list[str]]]:
    """The seed's category heading and table rows (continuation lines joined)."""
    text = (SEED if SEED.exists() else SEED_COPY).read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index(HEADER)
    heading = next(line for line in reversed(lines[:start]) if line.strip())
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if "\t" not in line:
            continue
        cells = line.split("\t")
        if cells[0].strip():
            rows.append(cells)
        else:
            for i, cell in enumerate(cells):
                rows[-1][i] += " " + cell
    out = []
    for row in rows:
        cells = [_squash(cell) for cell in row]
        out.append([_fix(cell) for cell in cells])
    return heading, out


def _fix(cell: str) -> str:
    for wrong, right in SEED_CORRECTIONS.items():
        cell = cell.replace(wrong, right)
    return cell


def _export(fmt: str) -> str:
    catalogue = load(SAMPLES / "opendatasoft.toml").catalogue
    return registry.get(fmt).render(catalogue, ExportOptions(lang="en")).text


def _md_unescape(cell: str) -> str:
    cell = re.sub(r"`([^`]*)`", r"\1", cell)
    cell = re.sub(r"\\(.)", r"\1", cell)
    return html.unescape(cell.replace("<br>", "\n"))


def markdown_tables(text: str) -> list[tuple[str, list[list[str]]]]:
    """(heading above, rows) of each GFM table, cells unescaped."""
    tables: list[tuple[str, list[list[str]]]] = []
    heading = ""
    rows: list[list[str]] | None = None
    for line in text.splitlines():
        if line.startswith("#"):
            heading = _md_unescape(line.lstrip("#").strip())
        if line.startswith("|"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if rows is None:
                rows = []
                tables.append((heading, rows))
            rows.append([_md_unescape(c) for c in cells])
        else:
            rows = None
    return [(h, [r for r in body if set("".join(r)) != {"-"}]) for h, body in tables]


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.headings: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "h3":
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(_squash("".join(self.cell)))
            self.cell = None
        elif tag == "h3" and self._heading is not None:
            self.headings.append("".join(self._heading))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        if self._heading is not None:
            self._heading.append(data)


def test_the_seed_is_parsed() -> None:
    heading, rows = seed_rows()
    assert (
        heading == "Cookies necessary for the platform to function properly/functionality cookies"
    )
    assert len(rows) == 4
    assert rows[0] == [
        "Opendatasoft",
        "Authentication (front and back office)",
        "sessionid",
        "To remember the user from one page to another",
    ]


def test_markdown_table_is_the_seed_table() -> None:
    heading, rows = seed_rows()
    tables = markdown_tables(_export("markdown"))
    assert len(tables) == 1
    title, table = tables[0]
    assert title == heading
    assert table[0] == HEADER.split("\t")
    assert table[1:] == rows


def test_html_table_is_the_seed_table() -> None:
    heading, rows = seed_rows()
    parser = _TableParser()
    parser.feed(_export("html"))
    assert parser.headings == [heading]
    assert parser.rows[0] == HEADER.split("\t")
    assert parser.rows[1:] == rows
