"""The entities of a catalogue: policy, categories, purposes, services, cookies, banner, audit."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal, TypeVar

from consent_tui.core.model.layout import EMPTY_LAYOUT, Layout
from consent_tui.core.model.text import Text

FORMAT_VERSION: Final = 1

LEGAL_BASES: Final = (
    "consent",
    "contract",
    "legal_obligation",
    "legitimate_interests",
    "vital_interests",
    "public_task",
)
PARTIES: Final = ("first", "third")
STORAGE_TYPES: Final = (
    "http_cookie",
    "local_storage",
    "session_storage",
    "indexed_db",
    "pixel",
)
# Google consent mode's consent types: the one choice list a category or a service's
# ``consent_mode`` picks from (see core/consentmode.py).
CONSENT_TYPES: Final = (
    "ad_storage",
    "analytics_storage",
    "ad_user_data",
    "ad_personalization",
    "functionality_storage",
    "personalization_storage",
    "security_storage",
)

EntityKind = Literal["policy", "category", "purpose", "service", "cookie"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _empty() -> Mapping[str, Any]:
    """One shared, read-only empty mapping for absent ``extra`` and ``sections``."""
    return _EMPTY


class Extra(dict[str, Any]):
    """An entity's ``extra`` that also names the fields its file wrote empty.

    ``cookies = []``, ``sections = {}`` or an empty ``[categories]`` table hold
    nothing, so the model holds them like absent ones (no cookies, no
    sections); ``empty`` remembers that the file wrote them, so that saving
    writes them back. Only the loader makes one; it compares like a plain
    mapping of its items, and an edit that builds a new ``extra`` drops it.
    """

    __slots__ = ("empty",)

    def __init__(self, items: Mapping[str, Any], empty: Iterable[str]) -> None:
        super().__init__(items)
        self.empty = frozenset(empty)


def written_empty(extra: Mapping[str, Any]) -> frozenset[str]:
    """The fields ``extra``'s entity had written empty in its file (see :class:`Extra`)."""
    return extra.empty if isinstance(extra, Extra) else frozenset()


@dataclass(frozen=True, slots=True)
class Cookie:
    """A cookie or other device storage item set by a service.

    ``refresh`` says whether its lifetime starts again on each visit or use
    (TCF ``cookieRefresh``); ``None`` when the file does not say.
    ``display_name`` and ``duration_text`` are what the document shows instead
    of the name and the duration, as written; ``name`` and ``duration`` still
    serve matching, validation and the banners.
    """

    name: str | None = None
    type: str | None = None
    domain: str | None = None
    path: str | None = None
    duration: str | None = None
    duration_note: Text | None = None
    refresh: bool | None = None
    description: Text | None = None
    display_name: str | None = None
    duration_text: Text | None = None
    extra: Mapping[str, Any] = field(default_factory=_empty)

    @property
    def is_pattern(self) -> bool:
        return "*" in (self.name or "")

    @property
    def storage_type(self) -> str:
        """The type, ``http_cookie`` when the file leaves it out."""
        return self.type or "http_cookie"


@dataclass(frozen=True, slots=True)
class Service:
    """A service (first or third party) and the storage it sets.

    ``review = True`` marks a service drafted by a tool (``consent-tui init``)
    that nobody has checked yet; validation warns until it is removed.
    """

    id: str
    provider: str | None = None
    function: Text | None = None
    location: Text | None = None
    category: str | None = None
    purposes: tuple[str, ...] | None = None
    party: str | None = None
    privacy_policy: str | None = None
    country: str | None = None
    safeguard: str | None = None
    description: Text | None = None
    cookies: tuple[Cookie, ...] = ()
    consent_mode: tuple[str, ...] | None = None  # replaces its category's; () opts out
    review: bool | None = None  # drafted (``consent-tui init``), not yet reviewed
    extra: Mapping[str, Any] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class Purpose:
    """Why data is stored or read."""

    id: str
    title: Text | None = None
    description: Text | None = None
    legal_basis: str | None = None
    tcf_purposes: tuple[int, ...] | None = None
    extra: Mapping[str, Any] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class Category:
    """A group of services shown to visitors (necessary, statistics, ...).

    ``known_categories`` names the Open Cookie Database categories it stands
    for, overriding the default mapping (see docs/known.md).
    ``consent_mode`` names the Google consent types (:data:`CONSENT_TYPES`) its
    services' consent grants.
    """

    id: str
    title: Text | None = None
    description: Text | None = None
    consent: bool | None = None
    known_categories: tuple[str, ...] | None = None
    consent_mode: tuple[str, ...] | None = None
    extra: Mapping[str, Any] = field(default_factory=_empty)


# Table columns a ``[policy.document]`` may list, in their usual order. The one
# place that names them: exporters, the JSON Schema test and docs/format.md follow it.
DOCUMENT_COLUMNS: Final = (
    "provider",
    "function_location",
    "cookies",
    "purposes",
    "duration",
    "type",
    "party",
    "domain",
    "description",
    "privacy_policy",
    "service",
    "function",
    "location",
    "category",
    "purpose_titles",
    "path",
    "cookie_description",
    "service_description",
    "country",
    "safeguard",
)
DEFAULT_COLUMNS: Final = ("provider", "function_location", "cookies", "purposes")
DEFAULT_CONSENT_LIFETIME: Final = "182 days"


@dataclass(frozen=True, slots=True)
class DocumentSettings:
    """``[policy.document]``: how the exported document is laid out.

    ``layout`` holds its other keys (grouping, rows, headers...; see
    :mod:`consent_tui.core.model.layout`), ``None`` when the file has none of them.
    """

    columns: tuple[str, ...] | None = None
    sections: Mapping[str, Text] = field(default_factory=_empty)
    extra: Mapping[str, Any] = field(default_factory=_empty)
    layout: Layout | None = None

    @property
    def effective_columns(self) -> tuple[str, ...]:
        return self.columns or DEFAULT_COLUMNS

    @property
    def effective_layout(self) -> Layout:
        """The layout, or the empty one (every option at its default)."""
        return self.layout or EMPTY_LAYOUT


@dataclass(frozen=True, slots=True)
class Banner:
    """``[banner]``: settings of the generated consent-banner configurations.

    ``policy_url`` links the banners to the published cookie policy: one URL
    (a bare string, in the default language) or one per language. The last
    four tune Google consent mode: milliseconds Google tags wait for an update,
    two ``gtag('set', …)`` flags, and the regions the denied default covers
    (ISO 3166 codes, or the shorthand ``EEA+UK+CH``).
    """

    consent_lifetime: str | None = None
    revision: int | None = None
    policy_url: Text | None = None
    wait_for_update: int | None = None
    ads_data_redaction: bool | None = None
    url_passthrough: bool | None = None
    region: tuple[str, ...] | None = None
    extra: Mapping[str, Any] = field(default_factory=_empty)

    @property
    def effective_lifetime(self) -> str:
        return self.consent_lifetime or DEFAULT_CONSENT_LIFETIME


@dataclass(frozen=True, slots=True)
class ChangelogEntry:
    """One ``[[policy.changelog]]`` entry: when the policy changed, and what changed."""

    date: dt.date | None = None
    text: Text | None = None
    extra: Mapping[str, Any] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class AuditIgnore:
    """``[[audit.ignore]]``: a name (or ``*`` pattern) the audit reports as ignored.

    For storage the team decided not to declare (a hosting provider's load
    balancer cookie, a browser extension's key), with the reason; ``type`` and
    ``domain`` narrow it when given.
    """

    name: str | None = None
    reason: str | None = None
    type: str | None = None
    domain: str | None = None
    extra: Mapping[str, Any] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class AuditSettings:
    """``[audit]``: settings of ``consent-tui audit``."""

    ignore: tuple[AuditIgnore, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class Policy:
    """The ``[policy]`` table: who publishes the document, and how.

    ``changelog`` lists the changes made to the policy, in file order;
    ``review = True`` marks settings drafted by a tool and not yet checked.
    """

    site_name: str | None = None
    site_url: str | None = None
    controller: str | None = None
    contact: str | None = None
    title: Text | None = None
    languages: tuple[str, ...] | None = None
    updated: dt.date | None = None
    intro: Text | None = None
    document: DocumentSettings | None = None
    changelog: tuple[ChangelogEntry, ...] = ()
    review: bool | None = None  # drafted (``consent-tui init``), not yet reviewed
    extra: Mapping[str, Any] = field(default_factory=_empty)

    @property
    def last_changed(self) -> dt.date | None:
        """The date of the newest changelog entry, ``None`` without one."""
        return max((e.date for e in self.changelog if e.date is not None), default=None)

    @property
    def effective_languages(self) -> tuple[str, ...]:
        """The declared languages, ``("en",)`` when none are declared."""
        return self.languages or ("en",)

    @property
    def default_language(self) -> str:
        return self.effective_languages[0]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The whole catalogue. Collections are keyed by id, in file order."""

    policy: Policy = field(default_factory=Policy)
    categories: Mapping[str, Category] = field(default_factory=_empty)
    purposes: Mapping[str, Purpose] = field(default_factory=_empty)
    services: Mapping[str, Service] = field(default_factory=_empty)
    banner: Banner | None = None
    format_version: int = FORMAT_VERSION
    audit: AuditSettings | None = None
    extra: Mapping[str, Any] = field(default_factory=_empty)

    @property
    def languages(self) -> tuple[str, ...]:
        return self.policy.effective_languages

    @property
    def default_language(self) -> str:
        return self.policy.default_language

    @property
    def document(self) -> DocumentSettings:
        """``[policy.document]``, or the defaults when the file has none."""
        return self.policy.document or DocumentSettings()

    @property
    def banner_settings(self) -> Banner:
        """``[banner]``, or the defaults when the file has none."""
        return self.banner or Banner()

    def cookie_count(self) -> int:
        return sum(len(s.cookies) for s in self.services.values())

    def services_using_purpose(self, purpose_id: str) -> list[str]:
        return [s.id for s in self.services.values() if purpose_id in (s.purposes or ())]

    def services_in_category(self, category_id: str) -> list[str]:
        return [s.id for s in self.services.values() if s.category == category_id]


E = TypeVar("E")


def replace(entity: E, **changes: Any) -> E:
    """``dataclasses.replace`` with a name that reads well at call sites."""
    return dataclasses.replace(entity, **changes)  # type: ignore[type-var]
