"""A declaration drafted from an undeclared finding, for the editor's "add to catalogue".

:func:`cookie_for` gives the :class:`~consent_tui.core.model.Cookie` that would
cover what was observed: its name (or the suggested ``*`` pattern), type, domain
(left out for the site's own domain) and a duration in the catalogue's syntax
that the observed lifetime fits (:func:`duration_for`). Nothing is guessed that
the recording does not show: an unknown lifetime gives no duration.
"""

from __future__ import annotations

import math
from typing import Final

from consent_tui.core.audit.findings import Finding
from consent_tui.core.durations import UNIT_SECONDS
from consent_tui.core.matching.domains import registrable
from consent_tui.core.matching.lifetimes import allowed_seconds
from consent_tui.core.model import Cookie

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
