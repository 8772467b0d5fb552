"""Consent logic: what is set without consent should not look like it needs it."""

from __future__ import annotations

from typing import Final

from consent_tui.core.model import LEGAL_BASES, Text
from consent_tui.core.reference.adwords import id_mentions_ads, text_mentions_ads
from consent_tui.core.rules.base import Context, Rule, category_loc, purpose_loc, service_loc

FAMILY = "consent"
_EPRIVACY: Final = "Directive 2002/58/EC (ePrivacy) art. 5(3)"

CONSENT_PURPOSE = Rule(
    "exempt-category-consent-purpose",
    "warning",
    FAMILY,
    'A service in a category that needs no consent has a purpose whose legal basis is "consent".',
    "The catalogue says both that visitors must agree and that they are not asked: the "
    "service is likely in the wrong category, and its cookies would be set before any choice.",
    "Move the service to a category with consent = true, or correct the purpose's legal basis.",
    source=_EPRIVACY,
    bad="""\
[services.stats]
category = "necessary"
purposes = ["analytics"]
""",
    good="""\
[services.stats]
category = "analytics"
purposes = ["analytics"]
""",
)
ADVERTISING = Rule(
    "exempt-category-advertising",
    "warning",
    FAMILY,
    "A category that needs no consent holds advertising or marketing (judged from purpose and "
    "category ids, titles and descriptions in every language, and TCF purposes 2-4 and 7).",
    "Advertising cookies are never strictly necessary: they need prior consent under ePrivacy "
    "art. 5(3), as the CNIL and the EDPB recall.",
    "Put advertising services in a category with consent = true.",
    source=f"{_EPRIVACY}; CNIL guidelines on cookies (deliberation 2020-091); "
    "EDPB Guidelines 05/2020 on consent",
    bad="""\
[purposes.ads]
title = "Personalised advertising"
description = "To show ads based on your interests"
legal_basis = "legitimate_interests"

[services.site]
purposes = ["security", "ads"]
""",
    good="""\
[purposes.ads]
title = "Personalised advertising"
description = "To show ads based on your interests"
legal_basis = "consent"

[services.stats]
purposes = ["analytics", "ads"]
""",
)
THIRD_PARTY = Rule(
    "exempt-category-third-party",
    "warning",
    FAMILY,
    "A category that needs no consent holds a third-party service.",
    "The consent exemption covers only storage strictly necessary for the service the visitor "
    "asked for; third-party cookies rarely are, and the third party may track visitors across "
    "sites.",
    "Check that the service is strictly necessary; if not, move it to a category with "
    "consent = true.",
    source=f"{_EPRIVACY}; Article 29 Working Party Opinion 04/2012 on cookie consent exemption",
    bad="""\
[services.stats]
category = "necessary"
purposes = ["security"]
party = "third"
privacy_policy = "https://stats.example.net/privacy"
country = "FR"
""",
    good="""\
[services.stats]
category = "analytics"
party = "third"
privacy_policy = "https://stats.example.net/privacy"
country = "FR"
""",
)
TCF_CONSENT = Rule(
    "tcf-purpose-needs-consent",
    "warning",
    FAMILY,
    "A purpose maps to IAB TCF purpose 1, 3, 4, 5 or 6 but its legal basis is not consent.",
    "Under TCF v2.2, purpose 1 (store and/or access information on a device) and purposes 3 to "
    "6 (profiles for advertising and content) may only rely on consent.",
    'Set legal_basis = "consent", or remove those TCF purposes.',
    source="IAB Europe TCF v2.2 Policies (purposes 1, 3-6: consent only)",
    bad="""\
[purposes.security]
tcf_purposes = [1]
""",
    good="""\
[purposes.security]
tcf_purposes = [10]
""",
)

RULES: Final = (CONSENT_PURPOSE, ADVERTISING, THIRD_PARTY, TCF_CONSENT)

TCF_CONSENT_ONLY: Final = frozenset({1, 3, 4, 5, 6})
TCF_ADVERTISING: Final = frozenset({2, 3, 4, 7})


def _looks_like_ads(ident: str, *texts: Text | None) -> bool:
    """From the id, or the title or description in any language."""
    if id_mentions_ads(ident):
        return True
    return any(
        text_mentions_ads(value)
        for text in texts
        if text is not None
        for value in text.values.values()
    )


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    ad_purposes: set[str] = set()
    consent_purposes: set[str] = set()
    for i, (pid, purpose) in enumerate(cat.purposes.items()):
        tcf = set(purpose.tcf_purposes or ())
        if _looks_like_ads(pid, purpose.title, purpose.description) or tcf & TCF_ADVERTISING:
            ad_purposes.add(pid)
        basis = purpose.legal_basis
        if basis == "consent":
            consent_purposes.add(pid)
        elif basis in LEGAL_BASES and tcf & TCF_CONSENT_ONLY:
            loc = purpose_loc(i, pid)
            numbers = ", ".join(str(n) for n in sorted(tcf & TCF_CONSENT_ONLY))
            ctx.report(
                TCF_CONSENT,
                loc,
                f"{loc.label} maps to TCF purpose {numbers}, which needs consent, but its legal "
                f'basis is "{basis}"',
                field="legal_basis",
            )
    exempt: set[str] = set()
    for i, (cid, category) in enumerate(cat.categories.items()):
        if category.consent is False:
            exempt.add(cid)
            if _looks_like_ads(cid, category.title, category.description):
                loc = category_loc(i, cid)
                ctx.report(
                    ADVERTISING,
                    loc,
                    f"{loc.label} looks like advertising or marketing but needs no consent",
                    field="consent",
                )
    if not exempt:
        return
    for si, (sid, service) in enumerate(cat.services.items()):
        if service.category not in exempt:
            continue
        names = service.purposes or ()
        loc = service_loc(si, sid)
        needing = [p for p in dict.fromkeys(names) if p in consent_purposes]
        if needing:
            listed = ", ".join(f"`{p}`" for p in needing)
            ctx.report(
                CONSENT_PURPOSE,
                loc,
                f"{loc.label} is in `{service.category}`, which needs no consent, but its "
                f"purpose {listed} relies on consent",
                field="category",
            )
        ads = [p for p in dict.fromkeys(names) if p in ad_purposes and p not in needing]
        if ads:
            listed = ", ".join(f"`{p}`" for p in ads)
            ctx.report(
                ADVERTISING,
                loc,
                f"{loc.label} serves advertising or marketing ({listed}) but is in "
                f"`{service.category}`, which needs no consent",
                field="category",
            )
        if service.party == "third":
            ctx.report(
                THIRD_PARTY,
                loc,
                f"{loc.label} is a third party in `{service.category}`, which needs no consent",
                field="category",
            )
