"""Write plain TOML data as text in a given layout style.

New tables (an added service, cookie, category...) are written here rather than
by tomlkit, so they can follow the layout of their neighbours: key indentation,
the spelling of `` = ``, padding inside inline tables, quoting, blank lines
between tables, and translations written as sub-tables. Values never contain a
raw line break (``\\n`` is escaped), so every line produced is a whole line.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


@dataclass(frozen=True)
class Style:
    """How a table's text is laid out, as read from a neighbour."""

    header_indent: str = ""
    indent: str = ""
    sep: str = " = "
    align: int | None = None  # column of "=" when keys are aligned
    inline_pad: bool = True  # "{ en = … }" rather than "{en = …}"
    inline_sep: str = " = "
    inline_comma: str = ", "
    literal: bool = False  # single-quoted strings
    key_order: tuple[str, ...] = ()
    subtables: frozenset[str] = frozenset()  # fields written as [path.field] tables
    blank: int = 1  # blank lines before a sub-table
    children: Mapping[str, Style] = field(default_factory=dict)

    def child(self, name: str) -> Style:
        """The style of sub-table ``name``: its own, else this one's minus what is per table."""
        found = self.children.get(name)
        if found is not None:
            return found
        return replace(self, align=None, key_order=(), subtables=frozenset(), children={})


def format_key(key: str) -> str:
    return key if _BARE.match(key) else basic_string(key)


def format_path(path: tuple[str | int, ...]) -> str:
    return ".".join(format_key(p) for p in path if isinstance(p, str))


def basic_string(text: str) -> str:
    if not _NEEDS_ESCAPE.search(text):
        return f'"{text}"'

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _ESCAPES.get(char) or f"\\u{ord(char):04x}"

    return '"' + _NEEDS_ESCAPE.sub(escape, text) + '"'


def literal_ok(text: str) -> bool:
    return "'" not in text and not re.search(r"[\x00-\x08\x0a-\x1f\x7f]", text)


def emit_value(value: Any, style: Style = Style()) -> str:
    """One value as inline TOML text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        if style.literal and literal_ok(value):
            return f"'{value}'"
        return basic_string(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(emit_value(v, style) for v in value) + "]"
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        inner = style.inline_comma.join(
            f"{format_key(k)}{style.inline_sep}{emit_value(v, style)}" for k, v in value.items()
        )
        return f"{{ {inner} }}" if style.inline_pad else f"{{{inner}}}"
    raise TypeError(f"cannot write a {type(value).__name__} as TOML")


def order_keys(keys: list[str], preferred: tuple[str, ...]) -> list[str]:
    """``keys`` in the neighbour's order; keys it lacks go after their predecessor."""
    known = [k for k in dict.fromkeys(preferred) if k in keys]
    for position, key in enumerate(keys):
        if key in known:
            continue
        before = [k for k in keys[:position] if k in known]
        at = known.index(before[-1]) + 1 if before else 0
        known.insert(at, key)
    return known


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _as_table(key: str, value: Any, style: Style) -> bool:
    if not isinstance(value, Mapping) or not value:
        return False
    if key in style.subtables:
        return True
    return any(isinstance(v, Mapping) or _is_table_array(v) for v in value.values())


def emit_line(key: str, value: Any, style: Style) -> str:
    name = format_key(key)
    sep = style.sep
    if style.align is not None:
        pad = style.align - len(style.indent) - len(name)
        sep = " " * max(pad, 1) + "= "
    return f"{style.indent}{name}{sep}{emit_value(value, style)}"


def emit_table(
    path: tuple[str | int, ...], data: Mapping[str, Any], style: Style, *, array: bool = False
) -> str:
    """A table (header, keys, then its sub-tables) as text ending with a newline."""
    name = format_path(path)
    header = f"[[{name}]]" if array else f"[{name}]"
    lines = [style.header_indent + header]
    plain: list[str] = []
    tables: list[str] = []
    arrays: list[str] = []
    for key in order_keys(list(data), style.key_order):
        value = data[key]
        if _is_table_array(value):
            arrays.append(key)
        elif _as_table(key, value, style):
            tables.append(key)
        else:
            plain.append(key)
    lines += [emit_line(k, data[k], style) for k in plain]
    out = "\n".join(lines) + "\n"
    gap = "\n" * style.blank
    names = [p for p in path if isinstance(p, str)]
    for key in tables:
        out += gap + emit_table((*names, key), data[key], style.child(key))
    for key in arrays:
        for element in data[key]:
            out += gap + emit_table((*names, key), element, style.child(key), array=True)
    return out
