"""The committed JSON Schema is the one generated from the field description."""

from __future__ import annotations

from typing import Any, get_args

import jsonschema
import pytest

from consent_tui.core.durations import parse_duration
from consent_tui.core.fields import ENTITIES, Field, Unless, When, entity, tables, written
from consent_tui.core.fields.checks import lifetime_problem
from consent_tui.core.fields.spec import FieldType
from consent_tui.core.schema import catalogue_schema_text
from consent_tui.core.schema.generate import catalogue_schema, catalogue_schema_json
from tests.conftest import ROOT
from tests.core.test_schema import _minimal, errors

SCHEMA = catalogue_schema()


def test_the_committed_schema_is_the_generated_one() -> None:
    generated = catalogue_schema_json()
    assert catalogue_schema_text() == generated, (
        "the field description changed: run `uv run python -m consent_tui.core.schema.generate`"
    )
    assert (ROOT / "docs" / "catalogue.schema.json").read_text(encoding="utf-8") == generated


@pytest.mark.parametrize("kind", [k for k in tables() if k != "catalogue"])
def test_each_table_lists_its_described_keys_in_order(kind: str) -> None:
    definition = SCHEMA["$defs"][kind]
    keys = written(kind)  # its inline parts' keys among its own ([policy.document])
    assert list(definition["properties"]) == [f.key for f in keys]
    assert definition["required"] == [f.key for f in keys if f.required is True]
    assert definition.get("x-taplo", {}).get("initKeys", []) == [f.key for f in keys if f.init]
    for field in keys:
        text = definition["properties"][field.key].get("description", "")
        assert text.startswith(field.doc), field.key
        if isinstance(field.required, When):
            condition = definition["if"]["properties"][field.required.key]
            assert condition == {"enum": [field.required.value]}
            assert definition["then"] == {"required": [field.key]}
        if isinstance(field.required, Unless):
            assert definition["if"] == {"not": {"required": [field.required.key]}}
            assert definition["then"] == {"required": [field.key]}


def test_a_part_written_inline_has_no_table_of_its_own() -> None:
    assert "layout" not in SCHEMA["$defs"]
    document = SCHEMA["$defs"]["document"]["properties"]
    assert "layout" not in document and {"group_by", "rows", "tables"} <= set(document)
    assert document["tables"]["additionalProperties"] == {"$ref": "#/$defs/layout_table"}


def test_the_top_level_is_the_catalogue_description() -> None:
    desc = entity("catalogue")
    assert list(SCHEMA["properties"]) == [f.key for f in desc.values]
    assert SCHEMA["required"] == ["format_version", "policy"]


def test_enumerations_carry_their_docs_for_editors() -> None:
    party = SCHEMA["$defs"]["service"]["properties"]["party"]
    field = entity("service").field("party")
    assert party["enum"] == list(field.values)
    assert party["x-taplo"]["docs"]["enumValues"] == [c.doc for c in field.choices]


def _every_type() -> list[Field]:
    """One field of each type, as a new key of a cookie would be written."""
    out = []
    for kind in get_args(FieldType):
        if kind in ("id",):
            continue
        ref = {"ref": "cookie"} if kind in ("table", "tables", "entities") else {}
        ref = {"ref": "own_column"} if kind == "inline" else ref
        ref = {"ref": "purpose"} if kind in ("ref", "refs") else ref
        choice = entity("cookie").field("type").choices if kind in ("enum", "enums") else ()
        out.append(Field(f"new_{kind}", kind, {"en": kind}, doc="New.", choices=choice, **ref))
    return out


@pytest.mark.parametrize("field", _every_type(), ids=lambda f: f.type)
def test_every_field_type_gives_a_valid_schema(field: Field) -> None:
    entities = dict(ENTITIES)
    entities["cookie"] = entity("cookie").with_field(field)
    schema = catalogue_schema(entities)
    jsonschema.Draft202012Validator.check_schema(schema)
    keys = schema["$defs"]["cookie"]["properties"]
    assert field.key in keys if field.type != "inline" else {"of", "header"} <= set(keys)


# -- where the generated schema says more than the hand-written one did


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # validation refuses a cookie path with a space or a ;
        (
            lambda d: d["services"]["cart"]["cookies"][0].update(path="/my cart"),
            "does not match",
        ),
        (lambda d: d["services"]["cart"]["cookies"][0].update(path="/a;b"), "does not match"),
        # a banner keeps a choice for a fixed time
        (lambda d: d.update(banner={"consent_lifetime": "session"}), "is not valid under any"),
        (lambda d: d.update(banner={"consent_lifetime": "persistent"}), "is not valid under any"),
    ],
)
def test_what_validation_refuses_the_schema_refuses(change: Any, expected: str) -> None:
    data = _minimal()
    change(data)
    found = errors(data)
    assert len(found) == 1 and expected in found[0], found


def test_the_consent_lifetime_examples_are_good_lifetimes() -> None:
    lifetime = SCHEMA["$defs"]["banner"]["properties"]["consent_lifetime"]
    for example in lifetime["examples"]:
        assert lifetime_problem(parse_duration(example), example) is None, example
        data = _minimal()
        data["banner"] = {"consent_lifetime": example}
        assert errors(data) == []
