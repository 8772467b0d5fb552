"""A table as a page shows it: heading, caption, header cells, rows of cells with their spans.

Every table reader (HTML, Markdown, CSV) gives :class:`SourceTable` records, and
the round-trip check reads an export with the same readers, so both sides are
compared in one shape. Cell texts keep their line breaks (``\\n``); whitespace
inside a line is collapsed as a browser shows it. :func:`grid` expands merged
cells into the rectangle a reader sees; :func:`normalise` is the comparison's
idea of "the same text".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_SPAN = 1000  # rowspan / colspan above this are read as this (browsers cap at 65534 / 1000)


@dataclass(frozen=True, slots=True)
class Link:
    """A link inside a cell: its target, its text and its ``title``."""

    href: str
    text: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class SourceCell:
    """One cell as written: text (lines joined by ``\\n``), spans, links, whether a ``th``."""

    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    links: tuple[Link, ...] = ()
    header: bool = False

    @property
    def lines(self) -> list[str]:
        return [line for line in self.text.split("\n") if line]


Row = tuple[SourceCell, ...]


@dataclass(frozen=True, slots=True)
class SourceTable:
    """A table of a source, with what precedes it.

    ``heading`` is the text of the heading before it (``None``: none);
    ``heading_shared`` says an earlier table already follows that heading, with
    no other heading between. ``intro`` holds the paragraphs between the
    heading and the table. ``header`` is ``None`` when the table has no header
    row. ``line`` is where the table starts in its file, when known.
    """

    source: str
    number: int
    rows: tuple[Row, ...]
    header: Row | None = None
    heading: str | None = None
    heading_shared: bool = False
    intro: tuple[str, ...] = ()
    caption: str | None = None
    lang: str | None = None
    line: int | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def width(self) -> int:
        """The number of columns: the widest row, merged cells counted."""
        key = (id(self.rows), id(self.header))
        known = _WIDTHS.get(key)
        if known is not None and known[0] is self.rows and known[1] is self.header:
            return known[2]
        rows = (*((self.header,) if self.header else ()), *self.rows)
        width = max((sum(c.colspan for c in row) for row in rows), default=0)
        _remember(_WIDTHS, key, (self.rows, self.header, width))
        return width

    @property
    def where(self) -> str:
        return f"{self.source}, table {self.number}"


@dataclass(frozen=True, slots=True)
class Slot:
    """A place of the expanded grid: the cell covering it, and whether it starts there."""

    cell: SourceCell
    origin: bool
    row: int  # the row where the covering cell starts
    col: int


EMPTY = SourceCell()
# Grids and widths already worked out, by the identity of the rows (kept alive with them):
# a table's grid is needed by several steps, and a large one takes a while to make.
_GRIDS: dict[tuple[int, int | None], tuple[object, list[list[Slot]]]] = {}
_WIDTHS: dict[tuple[int, int], tuple[object, object, int]] = {}
_KEPT = 64


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    if len(cache) >= _KEPT:
        cache.pop(next(iter(cache)))
    cache[key] = value


def grid(rows: tuple[Row, ...], width: int | None = None) -> list[list[Slot]]:
    """The rows as a rectangle: a merged cell fills every place it covers.

    Rows are padded with empty cells to ``width`` (the widest row by default),
    as a browser draws them; a row span never reaches past the last row. The
    result is shared by every caller with the same rows: never change it.
    """
    key = (id(rows), width)
    known = _GRIDS.get(key)
    if known is not None and known[0] is rows:
        return known[1]
    made = _grid(rows, width)
    _remember(_GRIDS, key, (rows, made))
    return made


def _grid(rows: tuple[Row, ...], width: int | None) -> list[list[Slot]]:
    out: list[list[Slot | None]] = [[] for _ in rows]
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while c < len(out[r]) and out[r][c] is not None:
                c += 1
            for dr in range(min(cell.rowspan, len(rows) - r)):
                line = out[r + dr]
                for dc in range(cell.colspan):
                    while len(line) <= c + dc:
                        line.append(None)
                    if line[c + dc] is None:
                        line[c + dc] = Slot(cell, dr == 0 and dc == 0, r, c)
            c += cell.colspan
    wide = width if width is not None else max((len(line) for line in out), default=0)
    done: list[list[Slot]] = []
    for r, line in enumerate(out):
        line += [None] * (wide - len(line))
        done.append([s if s is not None else Slot(EMPTY, True, r, c) for c, s in enumerate(line)])
    return done


def normalise(text: str) -> str:
    """The text as compared: every run of whitespace (line breaks too) one space, trimmed."""
    return " ".join(text.split())


def clean_lines(text: str) -> str:
    """Lines with their whitespace collapsed and trimmed, empty ones dropped."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
