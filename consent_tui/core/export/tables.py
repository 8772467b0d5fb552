"""A group's table, laid out as ``[policy.document]`` says: its columns, headers, rows, values.

A table's options are its own ``[policy.document.tables.<id>]`` laid over the
document's (see :mod:`consent_tui.core.model.layout`). Rows are services, or cookies
(a service without cookies keeps one row, its cookie cells empty); in a table
per cookie the service's cells repeat, span the service's rows, or are left
blank after the first. Several values of a cell are items (one per line) or,
with another ``separator``, one line joined by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Final

from consent_tui.core.export.cells import CellBuilder
from consent_tui.core.export.docmodel import Cell, Column, Item, Row, Span, Table, like
from consent_tui.core.export.groups import Group
from consent_tui.core.export.words import Words
from consent_tui.core.model import Cookie, DocumentSettings, Service, Text, replace
from consent_tui.core.model.layout import COOKIE_COLUMNS, Layout, TableLayout

PLACEHOLDERS = ("title", "category", "services", "cookies", "service_count", "cookie_count")


_SERVICE_FIELDS: Final = tuple(f.name for f in fields(Service))
_COOKIES: Final = _SERVICE_FIELDS.index("cookies")


def with_cookies(service: Service, cookies: tuple[Cookie, ...]) -> Service:
    """``service`` showing ``cookies`` (what ``replace`` does, several times faster: per cookie)."""
    values = [getattr(service, name) for name in _SERVICE_FIELDS]
    values[_COOKIES] = cookies
    return Service(*values)


def table_options(document: DocumentSettings, table_id: str) -> TableLayout:
    """The options of table ``table_id``: its own over the document's."""
    layout = document.effective_layout
    base = replace(layout.table, columns=document.columns)
    own = (layout.tables or {}).get(table_id)
    return own.over(base) if own is not None else base


def fill(template: str, values: dict[str, str]) -> str:
    """``{title}``, ``{services}``... replaced; any other brace left as written.

    A template that is one placeholder gives its value, in the value's language.
    """
    if template.startswith("{") and template.endswith("}") and template[1:-1] in values:
        return values[template[1:-1]]
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", value)
    return like(out, template)


def _joined(cell: Cell, separator: str) -> Cell:
    """Several items as one, joined by ``separator`` (``"\\n"`` keeps them apart)."""
    if separator == "\n" or len(cell.items) < 2:
        return cell
    spans: list[Span] = []
    for index, item in enumerate(cell.items):
        if index and separator:
            spans.append(Span(separator))
        spans.extend(item.spans)
    return Cell((Item(tuple(spans)),), cell.span)


class TableMaker:
    """Makes the tables of one document."""

    def __init__(self, document: DocumentSettings, words: Words, cells: CellBuilder) -> None:
        self.document = document
        self.layout: Layout = document.effective_layout
        self.words = words
        self.cells = cells

    def header(self, column: str, options: TableLayout, table_id: str) -> Column:
        builtin = self.words.column(column)
        own = (self.layout.own_columns or {}).get(column)
        if own is not None:
            where = f"policy.document.own_columns.{column}.header"
            builtin = self.words.text(own.header, where) if own.header else column
        given = (options.headers or {}).get(column)
        if given is None:
            return Column(column, builtin, builtin)
        own_table = (self.layout.tables or {}).get(table_id)
        if own_table is not None and column in (own_table.headers or {}):
            where = f"policy.document.tables.{table_id}.headers.{column}"
        else:
            where = f"policy.document.headers.{column}"
        return Column(column, self.words.text(given, where), builtin)

    def values(self, group: Group, options: TableLayout) -> dict[str, str]:
        cookies = sum(len(s.cookies) for s in group.services)
        return {
            "title": group.title,
            "category": group.title,
            "services": self.words.count("services", len(group.services)),
            "cookies": self.words.count("cookies", cookies),
            "service_count": str(len(group.services)),
            "cookie_count": str(cookies),
        }

    def text(self, text: Text | None, default: str, where: str, values: dict[str, str]) -> str:
        template = self.words.text(text, where) if text is not None else default
        return fill(template, values) if template else ""

    def table(self, group: Group, options: TableLayout) -> Table:
        columns = options.columns or self.document.effective_columns
        header = tuple(self.header(c, options, group.table_id) for c in columns)
        cells = self.cells
        cells.names, cells.durations = options.option("names"), options.option("durations")
        cells.per_cookie = options.option("rows") == "cookie"
        separator = options.option("separator")
        rows = (
            self._cookie_rows(group.services, columns, options.option("service_cells"))
            if cells.per_cookie
            else [Row(s.id, tuple(cells.cell(c, s) for c in columns)) for s in group.services]
        )
        if separator != "\n":
            rows = [replace(r, cells=tuple(_joined(c, separator) for c in r.cells)) for r in rows]
        values = self.values(group, options)
        where = f"policy.document.tables.{group.table_id}.caption"
        caption = self.text(options.caption, self.words.label("table_caption"), where, values)
        return Table(
            caption,
            header,
            tuple(rows),
            header_row=options.option("header_row"),
            spans=any(cell.span != 1 for row in rows for cell in row.cells),
        )

    def _cookie_rows(
        self, services: Sequence[Service], columns: Sequence[str], mode: str
    ) -> list[Row]:
        out: list[Row] = []
        own = self.layout.own_columns or {}
        per_cookie = [c in COOKIE_COLUMNS or (c in own and own[c].of == "cookie") for c in columns]
        for service in services:
            count = max(1, len(service.cookies))
            shown = (
                [service]
                if not service.cookies
                else [with_cookies(service, (cookie,)) for cookie in service.cookies]
            )
            first_cells = [self.cells.cell(c, shown[0]) for c in columns]
            for index, row_service in enumerate(shown):
                row: list[Cell] = []
                for c, column in enumerate(columns):
                    if per_cookie[c]:
                        row.append(
                            first_cells[c] if index == 0 else self.cells.cell(column, row_service)
                        )
                    elif index == 0:
                        span = count if mode == "span" and count > 1 else 1
                        row.append(replace(first_cells[c], span=span))
                    elif mode == "span":
                        row.append(Cell((), 0))
                    elif mode == "blank":
                        row.append(Cell())
                    else:
                        row.append(first_cells[c])
                out.append(Row(service.id, tuple(row), first=index == 0))
        return out
