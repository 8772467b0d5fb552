"""The quickest edit: new values written over old ones, character for character.

When a table keeps its keys and only simple values change (a string, number,
date, boolean or flat array on one line), each value's text is replaced where
it stands; the key, spacing, quoting style and trailing comment stay as they
were. Anything else (a key added or removed, a multi-line string, an inline
table) is left to the tomlkit merge.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from consent_tui.core.store import tomlscan
from consent_tui.core.store.patch_data import same
from consent_tui.core.store.patch_emit import Style, basic_string, emit_value, literal_ok
from consent_tui.core.store.tomlscan import Path

_KEY_EQ = re.compile(rf"{tomlscan._KEYS}[ \t]*=[ \t]*")
_STRING = re.compile(tomlscan._STR)
_ARRAY = re.compile(rf"\[{tomlscan._FLAT}\]")
_SCALARS = (str, bool, int, float, dt.date, dt.time)


def _simple(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(v, _SCALARS) for v in value)
    return isinstance(value, _SCALARS)


def set_values(
    text: str, path: Path, old: Mapping[str, Any], new: Mapping[str, Any], style: Style
) -> str | None:
    """``text`` with the changed values of the table at ``path`` rewritten, or ``None``."""
    if old.keys() != new.keys():
        return None
    changed = [k for k in new if not same(old[k], new[k])]
    if not all(_simple(old[k]) and _simple(new[k]) for k in changed):
        return None
    wanted = {(*path, k): k for k in changed}
    spans: dict[str, tuple[int, int]] = {}
    for stmt in tomlscan.scan(text, line=1):
        key = wanted.get(stmt.path) if stmt.kind == "key" else None
        if key is None:
            continue
        if key in spans:
            return None
        span = _value_span(text, stmt.start)
        if span is None:
            return None
        spans[key] = span
    if len(spans) != len(changed):
        return None
    out = text
    for key, (start, end) in sorted(spans.items(), key=lambda kv: -kv[1][0]):
        out = out[:start] + _written(new[key], text[start:end], style) + out[end:]
    return out


def _value_span(text: str, key_start: int) -> tuple[int, int] | None:
    match = _KEY_EQ.match(text, key_start)
    if match is None:
        return None
    start = match.end()
    if text.startswith(('"""', "'''"), start) or text.startswith("{", start):
        return None
    if text.startswith(('"', "'"), start):
        found = _STRING.match(text, start)
        return (start, found.end()) if found else None
    if text.startswith("[", start):
        found = _ARRAY.match(text, start)
        return (start, found.end()) if found else None
    line_end = text.find("\n", start)
    segment = text[start : len(text) if line_end < 0 else line_end].split("#", 1)[0]
    return start, start + len(segment.rstrip())


def _written(value: Any, before: str, style: Style) -> str:
    if isinstance(value, str):
        if before.startswith("'") and literal_ok(value):
            return f"'{value}'"
        return basic_string(value)
    if isinstance(value, list) and before.startswith("["):
        literal = "'" in before and '"' not in before
        comma = ", " if ", " in before or "," not in before else ","
        inner = comma.join(emit_value(v, Style(literal=literal)) for v in value)
        padded = before.startswith("[ ") and before.endswith(" ]") and inner
        return f"[ {inner} ]" if padded else f"[{inner}]"
    return emit_value(value, style)
