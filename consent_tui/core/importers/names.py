"""Cookie names as published: several in one cell, placeholders, remarks beside the name.

A cell may list several names, one per line or joined by ``", "``, ``"; "``,
``" and "`` (in any of the seven languages) or ``" & "``; :func:`split_names`
returns them with the separators as written. :func:`matching_name` turns a
shown name into the catalogue's matching name: placeholders (``{site_id}``,
``[id]``, ``<n>``, ``#``, ``…``, ``XXXX``) become ``*``, a remark in brackets
after the name is dropped (``__lc_cid (customerID)`` -> ``__lc_cid``).
"""

from __future__ import annotations

import re
from typing import Final

_SEPARATOR = re.compile(r"\s*[;,]\s*|\s+(?:and|und|et|y|e|en|&)\s+", re.IGNORECASE)
_REMARK = re.compile(r"\s*[(（][^()]*[)）]\s*$")
_PLACEHOLDERS: Final = (
    re.compile(r"\{[^{}]*\}"),
    re.compile(r"\[[^\[\]]*\]"),
    re.compile(r"<[^<>]*>"),
    re.compile(r"%[A-Za-z_]+%"),
    re.compile(r"(?<=[_.\-])(?:X{3,}|x{4,})(?=$|[_.\-])"),
    re.compile(r"#+|…|\.\.\.+"),
)
_STARS = re.compile(r"\*{2,}")
_QUOTES = "\"'`“”‘’«»"
MAX_NAME = 200


def looks_like_name(text: str) -> bool:
    """A piece of a cell that can be one name: no space outside brackets, not too long."""
    if not text or len(text) > MAX_NAME:
        return False
    bare = _REMARK.sub("", text).strip()
    return bool(bare) and not any(ch.isspace() for ch in bare)


def split_names(text: str) -> tuple[list[str], list[str]]:
    """The names of a cell and the separators between them, as written.

    A cell whose pieces do not all look like names is one name (a name with an
    explanation, say), and has no separators.
    """
    names: list[str] = []
    separators: list[str] = []
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for number, line in enumerate(lines):
        if number:
            separators.append("\n")
        pieces = _SEPARATOR.split(line)
        found = _SEPARATOR.findall(line)
        if all(looks_like_name(p.strip()) for p in pieces):
            names.extend(p.strip() for p in pieces)
            separators.extend(found)
        else:
            names.append(line)
    if len(names) > 1 and not all(looks_like_name(n) for n in names):
        return [" ".join(lines)] if lines else [], []
    return names, separators


def matching_name(shown: str) -> str:
    """The name that matches what ``shown`` stands for, with ``*`` for its placeholders."""
    name = shown.strip().strip(_QUOTES).strip()
    bare = _REMARK.sub("", name).strip()
    if bare and looks_like_name(bare):
        name = bare
    for pattern in _PLACEHOLDERS:
        name = pattern.sub("*", name)
    return _STARS.sub("*", name).strip()
