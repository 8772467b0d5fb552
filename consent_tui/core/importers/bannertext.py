"""Reading what banner configurations write: service titles, storage lists, patterns, HTML texts.

consent-tui's own banner exports name a service "Provider – Function" and end
a Klaro description with the list of what it stores ("Cookies and storage:
sid (2 weeks); id (local storage, persistent)."); these are read back here, so
that an export imported again is the same catalogue. Regular expressions that
say "starts with", "ends with" or "is" become the catalogue's ``*`` patterns.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Final

from consent_tui.core.export.banner_texts import UI, ui
from consent_tui.core.importers.lifetimes import read_lifetime

TITLE_SEP: Final = " – "
_STORAGE_KINDS: Final = ("local_storage", "session_storage", "indexed_db", "pixel")
_TAG = re.compile(r"<[^>]*>")
_REGEX_LITERAL: Final = frozenset("\\^$.|?*+()[]{}/-")


def split_title(titles: dict[str, str]) -> tuple[str, dict[str, str]]:
    """``"Google – Analytics"`` per language -> the provider and the function per language.

    Without one provider before " – " in every language, the title is both.
    """
    firsts = {t.split(TITLE_SEP, 1)[0] for t in titles.values() if TITLE_SEP in t}
    if len(firsts) == 1 and all(TITLE_SEP in t for t in titles.values()):
        provider = firsts.pop()
        return provider, {lang: t.split(TITLE_SEP, 1)[1] for lang, t in titles.items()}
    default = next(iter(titles.values()), "")
    return default, dict(titles)


def plain(text: str) -> str:
    """HTML as its text: tags dropped, entities decoded, ``<br>`` a line break."""
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    return html.unescape(_TAG.sub("", text)).strip()


def split_top(text: str, sep: str) -> list[str]:
    """``text`` split at ``sep`` outside brackets."""
    out, depth, start, pos = [], 0, 0, 0
    while pos < len(text):
        char = text[pos]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(sep, pos):
            out.append(text[start:pos])
            pos += len(sep)
            start = pos
            continue
        pos += 1
    out.append(text[start:])
    return out


@dataclass
class Stored:
    """One entry of a storage list: a name, its type, lifetime and note as written."""

    name: str
    kind: str | None = None
    duration: str | None = None
    note: str = ""


def storage_label_kind(label: str, lang: str) -> str | None:
    words = ui(lang)
    for kind in _STORAGE_KINDS:
        if words.get(kind) == label or UI["en"].get(kind) == label:
            return kind
    return None


def split_name(item: str) -> tuple[str, str]:
    """``"sid (2 weeks, note)"`` -> ``("sid", "2 weeks, note")``."""
    if not item.endswith(")"):
        return item, ""
    depth = 0
    for pos in range(len(item) - 1, -1, -1):
        if item[pos] == ")":
            depth += 1
        elif item[pos] == "(":
            depth -= 1
            if depth == 0:
                return item[:pos].rstrip(), item[pos + 1 : -1]
    return item, ""


def lifetime_and_note(details: list[str], lang: str) -> tuple[str | None, str]:
    """The lifetime among a cookie's details (written by the export), and the note after it."""
    if details and read_lifetime(details[0]) is not None:
        return read_lifetime(details[0]), ", ".join(details[1:])
    return None, ", ".join(details)


def storage_list(description: str, lang: str) -> tuple[str, list[Stored]] | None:
    """consent-tui's storage list at the end of a Klaro description, and the text before it."""
    words = ui(lang)
    prefix, _, suffix = words["storage"].partition("{items}")
    at = description.rfind(prefix)
    if at < 0 or not description.endswith(suffix) or (at and description[at - 1] != " "):
        return None
    body = description[at + len(prefix) : len(description) - len(suffix)]
    entries = []
    for item in split_top(body, words["list_sep"]):
        name, inside = split_name(item)
        details = split_top(inside, ", ") if inside else []
        kind = storage_label_kind(details[0], lang) if details else None
        if kind is not None:
            details = details[1:]
        duration, note = lifetime_and_note(details, lang)
        entries.append(Stored(name, kind, duration, note))
    return description[:at].rstrip(), entries


def table_name(shown: str, lang: str) -> tuple[str, str | None]:
    """A cookie table's name cell: ``"key (local storage)"`` -> ``("key", "local_storage")``."""
    name, inside = split_name(shown)
    if inside:
        kind = storage_label_kind(inside, lang)
        if kind is not None:
            return name, kind
    return shown, None


def duration_cell(text: str) -> tuple[str | None, str]:
    """A cookie table's duration cell: ``"30 days (note)"`` -> ``("30 days", "note")``."""
    before, inside = split_name(text)
    if inside and read_lifetime(before) is not None:
        return read_lifetime(before), inside
    found = read_lifetime(text)
    if found is not None:
        return found, ""
    return None, text


def pattern(source: str) -> str | None:
    """A regular expression as a ``*`` pattern, when it is one: ``^_ga_.*$`` -> ``_ga_*``.

    Anchored at both ends it is a name or a pattern; without ``^`` it may start
    with anything, without ``$`` end with anything. Any other construct (a class,
    an alternative, a lone ``.``) has no ``*`` form: ``None``.
    """
    start = source.startswith("^")
    end = source.endswith("$") and not source.endswith("\\$")
    body = source[1 if start else 0 : len(source) - 1 if end else len(source)]
    out: list[str] = [] if start else ["*"]
    pos = 0
    while pos < len(body):
        char = body[pos]
        if char == "\\":
            nxt = body[pos + 1 : pos + 2]
            if nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", body[pos + 2 : pos + 6]):
                out.append(chr(int(body[pos + 2 : pos + 6], 16)))
                pos += 6
                continue
            if nxt and (nxt in _REGEX_LITERAL or not nxt.isalnum()):
                out.append(nxt)
                pos += 2
                continue
            return None
        if body.startswith(".*", pos):
            out.append("*")
            pos += 2
            continue
        if char in ".|?*+()[]{}^$":
            return None
        out.append(char)
        pos += 1
    if not end:
        out.append("*")
    text = re.sub(r"\*+", "*", "".join(out))
    return text if text.strip("*") else None
