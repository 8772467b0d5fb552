"""Fix hints for a known field holding a value of the wrong type.

What a field takes comes from its description (core/fields): its type, its
choices, the entities it refers to.

A hint that shows a line to write (`party = "first"`) must show a line the
field accepts: a value turned into a string is offered only when that string is
valid there (an allowed value, a known id, a URL, a country code), else the
hint names the allowed values or the form the field needs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Final

from consent_tui.core.durations import try_parse
from consent_tui.core.fields import Field, entity, find
from consent_tui.core.fields.kinds import STRING_TYPES
from consent_tui.core.reference import codes, langtags
from consent_tui.core.rules.base import Context, Loc, did_you_mean, one_of
from consent_tui.core.values import is_host, region_problem, url_problem

_ANY: Final = '"…"'
_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
_TCF_LIST: Final = re.compile(r"\s*\d{1,2}(?:\s*,\s*\d{1,2})*\s*")


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (JSON escapes are valid TOML)."""
    return json.dumps(text, ensure_ascii=False)


def key_text(key: str) -> str:
    """``key`` as a TOML key: bare when it can be, quoted otherwise."""
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def _contact_ok(text: str) -> bool:
    if text.lower().startswith("mailto:"):
        return re.fullmatch(r"mailto:[^@\s]+@[^@\s]+\.[^@\s]+", text, re.IGNORECASE) is not None
    return url_problem(text) is None


# Strings of a type with a form of its own: a number in quotes is offered only when it fits.
_FORMS: Final[dict[str, Callable[[str], bool]]] = {
    "country": codes.is_country,
    "url": lambda t: url_problem(t) is None,
    "contact": _contact_ok,
    "domain": lambda t: is_host(t.removeprefix(".")) and not t.endswith("."),
    "path": lambda t: t.startswith("/") and not any(c.isspace() or c == ";" for c in t),
    "duration": lambda t: try_parse(t) is not None,
    "lifetime": lambda t: try_parse(t) is not None,
}


def _field(kind: str, key: str) -> Field | None:
    return find(kind, key) if kind != "catalogue" else None


def _ids(ctx: Context, kind: str) -> tuple[str, ...]:
    """The ids of the catalogue's entities of ``kind`` (its categories, purposes …)."""
    return tuple(getattr(ctx.catalogue, entity(kind).noun[1]))


def _choices(ctx: Context, kind: str, field: str) -> tuple[str, ...] | None:
    """The values ``field`` may take, when it is a closed list (``None`` otherwise)."""
    desc = _field(kind, field)
    if desc is not None and desc.type == "enum":
        return tuple(str(v) for v in desc.values)
    if desc is not None and desc.type == "ref":
        return _ids(ctx, desc.ref)
    return None


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _string_hint(ctx: Context, kind: str, field: str, text: str, expected: str) -> str:
    desc = _field(kind, field)
    choices = _choices(ctx, kind, field)
    if choices is not None:
        if text in choices:
            return f"write it in quotes: `{field} = {toml_string(text)}`"
        guess = did_you_mean(text, choices) if choices else None
        if guess is not None:
            return f"write `{field} = {toml_string(guess)}`"
        if not choices:
            return f"write {field} as {expected}"
        return f"write one of {one_of(choices)}, in quotes: `{field} = {toml_string(choices[0])}`"
    valid = _FORMS.get(desc.type) if desc is not None else None
    if valid is None or valid(text):
        return f"write it in quotes: `{field} = {toml_string(text)}`"
    return f"write {field} as {expected}"


def _array_hint(ctx: Context, desc: Field, value: str | int, expected: str) -> str:
    field, kind = desc.key, desc.type
    if kind == "ints":
        text = str(value)
        low, high = desc.low or 0, desc.high if desc.high is not None else 10**18
        if _TCF_LIST.fullmatch(text):
            numbers = [int(n) for n in re.findall(r"\d+", text)]
            if all(low <= n <= high for n in numbers):
                return f"write an array: `{field} = [{', '.join(map(str, numbers))}]`"
        return f"write {field} as {expected}"
    items = [s.strip() for s in str(value).split(",") if s.strip()]
    valid: Callable[[str], bool]
    choices: tuple[str, ...]
    if kind == "languages":
        valid, choices = langtags.is_valid, ()
    elif kind == "enums":
        choices = tuple(str(v) for v in desc.values)
        valid = choices.__contains__
    elif kind == "refs":
        choices = _ids(ctx, desc.ref)
        valid = choices.__contains__
    elif kind == "regions":
        valid, choices = (lambda code: region_problem(code) is None), ()
    else:
        valid, choices = (lambda _: True), ()
    if items and all(valid(item) for item in items):
        listed = ", ".join(toml_string(item) for item in items)
        return f"write an array: `{field} = [{listed}]`"
    if len(items) == 1:
        if kind == "languages":
            guess = langtags.suggest(items[0])
        else:
            guess = did_you_mean(items[0], choices) if choices else None
        if guess is not None:
            return f"write an array: `{field} = [{toml_string(guess)}]`"
    return f"write {field} as {expected}"


def _tables_hint(loc: Loc, desc: Field, value: object) -> str:
    """How to write an array of tables (cookies, changelog entries …), from its description."""
    item = entity(desc.ref)
    header = item.table.replace("<id>", key_text(loc.id or ""))
    needed = [f for f in item.values if f.needed][:2]
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    given = next((n for n in names if isinstance(n, str) and n.strip()), None)
    lines = []
    for i, field in enumerate(needed):
        if i == 0 and given is not None and field.type in STRING_TYPES:
            lines.append(f"`{field.key} = {toml_string(given)}`")
        else:  # a value without quotes is shown as the example has it, any text as "…"
            bare = field.type in ("date", "int", "bool") and field.example
            lines.append(f"`{field.key} = {field.example if bare else _ANY}`")
    then = " and ".join(lines)
    return (
        f"write each {item.noun[0]} as a table of its own: a `{header}` header, then {then} on "
        "the lines below it"
    )


def type_hint(ctx: Context, loc: Loc, kind: str, field: str, expected: str, value: object) -> str:
    """How to write ``value`` (of the wrong type) so that ``field`` accepts it."""
    desc = _field(kind, field)
    if desc is None:
        return f"write {field} as {expected}"
    if desc.type == "tables":
        return _tables_hint(loc, desc, value)
    scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
    if desc.type == "bool" and isinstance(value, str):
        word = value.strip().lower()
        if word in ("true", "false", "yes", "no"):
            return f"write `{field} = {'true' if word in ('true', 'yes') else 'false'}`"
    if desc.type == "date" and isinstance(value, str) and _is_date(value.strip()):
        return f"write the date without quotes: `{field} = {value.strip()}`"
    if desc.type == "int" and isinstance(value, str):
        digits = value.strip()
        if digits.isascii() and digits.isdigit() and len(digits) <= 18:
            return f"write the number without quotes: `{field} = {int(digits)}`"
    if desc.is_list and scalar and isinstance(value, str | int):
        return _array_hint(ctx, desc, value, expected)
    is_string = desc.type in STRING_TYPES or desc.type in ("text", "url_text")
    if is_string and (scalar or isinstance(value, bool)):
        return _string_hint(ctx, kind, field, _as_text(value), expected)
    return f"write {field} as {expected}"
