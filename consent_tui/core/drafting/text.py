"""A drafted catalogue as TOML text: one table per entity, comments above, read back to check.

The data of each table is the store's (:func:`~consent_tui.core.store.to_data`,
so keys come in the store's order); the layout is the samples': a blank line
and the comments before each table header, ``key = value`` lines, strings as
TOML basic strings with control and bidirectional characters escaped. The text
is read back with the store's loader and must give the same catalogue.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from consent_tui.core.drafting.errors import DraftError
from consent_tui.core.store import load_text, to_data

if TYPE_CHECKING:
    from consent_tui.core.drafting.draft import Draft, Path

WIDTH: Final = 92
_BARE: Final = re.compile(r"[A-Za-z0-9_-]+")
# Escaped in strings: what TOML forbids raw (controls but tab), and what would reorder
# or hide text in an editor (bidirectional and invisible characters).
_ESCAPE: Final = re.compile(
    '[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"\\\\]'
)
_NAMED: Final = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _char(match: re.Match[str]) -> str:
    ch = match.group()
    return _NAMED.get(ch) or f"\\u{ord(ch):04X}"


def string(text: str) -> str:
    """``text`` as a TOML basic string."""
    return '"' + _ESCAPE.sub(_char, text) + '"'


def key(name: str) -> str:
    return name if _BARE.fullmatch(name) else string(name)


def value(data: Any) -> str:
    """A TOML value: strings, booleans, integers, arrays and (inline) tables."""
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, int):
        return str(data)
    if isinstance(data, str):
        return string(data)
    if isinstance(data, list):
        return "[" + ", ".join(value(v) for v in data) + "]"
    if isinstance(data, dict):
        return "{ " + ", ".join(f"{key(k)} = {value(v)}" for k, v in data.items()) + " }"
    raise TypeError(f"no TOML form for {type(data).__name__}")  # the model holds no other


def comment(paragraphs: Iterable[str], *, spaced: bool = False) -> list[str]:
    """Paragraphs as ``#`` lines, wrapped; ``spaced``: a ``#`` line between paragraphs."""
    out: list[str] = []
    for text in paragraphs:
        indent = text[: len(text) - len(text.lstrip(" "))]
        if spaced and out and not indent:
            out.append("#")
        lines = textwrap.wrap(
            text.strip(" "),
            WIDTH - 2,
            initial_indent=indent,
            subsequent_indent=indent + ("  " if indent else ""),
            break_long_words=False,
            break_on_hyphens=False,
        )
        out += [f"# {line}" for line in lines]
    return out


class _Writer:
    def __init__(self, comments: Mapping[Path, tuple[str, ...]]) -> None:
        self.comments = comments
        self.lines: list[str] = []

    def table(self, header: str, path: Path, data: Mapping[str, Any]) -> None:
        self.lines.append("")
        self.lines += comment(self.comments.get(path, ()))
        self.lines.append(header)
        for name, item in data.items():
            self.lines += comment(self.comments.get((*path, name), ()))
            self.lines.append(f"{key(name)} = {value(item)}")


def render(draft: Draft, _check: bool = True) -> str:
    """The text of ``draft``'s catalogue with its comments; it reads back as the catalogue."""
    data = to_data(draft.catalogue)
    w = _Writer(draft.comments)
    w.lines += comment(draft.comments.get((), ()), spaced=True)
    w.lines.append(f"format_version = {data['format_version']}")
    w.table("[policy]", ("policy",), data["policy"])
    for part in ("categories", "purposes"):
        w.lines += ["", *comment(draft.comments.get((part,), ()))]
        for eid, table in data[part].items():
            w.table(f"[{part}.{key(eid)}]", (part, eid), table)
    for sid, service in data["services"].items():
        fields = {k: v for k, v in service.items() if k != "cookies"}
        w.table(f"[services.{key(sid)}]", ("services", sid), fields)
        for i, cookie in enumerate(service.get("cookies", [])):
            w.table(f"[[services.{key(sid)}.cookies]]", ("services", sid, "cookies", i), cookie)
    text = "\n".join(w.lines) + "\n"
    if _check and load_text(text) != draft.catalogue:  # a bug, never the input: say so plainly
        raise DraftError("internal error: the drafted text does not read back as drafted")
    return text
