"""The data behind the grid: rows as plain tuples, a filter and a sort over indexes.

No widget here: filtering 10,000 rows is a list comprehension over prepared
lower-case strings, sorting is one ``list.sort`` with precomputed keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple


class Column(NamedTuple):
    """A column: its label, width limits, how it sorts and how a cell is toned."""

    key: str
    label: str
    min_width: int = 3
    max_width: int = 40
    numeric: bool = False  # right-aligned, sorted as numbers
    grow: bool = False  # takes the spare width
    sort_key: Callable[[str], Any] | None = None
    tone: Callable[[str], str | None] | None = None  # a COMPONENT_CLASSES name


class Row(NamedTuple):
    """A row: a stable key and its cells, already made safe to display."""

    key: str
    cells: tuple[str, ...]


class GridModel:
    """Rows, the order they are shown in, and which of them the filter keeps."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.columns = tuple(columns)
        self.rows: list[Row] = []
        self.order: list[int] = []  # indexes of the shown rows, in display order
        self.terms: tuple[str, ...] = ()
        self.sort_column: int | None = None
        self.sort_reverse = False
        self._index: dict[str, int] = {}
        self._hay: list[str] | None = None
        self._sorted: list[int] = []

    @property
    def filter_text(self) -> str:
        return " ".join(self.terms)

    def row(self, key: str) -> Row | None:
        index = self._index.get(key)
        return None if index is None else self.rows[index]

    def key_at(self, position: int) -> str | None:
        if 0 <= position < len(self.order):
            return self.rows[self.order[position]].key
        return None

    def position(self, key: str | None) -> int | None:
        """Where ``key`` is shown, or None when it is not."""
        index = self._index.get(key) if key is not None else None
        if index is None:
            return None
        try:
            return self.order.index(index)
        except ValueError:
            return None

    def visible_keys(self) -> list[str]:
        return [self.rows[i].key for i in self.order]

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.rows = list(rows)
        self._index = {row.key: i for i, row in enumerate(self.rows)}
        self._hay = None
        self._resort()

    def set_filter(self, text: str) -> bool:
        """Keep rows holding every word of ``text`` in any column; False if unchanged."""
        terms = tuple(text.casefold().split())
        if terms == self.terms:
            return False
        self.terms = terms
        self._refilter()
        return True

    def sort_by(self, column: int | None, reverse: bool = False) -> None:
        """Sort by ``column`` (``None``: the catalogue's order)."""
        self.sort_column, self.sort_reverse = column, reverse
        self._resort()

    def _resort(self) -> None:
        order = list(range(len(self.rows)))
        col = self.sort_column
        if col is not None:
            column = self.columns[col]
            make = column.sort_key or (_number if column.numeric else _natural)
            keys = [make(row.cells[col]) for row in self.rows]
            order.sort(key=keys.__getitem__, reverse=self.sort_reverse)
        self._sorted = order
        self._refilter()

    def _refilter(self) -> None:
        if not self.terms:
            self.order = list(self._sorted)
            return
        if self._hay is None:
            self._hay = ["\0".join(row.cells).casefold() for row in self.rows]
        hay, terms = self._hay, self.terms
        if len(terms) == 1:
            term = terms[0]
            self.order = [i for i in self._sorted if term in hay[i]]
        else:
            self.order = [i for i in self._sorted if all(t in hay[i] for t in terms)]


def _natural(text: str) -> tuple[int, Any]:
    """Empty cells last, then case-insensitive text order."""
    return (0 if text else 1, text.casefold())


def _number(text: str) -> tuple[int, float]:
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    try:
        return (0, float(digits))
    except ValueError:
        return (1, 0.0)
