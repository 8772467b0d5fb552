"""Keys equal for equal meanings: how the comparer tells "the same" from "changed".

A translatable text is its language -> text pairs (written as a bare string or
a table alike), a table is its keys and values in any order, values of other
types differ (``1`` is not ``true``), and an entity is its fields but its id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping
from typing import Any

from consent_tui.core.model import Text


def canon(value: Any) -> Hashable:
    """A hashable key for ``value``; equal keys mean the same thing in the catalogue."""
    if isinstance(value, Text):
        return ("text", frozenset(value.values.items()))
    if isinstance(value, Mapping):
        return ("table", frozenset((k, canon(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return ("array", tuple(canon(v) for v in value))
    if isinstance(value, float) and value != value:
        return ("nan",)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return entity_key(value)
    return (type(value).__name__, value)


def same(left: Any, right: Any) -> bool:
    """``left`` and ``right`` mean the same (see :func:`canon`)."""
    return left is right or canon(left) == canon(right)


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(kind: type) -> tuple[str, ...]:
    """The fields of a model class but its id (looked up once per class)."""
    found = _NAMES.get(kind)
    if found is None:
        found = _NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind) if f.name != "id")
    return found


def entity_key(entity: Any, **instead: Hashable) -> Hashable:
    """The fields of ``entity`` but its id; ``instead`` gives keys to use for some fields."""
    return tuple(
        (name, instead[name] if name in instead else canon(getattr(entity, name)))
        for name in _names(type(entity))
    )
