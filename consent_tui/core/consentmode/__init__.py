"""Google consent mode from the catalogue: which types each service's consent grants.

A category's ``consent_mode`` lists Google's consent types (the one choice
list :data:`~consent_tui.core.model.CONSENT_TYPES`); a service's own list
replaces its category's, and ``consent_mode = []`` takes a service out. A type
is granted when every service mapped to it is accepted (services whose
category needs no consent always are); before that it is denied. The banner
exports, the ``validate`` rules and the editor read the mapping through here.

Nothing is mapped unless the catalogue says so: :func:`suggested_types` only
proposes a list for a category, for the editor and ``validate`` hints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from consent_tui.core.model import CONSENT_TYPES, Catalogue, Category, Service, Text, text_in
from consent_tui.core.reference import codes
from consent_tui.core.reference.adwords import id_mentions_ads, text_mentions_ads
from consent_tui.core.values import REGION_SHORTHAND as REGION_SHORTHAND  # re-exported
from consent_tui.core.values import region_problem as region_problem

# The types Google's own tags read: always sent, denied while nothing grants them.
CORE_TYPES: Final = ("ad_storage", "analytics_storage", "ad_user_data", "ad_personalization")
AD_TYPES: Final = ("ad_storage", "ad_user_data", "ad_personalization")
# A type that storage strictly necessary for the site can use without consent.
EXEMPT_TYPES: Final = ("security_storage",)

# Parts of the EU with an ISO 3166-1 code of their own (the outermost regions of
# France, and Åland): a visitor there is located by that code, not by FR or FI.
EU_TERRITORIES: Final = ("AX", "GF", "GP", "MF", "MQ", "RE", "YT")

_STATISTICS: Final = re.compile(r"statisti|analyt|audien|measur|mesur|messung|zählung", re.I)
_FUNCTIONAL: Final = re.compile(r"preferen|functional|fonctionn|funktional|comfort|komfort", re.I)
_PERSONAL: Final = re.compile(r"personali[sz]|personnali|personalisier", re.I)


def valid_types(values: Iterable[str] | None) -> tuple[str, ...]:
    """The known consent types of ``values``, in :data:`CONSENT_TYPES` order, each once."""
    wanted = set(values or ())
    return tuple(t for t in CONSENT_TYPES if t in wanted)


def service_types(catalogue: Catalogue, service: Service) -> tuple[str, ...] | None:
    """The types the service's consent grants: its own, else its category's.

    ``None`` when neither says (no mapping); ``()`` when the service opts out.
    """
    if service.consent_mode is not None:
        return valid_types(service.consent_mode)
    category = catalogue.categories.get(service.category or "")
    if category is None or category.consent_mode is None:
        return None
    return valid_types(category.consent_mode)


@dataclass(frozen=True, slots=True)
class Holder:
    """A service (or a category without services) whose consent a type waits for."""

    category: str | None
    service: str | None  # None: the category itself, which has no service
    types: tuple[str, ...]
    needs_consent: bool


def holders(catalogue: Catalogue) -> list[Holder]:
    """Every mapped service, then every mapped category that has no service, in file order."""
    out: list[Holder] = []
    used: set[str] = set()
    for service in catalogue.services.values():
        used.add(service.category or "")
        types = service_types(catalogue, service)
        if types:
            category = catalogue.categories.get(service.category or "")
            needs = category is None or category.consent is not False
            out.append(Holder(service.category, service.id, types, needs))
    for cid, category in catalogue.categories.items():
        types = valid_types(category.consent_mode)
        if cid not in used and types:
            out.append(Holder(cid, None, types, category.consent is not False))
    return out


def uses_consent_mode(catalogue: Catalogue) -> bool:
    """Whether any category or service maps a consent type."""
    return bool(holders(catalogue))


def sent_types(catalogue: Catalogue) -> tuple[str, ...]:
    """The types the banners send: the mapped ones and Google's four, in the usual order."""
    mapped = {t for h in holders(catalogue) for t in h.types}
    return tuple(t for t in CONSENT_TYPES if t in mapped or t in CORE_TYPES)


def always_granted(catalogue: Catalogue) -> tuple[str, ...]:
    """The types only services that need no consent are mapped to: granted from the start."""
    found: dict[str, bool] = {}
    for holder in holders(catalogue):
        for t in holder.types:
            found[t] = found.get(t, True) and not holder.needs_consent
    return tuple(t for t in CONSENT_TYPES if found.get(t))


def types_needing_consent(catalogue: Catalogue) -> tuple[str, ...]:
    """The sent types that must be denied until the visitor agrees (all but the always granted).

    For ``audit``: a Google request sent before any choice that says one of these
    is granted breaks the catalogue's promise.
    """
    granted = set(always_granted(catalogue))
    return tuple(t for t in sent_types(catalogue) if t not in granted)


def region_codes(region: Iterable[str]) -> list[str]:
    """``[banner] region`` as Google reads it: the shorthand expanded, each code once.

    ``EEA+UK+CH`` is the EEA's members and the EU's territories with codes of
    their own, the United Kingdom (``GB``) and Switzerland (``CH``), sorted.
    """

    out: dict[str, None] = {}
    for code in region:
        if code == REGION_SHORTHAND:
            shorthand = {*codes.eea(), *EU_TERRITORIES, "GB", "CH"}
            out.update(dict.fromkeys(sorted(shorthand)))
        else:
            out[code] = None
    return list(out)


def suggested_types(category: Category) -> tuple[str, ...]:
    """Consent types that usually fit ``category``, judged from its id and texts.

    Advertising or marketing gives the three ad types, statistics gives
    ``analytics_storage``, preferences ``functionality_storage``,
    personalisation ``personalization_storage`` (these three from the id and
    title only), and a category that needs no consent ``security_storage``.
    Only a proposal: nothing applies it.
    """

    if category.consent is False:
        return EXEMPT_TYPES
    names = [category.id.replace("-", " ").replace("_", " "), *_texts(category.title)]
    found: set[str] = set()
    if id_mentions_ads(category.id) or any(
        text_mentions_ads(t) for t in (*names, *_texts(category.description))
    ):
        found.update(AD_TYPES)
    joined = " ".join(names)
    if _STATISTICS.search(joined):
        found.add("analytics_storage")
    if _FUNCTIONAL.search(joined):
        found.add("functionality_storage")
    if _PERSONAL.search(joined):
        found.add("personalization_storage")
    return valid_types(found)


def _texts(text: Text | None) -> list[str]:
    return [text_in(text, lang) for lang in text.languages] if text is not None else []
