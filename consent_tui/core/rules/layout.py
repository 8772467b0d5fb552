"""[policy.document] layout: option values, tables, headers, words and the user's own columns."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

from consent_tui.core.layout import (
    ALL_TABLE,
    DURATION_STYLES,
    GROUPINGS,
    NAME_STYLES,
    OTHER_TABLE,
    OWN_COLUMN_OF,
    ROW_KINDS,
    SERVICE_CELLS,
    TABLE_KEYS,
    Layout,
    TableLayout,
)
from consent_tui.core.model import DOCUMENT_COLUMNS, PARTIES, STORAGE_TYPES, Catalogue
from consent_tui.core.rules.base import (
    POLICY,
    Context,
    Loc,
    Rule,
    cookie_loc,
    did_you_mean,
    document_loc,
    one_of,
    policy_loc,
    quote,
)
from consent_tui.core.rules.fields import FIELDS
from consent_tui.core.rules.types import WRONG_TYPE
from consent_tui.core.rules.unknown import UNKNOWN_KEY
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
OWN_COLUMN_CLASH = Rule(
    "own-column-clash",
    "error",
    FAMILY,
    "An own column has the id of a built-in column or of a key the format already defines.",
    "An own column shows a key you add to cookies or services; a key the format defines is "
    "read as that field (and a built-in column id would be ambiguous), so the column would "
    "never show your values.",
    "Give the column another id, and use that key in the cookies or services.",
    bad="""\
[policy.document.own_columns.domain]
of = "cookie"
""",
    good="""\
[policy.document.own_columns.set_on]
of = "cookie"
header = "Set on"
""",
)
OWN_COLUMN_VALUE = Rule(
    "own-column-value",
    "error",
    FAMILY,
    "A value of an own column is not a string, a number or a translatable text.",
    "The document shows an own column's value as text: a table, an array or a date cannot "
    "be shown, and the cell stays empty.",
    'Write the value as a string, or as a table of language -> text such as { en = "…" }.',
    bad="""\
[policy.document.own_columns.data_kind]
of = "cookie"
header = "Data kind"

[[services.site.cookies]]
name = "sid"
duration = "session"
data_kind = ["identifier"]
""",
    good="""\
[policy.document.own_columns.data_kind]
of = "cookie"
header = "Data kind"

[[services.site.cookies]]
name = "sid"
duration = "session"
data_kind = "identifier"
""",
)
DISPLAY_ONLY_DURATION = Rule(
    "display-only-duration",
    "warning",
    FAMILY,
    "A cookie has a `duration_text` but no `duration`.",
    "The document shows the text as written, but validation cannot check the lifetime "
    "against the 13-month limit, and the banners and the TCF disclosure cannot state it.",
    'Add the lifetime in the duration syntax as well (`duration = "1 year"`); the text is '
    "still what the document shows.",
    bad="""\
[[services.site.cookies]]
name = "sid"
duration_text = "Expires after 1 year"
""",
    good="""\
[[services.site.cookies]]
name = "sid"
duration = "1 year"
duration_text = "Expires after 1 year"
""",
)
MISSING_LANGUAGE_TEXTS = Rule(
    "missing-language-texts",
    "warning",
    FAMILY,
    "A declared language has no built-in texts, and the catalogue does not give them all.",
    "The built-in texts (standard sections, words, column headers) exist in en, fr, de, es, "
    "it, nl and pt. In another language, each text the catalogue does not give is written in "
    "English, so the document mixes two languages.",
    "Give the texts in that language in [policy.document] sections, words and headers (the "
    "message lists what is missing), or remove the language.",
    bad="""\
[policy]
site_name = "Example"
site_url = "https://example.org"
controller = "Example Ltd"
languages = ["en", "pl"]
""",
    good="""\
[policy]
site_name = "Example"
site_url = "https://example.org"
controller = "Example Ltd"
languages = ["en", "fr"]
""",
)
RULES: Final = (
    MISSING_LANGUAGE_TEXTS,
    UNKNOWN_TABLE,
    UNKNOWN_HEADER,
    UNKNOWN_WORD,
    OWN_COLUMN_CLASH,
    OWN_COLUMN_VALUE,
    DISPLAY_ONLY_DURATION,
)

_CHOICES: Final[dict[str, Sequence[str]]] = {
    "rows": ROW_KINDS,
    "service_cells": SERVICE_CELLS,
    "names": NAME_STYLES,
    "durations": DURATION_STYLES,
}
TABLE_FIELDS: Final = {k: v for k, v in FIELDS["document"].items() if k in TABLE_KEYS}


def table_loc(table_id: str) -> Loc:
    path = ("policy", "document", "tables", table_id)
    return Loc("policy", None, path, (POLICY, 0, -1), f"[policy.document.tables.{table_id}]")


def own_loc(column: str) -> Loc:
    path = ("policy", "document", "own_columns", column)
    return Loc("policy", None, path, (POLICY, 0, -1), f"[policy.document.own_columns.{column}]")


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
    for key, allowed in _CHOICES.items():
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


def _table_extra(ctx: Context, loc: Loc, extra: Mapping[str, Any]) -> None:
    """Misfits and unknown keys of a [policy.document.tables.<id>] table."""
    for key, value in extra.items():
        expected = TABLE_FIELDS.get(key)
        if expected is None:
            guess = did_you_mean(key, TABLE_FIELDS)
            ctx.report(
                UNKNOWN_KEY,
                loc,
                f"unknown key `{key}` in {loc.label}",
                field=key,
                hint=f"did you mean `{guess}`?"
                if guess
                else f"known keys: {', '.join(TABLE_FIELDS)}",
            )
        else:
            ctx.report(
                WRONG_TYPE,
                loc,
                f"{key} of {loc.label} must be {expected}, not {quote(value)}",
                field=key,
                hint=f"write {key} as {expected}",
            )


def _own_columns(ctx: Context, layout: Layout) -> None:
    builtin = set(DOCUMENT_COLUMNS)
    for column, own in (layout.own_columns or {}).items():
        loc = own_loc(column)
        if own.of not in OWN_COLUMN_OF:
            ctx.report(
                INVALID_VALUE,
                loc,
                f"of of {loc.label} is {quote(own.of)}: an own column shows a key of "
                '"cookie" or of "service"',
                field="of",
                hint='write of = "cookie" or of = "service"',
            )
        fields = FIELDS.get(own.of or "", {})
        if column in builtin or column in fields or column == "id":
            what = "a built-in column" if column in builtin else f"a {own.of} key of the format"
            ctx.report(
                OWN_COLUMN_CLASH,
                loc,
                f"the own column `{column}` has the id of {what}",
                field="of",
                key=(),
                hint=f"rename it, e.g. `{column}_text`, and use that key",
            )
        for key in own.extra:
            ctx.report(
                UNKNOWN_KEY if key not in ("of", "header") else WRONG_TYPE,
                loc,
                f"`{key}` of {loc.label} is not `of` (a string) or `header` (a text)",
                field=key,
                hint='write of = "cookie" and header = "…"',
            )


def _own_values(ctx: Context, layout: Layout) -> Iterator[None]:
    cookie_keys, service_keys = layout.own_keys("cookie"), layout.own_keys("service")
    for si, (sid, service) in enumerate(ctx.catalogue.services.items()):
        for key in service_keys & service.extra.keys():
            if not _shown(service.extra[key]):
                from consent_tui.core.rules.base import service_loc

                ctx.report(
                    OWN_COLUMN_VALUE,
                    service_loc(si, sid),
                    f"`{key}` of service `{sid}` (an own column) is not a string or a text",
                    field=key,
                )
        for ci, cookie in enumerate(service.cookies):
            for key in cookie_keys & cookie.extra.keys():
                if not _shown(cookie.extra[key]):
                    loc = cookie_loc(si, sid, ci, cookie.name)
                    ctx.report(
                        OWN_COLUMN_VALUE,
                        loc,
                        f"`{key}` of {loc.label} (an own column) is not a string or a text",
                        field=key,
                    )
    yield from ()


def _shown(value: object) -> bool:
    if isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool)):
        return True
    return (
        isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values())
    )


def _display_only(ctx: Context) -> None:
    for si, (sid, service) in enumerate(ctx.catalogue.services.items()):
        for ci, cookie in enumerate(service.cookies):
            if cookie.duration is None and cookie.duration_text is not None:
                loc = cookie_loc(si, sid, ci, cookie.name)
                ctx.report(
                    DISPLAY_ONLY_DURATION,
                    loc,
                    f"{loc.label} has a duration_text but no duration: its lifetime cannot be "
                    "checked nor given to the banners",
                    field="duration_text",
                )


def _languages(ctx: Context) -> None:
    from consent_tui.core.export.texts import builtin_language
    from consent_tui.core.export.texts.en import COLUMNS, LABELS, SECTIONS

    document = ctx.catalogue.document
    layout = document.effective_layout
    shown = [c for c in document.effective_columns if c in COLUMNS]
    for lang in ctx.expected:
        if builtin_language(lang) is not None:
            continue
        words = layout.words or {}
        headers = layout.table.headers or {}
        missing = [
            *(f"sections.{k}" for k in SECTIONS if lang not in _langs(document.sections.get(k))),
            *(f"words.{k}" for k in LABELS if lang not in _langs(words.get(k))),
            *(f"headers.{k}" for k in shown if lang not in _langs(headers.get(k))),
        ]
        if missing:
            ctx.report(
                MISSING_LANGUAGE_TEXTS,
                policy_loc(),
                f"there are no built-in texts in {lang!r}, and {len(missing)} of them are not "
                f"given in [policy.document]: {', '.join(missing[:4])}"
                + (", …" if len(missing) > 4 else ""),
                field="languages",
                language=lang,
            )


def _langs(text: object) -> tuple[str, ...]:
    return tuple(getattr(text, "values", {}))


def check(ctx: Context) -> None:
    _display_only(ctx)
    _languages(ctx)
    document = ctx.catalogue.policy.document
    if document is None or document.layout is None:
        return
    layout = document.layout
    loc = document_loc()
    if layout.group_by is not None and layout.group_by not in GROUPINGS:
        guess = did_you_mean(layout.group_by, GROUPINGS)
        ctx.report(
            INVALID_VALUE,
            loc,
            f"group_by of [policy.document] is {quote(layout.group_by)}, which is not a grouping",
            field="document.group_by",
            key=("group_by",),
            hint=f'write "{guess}"' if guess else f"use {one_of(GROUPINGS)}",
        )
    _choices(ctx, loc, layout.table, "document.")
    known = (*DOCUMENT_COLUMNS, *(layout.own_columns or {}))
    shown = document.effective_columns
    _headers(ctx, loc, layout.table, shown)
    _own_columns(ctx, layout)
    list(_own_values(ctx, layout))
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
        _headers(ctx, tloc, table, table.columns or shown)
        _table_extra(ctx, tloc, table.extra)
