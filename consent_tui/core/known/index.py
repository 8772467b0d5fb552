"""The lookup: a cookie name to the entries that describe it, exact name first, then prefix.

Built once from the entries (a few milliseconds for the whole database); a
lookup is one dictionary probe for the exact name, then one per distinct
prefix length not longer than the name, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consent_tui.core.known.entry import KnownEntry

if TYPE_CHECKING:
    from consent_tui.core.known.installation import SourceInfo


@dataclass(frozen=True, slots=True)
class Match:
    """The entries found for a name, and whether they matched by prefix (wildcard).

    ``by_prefix`` is false when the name is the entries' own name, even for a
    wildcard entry looked up by its prefix (``_ga_``).
    """

    name: str
    entries: tuple[KnownEntry, ...]
    by_prefix: bool


class KnownIndex:
    """Every entry, by exact name and by prefix, and by platform.

    The same name may be listed by several platforms: a lookup returns all of
    them, in database order, unless a ``domain`` tells them apart (then those
    whose domain is the same, a sub- or a parent domain of it; all of them when
    none is).
    """

    def __init__(self, entries: Iterable[KnownEntry], source: SourceInfo | None = None) -> None:
        self.entries: tuple[KnownEntry, ...] = tuple(entries)
        self.source = source  # the installed copy it was read from, if any
        self._exact: dict[str, list[KnownEntry]] = {}
        self._prefix: dict[str, list[KnownEntry]] = {}
        self._patterns: dict[int, re.Pattern[str]] = {}  # by id() of the entry
        self._platforms: dict[str, list[KnownEntry]] = {}
        for entry in self.entries:
            self._platforms.setdefault(entry.platform, []).append(entry)
            if not entry.prefix:
                self._exact.setdefault(entry.name, []).append(entry)
                continue
            head, star, _rest = entry.name.partition("*")
            self._prefix.setdefault(head, []).append(entry)
            if star:  # "a*b": the prefix finds it, the pattern confirms it
                parts = (re.escape(p) for p in entry.name.split("*"))
                self._patterns[id(entry)] = re.compile(".*".join(parts) + ".*", re.DOTALL)
        self._lengths = sorted({len(p) for p in self._prefix}, reverse=True)

    def __len__(self) -> int:
        return len(self.entries)

    def match(self, name: str, domain: str | None = None) -> Match | None:
        """The entries for ``name``: those of its exact name, else of its longest prefix."""
        exact = self._exact.get(name)
        if exact:
            return Match(name, _by_domain(exact, domain), False)
        size = len(name)
        for length in self._lengths:
            if length > size:
                continue
            found = self._prefix.get(name[:length])
            if not found:
                continue
            kept = [e for e in found if id(e) not in self._patterns or self._fits(e, name)]
            if kept:
                by_prefix = any(e.name != name for e in kept)
                return Match(name, _by_domain(kept, domain), by_prefix)
        return None

    def _fits(self, entry: KnownEntry, name: str) -> bool:
        return self._patterns[id(entry)].fullmatch(name) is not None

    def lookup(self, name: str, domain: str | None = None) -> list[KnownEntry]:
        """The entries describing ``name`` (see :meth:`match`); empty when it is unknown."""
        found = self.match(name, domain)
        return list(found.entries) if found else []

    def platforms(self) -> list[str]:
        """Every platform name, sorted (case-insensitively)."""
        return sorted(self._platforms, key=lambda p: (p.casefold(), p))

    def platform(self, name: str) -> tuple[KnownEntry, ...]:
        """The entries of one platform, in database order (empty when there is no such one)."""
        return tuple(self._platforms.get(name, ()))


def _by_domain(entries: Sequence[KnownEntry], domain: str | None) -> tuple[KnownEntry, ...]:
    if domain and len(entries) > 1:
        near = tuple(e for e in entries if e.matches_domain(domain))
        if near:
            return near
    return tuple(entries)
