"""Types: a known field holding a value of the wrong TOML type (kept in ``extra``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from consent_tui.core.fields.kinds import LIST_ITEMS
from consent_tui.core.rules.base import Context, Loc, Rule, kind_of, quote
from consent_tui.core.rules.fields import FIELDS, TEXT, described, extras
from consent_tui.core.rules.type_hints import key_text, type_hint

FAMILY = "types"

WRONG_TYPE = Rule(
    "wrong-type",
    "error",
    FAMILY,
    "A known field holds a value of the wrong TOML type.",
    "The value cannot be used: it is kept in the file untouched, but the document, the "
    "banners and the other checks ignore it.",
    "Write the value with the type the message names (quotes make a string; true, false and "
    "numbers go without quotes).",
    bad="""\
[categories.analytics]
consent = "yes"
""",
    good="""\
[categories.analytics]
consent = true
""",
)
RULES: Final = (WRONG_TYPE,)


def _wrong(ctx: Context, loc: Loc, kind: str, extra: Mapping[str, Any], prefix: str = "") -> None:
    known = FIELDS[kind]
    for key, value in extra.items():
        expected = known.get(key)
        if expected is None:
            continue
        desc = described(kind, key)
        field = prefix + key
        found = (
            f"{kind_of(value)} ({quote(value)})" if not isinstance(value, dict) else kind_of(value)
        )
        where: tuple[str | int, ...] = (key,)
        translated = desc is not None and desc.type in ("text", "url_text")
        if translated and isinstance(value, dict) and value:
            bad = next(((k, v) for k, v in value.items() if not isinstance(v, str)), None)
            if bad is not None:
                ctx.report(
                    WRONG_TYPE,
                    loc,
                    f"{field}.{bad[0]} of {loc.label} must be a string, not {kind_of(bad[1])}",
                    field=field,
                    key=(*where, bad[0]),
                    alt=where,
                    language=bad[0],
                    hint=f'write `{field}.{bad[0]} = "…"`',
                )
                continue
        element = LIST_ITEMS.get(desc.type) if desc is not None else None
        bad_item = None
        if element is not None and isinstance(value, list):
            bad_item = next((v for v in value if not _is(v, element)), None)
        if element is not None and bad_item is not None:
            noun = "a string" if element is str else "an integer"
            ctx.report(
                WRONG_TYPE,
                loc,
                f"{field} of {loc.label} must be {expected}; it holds {kind_of(bad_item)} "
                f"({quote(bad_item)}), not {noun}",
                field=field,
                key=where,
            )
            continue
        if desc is not None and desc.type == "texts" and isinstance(value, dict):
            bad_sections = [(k, v) for k, v in value.items() if not _is_text(v)]
            for name, text in bad_sections:
                ctx.report(
                    WRONG_TYPE,
                    loc,
                    f"{desc.label_en.lower()} `{name}` of {loc.label} must be {TEXT}, not "
                    f"{kind_of(text)}",
                    field=field,
                    key=(*where, name),
                    alt=where,
                    hint=f'write `{key_text(name)} = "…"` under {_table(loc, key)}, or one '
                    "text per language as a table",
                )
            if bad_sections:
                continue
        ctx.report(
            WRONG_TYPE,
            loc,
            f"{field} of {loc.label} must be {expected}, not {found}",
            field=field,
            key=where,
            hint=type_hint(ctx, loc, kind, key, expected, value),
        )


def _table(loc: Loc, key: str) -> str:
    """The header of the sub-table ``key`` of the table at ``loc`` ("[policy.document.words]")."""
    label = loc.label
    if label.startswith("[") and not label.startswith("[[") and label.endswith("]"):
        return f"{label[:-1]}.{key}]"
    return f"the {key} table"


def _is(value: object, element: type) -> bool:
    if element is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, element)


def _is_text(value: object) -> bool:
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values())
    )


def check(ctx: Context) -> None:
    for extra in extras(ctx.catalogue):
        _wrong(ctx, extra.loc, extra.kind, extra.values, extra.prefix)
