"""``[categories.<id>]``: a group of services visitors accept or refuse, described once."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.service import CONSENT_MODE, CONSENT_MODE_EXPECTED, CONSENT_MODE_ITEM
from consent_tui.core.fields.spec import Choice, Column, Entity, Field, words
from consent_tui.core.model import Category

CONSENT: Final = (
    Choice(True, "required (visitors opt in)", short="required"),
    Choice(False, "not required (strictly necessary)", short="not required"),
)

CATEGORY: Final = Entity(
    "category",
    Category,
    "[categories.<id>]",
    ("category", "categories"),
    "A category of services shown to visitors (necessary, statistics, marketing, …).",
    (
        Field("id", "id", words("Id"), place="id", column=Column(1, max_width=28)),
        Field(
            "title",
            "text",
            words("Title"),
            doc="The category's name.",
            required=True,
            init=True,
            example='"…"',
            column=Column(2, max_width=60, grow=True),
        ),
        Field(
            "description",
            "text",
            words("Description"),
            doc="What the category's services do, in plain words.",
            required="recommended",
            init=True,
            long=True,
        ),
        Field(
            "consent",
            "bool",
            words("Consent"),
            doc="Whether the visitor's consent is needed before these services run. Only "
            "strictly necessary services may run without it.",
            choices=CONSENT,
            required=True,
            init=True,
            example="true",
            column=Column(3, max_width=14),
        ),
        Field(
            "known_categories",
            "strings",
            words("Open Cookie Database categories"),
            doc="The Open Cookie Database categories (Functional, Personalization, Analytics, "
            "Marketing, Security) this category stands for, when the default matching by id "
            "and title picks another one. See docs/known.md.",
            expected='an array of Open Cookie Database categories such as ["Analytics"]',
            form=False,
        ),
        Field(
            "consent_mode",
            "enums",
            words("Google consent mode"),
            doc="The Google consent mode types the visitor's consent to this category grants, "
            'such as ["analytics_storage"]. The generated banners tell Google tags `denied` for '
            "each until every service mapped to it is accepted. Not applied by default: "
            "`consent-tui validate` suggests a list from the category.",
            choices=CONSENT_MODE,
            expected=CONSENT_MODE_EXPECTED,
            item_doc=CONSENT_MODE_ITEM,
            form=False,
        ),
    ),
    title_key="title",
)
