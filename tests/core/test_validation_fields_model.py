"""The wrong-type rule's field list is in step with the model: every field, nothing else."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from typing import Any

import pytest

from consent_tui.core import model
from consent_tui.core.model.layout import TABLE_KEYS, Layout, TableLayout
from consent_tui.core.rules.fields import BOOLEAN, FIELDS, TEXT, URL_TEXT, extras
from consent_tui.core.store import load_text
from tests.core.test_schema import ENTITIES as SCHEMA_ENTITIES
from tests.core.test_schema import LAYOUT_KEYS

ENTITIES: dict[str, type] = {
    "catalogue": model.Catalogue,
    **SCHEMA_ENTITIES,
    "changelog": model.ChangelogEntry,
}


def _layout_keys() -> dict[str, Any]:
    """The keys ``DocumentSettings.layout`` stands for, with the type each holds."""
    hints: dict[str, Any] = {
        "group_by": str,
        "tables_only": bool,
        "words": Mapping,
        "own_columns": Mapping,
        "tables": Mapping,
    }
    table = typing.get_type_hints(TableLayout)
    for key in TABLE_KEYS:
        if key != "columns":
            hint = table[key]
            hints[key] = next(a for a in typing.get_args(hint) if a is not type(None))
    assert set(hints) == set(LAYOUT_KEYS)
    return hints


def _fields(entity: type) -> dict[str, Any]:
    """Each field written in the file (not ``id`` nor ``extra``) and its type, ``None`` left out.

    ``DocumentSettings.layout`` is written as the layout keys themselves.
    """
    hints = typing.get_type_hints(entity, localns={"Layout": Layout})
    out = {}
    for f in dataclasses.fields(entity):
        if f.name in ("id", "extra"):
            continue
        if entity is model.DocumentSettings and f.name == "layout":
            out.update(_layout_keys())
            continue
        hint = hints[f.name]
        if isinstance(hint, types.UnionType):
            hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        out[f.name] = hint
    return out


def _fits(hint: Any, expected: str) -> bool:
    """Whether the type the rule names is the one the model holds."""
    origin = typing.get_origin(hint) or hint
    if hint is model.Text:
        return expected in (TEXT, URL_TEXT)
    if hint is bool:
        return expected == BOOLEAN
    if hint is str:
        return expected.startswith(("a string", "a duration string"))
    if hint is int:
        return expected == "an integer"
    if hint is dt.date:
        return expected.startswith("a TOML date")
    if origin is tuple:
        return expected.startswith("an array")
    if origin is Mapping or dataclasses.is_dataclass(hint):
        return expected.startswith("a table")
    return False


def test_every_table_of_the_model_is_listed() -> None:
    assert set(FIELDS) == set(ENTITIES)


@pytest.mark.parametrize("name", list(ENTITIES))
def test_every_model_field_is_listed_and_nothing_else(name: str) -> None:
    assert set(FIELDS[name]) == set(_fields(ENTITIES[name]))


@pytest.mark.parametrize("name", list(ENTITIES))
def test_each_field_names_the_type_the_model_holds(name: str) -> None:
    wrong = {
        field: (hint, FIELDS[name][field])
        for field, hint in _fields(ENTITIES[name]).items()
        if not _fits(hint, FIELDS[name][field])
    }
    assert wrong == {}


def test_both_key_rules_walk_every_table() -> None:
    """An unknown key in each kind of table: `extras` (used by wrong-type and unknown-key)
    finds each, in file order."""
    text = """\
format_version = 1
zz = 1
[policy]
zz = 1
[policy.document]
zz = 1
[policy.document.own_columns.mine]
of = "cookie"
zz = 1
[policy.document.tables.c]
zz = 1
[[policy.changelog]]
zz = 1
[categories.c]
zz = 1
[purposes.p]
zz = 1
[services.s]
zz = 1
[[services.s.cookies]]
name = "a"
zz = 1
[banner]
zz = 1
[audit]
zz = 1
[[audit.ignore]]
name = "a"
reason = "b"
zz = 1
"""
    found = [(e.kind, e.prefix, dict(e.values)) for e in extras(load_text(text))]
    kinds = [kind for kind, _, _ in found]
    assert kinds == [
        "catalogue", "policy", "document", "own_column", "layout_table", "changelog", "banner",
        "audit", "audit_ignore", "category", "purpose", "service", "cookie",
    ]  # fmt: skip
    assert set(kinds) == set(FIELDS)
    assert all(values == {"zz": 1} for _, _, values in found)
    assert found[2][1] == "document."
