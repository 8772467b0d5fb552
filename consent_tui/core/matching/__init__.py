"""Catalogue names against observed ones: shared by audit, known cookies, diff and import.

- :mod:`.names`: ``*`` patterns (:func:`matches`, :class:`Pattern`) and
  :class:`NameIndex`, exact names in a dict and patterns by prefix/suffix;
- :mod:`.domains`: registrable domains and parties from the bundled public
  suffix list (:func:`registrable`, :func:`party`, :func:`domain_match`);
- :mod:`.lifetimes`: observed lifetimes against declared durations, with the
  documented tolerance;
- :mod:`.suggest`: a ``*`` pattern for a family of generated names;
- :mod:`.catalogue`: :class:`CatalogueIndex`, the declared cookies of a
  catalogue, matched by name, storage type and domain.

All pure functions over :mod:`consent_tui.core.model` and
:mod:`consent_tui.core.durations`.
"""

from __future__ import annotations

from consent_tui.core.matching.catalogue import CatalogueIndex, Declared, Match, site_host
from consent_tui.core.matching.domains import domain_match, host_of, party, registrable
from consent_tui.core.matching.lifetimes import (
    TOLERANCE_MIN_SECONDS,
    TOLERANCE_RATIO,
    allowed_seconds,
    longer_than_declared,
    session_mismatch,
)
from consent_tui.core.matching.names import NameIndex, Pattern, matches
from consent_tui.core.matching.suggest import suggest_patterns

__all__ = [
    "TOLERANCE_MIN_SECONDS",
    "TOLERANCE_RATIO",
    "CatalogueIndex",
    "Declared",
    "Match",
    "NameIndex",
    "Pattern",
    "allowed_seconds",
    "domain_match",
    "host_of",
    "longer_than_declared",
    "matches",
    "party",
    "registrable",
    "session_mismatch",
    "site_host",
    "suggest_patterns",
]
