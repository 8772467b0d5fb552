"""``[[services.<id>.cookies]]``: a cookie, a storage item or a pixel, described once.

A new key of a cookie is one more :class:`Field` here (and its attribute on
:class:`~consent_tui.core.model.Cookie`): the store reads and writes it, the
rules check its type, the schema lists it, the form offers it and, with a
``column``, the cookies table shows it.
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.kinds import choices
from consent_tui.core.fields.spec import Column, Entity, Field, Unless, words
from consent_tui.core.model import STORAGE_TYPES, Cookie

DURATION_DOC: Final = (
    'How long the item lives: "session", "persistent" (never expires by itself: only for '
    'browser storage, since browsers cap cookie lifetimes), "<n> <unit>" with a unit from '
    'second to year, several parts allowed ("1 year 6 months", "1 year and 6 months"), or an '
    'ISO 8601 duration such as "P13M".'
)
DURATION_EXAMPLES: Final = ("session", "30 minutes", "13 months", "1 year and 6 months", "P390D")

STORAGE: Final = choices(
    STORAGE_TYPES,
    {
        "http_cookie": "An HTTP cookie (the default when type is left out).",
        "local_storage": "A window.localStorage item: kept until the site or the visitor "
        "clears it.",
        "session_storage": "A window.sessionStorage item: gone when the tab closes.",
        "indexed_db": "An IndexedDB database.",
        "pixel": "A tracking pixel or web beacon: a request that reports a visit; stores "
        "nothing itself.",
    },
)

COOKIE: Final = Entity(
    "cookie",
    Cookie,
    "[[services.<id>.cookies]]",
    ("cookie", "cookies"),
    "A cookie, or another browser storage item or pixel, set by the service.",
    (
        Field(
            "service",
            "ref",
            words("Service"),
            ref="service",
            place="parent",
            help="Choose another service to move the cookie.",
            column=Column(2, max_width=28),
        ),
        Field(
            "name",
            "string",
            words("Name"),
            doc='The exact name, or a pattern where * stands for any text ("_ga_*").',
            help="A * stands for any characters (e.g. _ga_*).",
            required=True,
            init=True,
            example='"session_id"',
            column=Column(1, max_width=36, grow=True),
        ),
        Field(
            "type",
            "enum",
            words("Type"),
            doc='The kind of storage. Default: "http_cookie".',
            choices=STORAGE,
            default="http_cookie",
            init=True,
            column=Column(4, max_width=16),
        ),
        Field(
            "domain",
            "domain",
            words("Domain"),
            doc='The domain it is set on, e.g. ".youtube.com". Default: the site\'s own domain.',
            placeholder=".example.com",
            column=Column(5, max_width=32, grow=True),
        ),
        Field(
            "path",
            "path",
            words("Path"),
            doc='The cookie\'s path, e.g. "/account". Default: "/".',
            placeholder="/",
        ),
        Field(
            "duration",
            "duration",
            words("Duration"),
            doc=DURATION_DOC,
            required=Unless("duration_text"),  # shown as written only: display-only-duration
            required_by="missing-duration",
            init=True,
            placeholder="session, 13 months, 1 year 6 months, P13M …",
            examples=DURATION_EXAMPLES,
            column=Column(3, max_width=22, sort="duration"),
        ),
        Field(
            "duration_note",
            "text",
            words("Duration note"),
            doc='A remark on the duration, e.g. "renewed when you sign in".',
        ),
        Field(
            "refresh",
            "bool",
            words("Renewed on use"),
            doc="Whether the lifetime starts again on each visit or use (the expiry date is "
            "renewed), e.g. true for _ga. Feeds cookieRefresh in the IAB TCF disclosures. "
            "Default: not stated (disclosed as false).",
            form=False,
        ),
        Field(
            "description",
            "text",
            words("Description"),
            doc="What the item holds or does.",
            required="recommended",
            long=True,
        ),
        Field(
            "display_name",
            "string",
            words("Shown name"),
            doc='How the document shows the name, exactly as written ("_pk_id.#", "__lc_cid '
            '(customerID)"); name still serves matching and validation.',
            form=False,  # with the document's layout, which the editor edits later
        ),
        Field(
            "duration_text",
            "text",
            words("Shown duration"),
            doc='How the document shows the duration, exactly as written ("Expires after 2 '
            'years", "End of session", "Never"); duration still serves validation and the '
            "banners.",
            form=False,
        ),
    ),
    title_key="name",
)
