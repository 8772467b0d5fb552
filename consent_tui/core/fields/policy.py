"""``[policy]`` and ``[policy.document]``: who publishes the document, and how, described once."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.columns import DOCUMENT_COLUMNS_FIELD
from consent_tui.core.fields.spec import Choice, Entity, Field, words
from consent_tui.core.model import DocumentSettings, Policy

# `review = true`: written by `consent-tui init` on what it drafted.
REVIEW_CHOICES: Final = (
    Choice(True, "needs review (drafted, not checked)", short="needs review"),
    Choice(False, "reviewed"),
)
REVIEW_HELP: Final = "Once you have checked it, choose (not set): the needs-review warning goes."


def review_field(doc: str) -> Field:
    """The ``review`` mark of a drafted table: offered by the form only while it is set."""
    return Field(
        "review",
        "bool",
        words("Review"),
        doc=doc,
        help=REVIEW_HELP,
        choices=REVIEW_CHOICES,
        default="reviewed",
        form="when set",
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
        Field(
            "changelog",
            "tables",
            words("Changes"),
            ref="changelog",
            doc="The changes made to the policy (`[[policy.changelog]]` tables), each with its "
            "date and a text. Optional. The exported document lists them, newest first, under "
            '"Changes to this policy"; its "last updated" date is the newest entry\'s unless '
            "`updated` is set. `consent-tui diff --changelog` drafts an entry from the changes "
            "it finds.",
            form=False,
        ),
        review_field(
            "Marks these settings as drafted by a tool (consent-tui init) and not yet checked by "
            "a person: validation warns (needs-review) until the key is removed or set to false."
        ),
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
        DOCUMENT_COLUMNS_FIELD,
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
        Field(
            "layout",
            "inline",
            words("Layout"),
            ref="layout",
            doc="The layout options (grouping, rows, headers, own columns, tables …), written "
            "in [policy.document] itself.",
            form=False,  # the editor's layout settings come later
        ),
    ),
)
