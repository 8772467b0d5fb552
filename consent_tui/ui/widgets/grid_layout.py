"""Column widths for the grid: measure the content, then fit it to the screen."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

from consent_tui.ui.widgets.grid_model import Column, Row

FULL = 120  # no column is measured wider than this


def natural_widths(columns: Sequence[Column], rows: Sequence[Row]) -> list[int]:
    """The width each column would like: its widest cell (or label + sort mark)."""
    widths = [len(c.label) + 2 for c in columns]
    count = len(columns)
    for row in rows:
        for col, cell in enumerate(row.cells[:count]):
            if len(cell) > widths[col] and widths[col] < FULL:
                # measure only the cells that may be wider than the widest so far
                widths[col] = max(widths[col], cell_len(cell))
    return [min(w, FULL) for w in widths]


def fit_widths(columns: Sequence[Column], natural: Sequence[int], width: int) -> list[int]:
    """Widths that fill ``width`` (one space between columns and at the left edge).

    Each column is capped at its ``max_width``; spare room goes first to
    columns that were cut, then to the growing columns (or the last one); when the
    content is too wide the widest columns shrink first, down to their minimum.
    """
    widths = [min(w, c.max_width) for w, c in zip(natural, columns, strict=True)]
    room = width - 1 - len(widths)
    spare = room - sum(widths)
    for i, full in enumerate(natural):  # room to spare: cut columns get it first
        if spare > 0 and full > widths[i]:
            extra = min(spare, full - widths[i])
            widths[i] += extra
            spare -= extra
    if spare > 0:
        growing = [i for i, c in enumerate(columns) if c.grow] or [len(widths) - 1]
        share, rest = divmod(spare, len(growing))
        for n, i in enumerate(growing):
            widths[i] += share + (1 if n < rest else 0)
        return widths
    excess = -spare
    while excess > 0:
        candidates = [i for i, c in enumerate(columns) if widths[i] > c.min_width]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        others = [widths[i] for i in candidates if i != widest]
        target = max(max(others, default=0), columns[widest].min_width)
        cut = min(excess, max(1, widths[widest] - target))
        widths[widest] -= cut
        excess -= cut
    return widths
