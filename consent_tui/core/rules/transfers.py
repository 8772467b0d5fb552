"""Third parties name their privacy policy; transfers outside the EEA state a safeguard."""

from __future__ import annotations

from typing import Final

from consent_tui.core.reference import codes
from consent_tui.core.rules.base import Context, Rule, is_blank, service_loc

FAMILY = "transfers"

MISSING_PRIVACY_POLICY = Rule(
    "missing-privacy-policy",
    "error",
    FAMILY,
    "A third-party service has no `privacy_policy` URL.",
    "Visitors must be able to learn who receives their data and how that recipient uses it "
    "(GDPR art. 13(1)(e)); the CNIL asks for the list of third parties with a link to their "
    "own policies.",
    'Add privacy_policy = "https://…" with the provider\'s privacy notice.',
    source="GDPR art. 13(1)(e); CNIL guidelines on cookies (deliberation 2020-091)",
    bad="""\
[services.stats]
party = "third"
country = "FR"
""",
    good="""\
[services.stats]
party = "third"
country = "FR"
privacy_policy = "https://stats.example.net/privacy"
""",
)
TRANSFER_WITHOUT_SAFEGUARD = Rule(
    "transfer-without-safeguard",
    "warning",
    FAMILY,
    "A service processes data outside the EEA (its `country`) and states no `safeguard`.",
    "Data may leave the EEA only under an adequacy decision (GDPR art. 45), appropriate "
    "safeguards such as standard contractual clauses (art. 46), or a derogation (art. 49); "
    "visitors must be told which one (art. 13(1)(f)).",
    'Add safeguard = "adequacy decision", "EU-US Data Privacy Framework", '
    '"standard contractual clauses" or whatever applies.',
    source="GDPR art. 13(1)(f) and chapter V (art. 44-49)",
    bad="""\
[services.stats]
country = "US"
""",
    good="""\
[services.stats]
country = "US"
safeguard = "standard contractual clauses"
""",
)
_VIDEO: Final = """\
[services.video]
provider = "Video Host Inc."
function = "Embedded videos"
category = "analytics"
purposes = ["analytics"]
party = "third"
privacy_policy = "https://video.example.net/privacy"
"""
MISSING_COUNTRY = Rule(
    "missing-country",
    "info",
    FAMILY,
    "A third-party service does not say where it processes data (`country`).",
    "Without the country, nobody can tell whether data leaves the EEA, which visitors must be "
    "told about (GDPR art. 13(1)(f)).",
    'Add country = "IE" (the ISO code of the country where the provider processes the data).',
    source="GDPR art. 13(1)(f)",
    bad=_VIDEO,
    good=_VIDEO + 'country = "IE"\n',
)

RULES: Final = (MISSING_PRIVACY_POLICY, TRANSFER_WITHOUT_SAFEGUARD, MISSING_COUNTRY)


def check(ctx: Context) -> None:
    eea = codes.eea()
    for si, (sid, service) in enumerate(ctx.catalogue.services.items()):
        third = service.party == "third"
        country = service.country
        has_country = country is not None and not is_blank(country)
        if third:
            policy = service.privacy_policy
            if (policy is None or is_blank(policy)) and "privacy_policy" not in service.extra:
                loc = service_loc(si, sid)
                ctx.report(
                    MISSING_PRIVACY_POLICY,
                    loc,
                    f"{loc.label} is a third party but names no privacy_policy",
                    field="privacy_policy",
                )
            if not has_country and "country" not in service.extra:
                loc = service_loc(si, sid)
                ctx.report(
                    MISSING_COUNTRY,
                    loc,
                    f"{loc.label} is a third party but does not say where it processes data",
                    field="country",
                )
        if (
            country is not None
            and has_country
            and country not in eea
            and codes.is_country(country)
            and (service.safeguard is None or is_blank(service.safeguard))
            and "safeguard" not in service.extra
        ):
            loc = service_loc(si, sid)
            name = codes.country_name(country)
            if country in codes.adequacy():
                hint = (
                    f"{name} has an adequacy decision (GDPR art. 45): state it, e.g. "
                    'safeguard = "adequacy decision"'
                )
            else:
                hint = None
            ctx.report(
                TRANSFER_WITHOUT_SAFEGUARD,
                loc,
                f"{loc.label} processes data in {name}, outside the EEA, and states no safeguard",
                field="safeguard",
                key=("country",),
                hint=hint,
            )
