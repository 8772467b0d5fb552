"""``[policy]`` and ``[policy.document]``: who publishes the document, and how, described once."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.kinds import choices
from consent_tui.core.fields.spec import Entity, Field, words
from consent_tui.core.model import DOCUMENT_COLUMNS, DocumentSettings, Policy

COLUMNS: Final = choices(
    DOCUMENT_COLUMNS,
    {
        "provider": "The service provider's name.",
        "function_location": "The function, with its location in brackets.",
        "cookies": 'The cookie names (patterns read as "any cookie starting with …").',
        "purposes": "The purposes' descriptions.",
        "duration": "How long each cookie lives, in the document's language.",
        "type": "HTTP cookie, local storage, pixel, …",
        "party": "First or third party.",
        "domain": "The domain each cookie is set on.",
        "description": "The cookies' descriptions.",
        "privacy_policy": "A link to the provider's privacy policy.",
    },
)

POLICY: Final = Entity(
    "policy",
    Policy,
    "[policy]",
    ("policy", "policies"),
    "The `[policy]` table: who publishes the cookie policy, for which site, in which languages.",
    (
        Field(
            "title",
            "text",
            words("Document title"),
            doc='The document\'s title, e.g. "Cookies policy". Optional: a built-in title is '
            "used when absent.",
            example='"…"',
        ),
        Field(
            "site_name",
            "string",
            words("Site name"),
            doc="The site's name, as visitors know it.",
            required=True,
            init=True,
            example='"Example"',
        ),
        Field(
            "site_url",
            "url",
            words("Site address"),
            doc="The site's address (absolute http(s) URL).",
            placeholder="https://example.com",
            required=True,
            init=True,
            expected='a string (an absolute URL such as "https://www.example.org")',
            example='"https://www.example.org"',
        ),
        Field(
            "controller",
            "string",
            words("Data controller"),
            doc="Who is responsible for the site and its data (the data controller): a company "
            "name and, ideally, its address.",
            required=True,
            init=True,
            example='"Example Ltd, 1 Main Street, Brussels"',
        ),
        Field(
            "contact",
            "contact",
            words("Privacy contact"),
            doc="How visitors reach the controller about privacy: an http(s) URL or a mailto: "
            "address.",
            placeholder="mailto:privacy@example.com",
            required="recommended",
            required_by="missing-contact",
            init=True,
        ),
        Field(
            "languages",
            "languages",
            words("Languages"),
            doc="The languages the catalogue is written in; the first is the default, used for "
            'plain strings and as the fallback. Default: ["en"].',
            help="The first is the default. New languages appear after saving.",
            placeholder="en, fr",
            min_items=1,
            init=True,
        ),
        Field(
            "updated",
            "date",
            words("Last updated"),
            doc="When the policy last changed, as a TOML date (2026-11-28, no quotes).",
            placeholder="YYYY-MM-DD",
            required="recommended",
        ),
        Field(
            "intro",
            "text",
            words("Introduction"),
            doc="An introduction shown under the title. Optional.",
            long=True,
        ),
        Field("document", "table", words("Document layout"), ref="document", form=False),
    ),
    form_order=("site_name", "site_url", "controller", "contact", "title"),
)

DOCUMENT: Final = Entity(
    "document",
    DocumentSettings,
    "[policy.document]",
    ("document layout", "document layouts"),
    "The `[policy.document]` table: how the exported cookie-policy document is laid out.",
    (
        Field(
            "columns",
            "enums",
            words("Table columns"),
            doc="The table columns, in order. Default: "
            '["provider", "function_location", "cookies", "purposes"].',
            placeholder="provider, function_location, cookies, purposes",
            choices=COLUMNS,
            min_items=1,
            item_doc="A column id.",
            expected='an array of column names such as ["provider", "cookies"]',
        ),
        Field(
            "sections",
            "texts",
            words("Section"),
            doc="Replacement texts for the document's built-in sections, keyed by section id "
            "(see docs/export.md).",
            item_doc="The section's text.",
            long=True,
            expected="a table of section name -> translatable text",
        ),
    ),
)
