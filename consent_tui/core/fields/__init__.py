"""One description of each entity's fields: the catalogue format's keys, said once.

Each kind of table is an :class:`Entity` of :class:`Field` records, in the
file's order (``cookie.py``, ``service.py`` …). Everything that needs to know a
table's keys derives it from here, never from a list of its own:

- the store reads each key into the model and writes it back (``store/builder``,
  ``store/serialize``);
- validation checks types, required keys and allowed values (``rules/fields``,
  ``types``, ``type_hints``, ``required``, ``translations``, ``values``, ``unknown``);
- the JSON Schema is generated (``core/schema/generate.py``) and committed;
- the editor builds its table columns and its forms (``ui/views/columns``,
  ``ui/dialogs/field_forms``), with value checks that agree with validation
  (:mod:`~consent_tui.core.fields.checks`).

Adding a key is one :class:`Field` in its entity's module and the attribute of
the same name on the model's dataclass (a test ties the two). Consumers look an
entity up with :func:`entity` when they run, so a test can swap one for a copy
(``monkeypatch.setitem(ENTITIES, "cookie", copy)``).
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.banner import BANNER
from consent_tui.core.fields.catalogue import CATALOGUE
from consent_tui.core.fields.category import CATEGORY
from consent_tui.core.fields.cookie import COOKIE
from consent_tui.core.fields.policy import DOCUMENT, POLICY
from consent_tui.core.fields.purpose import PURPOSE
from consent_tui.core.fields.service import SERVICE
from consent_tui.core.fields.spec import (
    MISSING_RULE,
    Choice,
    Column,
    Entity,
    Field,
    FieldType,
    When,
    words,
)

# Every kind of table, in the file's order (the schema's $defs follow it).
ENTITIES: Final[dict[str, Entity]] = {
    "catalogue": CATALOGUE,
    "policy": POLICY,
    "document": DOCUMENT,
    "banner": BANNER,
    "category": CATEGORY,
    "purpose": PURPOSE,
    "service": SERVICE,
    "cookie": COOKIE,
}

# The tables the policy settings (view and form) show, and the prefix of their keys there.
SETTINGS: Final = (("", "policy"), ("document", "document"), ("banner", "banner"))


def entity(kind: str) -> Entity:
    """The description of ``kind`` ("cookie", "service" …) as it is now."""
    return ENTITIES[kind]


def settings_fields() -> list[tuple[str, Field]]:
    """The policy settings' fields with their names there ("site_name", "banner.revision")."""
    out = []
    for prefix, kind in SETTINGS:
        for field in entity(kind).in_form:
            out.append((f"{prefix}.{field.key}" if prefix else field.key, field))
    return out


__all__ = [
    "ENTITIES",
    "MISSING_RULE",
    "SETTINGS",
    "Choice",
    "Column",
    "Entity",
    "Field",
    "FieldType",
    "When",
    "entity",
    "settings_fields",
    "words",
]
