"""How the builder reads each kind of table: a reader per described field, made once.

A :class:`Plan` follows its entity's description (core/fields) as it is when
asked for, so that a test may swap a description for a copy. The value readers
are :class:`~consent_tui.core.store.field_reader.FieldReader`'s, by field type;
a field whose value is a table of its own (texts, a sub-table, an array of
tables, keyed entries, an inline part) is read by the builder itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from consent_tui.core.fields import Entity, Field, entity, written_keys
from consent_tui.core.fields.kinds import LIST_ITEMS, STRING_TYPES, python_class
from consent_tui.core.model import Text
from consent_tui.core.store.field_reader import FieldReader, Kept

Simple = Callable[[Any, Mapping[str, Any], str, Kept], Any]

_SIMPLE: dict[str, Simple] = {
    **dict.fromkeys(STRING_TYPES, FieldReader._str),
    "text": FieldReader._text,
    "url_text": FieldReader._text,
    "bool": FieldReader._bool,
    "int": FieldReader._int,
    "date": FieldReader._date,
    "ints": FieldReader._ints,
    **{kind: FieldReader._strings for kind in LIST_ITEMS if kind != "ints"},
}


def absent(model: type[Any]) -> dict[str, Any]:
    """What the model holds for each attribute a file leaves out (its defaults)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(model):
        if f.default is not dataclasses.MISSING:
            out[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            out[f.name] = f.default_factory()
    return out


class Plan:
    """How to read one kind of table: its model, its keys, a reader per field.

    ``skip`` leaves out the keys a host table reads itself (an inline part's
    ``columns`` in ``[policy.document]``).
    """

    def __init__(self, desc: Entity, skip: frozenset[str] = frozenset()) -> None:
        self.desc, self.model, self.skip = desc, desc.model, skip
        self.keys = written_keys(desc.kind)  # the keys of the table, its parts' included
        self.absent = absent(desc.model)
        self.readers: tuple[tuple[str, Simple | None, Field], ...] = tuple(
            (f.key, _SIMPLE.get(f.type), f) for f in desc.values if f.key not in skip
        )
        self.blank = desc.model() if desc.part or skip else None  # a part holding nothing
        # what an inline part of this table leaves to it: the keys read here, or by a host
        self.taken = skip | frozenset(f.key for f in desc.values if f.type != "inline")


_PLANS: dict[tuple[str, frozenset[str]], Plan] = {}


def plan(kind: str, skip: frozenset[str] = frozenset()) -> Plan:
    """The plan of ``kind``'s description as it is now (made once per description)."""
    desc = entity(kind)
    found = _PLANS.get((kind, skip))
    if found is None or found.desc is not desc:
        found = _PLANS[kind, skip] = Plan(desc, skip)
    return found


class QuickCookie:
    """What the quick path of a cookie needs of its description: its keys' classes, its model."""

    def __init__(self, desc: Entity) -> None:
        self.entity = desc
        self.classes: dict[str, type] = {}
        for field in desc.values:
            cls = python_class(field)
            if cls in (str, Text, bool):  # the others are read the general way
                self.classes[field.key] = cls
        self.model = desc.model
        if len(self.classes) != len(desc.values):
            self.classes = {}  # a key of another type: every cookie the general way
