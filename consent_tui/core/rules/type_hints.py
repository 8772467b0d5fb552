"""Fix hints for a known field holding a value of the wrong type.

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

from consent_tui.core.consentmode import region_problem
from consent_tui.core.durations import try_parse
from consent_tui.core.model import (
    CONSENT_TYPES,
    DOCUMENT_COLUMNS,
    LEGAL_BASES,
    PARTIES,
    STORAGE_TYPES,
)
from consent_tui.core.model.layout import (
    DURATION_STYLES,
    GROUPINGS,
    NAME_STYLES,
    ROW_KINDS,
    SERVICE_CELLS,
)
from consent_tui.core.reference import codes, langtags
from consent_tui.core.rules.base import Context, Loc, did_you_mean, one_of
from consent_tui.core.values import is_host, url_problem

_ENUMS: Final[dict[tuple[str, str], tuple[str, ...]]] = {
    ("service", "party"): PARTIES,
    ("cookie", "type"): STORAGE_TYPES,
    ("purpose", "legal_basis"): LEGAL_BASES,
    ("document", "group_by"): GROUPINGS,
    ("document", "rows"): ROW_KINDS,
    ("document", "service_cells"): SERVICE_CELLS,
    ("document", "names"): NAME_STYLES,
    ("document", "durations"): DURATION_STYLES,
}
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


# Strings with a form of their own: a number in quotes is offered only when it fits.
_FORMS: Final[dict[str, Callable[[str], bool]]] = {
    "country": codes.is_country,
    "site_url": lambda t: url_problem(t) is None,
    "privacy_policy": lambda t: url_problem(t) is None,
    "contact": _contact_ok,
    "domain": lambda t: is_host(t.removeprefix(".")) and not t.endswith("."),
    "path": lambda t: t.startswith("/") and not any(c.isspace() or c == ";" for c in t),
    "duration": lambda t: try_parse(t) is not None,
    "consent_lifetime": lambda t: try_parse(t) is not None,
}


def _choices(ctx: Context, kind: str, field: str) -> tuple[str, ...] | None:
    """The values ``field`` may take, when it is a closed list (``None`` otherwise)."""
    if (kind, field) in _ENUMS:
        return _ENUMS[kind, field]
    if kind == "service" and field == "category":
        return tuple(ctx.catalogue.categories)
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
    valid = _FORMS.get(field)
    if valid is None or valid(text):
        return f"write it in quotes: `{field} = {toml_string(text)}`"
    return f"write {field} as {expected}"


def _array_hint(ctx: Context, field: str, value: str | int, expected: str) -> str:
    if field == "tcf_purposes":
        text = str(value)
        if _TCF_LIST.fullmatch(text):
            numbers = [int(n) for n in re.findall(r"\d+", text)]
            if all(1 <= n <= 11 for n in numbers):
                return f"write an array: `tcf_purposes = [{', '.join(map(str, numbers))}]`"
        return f"write {field} as {expected}"
    items = [s.strip() for s in str(value).split(",") if s.strip()]
    valid: Callable[[str], bool]
    choices: tuple[str, ...]
    if field == "languages":
        valid, choices = langtags.is_valid, ()
    elif field == "columns":
        valid, choices = DOCUMENT_COLUMNS.__contains__, DOCUMENT_COLUMNS
    elif field == "purposes":
        choices = tuple(ctx.catalogue.purposes)
        valid = choices.__contains__
    elif field == "consent_mode":
        valid, choices = CONSENT_TYPES.__contains__, CONSENT_TYPES
    elif field == "region":
        valid, choices = (lambda code: region_problem(code) is None), ()
    else:
        valid, choices = (lambda _: True), ()
    if items and all(valid(item) for item in items):
        listed = ", ".join(toml_string(item) for item in items)
        return f"write an array: `{field} = [{listed}]`"
    if len(items) == 1:
        if field == "languages":
            guess = langtags.suggest(items[0])
        else:
            guess = did_you_mean(items[0], choices) if choices else None
        if guess is not None:
            return f"write an array: `{field} = [{toml_string(guess)}]`"
    return f"write {field} as {expected}"


def _cookies_hint(loc: Loc, value: object) -> str:
    header = f"[[services.{key_text(loc.id or '')}.cookies]]"
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    name = next((n for n in names if isinstance(n, str) and n.strip()), None)
    first = f"name = {toml_string(name)}" if name is not None else 'name = "…"'
    return (
        f"write each cookie as a table of its own: a `{header}` header, then `{first}` and "
        '`duration = "…"` on the lines below it'
    )


def type_hint(ctx: Context, loc: Loc, kind: str, field: str, expected: str, value: object) -> str:
    """How to write ``value`` (of the wrong type) so that ``field`` accepts it."""
    if kind == "service" and field == "cookies":
        return _cookies_hint(loc, value)
    if kind == "policy" and field == "changelog":
        return (
            "write each change as a table of its own: a `[[policy.changelog]]` header, then "
            '`date = 2026-11-28` and `text = "…"` on the lines below it'
        )
    scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
    if expected.startswith("a boolean") and isinstance(value, str):
        word = value.strip().lower()
        if word in ("true", "false", "yes", "no"):
            return f"write `{field} = {'true' if word in ('true', 'yes') else 'false'}`"
    if expected.startswith("a TOML date") and isinstance(value, str) and _is_date(value.strip()):
        return f"write the date without quotes: `{field} = {value.strip()}`"
    if expected.startswith("an integer") and isinstance(value, str):
        digits = value.strip()
        if digits.isascii() and digits.isdigit() and len(digits) <= 18:
            return f"write the number without quotes: `{field} = {int(digits)}`"
    if expected.startswith("an array") and scalar and isinstance(value, str | int):
        return _array_hint(ctx, field, value, expected)
    is_string = expected.startswith(("a string", "a duration string", "a URL string"))
    if is_string and (scalar or isinstance(value, bool)):
        return _string_hint(ctx, kind, field, _as_text(value), expected)
    return f"write {field} as {expected}"
