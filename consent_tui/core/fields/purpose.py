"""``[purposes.<id>]``: why data is stored or read, described once."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.kinds import choices
from consent_tui.core.fields.spec import Column, Entity, Field, words
from consent_tui.core.model import LEGAL_BASES, Purpose

LEGAL_BASIS: Final = choices(
    LEGAL_BASES,
    {
        "consent": "GDPR art. 6(1)(a): the visitor agreed. Required for anything that is not "
        "strictly necessary (ePrivacy art. 5(3)).",
        "contract": "GDPR art. 6(1)(b): needed to deliver a service the visitor asked for "
        "(sign-in, cart).",
        "legal_obligation": "GDPR art. 6(1)(c): the law requires it (e.g. keeping the "
        "visitor's cookie choices).",
        "legitimate_interests": "GDPR art. 6(1)(f): the site's legitimate interests, balanced "
        "against the visitor's rights (security, load balancing).",
        "vital_interests": "GDPR art. 6(1)(d): to protect someone's life. Rare on a website.",
        "public_task": "GDPR art. 6(1)(e): a task in the public interest or official "
        "authority (public bodies).",
    },
    {basis: basis.replace("_", " ") for basis in LEGAL_BASES},
)

PURPOSE: Final = Entity(
    "purpose",
    Purpose,
    "[purposes.<id>]",
    ("purpose", "purposes"),
    "A purpose: why data is stored on or read from the visitor's device.",
    (
        Field("id", "id", words("Id"), place="id", column=Column(1, max_width=28)),
        Field(
            "title",
            "text",
            words("Title"),
            doc="A short name for the purpose.",
            required=True,
            init=True,
            example='"…"',
            column=Column(2, max_width=48, grow=True),
        ),
        Field(
            "description",
            "text",
            words("Description"),
            doc='What the data is used for, e.g. "To remember the user from one page to another".',
            required=True,
            init=True,
            long=True,
            example='"…"',
        ),
        Field(
            "legal_basis",
            "enum",
            words("Legal basis"),
            doc="The GDPR art. 6 legal basis of the processing.",
            choices=LEGAL_BASIS,
            required="recommended",
            required_by="missing-legal-basis",
            init=True,
            column=Column(3, max_width=22),
        ),
        Field(
            "tcf_purposes",
            "ints",
            words("TCF purposes"),
            doc="The matching IAB TCF v2.2 purpose numbers (1 = store and/or access information "
            "on a device … 11 = use limited data to select content), for TCF-aware banners.",
            placeholder="1, 3, 4",
            low=1,
            high=11,
            expected="an array of IAB TCF purpose numbers such as [1, 7]",
        ),
    ),
    title_key="title",
)
