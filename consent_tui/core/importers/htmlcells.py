"""One HTML table being read: its caption, sections, rows and cells.

The HTML reader hands every start tag, end tag and text inside a table to a
:class:`TableBuilder`. A cell's text keeps a line break for each ``<br>`` and
each block element inside it; the links in it are kept with their text. The
header row is the last row of ``<thead>``, or else a first row made only of
``<th>`` cells; ``rowspan="0"`` reaches the end of its section.
"""

from __future__ import annotations

import re

from consent_tui.core.importers import htmlblocks as hb
from consent_tui.core.importers.tables import (
    MAX_SPAN,
    Link,
    Row,
    SourceCell,
    SourceTable,
    clean_lines,
)

_SPACE = re.compile(r"[ \t\n\r\f]+")


class _Cell:
    __slots__ = ("colspan", "header", "links", "open_links", "parts", "rowspan")
    open_links: list[tuple[str, str, int]]

    def __init__(self, header: bool, rowspan: int, colspan: int) -> None:
        self.header = header
        self.rowspan = rowspan
        self.colspan = colspan
        self.parts: list[str] = []
        self.links: list[Link] = []
        self.open_links = []

    def add(self, text: str) -> None:
        self.parts.append(_SPACE.sub(" ", text))

    def newline(self) -> None:
        self.parts.append("\n")

    def link_end(self) -> None:
        if self.open_links:
            href, title, start = self.open_links.pop()
            text = " ".join("".join(self.parts[start:]).split())
            self.links.append(Link(href.strip(), text, title))

    def cell(self) -> SourceCell:
        while self.open_links:
            self.link_end()
        text = clean_lines("".join(self.parts))
        return SourceCell(text, self.rowspan, self.colspan, tuple(self.links), self.header)


class TableBuilder:
    """Collects one table while the page is read; :meth:`table` gives the result."""

    def __init__(self, source: str, number: int, line: int, lang: str | None) -> None:
        self.source = source
        self.number = number
        self.line = line
        self.lang = lang
        self.heading: str | None = None
        self.heading_shared = False
        self.intro: tuple[str, ...] = ()
        self.caption: list[str] | None = None
        self.in_caption = False
        self.section = "tbody"
        self.rows: list[tuple[str, list[SourceCell]]] = []
        self.row: list[SourceCell] | None = None
        self.cell: _Cell | None = None

    @property
    def in_cell(self) -> bool:
        """Inside a cell or the caption: tags there are content, not table structure."""
        return self.cell is not None or self.in_caption

    def start(self, tag: str, attrs: hb.Attrs) -> None:
        if self.cell is not None:
            if tag in hb.BLOCKS:
                self.cell.newline()
            if tag == "a" and attrs.get("href"):
                link = (attrs["href"], attrs.get("title", ""), len(self.cell.parts))
                self.cell.open_links.append(link)
            return
        if self.in_caption:
            if tag in hb.BLOCKS and self.caption is not None:
                self.caption.append(" ")
            return
        if tag == "caption":
            self.in_caption = True
            self.caption = []
        elif tag in ("thead", "tbody", "tfoot"):
            self._close_row()
            self.section = tag
        elif tag == "tr":
            self._close_row()
            self.row = []
        elif tag in ("td", "th"):
            self._close_cell()
            if self.row is None:
                self.row = []
            rowspan = hb.span(attrs.get("rowspan"), MAX_SPAN)
            colspan = max(1, hb.span(attrs.get("colspan"), MAX_SPAN))
            self.cell = _Cell(tag == "th", rowspan, colspan)

    def end(self, tag: str) -> None:
        if self.cell is not None:
            if tag in ("td", "th"):
                self._close_cell()
            elif tag in hb.BLOCKS:
                self.cell.newline()
            elif tag == "a":
                self.cell.link_end()
            return
        if self.in_caption:
            if tag == "caption":
                self.in_caption = False
            return
        if tag == "tr":
            self._close_row()
        elif tag in ("thead", "tbody", "tfoot"):
            self._close_row()
            self.section = "tbody"

    def data(self, text: str) -> None:
        if self.cell is not None:
            self.cell.add(text)
        elif self.in_caption and self.caption is not None:
            self.caption.append(text)

    def void(self, tag: str) -> None:
        if tag in ("br", "hr") and self.cell is not None:
            self.cell.newline()

    def _close_cell(self) -> None:
        if self.cell is not None:
            if self.row is None:
                self.row = []
            self.row.append(self.cell.cell())
            self.cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self.row:
            self.rows.append((self.section, self.row))
        self.row = None

    def finish(self) -> None:
        self._close_row()
        self.in_caption = False

    def table(self) -> SourceTable:
        rows = _spans_to_section_end(self.rows)
        head = [cells for section, cells in rows if section == "thead"]
        body = [cells for section, cells in rows if section == "tbody"]
        foot = [cells for section, cells in rows if section == "tfoot"]
        notes: list[str] = []
        header: Row | None = None
        if head:
            header = tuple(head[-1])
            if len(head) > 1:
                notes.append(f"{len(head)} header rows: the last one is read as the header")
        elif body and all(cell.header for cell in body[0]) and len(body) > 1:
            header = tuple(body.pop(0))
        elif len(body) > 1 and _names_columns(tuple(body[0])):
            header = tuple(body.pop(0))  # a header row written with <td> (often in bold)
        caption = " ".join("".join(self.caption).split()) if self.caption is not None else None
        return SourceTable(
            source=self.source,
            number=self.number,
            rows=tuple(tuple(cells) for cells in (*body, *foot)),
            header=header,
            heading=self.heading,
            heading_shared=self.heading_shared,
            intro=self.intro,
            caption=caption or None,
            lang=self.lang,
            line=self.line,
            notes=tuple(notes),
        )


def _spans_to_section_end(
    rows: list[tuple[str, list[SourceCell]]],
) -> list[tuple[str, list[SourceCell]]]:
    """``rowspan="0"`` cells given the number of rows left in their section."""
    if not any(cell.rowspan == 0 for _, cells in rows for cell in cells):
        return rows
    out = []
    for index, (section, cells) in enumerate(rows):
        left = 1
        while index + left < len(rows) and rows[index + left][0] == section:
            left += 1
        fixed = [
            SourceCell(c.text, left, c.colspan, c.links, c.header) if c.rowspan == 0 else c
            for c in cells
        ]
        out.append((section, fixed))
    return out


def _names_columns(cells: Row) -> bool:
    from consent_tui.core.importers.columns import looks_like_header

    return looks_like_header(cells)
