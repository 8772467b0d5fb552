"""What each field type means to code: the Python value it holds, how messages name it.

The store reads a value into a field when it has the type's Python class (else
it keeps it in the entity's ``extra``, for validation to report); the wrong-type
rule names the type with :func:`expected`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

from consent_tui.core.fields.spec import Choice, Field, FieldType
from consent_tui.core.model import Text

if TYPE_CHECKING:
    from consent_tui.core.fields.spec import Entity

TEXT: Final = 'a string, or a table of language -> text such as { en = "…", fr = "…" }'
STRING: Final = "a string"
URL_TEXT: Final = (
    'a URL string, or a table of language -> URL such as { en = "/cookies", fr = "/fr/cookies" }'
)
BOOLEAN: Final = "a boolean (true or false, without quotes)"
INTEGER: Final = "an integer"
DATE: Final = "a TOML date such as 2026-11-28 (without quotes)"

# The types whose value is one string in the model (and in the file).
STRING_TYPES: Final = frozenset(
    ("string", "duration", "lifetime", "url", "contact", "country", "domain", "path", "enum", "ref")
)
# The types whose value is a tuple in the model (an array in the file), and its items' class.
LIST_ITEMS: Final[Mapping[FieldType, type]] = {
    "refs": str,
    "enums": str,
    "strings": str,
    "languages": str,
    "regions": str,
    "ints": int,
}

_EXPECTED: Final[Mapping[FieldType, str]] = {
    "string": STRING,
    "text": TEXT,
    "url_text": URL_TEXT,
    "bool": BOOLEAN,
    "int": INTEGER,
    "date": DATE,
    "duration": 'a duration string such as "13 months" or "session"',
    "lifetime": 'a duration string such as "6 months"',
    "url": 'a string (an absolute URL such as "https://…")',
    "contact": 'a string (a URL or "mailto:address")',
    "country": 'a string (an ISO 3166-1 alpha-2 code such as "FR")',
    "domain": 'a string (a host name such as ".example.org")',
    "path": 'a string (a URL path such as "/")',
    "enum": STRING,
    "languages": 'an array of language codes such as ["en", "fr"]',
    "texts": "a table of name -> translatable text",
}


def python_class(field: Field) -> type:
    """The class of the model's value for ``field`` (``tuple`` for lists, ``dict`` for tables)."""
    kind = field.type
    if kind in STRING_TYPES or kind == "id":
        return str
    if kind in ("text", "url_text"):
        return Text
    if kind == "bool":
        return bool
    if kind == "int":
        return int
    if kind == "date":
        return dt.date
    if kind in LIST_ITEMS or kind == "tables":
        return tuple
    if kind in ("table", "inline"):
        return object
    return dict  # texts, entities


def expected(field: Field, entities: Mapping[str, Entity]) -> str:
    """How the wrong-type rule names what ``field`` takes ("a string (a category id)")."""
    if field.expected:
        return field.expected
    kind = field.type
    if kind == "ref":
        return f"a string (a {field.ref} id)"
    if kind == "table":
        return f"a table ({entities[field.ref].table})"
    if kind == "tables":
        return f"an array of tables ({entities[field.ref].table})"
    if kind == "entities":
        return f"a table of {entities[field.ref].noun[1]}"
    if kind == "refs":
        return f"an array of {field.ref} ids"
    return _EXPECTED.get(kind, "an array" if kind in LIST_ITEMS else STRING)


def choices(
    values: Iterable[str], docs: Mapping[str, str], labels: Mapping[str, str] | None = None
) -> tuple[Choice, ...]:
    """The choices of ``values`` (a model constant), each with its doc and label.

    Every value needs a doc, and a doc needs a value: a value added to the
    model's list fails here, at import, until it is described.
    """
    listed = tuple(values)
    if set(docs) != set(listed):
        raise ValueError(f"choices and docs differ: {sorted(set(docs) ^ set(listed))}")
    names = labels or {}
    return tuple(Choice(v, names.get(v, v), docs[v]) for v in listed)
