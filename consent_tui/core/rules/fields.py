"""The keys each table of the format knows, and the type each one expects.

A key found in an entity's ``extra`` is a known field with a wrong value when
it is listed here, and an unknown key otherwise; :func:`extras` walks those
``extra`` mappings for both rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final, NamedTuple

from consent_tui.core.model import AuditSettings, Catalogue
from consent_tui.core.rules.base import (
    BANNER,
    Loc,
    banner_loc,
    catalogue_loc,
    category_loc,
    changelog_loc,
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
CONSENT_MODE: Final = 'an array of Google consent types such as ["analytics_storage"]'

FIELDS: Final[dict[str, dict[str, str]]] = {
    "catalogue": {
        "format_version": "an integer",
        "policy": "a table ([policy])",
        "categories": "a table of categories",
        "purposes": "a table of purposes",
        "services": "a table of services",
        "banner": "a table ([banner])",
        "audit": "a table ([audit])",
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
        "changelog": "an array of tables ([[policy.changelog]])",
        "review": BOOLEAN,
    },
    "changelog": {
        "date": "a TOML date such as 2026-11-28 (without quotes)",
        "text": TEXT,
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
        "wait_for_update": "an integer",
        "ads_data_redaction": BOOLEAN,
        "url_passthrough": BOOLEAN,
        "region": 'an array of ISO 3166 codes such as ["FR", "US-CA"] or ["EEA+UK+CH"]',
    },
    "audit": {
        "ignore": "an array of tables ([[audit.ignore]])",
    },
    "audit_ignore": {
        "name": 'a string (a cookie or storage name, or a pattern such as "_hj*")',
        "reason": STRING,
        "type": 'a string ("http_cookie", "local_storage", ...)',
        "domain": 'a string (a host name such as ".example.org")',
    },
    "category": {
        "title": TEXT,
        "description": TEXT,
        "consent": BOOLEAN,
        "known_categories": 'an array of Open Cookie Database categories such as ["Analytics"]',
        "consent_mode": CONSENT_MODE,
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
        "consent_mode": CONSENT_MODE,
        "review": BOOLEAN,
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
    for i, entry in enumerate(policy.changelog):
        if entry.extra:
            yield Extra(changelog_loc(i), "changelog", entry.extra)
    if catalogue.banner is not None and catalogue.banner.extra:
        yield Extra(banner_loc(), "banner", catalogue.banner.extra)
    if catalogue.audit is not None:
        yield from _audit_extras(catalogue.audit)
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


def audit_loc() -> Loc:
    return Loc("catalogue", None, ("audit",), (BANNER, 1, -1), "[audit]")


def audit_ignore_loc(index: int) -> Loc:
    return Loc(
        "catalogue",
        None,
        ("audit", "ignore", index),
        (BANNER, 1, index),
        f"[[audit.ignore]] #{index + 1}",
    )


def _audit_extras(audit: AuditSettings) -> Iterator[Extra]:
    if audit.extra:
        yield Extra(audit_loc(), "audit", audit.extra)
    for i, entry in enumerate(audit.ignore):
        if entry.extra:
            yield Extra(audit_ignore_loc(i), "audit_ignore", entry.extra)
