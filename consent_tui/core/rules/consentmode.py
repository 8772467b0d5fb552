"""Google consent mode: consent types and [banner] options, and Google tags left unmapped."""

from __future__ import annotations

import re
from typing import Final

from consent_tui.core import consentmode
from consent_tui.core.model import CONSENT_TYPES, Service
from consent_tui.core.rules.base import (
    Context,
    Loc,
    Rule,
    banner_loc,
    category_loc,
    did_you_mean,
    quote,
    service_loc,
)

FAMILY = "consent-mode"
_GOOGLE_DOCS: Final = "Google tag platform documentation, Set up consent mode (consent mode v2)"

INVALID_TYPE = Rule(
    "invalid-consent-type",
    "error",
    FAMILY,
    "A `consent_mode` list holds a value that is not one of Google's consent types, or the "
    "same type twice.",
    "The banners send Google tags exactly these names; an unknown one is ignored by Google, so "
    "the type meant is never granted nor denied.",
    "Use ad_storage, analytics_storage, ad_user_data, ad_personalization, "
    "functionality_storage, personalization_storage or security_storage, each once.",
    source=_GOOGLE_DOCS,
    bad="""\
[categories.analytics]
consent_mode = ["analytics"]
""",
    good="""\
[categories.analytics]
consent_mode = ["analytics_storage"]
""",
)
INVALID_OPTION = Rule(
    "invalid-consent-mode-option",
    "error",
    FAMILY,
    "[banner] region holds a code that is not an ISO 3166 country or subdivision (nor "
    "EEA+UK+CH), or wait_for_update is negative.",
    "Google matches region against the visitor's country (ISO 3166-1, such as FR) or "
    "subdivision (ISO 3166-2, such as US-CA) and has no code for the EU: a wrong code makes "
    "the denied default miss the visitors it was meant for.",
    'Write country codes such as "FR" or "GB" (not "UK"), or "EEA+UK+CH" for the European '
    "Economic Area, the United Kingdom and Switzerland; wait_for_update counts milliseconds.",
    source="ISO 3166-1, ISO 3166-2; " + _GOOGLE_DOCS,
    bad="""\
[banner]
region = ["EU"]
""",
    good="""\
[banner]
region = ["EEA+UK+CH"]
""",
)
UNMAPPED_GOOGLE = Rule(
    "google-service-without-consent-mode",
    "warning",
    FAMILY,
    "A Google service that needs consent (judged from its provider, its cookie names such as "
    "_ga, _gid, _gcl_* or IDE, or its id) has no consent_mode, nor has its category.",
    "Google tags read the visitor's choice only from consent mode signals: without a mapping "
    "the generated banners cannot tell them, and Google requires consent mode v2 signals for "
    "visitors in the EEA since March 2024.",
    "Add consent_mode to the service's category (or to the service) with the consent types "
    "its consent grants, such as analytics_storage for statistics; consent_mode = [] says it "
    "reads none.",
    source=_GOOGLE_DOCS + "; Google EU user consent policy",
    bad="""\
[services.google-analytics]
provider = "Google Ireland Limited"
function = "Audience measurement"
category = "analytics"
purposes = ["analytics"]
party = "third"
privacy_policy = "https://policies.google.com/privacy"
country = "IE"
cookies = [{ name = "_ga", duration = "13 months" }]
""",
    good="""\
[categories.analytics]
consent_mode = ["analytics_storage"]

[services.google-analytics]
provider = "Google Ireland Limited"
function = "Audience measurement"
category = "analytics"
purposes = ["analytics"]
party = "third"
privacy_policy = "https://policies.google.com/privacy"
country = "IE"
cookies = [{ name = "_ga", duration = "13 months" }]
""",
)
WITHOUT_CONSENT = Rule(
    "consent-type-without-consent",
    "warning",
    FAMILY,
    "A Google consent type (other than security_storage) is mapped only to categories that "
    "need no consent.",
    "The banners then tell Google tags the type is granted to every visitor from the start, "
    "without asking: advertising or analytics storage granted that way is storage set without "
    "consent.",
    "Map the type to the category whose consent it needs, or remove it from the category that "
    "needs none.",
    source="Directive 2002/58/EC (ePrivacy) art. 5(3); " + _GOOGLE_DOCS,
    bad="""\
[categories.necessary]
consent_mode = ["security_storage", "analytics_storage"]
""",
    good="""\
[categories.necessary]
consent_mode = ["security_storage"]

[categories.analytics]
consent_mode = ["analytics_storage"]
""",
)

RULES: Final = (INVALID_TYPE, INVALID_OPTION, UNMAPPED_GOOGLE, WITHOUT_CONSENT)

_GOOGLE_PROVIDER: Final = re.compile(r"\b(?:google|doubleclick)\b", re.IGNORECASE)
# Cookies of Google's tags (Analytics, Ads, Floodlight, Ad Manager); a trailing * is a prefix.
GOOGLE_COOKIES: Final = (
    *("_ga", "_ga_*", "_gid", "_gat", "_gat_*", "_gac_*", "_gcl_*", "__utm*"),
    *("IDE", "DSID", "test_cookie", "__gads", "__gpi", "__gsas", "FPID", "FPLC", "FPAU"),
    "FPGCL*",
)
# Service ids (the key of [services.<id>]) that name a Google tag.
GOOGLE_IDS: Final = ("gtag", "gtm", "ga", "ga4", "doubleclick", "floodlight")


def google_evidence(service: Service) -> str | None:
    """Why ``service`` looks like a Google tag (for a message), or ``None``."""
    if service.provider and _GOOGLE_PROVIDER.search(service.provider):
        return f"its provider is {quote(service.provider)}"
    for cookie in service.cookies:
        name = cookie.name or ""
        if name.strip("*") and _google_cookie(name):
            return f"it sets {quote(name)}"
    if service.id.lower().startswith("google") or service.id.lower() in GOOGLE_IDS:
        return f"its id is `{service.id}`"
    return None


_EXACT: Final = frozenset(c for c in GOOGLE_COOKIES if not c.endswith("*"))
_PREFIXES: Final = tuple(c[:-1] for c in GOOGLE_COOKIES if c.endswith("*"))
_PREFIX_NAMES: Final = frozenset(_PREFIXES)  # "_ga_" alone is no cookie of "_ga_*"


def _google_cookie(name: str) -> bool:
    """Whether the catalogue's ``name`` (maybe a pattern) is one of Google's cookies.

    A pattern counts when it is as narrow as a known one, or narrower.
    """
    if "*" in name:
        return name.split("*", 1)[0].startswith(_PREFIXES)
    return name in _EXACT or (name.startswith(_PREFIXES) and name not in _PREFIX_NAMES)


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    for i, (cid, category) in enumerate(cat.categories.items()):
        _types(ctx, category_loc(i, cid), category.consent_mode)
    for si, (sid, service) in enumerate(cat.services.items()):
        _types(ctx, service_loc(si, sid), service.consent_mode)
    banner = cat.banner
    if banner is not None:
        _options(ctx, banner.region or (), banner.wait_for_update)
    _unmapped(ctx)
    _without_consent(ctx)


def _types(ctx: Context, loc: Loc, values: tuple[str, ...] | None) -> None:
    seen: set[str] = set()
    for value in values or ():
        if value not in CONSENT_TYPES:
            guess = did_you_mean(value, CONSENT_TYPES)
            ctx.report(
                INVALID_TYPE,
                loc,
                f"consent_mode of {loc.label} holds {quote(value)}, not a Google consent type",
                field="consent_mode",
                hint=f'write "{guess}"' if guess else None,
            )
        elif value in seen:
            ctx.report(
                INVALID_TYPE,
                loc,
                f"consent_mode of {loc.label} lists {value} twice",
                field="consent_mode",
                hint="remove the repeated type",
            )
        seen.add(value)


def _options(ctx: Context, region: tuple[str, ...], wait: int | None) -> None:
    loc = banner_loc()
    for code in region:
        why = consentmode.region_problem(code)
        if why is not None:
            hint = None
            if code.upper() in ("EU", "EEA", "EUROPE"):
                hint = f'write "{consentmode.REGION_SHORTHAND}", or the country codes'
            elif code.upper() == "UK":
                hint = 'write "GB"'
            ctx.report(
                INVALID_OPTION,
                loc,
                f"region of [banner] holds {quote(code)}: {why}",
                field="region",
                hint=hint,
            )
    if wait is not None and wait < 0:
        ctx.report(
            INVALID_OPTION,
            loc,
            f"wait_for_update of [banner] is {wait}; it counts milliseconds, 0 or more",
            field="wait_for_update",
            hint="write a number of milliseconds, such as `wait_for_update = 500`",
        )


def _unmapped(ctx: Context) -> None:
    cat = ctx.catalogue
    for si, (sid, service) in enumerate(cat.services.items()):
        category = cat.categories.get(service.category or "")
        if category is None or category.consent is False:
            continue  # undeclared categories are the references rules' business
        if consentmode.service_types(cat, service) is not None:
            continue
        evidence = google_evidence(service)
        if evidence is None:
            continue
        loc = service_loc(si, sid)
        suggested = consentmode.suggested_types(category)
        if suggested:
            listed = ", ".join(f'"{t}"' for t in suggested)
            hint = (
                f"add `consent_mode = [{listed}]` to [categories.{category.id}] (or to the "
                "service, if the category's other services read no such type)"
            )
        else:
            hint = None
        ctx.report(
            UNMAPPED_GOOGLE,
            loc,
            f"{loc.label} looks like a Google tag ({evidence}), but neither it nor its category "
            f"`{category.id}` has consent_mode: the banners cannot tell Google what the visitor "
            "chose",
            field="consent_mode",
            hint=hint,
        )


def _without_consent(ctx: Context) -> None:
    cat = ctx.catalogue
    granted = set(consentmode.always_granted(cat)) - set(consentmode.EXEMPT_TYPES)
    if not granted:
        return
    for i, (cid, category) in enumerate(cat.categories.items()):
        if category.consent is False:
            _report_granted(ctx, category_loc(i, cid), category.consent_mode, granted)
    for si, (sid, service) in enumerate(cat.services.items()):
        home = cat.categories.get(service.category or "")
        if home is not None and home.consent is False:
            _report_granted(ctx, service_loc(si, sid), service.consent_mode, granted)


def _report_granted(
    ctx: Context, loc: Loc, values: tuple[str, ...] | None, granted: set[str]
) -> None:
    for value in consentmode.valid_types(values):
        if value in granted:
            ctx.report(
                WITHOUT_CONSENT,
                loc,
                f"{value} is mapped only to categories that need no consent ({loc.label} "
                "among them): Google tags are told it is granted to every visitor, unasked",
                field="consent_mode",
            )
