"""The document layout of ``[policy.document]``: plain, immutable data, one key per option.

A :class:`TableLayout` holds the options of a table; every field is ``None``
when the file leaves it out, and :meth:`TableLayout.over` lays a table's own
options over the document's. :data:`TABLE_DEFAULTS` says what an absent option
means, so an editor can show it. Values of the wrong type stay in ``extra``
(validation reports them), exactly like the rest of the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Final

from consent_tui.core.model.text import Text

_EMPTY: Mapping[str, Any] = MappingProxyType({})

GROUPINGS: Final = ("category", "service", "party", "type", "none")
ROW_KINDS: Final = ("service", "cookie")
SERVICE_CELLS: Final = ("repeat", "span", "blank")
NAME_STYLES: Final = ("words", "as_written")
DURATION_STYLES: Final = ("words", "as_written")
OWN_COLUMN_OF: Final = ("cookie", "service")
ALL_TABLE: Final = "all"  # the id of the one table when group_by = "none"
OTHER_TABLE: Final = "other"  # the id of the group of what fits no other group

# Columns whose value belongs to a cookie: in a per-cookie table each row shows
# its own cookie's; the other columns show the service's.
COOKIE_COLUMNS: Final = frozenset(
    ("cookies", "duration", "type", "domain", "path", "description", "cookie_description")
)


def _empty() -> Mapping[str, Any]:
    return _EMPTY


@dataclass(frozen=True, slots=True)
class OwnColumn:
    """``[policy.document.own_columns.<id>]``: a key the user adds to cookies or services.

    ``of`` names the entity whose key ``<id>`` holds the values; ``header`` is the
    column's header text (the id when absent).
    """

    of: str | None = None
    header: Text | None = None
    extra: Mapping[str, Any] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class TableLayout:
    """The options of one table, or the document's defaults for every table."""

    columns: tuple[str, ...] | None = None
    headers: Mapping[str, Text] | None = None  # column id -> header text
    header_row: bool | None = None
    rows: str | None = None  # ROW_KINDS
    service_cells: str | None = None  # SERVICE_CELLS, in a per-cookie table
    names: str | None = None  # NAME_STYLES
    durations: str | None = None  # DURATION_STYLES
    separator: str | None = None  # between several values of one cell
    heading: Text | None = None  # the table's heading; placeholders
    caption: Text | None = None  # the table's caption (html); placeholders
    intro: Text | None = None  # paragraphs under the heading (tables only)
    descriptions: bool | None = None  # show the group's description
    consent_note: bool | None = None  # show the consent sentence of a category
    extra: Mapping[str, Any] = field(default_factory=_empty)

    def over(self, base: TableLayout) -> TableLayout:
        """These options, with ``base``'s where these leave one out (headers merged)."""
        values: dict[str, Any] = {}
        for f in _OPTION_FIELDS:
            mine = getattr(self, f)
            values[f] = getattr(base, f) if mine is None else mine
        if self.headers is not None and base.headers is not None:
            values["headers"] = {**base.headers, **self.headers}
        return TableLayout(**values)

    def option(self, name: str) -> Any:
        """The option ``name``, or its default (:data:`TABLE_DEFAULTS`) when absent."""
        value = getattr(self, name)
        return TABLE_DEFAULTS.get(name) if value is None else value


_OPTION_FIELDS: Final = tuple(f.name for f in fields(TableLayout) if f.name != "extra")

# What an absent option means. ``columns``: DEFAULT_COLUMNS (model); ``heading``:
# the group's title; ``caption``: the built-in caption; ``intro``: the group's
# description; ``consent_note``: shown unless the document is tables-only.
TABLE_DEFAULTS: Final[Mapping[str, Any]] = MappingProxyType(
    {
        "header_row": True,
        "rows": "service",
        "service_cells": "repeat",
        "names": "words",
        "durations": "words",
        "separator": "\n",
        "descriptions": True,
    }
)
TABLE_KEYS: Final = _OPTION_FIELDS
DOCUMENT_KEYS: Final = ("group_by", "tables_only", "words", "own_columns", "tables")


@dataclass(frozen=True, slots=True)
class Layout:
    """The layout keys of ``[policy.document]`` besides ``columns`` and ``sections``.

    ``table`` holds the document's table options (``columns`` stays on
    :class:`~consent_tui.core.model.DocumentSettings`); ``tables`` the overrides
    per table id (a category, service, party or storage type id, ``all``, ``other``).
    """

    group_by: str | None = None
    tables_only: bool | None = None
    words: Mapping[str, Text] | None = None
    own_columns: Mapping[str, OwnColumn] | None = None
    table: TableLayout = field(default_factory=TableLayout)
    tables: Mapping[str, TableLayout] | None = None

    @property
    def effective_group_by(self) -> str:
        return self.group_by or "category"

    @property
    def is_empty(self) -> bool:
        return self == EMPTY_LAYOUT

    def own_keys(self, of: str) -> frozenset[str]:
        """The keys declared as own columns of ``of`` (``cookie`` or ``service``)."""
        return frozenset(k for k, c in (self.own_columns or {}).items() if c.of == of)


EMPTY_LAYOUT: Final = Layout()
