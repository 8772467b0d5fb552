"""How one table becomes services and cookies: rows per cookie or per service, and their groups.

A table lists several names in one cell (a row per service) or one per row (a
row per cookie). In a table per cookie, consecutive rows of one provider are one
service: the provider's cell spans them (HTML ``rowspan``: ``service_cells =
"span"``), is left empty after the first (``"blank"``) or repeats
(``"repeat"``). A column whose cells follow those groups (spanning, blank or
constant with the provider) belongs to the service; the others to the cookies.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from consent_tui.core.importers.columns import Column
from consent_tui.core.importers.names import split_names
from consent_tui.core.importers.tables import Slot, SourceTable, grid

# Roles whose value belongs to a service; the rest belong to each cookie.
SERVICE_ROLES: Final = frozenset(("provider", "party", "category", "privacy_policy", "country"))
COOKIE_ROLES: Final = frozenset(("name", "duration", "type", "domain", "path"))

Run = tuple[int, int]  # rows [start, end) of one service


@dataclass
class TablePlan:
    """One source table, with the roles of its columns and the services its rows make.

    ``others`` holds the same table in the catalogue's other languages (same
    shape), for the texts that are translated.
    """

    table: SourceTable
    columns: list[Column]
    cells: list[list[Slot]]
    per_cookie: bool
    mode: str  # service_cells: repeat, span, blank
    runs: list[Run]
    separator: str | None
    lang: str
    others: dict[str, SourceTable] = field(default_factory=dict)
    other_cells: dict[str, list[list[Slot]]] = field(default_factory=dict)
    category: str = ""  # the id of the category the table is, when grouped by category
    notes: list[str] = field(default_factory=list)
    described: dict[int, str] = field(default_factory=dict)  # row -> provider its text names

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role and not c.ignored), None)

    def text(self, row: int, col: int, lang: str | None = None) -> str:
        cells = self.cells if lang is None or lang == self.lang else self.other_cells[lang]
        return cells[row][col].cell.text

    def texts(self, row: int, col: int) -> dict[str, str]:
        """The cell in each language (the table's own first)."""
        out = {self.lang: self.cells[row][col].cell.text}
        for lang, cells in self.other_cells.items():
            out[lang] = cells[row][col].cell.text
        return out


def make_plan(
    table: SourceTable, columns: list[Column], lang: str, cells: list[list[Slot]] | None = None
) -> TablePlan:
    """The plan of ``table`` (``cells``: its grid, when made already)."""
    cells = cells if cells is not None else grid(table.rows, table.width)
    name = next(c for c in columns if c.role == "name")
    separators: Counter[str] = Counter()
    per_cookie = True
    for row in cells:
        slot = row[name.index]
        if slot.origin:
            names, seps = split_names(slot.cell.text)
            separators.update(seps)
            if len(names) > 1:
                per_cookie = False
    separator = separators.most_common(1)[0][0] if separators else None
    plan = TablePlan(table, columns, cells, per_cookie, "repeat", [], separator, lang)
    if len(separators) > 1:
        plan.notes.append(
            f"names are separated in several ways ({', '.join(repr(s) for s in separators)})"
        )
    if not per_cookie:
        plan.runs = [(r, r + 1) for r in range(len(cells))]
        for column in columns:
            column.level = "cookie" if column.role in COOKIE_ROLES else "service"
        return plan
    _group(plan)
    return plan


def _key(plan: TablePlan) -> Column | None:
    """The column that tells services apart: the provider's, else none."""
    return plan.column("provider")


def _group(plan: TablePlan) -> None:
    cells, key = plan.cells, _key(plan)
    count = len(cells)
    if key is None:
        plan.runs = _described_runs(plan) if count else []
    elif any(row[key.index].cell.rowspan > 1 for row in cells if row[key.index].origin):
        plan.mode = "span"
        plan.runs = [
            (r, min(count, r + row[key.index].cell.rowspan))
            for r, row in enumerate(cells)
            if row[key.index].origin
        ]
    elif _blank_after_first(cells, key.index):
        plan.mode = "blank"
        starts = [r for r, row in enumerate(cells) if row[key.index].cell.text or r == 0]
        plan.runs = [(s, e) for s, e in zip(starts, [*starts[1:], count], strict=True)]
    else:
        plan.runs = _equal_runs(cells, [key.index])
    service_columns = [c.index for c in plan.columns if c.role in SERVICE_ROLES and c is not key]
    if plan.mode == "repeat" and service_columns:
        plan.runs = _split(plan.runs, cells, service_columns)
    for column in plan.columns:
        column.level = _level(plan, column, key)


def _described_runs(plan: TablePlan) -> list[Run]:
    """Without a provider column: rows whose descriptions name one provider, one service."""
    from consent_tui.core.importers.values import described_provider

    column = plan.column("description")
    if column is None:
        return [(0, len(plan.cells))]
    names = [described_provider(row[column.index].cell.text) for row in plan.cells]
    plan.described = {r: name for r, name in enumerate(names) if name}
    runs: list[Run] = []
    start = 0
    for r in range(1, len(names) + 1):
        if r == len(names) or names[r] != names[start]:
            runs.append((start, r))
            start = r
    return runs


def _blank_after_first(cells: list[list[Slot]], index: int) -> bool:
    texts = [row[index].cell.text for row in cells]
    return bool(texts) and bool(texts[0]) and any(not t for t in texts[1:])


def _equal_runs(cells: list[list[Slot]], indexes: list[int]) -> list[Run]:
    runs: list[Run] = []
    start = 0
    for r in range(1, len(cells) + 1):
        if r == len(cells) or any(
            cells[r][i].cell.text != cells[start][i].cell.text for i in indexes
        ):
            runs.append((start, r))
            start = r
    return runs


def _split(runs: list[Run], cells: list[list[Slot]], indexes: list[int]) -> list[Run]:
    out: list[Run] = []
    for start, end in runs:
        for s, e in _equal_runs(cells[start:end], indexes):
            out.append((start + s, start + e))
    return out


def _level(plan: TablePlan, column: Column, key: Column | None) -> str:
    """``service`` when the column's cells follow the services' groups, else ``cookie``."""
    if column is key:
        return "service"
    if column.role == "name":
        return "cookie"
    long_runs = [(s, e) for s, e in plan.runs if e - s > 1]
    cells, i = plan.cells, column.index
    if plan.mode == "span":
        if not long_runs:
            return "service" if column.role in SERVICE_ROLES else "cookie"
        spans = all(cells[s][i].origin and cells[s][i].cell.rowspan == e - s for s, e in long_runs)
        return "service" if spans else "cookie"
    if plan.mode == "blank":
        if not long_runs:
            return "service" if column.role in SERVICE_ROLES else "cookie"
        blank = all(not cells[r][i].cell.text for s, e in long_runs for r in range(s + 1, e))
        filled = any(cells[s][i].cell.text for s, _ in long_runs)
        return "service" if blank and filled else "cookie"
    if column.role in SERVICE_ROLES:
        return "service"
    if column.role is None and long_runs:
        same = all(len({cells[r][i].cell.text for r in range(s, e)}) == 1 for s, e in long_runs)
        return "service" if same else "cookie"
    return "cookie"
