"""The keys each table of the format knows, and the type each one expects.

A key found in an entity's ``extra`` is a known field with a wrong value when
it is listed here, and an unknown key otherwise.
"""

from __future__ import annotations

from typing import Final

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
    },
}
