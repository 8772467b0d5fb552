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

A table may hold the keys of a part of the model written inline: the layout
options of ``[policy.document]`` (``DocumentSettings.layout``, the ``layout``
entity) are keys of that table itself. :func:`written` lists the keys a table
holds, parts included; :func:`path_of` says where the model keeps one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from consent_tui.core.fields.audit import AUDIT, AUDIT_IGNORE
from consent_tui.core.fields.banner import BANNER
from consent_tui.core.fields.catalogue import CATALOGUE
from consent_tui.core.fields.category import CATEGORY
from consent_tui.core.fields.changelog import CHANGELOG
from consent_tui.core.fields.cookie import COOKIE
from consent_tui.core.fields.layout import LAYOUT, LAYOUT_TABLE, OWN_COLUMN
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
    Unless,
    When,
    words,
)

# Every kind of table, in the file's order (the schema's $defs follow it).
ENTITIES: Final[dict[str, Entity]] = {
    "catalogue": CATALOGUE,
    "policy": POLICY,
    "document": DOCUMENT,
    "layout": LAYOUT,
    "layout_table": LAYOUT_TABLE,
    "own_column": OWN_COLUMN,
    "changelog": CHANGELOG,
    "banner": BANNER,
    "audit": AUDIT,
    "audit_ignore": AUDIT_IGNORE,
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


def tables() -> list[str]:
    """The kinds that are tables of their own (not only parts written inline)."""
    return [kind for kind, desc in ENTITIES.items() if not desc.part]


def written(kind: str) -> tuple[Field, ...]:
    """The fields written as keys of a ``kind`` table, in file order (see :func:`expand`)."""
    desc = entity(kind)
    hit = _WRITTEN.get(kind)
    if hit is not None and all(ENTITIES.get(k) is d for k, d in hit[0]):
        return hit[1]
    used: list[tuple[str, Entity]] = [(kind, desc)]
    out = expand(desc, ENTITIES, used)
    _WRITTEN[kind] = (tuple(used), out)
    return out


def expand(
    desc: Entity,
    kinds: Mapping[str, Entity],
    used: list[tuple[str, Entity]] | None = None,
    taken: frozenset[str] = frozenset(),
) -> tuple[Field, ...]:
    """``desc``'s values with each ``inline`` field replaced by its entity's keys (in ``kinds``).

    A key the table describes itself stays its own (``[policy.document]`` has its
    own ``columns``); ``used`` collects the entities looked up.
    """
    own = frozenset(f.key for f in desc.values if f.type != "inline")
    out: list[Field] = []
    for field in desc.values:
        if field.type != "inline":
            if field.key not in taken:
                out.append(field)
            continue
        part = kinds[field.ref]
        if used is not None:
            used.append((field.ref, part))
        out += expand(part, kinds, used, taken | own)
    return tuple(out)


_WRITTEN: dict[str, tuple[tuple[tuple[str, Entity], ...], tuple[Field, ...]]] = {}


def written_keys(kind: str) -> frozenset[str]:
    """The keys of :func:`written`."""
    return frozenset(f.key for f in written(kind))


def find(kind: str, key: str) -> Field | None:
    """The field written under ``key`` in a ``kind`` table, ``None`` when the format has none."""
    for field in written(kind):
        if field.key == key:
            return field
    return None


def path_of(kind: str, key: str) -> tuple[str, ...]:
    """The attributes leading from a ``kind`` entity to the value of its key ``key``.

    ``("layout", "table", "rows")`` for ``rows`` of ``document``; ``KeyError``
    when the table has no such key.
    """
    desc = entity(kind)
    for field in desc.values:
        if field.type == "inline":
            if key in written_keys(field.ref) and not any(
                f.key == key and f.type != "inline" for f in desc.values
            ):
                return (field.key, *path_of(field.ref, key))
        elif field.key == key:
            return (key,)
    raise KeyError(f"{kind} has no key {key!r}")


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
    "Unless",
    "When",
    "entity",
    "expand",
    "find",
    "path_of",
    "settings_fields",
    "tables",
    "words",
    "written",
    "written_keys",
]
