"""The rules that class each change as material or informational: data, one line each.

A change is **material** when visitors would have to be asked again for their
consent to stay valid (what they agreed to grew or got riskier), and
**informational** otherwise. The comparer picks the rule of each change it
finds; ``docs/diff.md`` lists them (``python -m consent_tui.core.changes.docs``).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

Impact = Literal["material", "informational"]
IMPACTS: Final[tuple[Impact, ...]] = ("material", "informational")


@dataclass(frozen=True, slots=True)
class ChangeRule:
    """How one kind of change is classed: a stable id, the class, when and why."""

    id: str
    impact: Impact
    when: str  # the change it names, one sentence
    reason: str  # why it is classed so, one line

    @property
    def material(self) -> bool:
        return self.impact == "material"


def _m(rule_id: str, when: str, reason: str) -> ChangeRule:
    return ChangeRule(rule_id, "material", when, reason)


def _i(rule_id: str, when: str, reason: str) -> ChangeRule:
    return ChangeRule(rule_id, "informational", when, reason)


_ALL: Final = (
    # -- material: what visitors agreed to grew
    _m(
        "service-added",
        "A service is added in a category that needs consent.",
        "Visitors agreed to a list of services that did not name it.",
    ),
    _m(
        "service-moved-to-consent",
        "A service moves to another category, one that needs consent.",
        "Consent is given per category: the new category's was given without this service.",
    ),
    _m(
        "cookie-added",
        "A cookie (or other stored item) is added to a service whose category needs consent.",
        "Visitors agreed to storage that did not include it.",
    ),
    _m(
        "cookie-moved-to-consent",
        "A cookie moves to a service whose category needs consent and is not the one it was in.",
        "The consent given for that category did not cover this cookie.",
    ),
    _m(
        "purpose-added",
        "A purpose is added that a service in a category needing consent uses.",
        "Consent is specific to its purposes; this one was not among them.",
    ),
    _m(
        "service-purpose-added",
        "A service in a category that needs consent gets a purpose it did not have.",
        "The purpose was widened: the data serve an end visitors did not agree to.",
    ),
    _m(
        "legal-basis-consent",
        'A purpose\'s legal basis becomes "consent".',
        "Processing that did not rely on consent now does: it needs the visitors' agreement.",
    ),
    _m(
        "tcf-purpose-added",
        "A purpose maps to an IAB TCF purpose it did not map to.",
        "The purpose was widened to a use the TCF signals separately.",
    ),
    _m(
        "category-needs-consent",
        "A category that needed no consent (consent = false) now needs it.",
        "Its services were set without asking; now visitors must be asked for them.",
    ),
    _m(
        "lifetime-longer",
        "A cookie lives longer (parsed durations compared: session < fixed times < persistent).",
        "Visitors agreed to storage for a shorter time.",
    ),
    _m(
        "lifetime-renewed",
        "A cookie's lifetime now starts again on each visit (refresh becomes true).",
        "Renewed on each visit, it can live far longer than the visitors were told.",
    ),
    _m(
        "third-party",
        "A service becomes a third party.",
        "Data that stayed with the site now go to another company.",
    ),
    _m(
        "transfer-country",
        "A service's data go to a country outside the EEA they did not go to before.",
        "A new transfer outside the EEA (GDPR chapter V) that visitors were not told about.",
    ),
    _m(
        "consent-lifetime-longer",
        "[banner] consent_lifetime gets longer.",
        "A choice is kept longer than visitors were told when they made it.",
    ),
    # -- informational: worth knowing, no fresh consent needed
    _i(
        "service-added-without-consent",
        "A service is added in a category that needs no consent.",
        "Nobody is asked for it; the policy must still list it.",
    ),
    _i(
        "service-removed",
        "A service is removed.",
        "Less is stored: no consent is needed for what is no longer there.",
    ),
    _i(
        "service-renamed",
        "A service's id changes, the rest of it staying the same.",
        "The same service under another id.",
    ),
    _i(
        "service-moved",
        "A service moves to a category that needs no consent.",
        "Visitors are no longer asked for it; no consent to renew.",
    ),
    _i(
        "cookie-added-without-consent",
        "A cookie is added to a service whose category needs no consent.",
        "Nobody is asked for it; the policy must still list it.",
    ),
    _i(
        "cookie-removed",
        "A cookie is removed.",
        "Less is stored.",
    ),
    _i(
        "cookie-renamed",
        "A cookie's name or pattern changes, the cookie staying recognisably the same.",
        "The same storage under another name (a pattern written for a family of names, a typo).",
    ),
    _i(
        "cookie-moved",
        "A cookie moves to another service of the same category, or to one needing no consent.",
        "The consent that covered it still does, or none is needed.",
    ),
    _i(
        "purpose-added-unused",
        "A purpose is added that no service in a category needing consent uses.",
        "Nothing visitors agree to changes until a service uses it.",
    ),
    _i(
        "purpose-removed",
        "A purpose is removed.",
        "Less is done with the data.",
    ),
    _i(
        "purpose-renamed",
        "A purpose's id changes, the rest of it staying the same.",
        "The same purpose under another id.",
    ),
    _i(
        "service-purpose-added-without-consent",
        "A service in a category that needs no consent gets a purpose it did not have.",
        "Nobody is asked for that service.",
    ),
    _i(
        "service-purpose-removed",
        "A service loses a purpose.",
        "Less is done with the data.",
    ),
    _i(
        "legal-basis-changed",
        'A purpose\'s legal basis changes, to anything but "consent".',
        "No new agreement is needed; the policy must state the new basis.",
    ),
    _i(
        "tcf-purpose-removed",
        "A purpose no longer maps to an IAB TCF purpose.",
        "Less is done with the data.",
    ),
    _i(
        "category-added",
        "A category is added.",
        "An empty group; the services put in it are reported on their own.",
    ),
    _i(
        "category-removed",
        "A category is removed.",
        "The services that were in it are reported on their own.",
    ),
    _i(
        "category-renamed",
        "A category's id changes, the rest of it staying the same.",
        "The same category under another id.",
    ),
    _i(
        "category-consent-dropped",
        "A category that needed consent no longer does (consent = false).",
        "Visitors are no longer asked; no consent to renew (check that its services are exempt).",
    ),
    _i(
        "lifetime-shorter",
        "A cookie lives shorter.",
        "Less than what visitors agreed to.",
    ),
    _i(
        "lifetime-reworded",
        'A duration is written differently for the same length ("1 year" for "12 months").',
        "The same lifetime in other words.",
    ),
    _i(
        "party-changed",
        "A service's party changes, other than to third party.",
        "The data no longer go to another company, or the file now says who sets them.",
    ),
    _i(
        "country-changed",
        "A service's country changes to one in the EEA, or is removed.",
        "No new transfer outside the EEA.",
    ),
    _i(
        "consent-lifetime-shorter",
        "[banner] consent_lifetime gets shorter.",
        "Visitors are asked again sooner.",
    ),
    _i(
        "revision-changed",
        "[banner] revision changes.",
        "The banners ask every visitor again when it is raised.",
    ),
    _i(
        "text-changed",
        "A translatable text changes in one language: added, reworded or removed.",
        "Wording: what is stored and why stays the same.",
    ),
    _i(
        "changelog-changed",
        "A [[policy.changelog]] entry is added, changed or removed.",
        "The document's list of changes, not the changes themselves.",
    ),
    _i(
        "field-changed",
        "Any other value changes: a provider, a URL, a domain, a path, a cookie's type, the "
        "document's layout, the languages, an unknown key.",
        "Details of the policy that do not widen what visitors agreed to.",
    ),
)

RULES: Final = MappingProxyType({rule.id: rule for rule in _ALL})


def all_rules() -> list[ChangeRule]:
    """Every rule: the material ones first, then the informational ones."""
    return list(_ALL)
