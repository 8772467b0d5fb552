"""``consent-tui known NAME…`` and ``consent-tui known``: lookups and the installed copy."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from consent_tui.core.known.entry import KnownEntry
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.index import KnownIndex, Match
from consent_tui.core.known.installation import SourceInfo, installed
from consent_tui.core.known.load import load_index
from consent_tui.core.values import printable, printable_lines

EXIT_OK, EXIT_UNKNOWN, EXIT_UNREADABLE = 0, 1, 2

NOT_INSTALLED = (
    "consent-tui: no known-cookie database is installed yet. Run `consent-tui known update` to "
    "download the Open Cookie Database (Apache-2.0), or `consent-tui known update --from FILE` "
    "to install a CSV or JSON copy of it (docs/known.md)."
)


def _index() -> KnownIndex | int:
    try:
        index = load_index()
    except KnownDataError as exc:
        print(f"consent-tui: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if index is None:
        print(NOT_INSTALLED, file=sys.stderr)
        return EXIT_UNREADABLE
    return index


def lookup(names: list[str], domain: str | None, form: str) -> int:
    index = _index()
    if isinstance(index, int):
        return index
    matches = [(name, index.match(name, domain)) for name in names]
    if form == "json":
        sys.stdout.write(as_json(matches, index.source))
    else:
        sys.stdout.write(as_text(matches, index.source))
    return EXIT_OK if all(m is not None for _n, m in matches) else EXIT_UNKNOWN


# -- text


def as_text(matches: list[tuple[str, Match | None]], source: SourceInfo | None) -> str:
    """One block per name, a blank line between blocks, the source at the end.

    The texts are the database's and the user's: control and bidirectional characters
    are escaped (:func:`printable`): in one pass over the whole output, unless a text
    holds a line break, which only escaping each text on its own can tell apart.
    """
    lines = _lines(matches, source, _same)
    text = "\n".join(lines) + "\n"
    if text.count("\n") == len(lines):  # no text holds a line break: escape all at once
        return printable_lines(text)
    return "\n".join(_lines(matches, source, printable)) + "\n"


def _same(text: str) -> str:
    return text


def _lines(
    matches: list[tuple[str, Match | None]], source: SourceInfo | None, clean: Callable[[str], str]
) -> list[str]:
    out: list[str] = []
    for name, match in matches:
        if out:
            out.append("")
        if match is None:
            out.append(f"{clean(name)}: not in the Open Cookie Database")
            continue
        out.append(f"{clean(name)} ({_how(match, clean)})")
        for entry in match.entries:
            _entry(entry, clean, out)
    if source is not None:
        retrieved = source.retrieved[:10]
        out += ["", f"(Open Cookie Database, {source.licence}, retrieved {retrieved})"]
    return out


def _how(match: Match, clean: Callable[[str], str]) -> str:
    many = len(match.entries)
    platforms = f", {many} platforms" if many > 1 else ""
    if not match.by_prefix:
        return f"exact name{platforms}"
    prefixes = ", ".join(dict.fromkeys(e.name for e in match.entries))
    return f"by prefix {clean(prefixes)}{platforms}"


def _entry(entry: KnownEntry, clean: Callable[[str], str], out: list[str]) -> None:
    out.append(f"  {clean(entry.platform or '(no platform)')}")
    rows = (
        ("category", entry.category),
        ("domain", _domains(entry)),
        ("retention", _retention(entry)),
        ("controller", entry.controller),
        ("privacy", entry.privacy_link),
        ("description", entry.description),
    )
    out += [f"    {label:<12} {clean(value)}" for label, value in rows if value]


def _domains(entry: KnownEntry) -> str:
    text = " or ".join(entry.domains)
    if entry.third_party:
        text = f"{text} (3rd party)" if text else "(3rd party)"
    return text


def _retention(entry: KnownEntry) -> str:
    if not entry.retention:
        return "(not given)"
    if entry.duration is None:
        return f"{entry.retention} (not read as a duration)"
    refresh = ", counted from the last activity" if entry.refresh else ""
    if entry.duration == entry.retention and not refresh:
        return entry.retention
    return f"{entry.retention} (duration: {entry.duration}{refresh})"


# -- JSON


def _source(source: SourceInfo | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {
        "source": source.source,
        "retrieved": source.retrieved,
        "licence": source.licence,
        "attribution": source.attribution,
    }


def as_json(matches: list[tuple[str, Match | None]], source: SourceInfo | None) -> str:
    results = [
        {
            "name": name,
            "found": match is not None,
            "by_prefix": match.by_prefix if match else None,
            "entries": [e.as_dict() for e in match.entries] if match else [],
        }
        for name, match in matches
    ]
    doc = {"database": _source(source), "results": results}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- the installed copy


def status(form: str) -> int:
    try:
        info = installed()
    except KnownDataError as exc:
        print(f"consent-tui: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if info is None:
        print(NOT_INSTALLED, file=sys.stderr)
        return EXIT_UNREADABLE
    if form == "json":
        doc = {**info.as_dict(), "file": str(info.file)}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        from consent_tui.commands.known_report import describe

        sys.stdout.write(describe(info, "The installed Open Cookie Database"))
    return EXIT_OK
