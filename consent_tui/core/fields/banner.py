"""``[banner]``: settings of the generated consent-banner configurations, described once."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.spec import Entity, Field, words
from consent_tui.core.model import Banner

BANNER: Final = Entity(
    "banner",
    Banner,
    "[banner]",
    ("banner", "banners"),
    "The `[banner]` table: settings of the generated consent-banner configurations.",
    (
        Field(
            "consent_lifetime",
            "lifetime",
            words("Consent lifetime"),
            doc="How long a visitor's choice is kept before the banner asks again. Default: "
            '"182 days" (about 6 months, the CNIL\'s recommendation).',
            placeholder="182 days",
            examples=("182 days", "6 months", "P6M"),
        ),
        Field(
            "revision",
            "int",
            words("Consent revision"),
            doc="Raise it when the catalogue changes in a way that needs fresh consent (a new "
            "service or purpose): banners ask every visitor again.",
            help="Raise it to ask every visitor again.",
            low=0,
        ),
        Field(
            "policy_url",
            "url_text",
            words("Policy address"),
            doc="The published cookie policy the banners link to: an http(s) URL, a mailto: "
            'address or a URL relative to the page ("/cookies"). One URL as a string, or a '
            "table of language code to URL; a language without its own URL uses the default "
            "language's.",
            item_doc="The URL of the policy in each language, keyed by language code.",
            examples=("https://www.example.org/cookies", "/cookies"),
            form=False,
        ),
        Field(
            "wait_for_update",
            "int",
            words("Consent mode wait (ms)"),
            doc="Google consent mode: how many milliseconds Google tags wait for the banner's "
            "consent update before they run (`wait_for_update` of the default command), such "
            "as 500. Default: not sent.",
            low=0,
            form=False,
        ),
        Field(
            "ads_data_redaction",
            "bool",
            words("Redact ad data"),
            doc="Google consent mode: redact ad click identifiers in requests sent while "
            "ad_storage is denied (`gtag('set', 'ads_data_redaction', …)`). Default: not sent.",
            form=False,
        ),
        Field(
            "url_passthrough",
            "bool",
            words("URL passthrough"),
            doc="Google consent mode: pass ad click and client information in link URLs while "
            "storage is denied (`gtag('set', 'url_passthrough', …)`). Default: not sent.",
            form=False,
        ),
        Field(
            "region",
            "regions",
            words("Consent mode regions"),
            doc="Google consent mode: the regions where the denied default applies (its "
            "`region`); elsewhere Google tags keep their own default until the visitor chooses. "
            "Default: everywhere.",
            min_items=1,
            item_doc='An ISO 3166-1 alpha-2 country code ("FR"), an ISO 3166-2 subdivision '
            '("US-CA"), or EEA+UK+CH: the European Economic Area, the United Kingdom and '
            "Switzerland, expanded to their country codes.",
            expected='an array of ISO 3166 codes such as ["FR", "US-CA"] or ["EEA+UK+CH"]',
            form=False,
        ),
    ),
)
