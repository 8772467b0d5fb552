"""Two readings of a table compared: heading, caption, header cells, every cell and merged cell.

What the round trip promises: an import exported again shows each table with
the same heading (none where the page had none before it), the same caption,
the same header cells (or no header row), the same rows, each cell with the
same text (whitespace normalised: line breaks and runs of spaces are one
space) and the same merged cells (``rowspan``/``colspan``). :func:`differences`
names each difference in a sentence, the first few per table.
"""

from __future__ import annotations

from dataclasses import dataclass

from consent_tui.core.importers.tables import SourceTable, grid, normalise

MAX_PER_TABLE = 5


@dataclass(frozen=True, slots=True)
class Shape:
    """A table as compared."""

    heading: str
    caption: str
    header: tuple[str, ...] | None
    cells: tuple[tuple[str, ...], ...]
    merged: frozenset[tuple[int, int, int, int]]  # (row, col, rowspan, colspan) of merged cells


def shape(table: SourceTable, skip: frozenset[int] = frozenset(), *, flat: bool = False) -> Shape:
    """``table`` as compared; the columns in ``skip`` left out.

    ``flat``: as a format without merged cells and captions (Markdown) shows it: a
    merged cell's text in its first row, the rows it covers empty, no caption.
    """
    width = table.width
    header = None
    if table.header is not None:
        row = grid((table.header,), width)[0]
        header = tuple(
            normalise(s.cell.text) if s.origin else "" for c, s in enumerate(row) if c not in skip
        )
    rows = grid(table.rows, width)
    cells = tuple(
        tuple(
            normalise(s.cell.text) if s.origin or not flat else ""
            for c, s in enumerate(row)
            if c not in skip
        )
        for row in rows
    )
    kept = [c for c in range(width) if c not in skip]
    merged = frozenset(
        (r, kept.index(c), min(s.cell.rowspan, len(rows) - r), s.cell.colspan)
        for r, row in enumerate(rows)
        for c, s in enumerate(row)
        if c not in skip
        and s.origin
        and (min(s.cell.rowspan, len(rows) - r) > 1 or s.cell.colspan > 1)
    )
    heading = "" if table.heading_shared else normalise(table.heading or "")
    if flat:
        return Shape(heading, "", header, cells, frozenset())
    return Shape(heading, normalise(table.caption or ""), header, cells, merged)


def _name(header: tuple[str, ...] | None, col: int) -> str:
    if header and col < len(header) and header[col]:
        return f"column {header[col]!r}"
    return f"column {col + 1}"


def _merged(header: tuple[str, ...] | None, r: int, c: int, rows: int, cols: int) -> str:
    spans = f"{rows} rows" if cols == 1 else f"{rows} rows and {cols} columns"
    return f"the cell at row {r + 1}, {_name(header, c)} spans {spans}"


def compare(page: Shape, export: Shape, where: str) -> list[str]:
    """The differences of ``export`` from ``page``, each a sentence starting with ``where``."""
    out: list[str] = []
    if page.heading != export.heading:
        out.append(f"{where}: heading {export.heading!r} instead of {page.heading!r}")
    if page.caption != export.caption:
        out.append(f"{where}: caption {export.caption!r} instead of {page.caption!r}")
    if (page.header is None) != (export.header is None):
        has = "a header row" if export.header is not None else "no header row"
        out.append(f"{where}: {has}, unlike the page")
    elif page.header is not None and export.header is not None and page.header != export.header:
        out.append(f"{where}: header cells {list(export.header)} instead of {list(page.header)}")
    if len(page.cells) != len(export.cells):
        out.append(f"{where}: {len(export.cells)} rows instead of {len(page.cells)}")
    for r, (mine, theirs) in enumerate(zip(page.cells, export.cells, strict=False)):
        if len(mine) != len(theirs):
            out.append(f"{where}: row {r + 1} has {len(theirs)} cells instead of {len(mine)}")
            continue
        for c, (want, got) in enumerate(zip(mine, theirs, strict=True)):
            if want != got:
                out.append(
                    f"{where}: row {r + 1}, {_name(page.header, c)}: {got!r} instead of {want!r}"
                )
    if page.merged != export.merged and len(page.cells) == len(export.cells):
        missing = sorted(page.merged - export.merged)
        extra = sorted(export.merged - page.merged)
        if missing:
            r, c, rs, cs = missing[0]
            out.append(
                f"{where}: {_merged(page.header, r, c, rs, cs)} on the page, not in the export"
            )
        elif extra:
            r, c, rs, cs = extra[0]
            out.append(
                f"{where}: {_merged(page.header, r, c, rs, cs)} in the export, not on the page"
            )
    if len(out) > MAX_PER_TABLE:
        out = [*out[:MAX_PER_TABLE], f"{where}: and {len(out) - MAX_PER_TABLE} more differences"]
    return out


def differences(
    page: list[SourceTable], export: list[SourceTable], *, flat: bool = False
) -> list[str]:
    """Table by table, what differs between the page's tables and the export's.

    ``flat`` compares with an export in a format without merged cells and
    captions (Markdown): see :func:`shape`.
    """
    out: list[str] = []
    if len(page) != len(export):
        out.append(f"the export has {len(export)} tables, the page {len(page)}")
    for mine, theirs in zip(page, export, strict=False):
        out += compare(shape(mine, flat=flat), shape(theirs, flat=flat), f"table {mine.number}")
    return out
