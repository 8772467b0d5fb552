"""A declaration drafted from an undeclared finding, for the editor's "add to catalogue".

:func:`cookie_for` gives the :class:`~consent_tui.core.model.Cookie` that would
cover what was observed: its name (or the suggested ``*`` pattern), type, domain
(left out for the site's own domain) and a duration in the catalogue's syntax
that the observed lifetime fits (:func:`duration_for`). Nothing is guessed that
the recording does not show: an unknown lifetime gives no duration.

When the known-cookie database knows the name (the finding's ``known``),
:func:`draft_for` pre-fills from its entry too: the service (an id after the
platform, provider, category through the catalogue's mapping, privacy link,
party), the duration (:func:`pick_duration`: the database's, unless the
evidence shows the item lives longer or ends with the session otherwise), the
refresh flag and the description as a starting text. It only proposes: the
user accepts the :class:`Draft`, or not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from consent_tui.core.audit.findings import Finding
from consent_tui.core.durations import UNIT_SECONDS, try_parse
from consent_tui.core.matching.catalogue import site_host
from consent_tui.core.matching.domains import registrable
from consent_tui.core.matching.lifetimes import (
    allowed_seconds,
    longer_than_declared,
    session_mismatch,
)
from consent_tui.core.model import Cookie, Service, Text

if TYPE_CHECKING:
    from consent_tui.core.known import KnownEntry
    from consent_tui.core.model import Catalogue

DurationSource = Literal["database", "evidence", "none"]

_UNITS: Final = ("year", "month", "week", "day", "hour", "minute")
_CLOSE: Final = 0.01  # a unit fits when a whole number of it is within 1 %


def duration_for(lifetime: int | None, session: bool | None, kind: str) -> str | None:
    """A duration text the observed item fits: "session", "persistent", "13 months"…"""
    if kind in ("local_storage", "indexed_db"):
        return "persistent"
    if kind == "session_storage" or session is True:
        return "session"
    if lifetime is None or lifetime <= 0:
        return None
    for unit in _UNITS:
        size = UNIT_SECONDS[unit]
        count = round(lifetime / size)
        close = abs(count * size - lifetime) <= _CLOSE * lifetime
        if count >= 1 and close and lifetime <= allowed_seconds(count * size):
            return f"{count} {unit}" + ("s" if count > 1 else "")
    if lifetime >= UNIT_SECONDS["day"]:
        days = math.ceil(lifetime / UNIT_SECONDS["day"])
        return f"{days} days"
    return f"{lifetime} seconds"


def pick_duration(
    lifetime: int | None, session: bool | None, kind: str, known: str | None
) -> tuple[str | None, DurationSource]:
    """The duration to declare, and whether it is the database's or the evidence's.

    The database's ``known`` duration (already in the catalogue's syntax) wins
    while the evidence agrees with it: the observed lifetime fits it within the
    audit's tolerance and the session flag does not contradict it. Web Storage
    shows no lifetime, so for it the database's word is taken as it is.
    """
    observed = duration_for(lifetime, session, kind)
    declared = try_parse(known) if known is not None else None
    if known is None or declared is None:
        return observed, "evidence" if observed is not None else "none"
    if kind != "http_cookie" or observed is None:
        return known, "database"
    if longer_than_declared(lifetime, declared) or session_mismatch(session, declared):
        return observed, "evidence"
    return known, "database"


def cookie_for(finding: Finding, site_host: str | None, *, pattern: bool = False) -> Cookie:
    """The cookie table that would declare ``finding``'s item (its suggested pattern if asked)."""
    kind = str(finding.kind or "http_cookie")
    name = finding.suggested_pattern if pattern and finding.suggested_pattern else finding.name
    domain = finding.domain
    if domain and site_host and registrable(domain) == registrable(site_host):
        domain = None  # the site's own domain: the default
    return Cookie(
        name=name,
        type=None if kind == "http_cookie" else kind,
        domain=domain,
        duration=duration_for(finding.observed_lifetime, finding.observed_session, kind),
    )


@dataclass(frozen=True, slots=True)
class Draft:
    """A proposed declaration: the cookie, and the service to put it in when one is known.

    ``service`` is a new service's values from the known entry (id after the
    platform, provider, category, party, privacy link: ``None`` fields where the
    database has nothing), ``None`` for a name the database does not know or
    several platforms list; ``description`` is the database's text (English) as a
    starting point, also in ``cookie.description`` when the catalogue's default
    language is English. ``duration_source`` tells where the duration came from.
    """

    cookie: Cookie
    service: Service | None
    known: KnownEntry | None
    description: str | None
    duration_source: DurationSource


def draft_for(finding: Finding, catalogue: Catalogue, *, pattern: bool = False) -> Draft:
    """The declaration of ``finding``'s item, pre-filled from its known entry when there is one."""
    site = site_host(catalogue)
    cookie = cookie_for(finding, site, pattern=pattern)
    known = finding.known
    suggestion = known.suggestion if known is not None else None
    if suggestion is None:
        source: DurationSource = "evidence" if cookie.duration is not None else "none"
        return Draft(cookie, None, None, None, source)
    kind = str(finding.kind or "http_cookie")
    duration, source = pick_duration(
        finding.observed_lifetime, finding.observed_session, kind, suggestion.duration
    )
    name = cookie.name
    if not pattern and known is not None and known.by_prefix and "*" in suggestion.cookie_name:
        name = suggestion.cookie_name  # "_ga_*": the database's family, not one generated name
    lang = catalogue.default_language
    description = suggestion.description
    cookie = Cookie(
        name=name,
        type=cookie.type,
        domain=cookie.domain,
        duration=duration,
        refresh=suggestion.refresh if source == "database" else None,
        description=Text.of(description, lang) if description and lang == "en" else None,
    )
    third = suggestion.party == "third" or (
        site is not None
        and finding.domain is not None
        and registrable(finding.domain) != registrable(site)
    )
    service = Service(
        id=suggestion.service_id,
        provider=suggestion.provider,
        category=suggestion.category,
        party="third" if third else "first",
        privacy_policy=suggestion.privacy_policy,
    )
    return Draft(cookie, service, suggestion.entry, description, source)
