"""The layout keys of ``[policy.document]``: TOML data <-> :class:`~.model.layout.Layout`.

:func:`read_layout` takes the keys it knows from a ``[policy.document]`` table;
a value of the wrong type goes to the ``extra`` of the table it sits in (a
``words`` or ``headers`` table with one bad entry is kept whole, as written),
for validation to report and for saving to write back. :func:`layout_data`
is the inverse, for the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from consent_tui.core.model import Text
from consent_tui.core.model.layout import (
    DOCUMENT_KEYS,
    EMPTY_LAYOUT,
    TABLE_KEYS,
    Layout,
    OwnColumn,
    TableLayout,
)

Kept = dict[str, Any]
TextData = Callable[[Text], Any]
_STRING_OPTIONS = ("rows", "service_cells", "names", "durations", "separator")
_BOOL_OPTIONS = ("header_row", "descriptions", "consent_note")
_TEXT_OPTIONS = ("heading", "caption", "intro")
# Every key a [policy.document] table may hold besides columns and sections.
LAYOUT_KEYS = frozenset(DOCUMENT_KEYS) | (frozenset(TABLE_KEYS) - {"columns"})


def _text(value: Any, lang: str) -> Text | None:
    """A translatable text (a string, or a table of language -> string), else ``None``."""
    if isinstance(value, str):
        return Text({lang: value}, plain=True)
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return Text(dict(value))
    return None


def _texts(value: Any, lang: str) -> dict[str, Text] | None:
    """A table of id -> text, or ``None`` when it is not one (or one entry is not a text)."""
    if not isinstance(value, dict):
        return None
    out = {}
    for key, item in value.items():
        text = _text(item, lang)
        if text is None:
            return None
        out[key] = text
    return out


def read_table(data: Mapping[str, Any], lang: str, extra: Kept, *, own: bool) -> TableLayout:
    """The table options in ``data``; misfits into ``extra``, unknown keys too when ``own``."""
    values: dict[str, Any] = {}
    for key in _STRING_OPTIONS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            extra[key] = value
            value = None
        values[key] = value
    for key in _BOOL_OPTIONS:
        value = data.get(key)
        if value is not None and not isinstance(value, bool):
            extra[key] = value
            value = None
        values[key] = value
    for key in _TEXT_OPTIONS:
        value = data.get(key)
        text = None if value is None else _text(value, lang)
        if value is not None and text is None:
            extra[key] = value
        values[key] = text
    if own:
        columns = data.get("columns")
        if columns is not None and not (
            isinstance(columns, list) and all(isinstance(c, str) for c in columns)
        ):
            extra["columns"] = columns
            columns = None
        values["columns"] = tuple(columns) if columns is not None else None
    headers = data.get("headers")
    values["headers"] = None if headers is None else _texts(headers, lang)
    if headers is not None and values["headers"] is None:
        extra["headers"] = headers
    if own:
        for key, value in data.items():
            if key not in TABLE_KEYS:
                extra[key] = value
    return TableLayout(**values, extra=dict(extra) if own else {})


def _own_column(data: Any, lang: str) -> OwnColumn:
    extra: Kept = {}
    of = data.get("of")
    if of is not None and not isinstance(of, str):
        extra["of"], of = of, None
    header = data.get("header")
    text = None if header is None else _text(header, lang)
    if header is not None and text is None:
        extra["header"] = header
    extra.update((k, v) for k, v in data.items() if k not in ("of", "header"))
    return OwnColumn(of, text, extra)


def read_layout(data: Mapping[str, Any], lang: str, extra: Kept) -> Layout:
    """The layout keys of a ``[policy.document]`` table (``lang``: its default language).

    Misfits of the document's own keys go to ``extra`` (the document's);
    ``tables`` and ``own_columns`` entries that are not tables too (whole).
    """
    if not LAYOUT_KEYS & data.keys():
        return EMPTY_LAYOUT
    group_by = data.get("group_by")
    if group_by is not None and not isinstance(group_by, str):
        extra["group_by"], group_by = group_by, None
    tables_only = data.get("tables_only")
    if tables_only is not None and not isinstance(tables_only, bool):
        extra["tables_only"], tables_only = tables_only, None
    words: dict[str, Text] | None = None
    if "words" in data:
        words = _texts(data["words"], lang)
        if words is None:
            extra["words"] = data["words"]
    own: dict[str, OwnColumn] | None = None
    raw_own = data.get("own_columns")
    if raw_own is not None:
        if isinstance(raw_own, dict) and all(isinstance(v, dict) for v in raw_own.values()):
            own = {key: _own_column(value, lang) for key, value in raw_own.items()}
        else:
            extra["own_columns"] = raw_own
    tables: dict[str, TableLayout] | None = None
    raw_tables = data.get("tables")
    if raw_tables is not None:
        if isinstance(raw_tables, dict) and all(isinstance(v, dict) for v in raw_tables.values()):
            tables = {
                key: read_table(value, lang, {}, own=True) for key, value in raw_tables.items()
            }
        else:
            extra["tables"] = raw_tables
    return Layout(
        group_by=group_by,
        tables_only=tables_only,
        words=words,
        own_columns=own,
        table=read_table(data, lang, extra, own=False),
        tables=tables,
    )


def _table_data(table: TableLayout, text: TextData, *, own: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in TABLE_KEYS:
        value = getattr(table, key)
        if value is None or (key == "columns" and not own):
            continue
        if isinstance(value, Text):
            value = text(value)
        elif key == "headers":
            value = {k: text(v) for k, v in value.items()}
        elif isinstance(value, tuple):
            value = list(value)
        out[key] = value
    out.update(table.extra)
    return out


def layout_data(layout: Layout, text: TextData) -> dict[str, Any]:
    """The layout as plain TOML data (``text`` writes a :class:`Text`), absent keys left out."""
    if layout.is_empty:
        return {}
    out: dict[str, Any] = {}
    if layout.group_by is not None:
        out["group_by"] = layout.group_by
    if layout.tables_only is not None:
        out["tables_only"] = layout.tables_only
    out.update(_table_data(layout.table, text, own=False))
    if layout.words is not None:
        out["words"] = {k: text(v) for k, v in layout.words.items()}
    if layout.own_columns is not None:
        own: dict[str, Any] = {}
        for key, column in layout.own_columns.items():
            item: dict[str, Any] = {}
            if column.of is not None:
                item["of"] = column.of
            if column.header is not None:
                item["header"] = text(column.header)
            item.update(column.extra)
            own[key] = item
        out["own_columns"] = own
    if layout.tables is not None:
        out["tables"] = {k: _table_data(t, text, own=True) for k, t in layout.tables.items()}
    return out
