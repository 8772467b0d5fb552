"""``[services.<id>]``: a service and the storage it sets, described once."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.kinds import choices
from consent_tui.core.fields.policy import review_field
from consent_tui.core.fields.spec import Column, Entity, Field, When, words
from consent_tui.core.model import CONSENT_TYPES, PARTIES, Service

PARTY: Final = choices(
    PARTIES,
    {
        "first": "Run by the site itself (or for it, on its own domain, by a processor acting "
        "on its instructions).",
        "third": "Run by another company for its own purposes too; needs a privacy_policy.",
    },
)
# Google consent mode's consent types, for categories and services alike.
CONSENT_MODE: Final = choices(
    CONSENT_TYPES,
    {
        "ad_storage": "Storage (cookies and the like) for advertising.",
        "analytics_storage": "Storage for analytics, such as visit duration.",
        "ad_user_data": "Sending the visitor's data to Google for advertising.",
        "ad_personalization": "Personalised advertising (remarketing).",
        "functionality_storage": "Storage that supports the site's functions, such as "
        "language settings.",
        "personalization_storage": "Storage for personalisation, such as video recommendations.",
        "security_storage": "Storage for security: authentication, fraud prevention, "
        "protection of the visitor.",
    },
)
CONSENT_MODE_EXPECTED: Final = 'an array of Google consent types such as ["analytics_storage"]'
CONSENT_MODE_ITEM: Final = "A Google consent mode consent type."

SERVICE: Final = Entity(
    "service",
    Service,
    "[services.<id>]",
    ("service", "services"),
    "A service (first or third party) and the cookies and other storage it sets.",
    (
        Field(
            "id",
            "id",
            words("Id"),
            place="id",
            help="Renaming keeps the cookies.",
            column=Column(1, max_width=28),
        ),
        Field(
            "provider",
            "string",
            words("Provider"),
            doc='The service provider\'s name, e.g. "Google Ireland Limited".',
            placeholder="Google Ireland Ltd",
            required=True,
            init=True,
            example='"Example Ltd"',
            column=Column(2, max_width=28),
        ),
        Field(
            "function",
            "text",
            words("Function"),
            doc='What the service does for the site, e.g. "Authentication".',
            required=True,
            init=True,
            example='"Audience measurement"',
            column=Column(3, max_width=48, grow=True),
        ),
        Field(
            "location",
            "text",
            words("Where used"),
            doc='Where on the site it runs, e.g. "front and back office".',
        ),
        Field(
            "category",
            "ref",
            words("Category"),
            ref="category",
            doc="The id of the service's category (a key of [categories]).",
            required=True,
            init=True,
            example='"necessary"',
            column=Column(4, max_width=20),
        ),
        Field(
            "purposes",
            "refs",
            words("Purposes"),
            ref="purpose",
            doc="The ids of the service's purposes (keys of [purposes]), at least one.",
            help="space toggles the highlighted purpose",
            required=True,
            init=True,
            min_items=1,
            expected='an array of purpose ids such as ["analytics"]',
            example='["analytics"]',
        ),
        Field(
            "party",
            "enum",
            words("Party"),
            doc='Who runs the service: "first" (the site) or "third" (another company).',
            choices=PARTY,
            required=True,
            init=True,
            expected='a string ("first" or "third")',
            example='"first"',
            column=Column(5, max_width=6),
        ),
        Field(
            "privacy_policy",
            "url",
            words("Privacy policy"),
            doc="The provider's privacy policy (absolute http(s) URL).",
            placeholder="https://…",
            required=When("party", "third"),
            required_by="missing-privacy-policy",
        ),
        Field(
            "country",
            "country",
            words("Country"),
            doc='Where the data is processed: an ISO 3166-1 alpha-2 code such as "FR" or "US".',
            placeholder="FR",
            required="recommended",
            required_by="missing-country",
        ),
        Field(
            "safeguard",
            "string",
            words("Transfer safeguard"),
            doc='For processing outside the EEA: the GDPR chapter V safeguard, e.g. "EU-US Data '
            'Privacy Framework", "Standard contractual clauses", "Adequacy decision".',
            placeholder="e.g. EU-US Data Privacy Framework",
            required="recommended",
            required_by="transfer-without-safeguard",
        ),
        Field(
            "description",
            "text",
            words("Description"),
            doc="More about the service, for the document.",
            long=True,
        ),
        Field(
            "consent_mode",
            "enums",
            words("Google consent mode"),
            doc="The service's own Google consent mode types; they replace its category's. [] "
            "takes the service out of its category's mapping.",
            choices=CONSENT_MODE,
            expected=CONSENT_MODE_EXPECTED,
            item_doc=CONSENT_MODE_ITEM,
            form=False,
        ),
        review_field(
            "Marks the service and its cookies as drafted by a tool (consent-tui init) and not "
            "yet checked by a person: validation warns (needs-review) until the key is removed "
            "or set to false."
        ),
        Field(
            "cookies",
            "tables",
            words("Cookies"),
            ref="cookie",
            doc="The cookies and other browser storage the service sets "
            "(`[[services.<id>.cookies]]`), zero or more.",
            form=False,
        ),
    ),
    title_key="provider",
)
