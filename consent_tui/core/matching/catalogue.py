"""The catalogue's declared storage, indexed to match observed items.

:class:`CatalogueIndex` answers, for an observed name, storage kind and host,
which declared cookie it is: among the declarations whose name or pattern
covers the name and whose type is the observed kind, the best by domain
(within the declared domain, either way, beats only the same registrable
domain, which beats another site), then by how specific the name is (an exact
name before the longest pattern), then by file order. A declaration without a
``domain`` is on the site's own domain (``[policy] site_url``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from consent_tui.core.durations import Duration, try_parse
from consent_tui.core.matching.domains import domain_match, host_of, normalise, registrable
from consent_tui.core.matching.names import NameIndex
from consent_tui.core.model import Catalogue, Cookie, Service

# Declared types that store something a recording can show (a pixel stores nothing).
MATCHED_TYPES: Final = ("http_cookie", "local_storage", "session_storage", "indexed_db")

WITHIN, SAME_SITE, OTHER_SITE = 3, 2, 0


@dataclass(frozen=True, slots=True)
class Declared:
    """One declared cookie with what matching needs about it and its service."""

    order: int
    service_id: str
    service_index: int
    cookie_index: int
    cookie: Cookie
    service: Service
    host: str | None  # the declared domain, else the site's host; None when neither is known
    domain_given: bool
    needs_consent: bool | None  # from the service's category; None when it has none
    duration: Duration | None

    @property
    def name(self) -> str:
        return self.cookie.name or ""

    @property
    def type(self) -> str:
        return self.cookie.storage_type


@dataclass(frozen=True, slots=True)
class Match:
    """The declaration an observed item is, and how well its domain fits (``WITHIN``…)."""

    declared: Declared
    domain_fit: int


def site_host(catalogue: Catalogue) -> str | None:
    """The host of ``[policy] site_url``, or ``None``."""
    return host_of(catalogue.policy.site_url)


def domain_fit(host: str, declared: str | None) -> int:
    """How an observed host fits a declared one: ``WITHIN``, ``SAME_SITE`` or ``OTHER_SITE``."""
    if declared is None:
        return SAME_SITE
    if domain_match(host, declared) or domain_match(declared, host):
        return WITHIN
    if registrable(host) == registrable(declared):
        return SAME_SITE
    return OTHER_SITE


class CatalogueIndex:
    """Every declared cookie of a catalogue, by name and pattern."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.site = site_host(catalogue)
        self.declared: list[Declared] = []
        self._names: NameIndex[Declared] = NameIndex()
        order = 0
        consent = {cid: c.consent for cid, c in catalogue.categories.items()}
        for si, (sid, service) in enumerate(catalogue.services.items()):
            needs = consent.get(service.category) if service.category else None
            for ci, cookie in enumerate(service.cookies):
                if not cookie.name or cookie.name.isspace():
                    continue
                given = bool(cookie.domain and cookie.domain.strip(". "))
                host = normalise(cookie.domain or "") if given else self.site
                item = Declared(
                    order,
                    sid,
                    si,
                    ci,
                    cookie,
                    service,
                    host,
                    given,
                    needs,
                    try_parse(cookie.duration),
                )
                order += 1
                self.declared.append(item)
                if cookie.storage_type in MATCHED_TYPES:
                    self._names.add(cookie.name, item)

    def candidates(self, name: str) -> list[tuple[Declared, int]]:
        """Declarations whose name or pattern covers ``name``, with their specificity."""
        return self._names.find(name)

    def match(self, name: str, kind: str, host: str) -> tuple[Match | None, list[Declared]]:
        """The best declaration of ``kind`` for ``name`` on ``host``, and those of other kinds."""
        best: tuple[int, int, int] | None = None
        chosen: Declared | None = None
        others: list[Declared] = []
        for item, specificity in self._names.find(name):
            if item.type != kind:
                others.append(item)
                continue
            key = (domain_fit(host, item.host), specificity, -item.order)
            if best is None or key > best:
                best, chosen = key, item
        if chosen is None or best is None:
            return None, others
        return Match(chosen, best[0]), others
