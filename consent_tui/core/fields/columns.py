"""The columns of the document's tables: the built-in column ids, and the ``columns`` keys.

``[policy.document]`` and each ``[policy.document.tables.<id>]`` list their
columns with the same choices; an id of ``own_columns`` is allowed too.
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.kinds import choices
from consent_tui.core.fields.spec import Field, words
from consent_tui.core.model import DOCUMENT_COLUMNS

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
        "service": "The service's id.",
        "function": "The service's function.",
        "location": "The service's location.",
        "category": "The title of the service's category.",
        "purpose_titles": "The purposes' titles.",
        "path": "The path each cookie is set on.",
        "cookie_description": "Each cookie's own description.",
        "service_description": "The service's own description.",
        "country": "The country where the data is processed.",
        "safeguard": "The ground for a transfer outside the EEA.",
    },
)
COLUMNS_EXPECTED: Final = 'an array of column names such as ["provider", "cookies"]'
COLUMN_ITEM: Final = "A column id: a built-in column, or one of own_columns."
COLUMNS_PLACEHOLDER: Final = "provider, function_location, cookies, purposes"


def columns_field(doc: str) -> Field:
    """The ``columns`` key of a table of the document, saying ``doc``."""
    return Field(
        "columns",
        "enums",
        words("Table columns"),
        doc=doc,
        placeholder=COLUMNS_PLACEHOLDER,
        choices=COLUMNS,
        also="own_columns",
        min_items=1,
        item_doc=COLUMN_ITEM,
        expected=COLUMNS_EXPECTED,
    )


DOCUMENT_COLUMNS_FIELD: Final = columns_field(
    'The table columns, in order. Default: ["provider", "function_location", "cookies", '
    '"purposes"].'
)
TABLE_COLUMNS_FIELD: Final = columns_field(
    "The table's columns, in order. Default: the document's columns."
)
