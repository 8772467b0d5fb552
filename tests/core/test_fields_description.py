"""The field description (core/fields) is in step with the model, the rules and itself."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from typing import Any, get_args

import pytest

from consent_tui.core import model
from consent_tui.core.fields import ENTITIES, Entity, Field, When, entity, settings_fields
from consent_tui.core.fields.kinds import LIST_ITEMS, choices, python_class
from consent_tui.core.fields.spec import FieldType
from consent_tui.core.rules import RULES
from consent_tui.core.rules.values import TCF_PURPOSES

KINDS = list(ENTITIES)


def _attributes(cls: type) -> dict[str, Any]:
    """Each attribute written in the file (not ``id`` nor ``extra``) and its type, ``None`` out."""
    hints = typing.get_type_hints(cls)
    out = {}
    for f in dataclasses.fields(cls):
        if f.name in ("id", "extra"):
            continue
        hint = hints[f.name]
        if isinstance(hint, types.UnionType):
            hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        out[f.name] = hint
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_every_model_attribute_is_described_and_nothing_else(kind: str) -> None:
    desc = entity(kind)
    assert desc.kind == kind
    assert set(_attributes(desc.model)) == {f.key for f in desc.values}


@pytest.mark.parametrize("kind", KINDS)
def test_an_id_field_is_described_when_the_model_has_an_id(kind: str) -> None:
    desc = entity(kind)
    has_id = "id" in {f.name for f in dataclasses.fields(desc.model)}
    assert [f.key for f in desc.fields if f.place == "id"] == (["id"] if has_id else [])


@pytest.mark.parametrize("kind", KINDS)
def test_each_field_holds_the_class_the_model_holds(kind: str) -> None:
    desc = entity(kind)
    for key, hint in _attributes(desc.model).items():
        field = desc.field(key)
        origin = typing.get_origin(hint) or hint
        expected = python_class(field)
        if expected is object:  # a sub-table: the entity it names
            assert hint is entity(field.ref).model, key
        elif expected is dict:
            assert origin is Mapping, key
        else:
            assert origin is expected, (key, hint, field.type)
        if field.type in LIST_ITEMS:
            assert get_args(hint)[0] is LIST_ITEMS[field.type], key


def test_every_field_type_is_used_or_known() -> None:
    used = {f.type for e in ENTITIES.values() for f in e.fields}
    assert used == set(get_args(FieldType))


@pytest.mark.parametrize("kind", KINDS)
def test_keys_labels_and_columns_are_each_given_once(kind: str) -> None:
    desc = entity(kind)
    keys = [f.key for f in desc.fields]
    assert len(keys) == len(set(keys))
    labels = [f.label_en for f in desc.fields]
    assert all(labels) and len(labels) == len(set(labels))
    orders = [f.column.order for f in desc.fields if f.column is not None]
    assert len(orders) == len(set(orders))


@pytest.mark.parametrize("kind", KINDS)
def test_every_value_says_what_it_is(kind: str) -> None:
    for field in entity(kind).values:
        if field.type != "table":  # a sub-table is described by its own entity
            assert field.doc.endswith("."), field.key
        if field.type in ("enum", "enums"):
            assert field.choices and all(c.doc and c.label for c in field.choices), field.key


def test_references_name_described_kinds() -> None:
    for desc in ENTITIES.values():
        for field in desc.fields:
            if field.type in ("ref", "refs", "table", "tables", "entities", "inline"):
                assert field.ref in ENTITIES, (desc.kind, field.key)
            else:
                assert not field.ref, (desc.kind, field.key)
        if desc.title_key:
            assert desc.has(desc.title_key)


def test_the_choices_are_the_models_values() -> None:
    assert entity("cookie").field("type").values == model.STORAGE_TYPES
    assert entity("service").field("party").values == model.PARTIES
    assert entity("purpose").field("legal_basis").values == model.LEGAL_BASES
    assert entity("document").field("columns").values == model.DOCUMENT_COLUMNS
    for kind in ("category", "service"):
        assert entity(kind).field("consent_mode").values == model.CONSENT_TYPES
    assert entity("category").field("consent").values == (True, False)


def test_a_value_without_a_description_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match="extra"):
        choices(("first", "third", "extra"), {"first": "…", "third": "…"})


def test_the_tcf_purposes_are_the_rules() -> None:
    field = entity("purpose").field("tcf_purposes")
    assert range(field.low or 0, (field.high or 0) + 1) == TCF_PURPOSES


@pytest.mark.parametrize("kind", KINDS)
def test_every_missing_rule_exists(kind: str) -> None:
    for field in entity(kind).values:
        rule = field.missing_rule
        assert (rule in RULES) if rule else field.required in (False, "recommended"), field.key
        if field.required is True:
            assert rule and RULES[rule].severity == "error", field.key


def test_a_condition_names_a_field_and_one_of_its_values() -> None:
    for desc in ENTITIES.values():
        for field in desc.values:
            if isinstance(field.required, When):
                other = desc.field(field.required.key)
                assert field.required.value in other.values


def test_the_form_shows_its_first_fields_first() -> None:
    keys = [f.key for f in entity("policy").in_form]
    assert keys[:5] == ["site_name", "site_url", "controller", "contact", "title"]
    assert "document" not in keys  # a sub-table has fields of its own
    names = [name for name, _ in settings_fields()]
    assert names[-2:] == ["banner.consent_lifetime", "banner.revision"]


def test_a_copy_with_one_more_field_leaves_the_original_alone() -> None:
    cookie = entity("cookie")
    extra = Field("shelf", "string", {"en": "Shelf"}, doc="Where it sits.")
    copy = cookie.with_field(extra, after="path")
    assert [f.key for f in copy.values][3:6] == ["path", "shelf", "duration"]
    assert not cookie.has("shelf") and isinstance(copy, Entity)


def test_the_date_field_reads_a_date() -> None:
    assert python_class(entity("policy").field("updated")) is dt.date
