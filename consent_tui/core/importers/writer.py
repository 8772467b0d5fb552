"""Catalogue data -> TOML text, with the import's comments: where entries came from, what to review.

The data is what :mod:`build` and :mod:`layoutdata` make (strings, booleans,
integers, lists, tables); tables are written in the order of the data, the
categories, purposes and services under a rule each. A key marked for review
gets ``# review: …`` at the end of its line; a key the import could not fill
is written as a comment where it belongs, so the person sees what to add.
Strings are TOML basic strings on one line (line breaks as ``\\n``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from consent_tui.core.importers.notes import Notes, Path

_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")
_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f\u2028\u2029]')
_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
# Sub-tables of these tables; every other mapping is written inline.
_TABLES: Final = {
    ("policy",): ("document",),
    ("policy", "document"): ("words", "own_columns", "tables"),
}
_TABLES_OF_TABLES: Final = frozenset(
    {("policy", "document", "own_columns"), ("policy", "document", "tables")}
)
_RULES: Final = {"categories": "categories", "purposes": "purposes", "services": "services"}
# The keys of each kind of table in the order docs/format.md lists them; others after.
_ORDER: Final = {
    "policy": (
        *("title", "site_name", "site_url", "controller", "contact", "languages", "updated"),
        *("intro", "document"),
    ),
    "banner": (
        *("consent_lifetime", "revision", "policy_url", "wait_for_update"),
        *("ads_data_redaction", "url_passthrough", "region"),
    ),
    "categories": ("title", "description", "consent", "consent_mode"),
    "purposes": ("title", "description", "legal_basis"),
    "services": (
        *("provider", "function", "location", "description", "category", "purposes"),
        *("party", "privacy_policy", "country", "safeguard", "consent_mode"),
    ),
    "cookies": (
        *("name", "display_name", "type", "domain", "path", "duration", "duration_text"),
        *("duration_note", "description"),
    ),
}


def _ordered(path: Path, data: Mapping[str, Any]) -> list[str]:
    kind = "cookies" if len(path) == 4 else str(path[0]) if len(path) <= 2 else ""
    if kind == "policy" and len(path) != 1:
        kind = ""
    preferred = [k for k in _ORDER.get(kind, ()) if k in data]
    return preferred + [k for k in data if k not in preferred]


def string(text: str) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _ESCAPES.get(char) or f"\\u{ord(char):04x}"

    return '"' + _ESCAPE.sub(escape, text) + '"'


def key(name: str) -> str:
    return name if _BARE.match(name) else string(name)


def value(item: Any) -> str:
    """One value as inline TOML."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, list | tuple):
        return "[" + ", ".join(value(v) for v in item) + "]"
    if isinstance(item, Mapping):
        if not item:
            return "{}"
        return "{ " + ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items()) + " }"
    raise TypeError(f"cannot write a {type(item).__name__}")


_NOT_IN_COMMENTS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]")


def _comment(text: str) -> str:
    """A comment line: one line, without the control characters TOML forbids in comments."""
    return "# " + _NOT_IN_COMMENTS.sub("", " ".join(text.split()))


class _Writer:
    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.out: list[str] = []

    def table(self, path: Path, data: Mapping[str, Any], *, array: bool = False) -> None:
        names = ".".join(key(str(p)) for p in path if isinstance(p, str))
        self.out.append("")
        self.out.extend(_comment(line) for line in self.notes.comments.get(path, ()))
        self.out.append(f"[[{names}]]" if array else f"[{names}]")
        reviews = self.notes.reviews.get(path, {})
        subtables = _TABLES.get(tuple(str(p) for p in path), ())
        later: list[str] = []
        for name in _ordered(path, data):
            item = data[name]
            if name in subtables or (name == "cookies" and path[0] == "services"):
                later.append(name)
                continue
            line = f"{key(name)} = {value(item)}"
            if name in reviews:
                line += "  " + _comment("review: " + reviews[name])
            self.out.append(line)
        for name, why in reviews.items():
            if name not in data:
                self.out.append(_comment(f"{name} = …  review: {why}"))
        for name in later:
            child = (*path, name)
            if name == "cookies":
                for index, cookie in enumerate(data[name]):
                    self.table((*child, index), cookie, array=True)
            elif tuple(str(p) for p in child) in _TABLES_OF_TABLES:
                for sub, table in data[name].items():
                    self.table((*child, sub), table)
            else:
                self.table(child, data[name])

    def section(self, name: str) -> None:
        self.out += ["", f"# {'-' * (60 - len(name))} {name}"]


def render(data: Mapping[str, Any], notes: Notes, header: list[str]) -> str:
    """The catalogue's text: ``header`` as the opening comment, then the data."""
    writer = _Writer(notes)
    writer.out.extend(_comment(line) if line else "#" for line in header)
    writer.out.append(f"format_version = {data['format_version']}")
    writer.table(("policy",), data["policy"])
    if data.get("banner"):
        writer.table(("banner",), data["banner"])
    for part in ("categories", "purposes", "services"):
        entries = data.get(part) or {}
        if entries:
            writer.section(_RULES[part])
        for ident, entry in entries.items():
            writer.table((part, ident), entry)
    return "\n".join(writer.out) + "\n"
