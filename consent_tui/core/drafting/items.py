"""Observations grouped into the items a catalogue declares: one per kind, name and site.

An observed name is seen many times (every response, every recording); the
draft declares it once per storage kind and registrable domain, as the audit
reports it. An :class:`Item` keeps what the declaration needs: the domains it
was seen on, its longest lifetime, whether it ends with the session, and the
first observation as evidence for the comment. Names no browser would store
(control characters, ``;`` or ``=`` in a cookie's name) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from consent_tui.core.evidence import EvidenceFile, Observation, StorageKind
from consent_tui.core.matching.domains import registrable
from consent_tui.core.values import BAD_COOKIE_NAME


@dataclass
class Item:
    """One name of one storage kind on one site, with every observation's facts folded in."""

    kind: StorageKind
    name: str
    site: str  # the registrable domain it was seen on
    first: Observation
    hosts: dict[str, bool] = field(default_factory=dict)  # host -> seen as a domain cookie
    count: int = 0
    files: dict[str, None] = field(default_factory=dict)
    lifetime: int | None = None
    longest: Observation | None = None
    sessions: set[bool] = field(default_factory=set)
    states: set[str] = field(default_factory=set)

    def add(self, o: Observation) -> None:
        self.count += 1
        self.files.setdefault(o.file, None)
        domain_cookie = o.host_only is False
        self.hosts[o.host] = self.hosts.get(o.host, False) or domain_cookie
        if o.lifetime is not None and (self.lifetime is None or o.lifetime > self.lifetime):
            self.lifetime, self.longest = o.lifetime, o
        if o.session is not None:
            self.sessions.add(o.session)
        self.states.add(o.state)

    @property
    def session(self) -> bool | None:
        """``False`` when any observation outlived the session, ``True`` when all ended with it."""
        if False in self.sessions:
            return False
        return True if self.sessions else None

    def domain(self) -> str:
        """The broadest host it was seen on, with a leading dot if it was a domain cookie."""
        host = min(self.hosts, key=lambda h: (h.count("."), len(h), h))
        return "." + host if self.hosts[host] and self.kind == "http_cookie" else host


@dataclass
class Items:
    """The items in first-seen order, and the names left out (name, why)."""

    items: list[Item] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def storable(o: Observation) -> str | None:
    """Why no declaration can name ``o``, or ``None`` when one can."""
    if not o.name or o.name.isspace():
        return "it has no name"
    if o.kind == "http_cookie" and BAD_COOKIE_NAME.search(o.name):
        return "no browser stores a cookie of that name (a control character, ; or =)"
    if "*" in o.name:
        return "a * in a name would be read as a pattern"
    return None


def collect(files: Iterable[EvidenceFile]) -> Items:
    """Every observation of ``files``, grouped by storage kind, name and registrable domain."""
    out = Items()
    by_key: dict[tuple[str, str, str], Item] = {}
    refused: dict[tuple[str, str], None] = {}
    for evidence in files:
        for o in evidence.observations:
            why = storable(o)
            if why is not None:
                if (o.name, why) not in refused:
                    refused[(o.name, why)] = None
                    out.skipped.append((o.name, why))
                continue
            site = registrable(o.host)
            key = (o.kind, o.name, site)
            item = by_key.get(key)
            if item is None:
                item = by_key[key] = Item(o.kind, o.name, site, o)
                out.items.append(item)
            item.add(o)
    return out
