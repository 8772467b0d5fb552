"""The keys each table of the format knows, and the type each one expects.

A key found in an entity's ``extra`` is a known field with a wrong value when
it is listed here, and an unknown key otherwise; :func:`extras` walks those
``extra`` mappings for both rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final, NamedTuple

from consent_tui.core.model import Catalogue
from consent_tui.core.rules.base import (
    Loc,
    banner_loc,
    catalogue_loc,
    category_loc,
    cookie_loc,
    document_loc,
    policy_loc,
    purpose_loc,
    service_loc,
)

TEXT: Final = 'a string, or a table of language -> text such as { en = "…", fr = "…" }'
STRING: Final = "a string"
URL_TEXT: Final = (
    'a URL string, or a table of language -> URL such as { en = "/cookies", fr = "/fr/cookies" }'
)
BOOLEAN: Final = "a boolean (true or false, without quotes)"

FIELDS: Final[dict[str, dict[str, str]]] = {
    "catalogue": {
        "format_version": "an integer",
        "policy": "a table ([policy])",
        "categories": "a table of categories",
        "purposes": "a table of purposes",
        "services": "a table of services",
        "banner": "a table ([banner])",
    },
    "policy": {
        "title": TEXT,
        "site_name": STRING,
        "site_url": 'a string (an absolute URL such as "https://www.example.org")',
        "controller": STRING,
        "contact": 'a string (a URL or "mailto:address")',
        "languages": 'an array of language codes such as ["en", "fr"]',
        "updated": "a TOML date such as 2026-11-28 (without quotes)",
        "intro": TEXT,
        "document": "a table ([policy.document])",
    },
    "document": {
        "columns": 'an array of column names such as ["provider", "cookies"]',
        "sections": "a table of section name -> translatable text",
        # the layout keys (model: DocumentSettings.layout)
        "group_by": 'a string ("category", "service", "party", "type" or "none")',
        "tables_only": BOOLEAN,
        "words": "a table of word id -> translatable text",
        "own_columns": "a table of own column id -> table (of, header)",
        "tables": "a table of table id -> table of options",
        "headers": "a table of column id -> translatable text",
        "header_row": BOOLEAN,
        "rows": 'a string ("service" or "cookie")',
        "service_cells": 'a string ("repeat", "span" or "blank")',
        "names": 'a string ("words" or "as_written")',
        "durations": 'a string ("words" or "as_written")',
        "separator": 'a string (such as ", " or "\\n")',
        "heading": TEXT,
        "caption": TEXT,
        "intro": TEXT,
        "descriptions": BOOLEAN,
        "consent_note": BOOLEAN,
    },
    "banner": {
        "consent_lifetime": 'a duration string such as "6 months"',
        "revision": "an integer",
        "policy_url": URL_TEXT,
    },
    "category": {
        "title": TEXT,
        "description": TEXT,
        "consent": BOOLEAN,
    },
    "purpose": {
        "title": TEXT,
        "description": TEXT,
        "legal_basis": STRING,
        "tcf_purposes": "an array of IAB TCF purpose numbers such as [1, 7]",
    },
    "service": {
        "provider": STRING,
        "function": TEXT,
        "location": TEXT,
        "category": "a string (a category id)",
        "purposes": 'an array of purpose ids such as ["analytics"]',
        "party": 'a string ("first" or "third")',
        "privacy_policy": 'a string (an absolute URL such as "https://…")',
        "country": 'a string (an ISO 3166-1 alpha-2 code such as "FR")',
        "safeguard": STRING,
        "description": TEXT,
        "cookies": "an array of tables ([[services.<id>.cookies]])",
    },
    "cookie": {
        "name": STRING,
        "type": STRING,
        "domain": 'a string (a host name such as ".example.org")',
        "path": 'a string (a URL path such as "/")',
        "duration": 'a duration string such as "13 months" or "session"',
        "duration_note": TEXT,
        "refresh": BOOLEAN,
        "description": TEXT,
        "display_name": STRING,
        "duration_text": TEXT,
    },
}


class Extra(NamedTuple):
    """The keys kept in one table's ``extra``: where, which ``FIELDS`` table, key prefix."""

    loc: Loc
    kind: str
    values: Mapping[str, Any]
    prefix: str = ""


def extras(catalogue: Catalogue) -> Iterator[Extra]:
    """Every non-empty ``extra`` of the catalogue, in file order."""
    if catalogue.extra:
        yield Extra(catalogue_loc(), "catalogue", catalogue.extra)
    policy = catalogue.policy
    if policy.extra:
        yield Extra(policy_loc(), "policy", policy.extra)
    if policy.document is not None and policy.document.extra:
        yield Extra(document_loc(), "document", policy.document.extra, "document.")
    if catalogue.banner is not None and catalogue.banner.extra:
        yield Extra(banner_loc(), "banner", catalogue.banner.extra)
    for i, (cid, category) in enumerate(catalogue.categories.items()):
        if category.extra:
            yield Extra(category_loc(i, cid), "category", category.extra)
    for i, (pid, purpose) in enumerate(catalogue.purposes.items()):
        if purpose.extra:
            yield Extra(purpose_loc(i, pid), "purpose", purpose.extra)
    for si, (sid, service) in enumerate(catalogue.services.items()):
        if service.extra:
            yield Extra(service_loc(si, sid), "service", service.extra)
        for ci, cookie in enumerate(service.cookies):
            if cookie.extra:
                yield Extra(cookie_loc(si, sid, ci, cookie.name), "cookie", cookie.extra)
