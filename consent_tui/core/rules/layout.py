"""[policy.document] layout: option values, tables, headers, words (more in layout_values)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from consent_tui.core.fields import entity
from consent_tui.core.model import DOCUMENT_COLUMNS, PARTIES, STORAGE_TYPES, Catalogue
from consent_tui.core.model.layout import ALL_TABLE, OTHER_TABLE, TableLayout
from consent_tui.core.rules.base import (
    Context,
    Loc,
    Rule,
    did_you_mean,
    document_loc,
    one_of,
    quote,
)
from consent_tui.core.rules.fields import table_loc
from consent_tui.core.rules.values import INVALID_VALUE

FAMILY = "layout"

UNKNOWN_TABLE = Rule(
    "unknown-table",
    "warning",
    FAMILY,
    "[policy.document.tables.<id>] names a table the document does not have.",
    "A table's own options apply to the table of that id: a category id when the document is "
    "grouped by category, a service id by service, `first`/`third` by party, a storage type by "
    "type, `all` when not grouped, `other` for what fits no group. Under any other id they "
    "are never used.",
    "Rename the table to the id of a group, or change `group_by`.",
    bad="""\
[policy.document.tables.necesary]
heading = "Strictly necessary"
""",
    good="""\
[policy.document.tables.necessary]
heading = "Strictly necessary"
""",
)
UNKNOWN_HEADER = Rule(
    "unknown-header",
    "warning",
    FAMILY,
    "`headers` gives a header to a column the table does not show.",
    "A header text is used only for a column listed in the table's `columns`; a header for "
    "another column is often a typo of the column id.",
    "Use the id of a column of the table, or add the column to `columns`.",
    bad="""\
[policy.document]
columns = ["cookies", "provider", "duration"]
headers = { cookie = "Name", duration = "Expiry" }
""",
    good="""\
[policy.document]
columns = ["cookies", "provider", "duration"]
headers = { cookies = "Name", duration = "Expiry" }
""",
)
UNKNOWN_WORD = Rule(
    "unknown-word",
    "warning",
    FAMILY,
    "[policy.document] words replaces a word the document does not have.",
    "`words` replaces built-in words and phrases by their id (`first`, `http_cookie`, "
    "`starting`, `duration_session`...); under any other id the text is never shown.",
    "Use one of the word ids listed in docs/export.md, or remove it.",
    bad="""\
[policy.document.words]
first_party = "Set by us"
""",
    good="""\
[policy.document.words]
first = "Set by us"
""",
)
RULES: Final = (UNKNOWN_TABLE, UNKNOWN_HEADER, UNKNOWN_WORD)


def _options() -> list[tuple[str, tuple[str, ...]]]:
    """(key, allowed values) of a table's closed options (rows, names …), from core/fields."""
    fields = entity("layout_table").values
    return [(f.key, tuple(str(v) for v in f.values)) for f in fields if f.type == "enum"]


def group_ids(catalogue: Catalogue, by: str) -> set[str]:
    """The table ids the document has when grouped by ``by``."""
    if by == "none":
        return {ALL_TABLE}
    if by == "service":
        return set(catalogue.services)
    if by == "party":
        return {*PARTIES, OTHER_TABLE}
    if by == "type":
        return {*STORAGE_TYPES, OTHER_TABLE}
    return {*catalogue.categories, OTHER_TABLE}


def _choices(ctx: Context, loc: Loc, table: TableLayout, prefix: str) -> None:
    for key, allowed in _options():
        value = getattr(table, key)
        if value is not None and value not in allowed:
            guess = did_you_mean(value, allowed)
            ctx.report(
                INVALID_VALUE,
                loc,
                f"{prefix}{key} of {loc.label} is {quote(value)}, which is not one of its values",
                field=prefix + key,
                key=(key,),
                hint=f'write "{guess}"' if guess else f"use {one_of(allowed)}",
            )


def _columns(ctx: Context, loc: Loc, columns: Sequence[str], known: Sequence[str]) -> None:
    for column in columns:
        if column not in known:
            guess = did_you_mean(column, known)
            ctx.report(
                INVALID_VALUE,
                loc,
                f"columns of {loc.label} holds {quote(column)}, which is not a column of the "
                "document nor one of its own_columns",
                field="columns",
                key=("columns",),
                hint=f'write "{guess}"' if guess else f"use {one_of(list(known))}",
            )


def _headers(ctx: Context, loc: Loc, table: TableLayout, shown: Sequence[str]) -> None:
    for column in table.headers or {}:
        if column not in shown:
            guess = did_you_mean(column, shown)
            ctx.report(
                UNKNOWN_HEADER,
                loc,
                f"headers of {loc.label} names `{column}`, which is not a column of the table",
                field=f"headers.{column}",
                key=("headers", column),
                alt=("headers",),
                hint=f"did you mean `{guess}`?" if guess else f"its columns: {', '.join(shown)}",
            )


def check(ctx: Context) -> None:
    document = ctx.catalogue.policy.document
    if document is None or document.layout is None:
        return
    layout = document.layout
    loc = document_loc()
    groupings = tuple(str(v) for v in entity("layout").field("group_by").values)
    if layout.group_by is not None and layout.group_by not in groupings:
        guess = did_you_mean(layout.group_by, groupings)
        ctx.report(
            INVALID_VALUE,
            loc,
            f"group_by of [policy.document] is {quote(layout.group_by)}, which is not a grouping",
            field="document.group_by",
            key=("group_by",),
            hint=f'write "{guess}"' if guess else f"use {one_of(groupings)}",
        )
    _choices(ctx, loc, layout.table, "document.")
    known = (*DOCUMENT_COLUMNS, *(layout.own_columns or {}))
    shown = document.effective_columns
    _headers(ctx, loc, layout.table, shown)
    from consent_tui.core.export.texts.en import LABELS  # the built-in words' ids

    for key in layout.words or {}:
        base = key.rsplit("_", 1)[0]
        plural = key.endswith(("_zero", "_two", "_few", "_many")) and f"{base}_n" in LABELS
        if key not in LABELS and not plural:
            guess = did_you_mean(key, LABELS)
            ctx.report(
                UNKNOWN_WORD,
                loc,
                f"[policy.document] words has no built-in word `{key}`",
                field=f"document.words.{key}",
                key=("words", key),
                alt=("words",),
                hint=f"did you mean `{guess}`?" if guess else None,
            )
    ids = group_ids(ctx.catalogue, layout.effective_group_by)
    for table_id, table in (layout.tables or {}).items():
        tloc = table_loc(table_id)
        if table_id not in ids:
            guess = did_you_mean(table_id, sorted(ids))
            ctx.report(
                UNKNOWN_TABLE,
                tloc,
                f"the document has no table `{table_id}` when grouped by "
                f"{layout.effective_group_by}",
                hint=f"did you mean `{guess}`?"
                if guess
                else f"its tables: {', '.join(sorted(ids))}",
            )
        _choices(ctx, tloc, table, "")
        _columns(ctx, tloc, table.columns or (), known)
        _headers(ctx, tloc, table, table.columns or shown)  # its extra: wrong-type, unknown-key
