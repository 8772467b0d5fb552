"""What each item is: its known entry (if the database knows it), and the name to declare.

The database is looked up once per distinct name; when several platforms list
a name, the item's domain narrows them (as ``consent-tui known --domain``
does), and a name still listed by several platforms is left unidentified,
with the candidates kept for the comment. Names of one generated family
(``_hjSessionUser_123456``, ``_hjSessionUser_654321``) fold into the ``*``
pattern :func:`~consent_tui.core.matching.suggest_patterns` proposes, when the
whole family is the same thing (one known entry, or all unknown); a lone name
the database knows by a prefix (``_ga_4XQ2`` from ``_ga_``) takes the
database's pattern (``_ga_*``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from consent_tui.core.audit.known import narrow
from consent_tui.core.drafting.items import Item
from consent_tui.core.matching.suggest import SEPARATORS, suggest_patterns

if TYPE_CHECKING:
    from consent_tui.core.known import CategoryMapping, KnownEntry, KnownIndex, Match, Suggestion
    from consent_tui.core.model import Catalogue


@dataclass(frozen=True, slots=True)
class Known:
    """The one entry an item is, what it suggests, and whether its name matched by prefix."""

    entry: KnownEntry
    suggestion: Suggestion
    by_prefix: bool


@dataclass
class Declaration:
    """One cookie table to write: a name or pattern, and the items it covers."""

    kind: str
    name: str
    site: str
    items: list[Item]
    known: Known | None
    candidates: tuple[KnownEntry, ...] = ()  # several platforms list the name
    names: list[str] = field(default_factory=list)

    @property
    def first(self) -> Item:
        return self.items[0]

    @property
    def lifetime(self) -> int | None:
        found = [i.lifetime for i in self.items if i.lifetime is not None]
        return max(found) if found else None

    @property
    def session(self) -> bool | None:
        flags = {i.session for i in self.items} - {None}
        return False if False in flags else (True if flags else None)

    def domain(self) -> str:
        return min((i.domain() for i in self.items), key=lambda d: (d.count("."), len(d), d))

    @property
    def states(self) -> set[str]:
        return set().union(*(i.states for i in self.items))


def _generated(tail: str) -> bool:
    """Whether a name's tail starts with a generated part: ``123456``, ``1.a2c4``, not ``id.1``."""
    head = re.split(f"[{re.escape(SEPARATORS)}]", tail, maxsplit=1)[0]
    return any(ch.isdigit() for ch in head)


def _families(names: Sequence[str]) -> dict[str, str]:
    """:func:`suggest_patterns`, keeping only families whose names differ by generated parts.

    ``pf_session`` and ``pf_theme`` share ``pf_`` but are two cookies; ``_pk_id.1.a2c4``
    and ``_pk_id.7.f00d`` are one. A lone name keeps its pattern (its tail is generated).
    """
    found = suggest_patterns(names)
    members: dict[str, list[str]] = {}
    for name, pattern in found.items():
        members.setdefault(pattern, []).append(name)
    return {
        name: pattern
        for pattern, names_ in members.items()
        if len(names_) == 1 or all(_generated(n[len(pattern) - 1 :]) for n in names_)
        for name in names_
    }


class Identifier:
    """Looks items up in the index (one lookup per name) and names their declarations."""

    def __init__(
        self, index: KnownIndex | None, catalogue: Catalogue, mapping: CategoryMapping | None
    ) -> None:
        self.index, self.catalogue, self.mapping = index, catalogue, mapping
        self._matches: dict[str, Match | None] = {}

    def identify(self, item: Item) -> tuple[Known | None, tuple[KnownEntry, ...]]:
        """The item's known entry, or the candidates when several platforms list its name."""
        if self.index is None:
            return None, ()
        from consent_tui.core.known.suggest import suggest

        if item.name not in self._matches:
            self._matches[item.name] = self.index.match(item.name)
        match = self._matches[item.name]
        if match is None:
            return None, ()
        entries = narrow(match.entries, item.domain())
        if len({e.platform for e in entries}) > 1:
            return None, entries
        entry = entries[0]
        suggestion = suggest(entry, self.catalogue, self.mapping)
        return Known(entry, suggestion, entry.matched_by_prefix(item.name)), ()

    def declarations(self, items: Sequence[Item]) -> list[Declaration]:
        """The items as declarations: families folded, first-seen order kept."""
        facts = [self.identify(item) for item in items]
        groups: dict[tuple[str, str], list[str]] = {}
        for item in items:
            groups.setdefault((item.kind, item.site), []).append(item.name)
        patterns: dict[tuple[str, str, str], str] = {}
        for (kind, site), names in groups.items():
            for member, family in _families(names).items():
                patterns[(kind, site, member)] = family
        identity: dict[tuple[str, str, str], set[str]] = {}
        for item, (fact, listed) in zip(items, facts, strict=True):
            shared = patterns.get((item.kind, item.site, item.name))
            if shared is not None:
                what = fact.entry.id if fact else "?" + ",".join(e.id for e in listed)
                identity.setdefault((item.kind, item.site, shared), set()).add(what)
        out: dict[tuple[str, str, str], Declaration] = {}
        for item, (known, candidates) in zip(items, facts, strict=True):
            name = item.name
            pattern = patterns.get((item.kind, item.site, name))
            if pattern is not None and len(identity[(item.kind, item.site, pattern)]) == 1:
                name = pattern
            elif known is not None and known.by_prefix and "*" in known.suggestion.cookie_name:
                name = known.suggestion.cookie_name
            key = (item.kind, item.site, name)
            decl = out.get(key)
            if decl is None:
                decl = out[key] = Declaration(item.kind, name, item.site, [], known, candidates)
            decl.items.append(item)
            decl.names.append(item.name)
        return list(out.values())
