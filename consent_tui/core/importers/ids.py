"""Ids for what an import creates: from the names a page shows, unique, in the format's syntax."""

from __future__ import annotations

import re
from typing import Any, Final

from consent_tui.core.importers.vocabulary import fold
from consent_tui.core.model import DOCUMENT_COLUMNS

MAX_ID = 48
# Keys the format defines in a cookie or a service: an own column may not use them.
RESERVED: Final = frozenset(
    (
        *DOCUMENT_COLUMNS,
        *("id", "name", "type", "domain", "path", "duration", "duration_note", "refresh"),
        *("description", "display_name", "duration_text", "provider", "function", "location"),
        *("category", "purposes", "party", "privacy_policy", "country", "safeguard", "cookies"),
        *("consent_mode",),
    )
)


def slug(text: str, fallback: str, sep: str = "-") -> str:
    """``text`` as an id: ``[a-z0-9]`` words joined by ``sep``, at most :data:`MAX_ID` long."""
    words = fold(text).split()
    out = ""
    for word in words:
        candidate = f"{out}{sep}{word}" if out else word
        if len(candidate) > MAX_ID:
            break
        out = candidate
    return out or fallback


class Ids:
    """Hands out ids that are unique within one kind: ``google``, ``google-2``…"""

    def __init__(self, taken: frozenset[str] = frozenset()) -> None:
        self.used: set[str] = set(taken)

    def take(self, base: str, sep: str = "-") -> str:
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}{sep}{n}", n + 1
        self.used.add(candidate)
        return candidate


def text_value(values: dict[str, str], languages: tuple[str, ...]) -> Any:
    """A translatable text as TOML data: a string in a one-language catalogue, else a table.

    ``None`` when every language's text is empty.
    """
    kept = {lang: values[lang] for lang in languages if values.get(lang)}
    if not kept:
        return None
    if len(languages) == 1:
        return kept[languages[0]]
    return kept


def exact_text(values: dict[str, str], languages: tuple[str, ...]) -> Any:
    """Like :func:`text_value`, but an empty text is kept (an empty header cell)."""
    if len(languages) == 1:
        return values.get(languages[0], "")
    return {lang: values.get(lang, "") for lang in languages}


_COUNT = re.compile(r"^(?P<title>.*?)(?P<before>\s*[(\[]\s*)(?P<n>\d+)(?P<after>\s*[)\]])\s*$")


def heading_parts(heading: str) -> tuple[str, str, int] | None:
    """``"Necessary (5)"`` -> ``("Necessary", "{title} ({n})", 5)``: a title and its count."""
    found = _COUNT.match(heading)
    if found is None or not found.group("title").strip():
        return None
    template = "{title}" + found.group("before") + "{n}" + found.group("after")
    return found.group("title").strip(), template, int(found.group("n"))
