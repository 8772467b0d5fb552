"""The ``[policy.document]`` layout that exports the imported tables again, cell for cell.

Per table: its columns (built-in ids, or user columns for what no field
shows as written), its header cells in each language (an empty one stays
empty; no header row is ``header_row = false``), a row per cookie or per
service, merged service cells (``service_cells = "span"``), the separator of
several names in a cell, its heading (``"{title} ({cookie_count})"`` when the
page counts the cookies) and its caption. Options every table shares are
written once, for the whole document; the storage and party words the tables
use go into ``words``.
"""

from __future__ import annotations

from typing import Any, Final

from consent_tui.core.importers.build import Context
from consent_tui.core.importers.columns import Column, header_texts
from consent_tui.core.importers.ids import exact_text, heading_parts, text_value
from consent_tui.core.importers.plan import TablePlan
from consent_tui.core.model.layout import ALL_TABLE

_COLUMN_OF: Final = {
    "name": "cookies",
    "provider": "provider",
    "duration": "duration",
    "type": "type",
    "party": "party",
    "domain": "domain",
    "category": "category",
    "privacy_policy": "privacy_policy",
    "path": "path",
    "country": "country",
}
_HOISTED: Final = (
    *("columns", "header_row", "rows", "service_cells", "separator", "heading", "caption"),
)


def column_id(column: Column) -> str:
    """The layout column that shows ``column``."""
    if column.shown_as_own:
        assert column.own is not None
        return column.own
    if column.role == "description":
        return "service_description" if column.level == "service" else "cookie_description"
    assert column.role is not None
    return _COLUMN_OF[column.role]


def table_id(plan: TablePlan) -> str:
    return plan.category or ALL_TABLE


def _heading(plan: TablePlan, ctx: Context, cookies: int, services: int) -> Any:
    tables = {plan.lang: plan.table, **plan.others}
    out: dict[str, str] = {}
    for lang, table in tables.items():
        text = table.heading or ""
        if table.heading_shared or not text:
            out[lang] = ""
            continue
        parts = heading_parts(text)
        if parts is not None and parts[2] in (cookies, services):
            placeholder = "{cookie_count}" if parts[2] == cookies else "{service_count}"
            out[lang] = parts[1].replace("{n}", placeholder)
        elif plan.category:
            out[lang] = "{title}" if parts is None else text
        else:
            out[lang] = text
    if plan.category and all(v == "{title}" for v in out.values()):
        return None  # the default
    if not plan.category and not any(out.values()):
        return None  # the one table of a document not grouped has no heading by default
    return exact_text(out, ctx.languages)


def table_options(plan: TablePlan, ctx: Context, service_ids: list[str]) -> dict[str, Any]:
    shown = [c for c in plan.columns if not c.ignored]
    options: dict[str, Any] = {"columns": [column_id(c) for c in shown]}
    if plan.table.header is None:
        options["header_row"] = False
    else:
        texts = {plan.lang: header_texts(plan.table)}
        texts.update((lang, header_texts(t)) for lang, t in plan.others.items())
        options["headers"] = {
            column_id(c): exact_text(
                {lang: (values[c.index] or "") for lang, values in texts.items()}, ctx.languages
            )
            for c in shown
        }
    options["rows"] = "cookie" if plan.per_cookie else "service"
    if plan.per_cookie and plan.mode != "repeat":
        options["service_cells"] = plan.mode
    if plan.separator and plan.separator != "\n":
        options["separator"] = plan.separator
    cookies = sum(len(ctx.services[s].get("cookies", ())) for s in service_ids)
    heading = _heading(plan, ctx, cookies, len(service_ids))
    if heading is not None:
        options["heading"] = heading
    captions = {plan.lang: plan.table.caption or ""}
    captions.update((lang, t.caption or "") for lang, t in plan.others.items())
    options["caption"] = exact_text(captions, ctx.languages)
    return options


def _words(ctx: Context) -> dict[str, Any]:
    """The storage and party words the tables use, where they differ from the built-in ones."""
    from consent_tui.core.export.texts import texts_for

    out: dict[str, Any] = {}
    for kind, per_lang in ctx.words.items():
        chosen = {lang: counts.most_common(1)[0][0] for lang, counts in per_lang.items()}
        if any(len(counts) > 1 for counts in per_lang.values()):
            ctx.notes.remark(f"the tables write {kind!r} in several ways; the most used is kept")
        builtin = all(texts_for(lang).LABELS.get(kind) == text for lang, text in chosen.items())
        if builtin and set(chosen) == set(ctx.languages):
            continue
        value = text_value(chosen, ctx.languages)
        if value is not None:
            out[kind] = value
    return out


def document(plans: list[tuple[TablePlan, list[str]]], ctx: Context) -> dict[str, Any]:
    """The ``[policy.document]`` data for the imported tables."""
    doc: dict[str, Any] = {"tables_only": True}
    if ctx.group_by == "none":
        doc["group_by"] = "none"
    doc["names"] = "as_written"
    tables = {table_id(plan): table_options(plan, ctx, ids) for plan, ids in plans}
    for key in _HOISTED:
        values = [t.get(key, _ABSENT) for t in tables.values()]
        if values and all(v == values[0] for v in values) and values[0] is not _ABSENT:
            doc[key] = values[0]
            for t in tables.values():
                del t[key]
    with_headers = [t["headers"] for t in tables.values() if "headers" in t]
    if with_headers and len(with_headers) == len(tables) and "columns" in doc:
        common = {
            k: v for k, v in with_headers[0].items() if all(h.get(k) == v for h in with_headers)
        }
        if common:
            doc["headers"] = common
            for t in tables.values():
                for k in common:
                    del t["headers"][k]
                if not t["headers"]:
                    del t["headers"]
    words = _words(ctx)
    if words:
        doc["words"] = words
    if ctx.own_headers:
        doc["own_columns"] = {
            key: {"of": of, "header": header} for key, (of, header) in ctx.own_headers.items()
        }
    kept = {k: v for k, v in tables.items() if v}
    if kept:
        doc["tables"] = kept
    return doc


_ABSENT: Final = object()
