"""The catalogue JSON Schema: valid, in step with the model, and accepting every sample."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.generate import generate
from consent_tui.core import model
from consent_tui.core.durations import try_parse
from consent_tui.core.model.layout import (
    DOCUMENT_KEYS,
    GROUPINGS,
    ROW_KINDS,
    SERVICE_CELLS,
    TABLE_KEYS,
    OwnColumn,
    TableLayout,
)
from consent_tui.core.schema import catalogue_schema, catalogue_schema_text
from tests.conftest import ROOT, sample_paths

SCHEMA = catalogue_schema()
# The keys DocumentSettings.layout writes in [policy.document], as the model names them.
LAYOUT_KEYS = frozenset(DOCUMENT_KEYS) | (frozenset(TABLE_KEYS) - {"columns"})
DEFS = SCHEMA["$defs"]
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
DURATION_FORMS = [re.compile(form["pattern"]) for form in DEFS["duration"]["anyOf"]]


def duration_matches(text: str) -> bool:
    return any(form.search(text) for form in DURATION_FORMS)


def as_json(value: Any) -> Any:
    """TOML data as JSON sees it: dates and times become ISO 8601 strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def errors(data: dict[str, Any]) -> list[str]:
    found = VALIDATOR.iter_errors(as_json(data))
    return sorted(f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in found)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_docs_copy_is_identical() -> None:
    published = (ROOT / "docs" / "catalogue.schema.json").read_text(encoding="utf-8")
    assert published == catalogue_schema_text(), "copy the schema to docs/catalogue.schema.json"


def test_the_package_resource_is_the_source_file() -> None:
    source = ROOT / "consent_tui" / "core" / "schema" / "catalogue.schema.json"
    assert catalogue_schema_text() == source.read_text(encoding="utf-8")
    assert catalogue_schema_text().endswith("}\n")


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_sample_validates(path: Any) -> None:
    assert errors(tomllib.loads(path.read_text(encoding="utf-8"))) == []


def test_the_generated_catalogue_validates() -> None:
    assert errors(tomllib.loads(generate(200))) == []


# -- in step with the model


def _entity(name: str) -> dict[str, Any]:
    return DEFS[name]  # type: ignore[no-any-return]


ENTITIES = {
    "policy": model.Policy,
    "document": model.DocumentSettings,
    "layout_table": TableLayout,
    "own_column": OwnColumn,
    "changelog": model.ChangelogEntry,
    "banner": model.Banner,
    "audit": model.AuditSettings,
    "audit_ignore": model.AuditIgnore,
    "category": model.Category,
    "purpose": model.Purpose,
    "service": model.Service,
    "cookie": model.Cookie,
}


@pytest.mark.parametrize("name", list(ENTITIES))
def test_every_model_field_has_a_schema_property_and_back(name: str) -> None:
    fields = {f.name for f in dataclasses.fields(ENTITIES[name])} - {"id", "extra"}
    if name == "document":  # DocumentSettings.layout is written as the layout keys
        fields = fields - {"layout"} | LAYOUT_KEYS
    assert set(_entity(name)["properties"]) == fields


def test_top_level_keys() -> None:
    fields = {f.name for f in dataclasses.fields(model.Catalogue)} - {"extra"}
    assert set(SCHEMA["properties"]) == fields
    assert SCHEMA["properties"]["format_version"]["enum"] == [model.FORMAT_VERSION]


def test_enumerations_are_the_models() -> None:
    props = {name: _entity(name)["properties"] for name in ENTITIES}
    assert props["purpose"]["legal_basis"]["enum"] == list(model.LEGAL_BASES)
    assert props["service"]["party"]["enum"] == list(model.PARTIES)
    assert props["cookie"]["type"]["enum"] == list(model.STORAGE_TYPES)
    assert props["document"]["group_by"]["enum"] == list(GROUPINGS)
    assert props["document"]["rows"]["enum"] == list(ROW_KINDS)
    assert props["document"]["service_cells"]["enum"] == list(SERVICE_CELLS)
    columns = props["document"]["columns"]["items"]["anyOf"][0]["enum"]
    assert columns == list(model.DOCUMENT_COLUMNS), (
        "model.DOCUMENT_COLUMNS changed: update the schema's columns enum "
        "(consent_tui/core/schema/catalogue.schema.json and its docs/ copy) and docs/format.md"
    )


def test_enumeration_values_are_documented_for_editors() -> None:
    for node in _nodes(SCHEMA):
        if "enum" in node and node.get("type") == "string":
            docs = node["x-taplo"]["docs"]["enumValues"]
            assert len(docs) == len(node["enum"]) and all(docs)


# -- friendly to Taplo / Even Better TOML


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema object, except the conditions of if/then (they describe no key)."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key != "if":
                yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def test_every_key_has_a_description() -> None:
    for node in _nodes(SCHEMA):
        for key, prop in node.get("properties", {}).items():
            if "$ref" not in prop:
                assert prop.get("description"), key
    for name, definition in DEFS.items():
        assert definition.get("description"), name


def test_no_ref_has_siblings() -> None:
    """Taplo reads draft 4, where anything beside a $ref is ignored (descriptions too)."""
    for node in _nodes(SCHEMA):
        if "$ref" in node:
            assert list(node) == ["$ref"]


def test_unknown_keys_are_allowed_everywhere() -> None:
    for node in _nodes(SCHEMA):
        if node.get("type") == "object":
            assert node.get("additionalProperties", True) is not False
    data = tomllib.loads((ROOT / "sample_policies" / "minimal.toml").read_text(encoding="utf-8"))
    data["owner"] = "web team"
    data["services"]["cart"]["team"] = "shop"
    data["services"]["cart"]["cookies"][0]["secure"] = True
    assert errors(data) == []


# -- what it refuses


def _minimal() -> dict[str, Any]:
    text = (ROOT / "sample_policies" / "minimal.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("format_version"), "'format_version' is a required property"),
        (lambda d: d.update(format_version=2), "2 is not one of [1]"),
        (lambda d: d["policy"].pop("site_name"), "'site_name' is a required property"),
        (lambda d: d["policy"].update(site_url="www.example.org"), "does not match"),
        (lambda d: d["policy"].update(contact="privacy@example.org"), "does not match"),
        (lambda d: d["policy"].update(languages=["English"]), "does not match"),
        (lambda d: d["categories"]["necessary"].update(consent="yes"), "is not of type 'boolean'"),
        (lambda d: d["categories"]["necessary"].update(title={}), "is not valid under any"),
        (lambda d: d["purposes"]["shopping-cart"].update(legal_basis="gdpr"), "is not one of"),
        (lambda d: d["purposes"]["shopping-cart"].update(tcf_purposes=[12]), "maximum of 11"),
        (lambda d: d["services"]["cart"].update(party="second"), "is not one of"),
        (lambda d: d["services"]["cart"].update(party="third"), "'privacy_policy' is a required"),
        (lambda d: d["services"]["cart"].update(purposes=[]), "should be non-empty"),
        (lambda d: d["services"]["cart"].update(country="France"), "does not match"),
        (lambda d: d["services"]["cart"].update(cookies="x"), "is not of type 'array'"),
        (lambda d: d["services"].update(Cart=d["services"]["cart"]), "does not match"),
        (lambda d: d["services"]["cart"]["cookies"][0].pop("duration"), "'duration' is a required"),
        (
            lambda d: d["services"]["cart"]["cookies"][0].update(duration="forever"),
            "is not valid under any",
        ),
        (lambda d: d["services"]["cart"]["cookies"][0].update(type="flash"), "is not one of"),
        (lambda d: d.update(banner={"revision": -1}), "minimum of 0"),
        (lambda d: d.update(banner={"policy_url": "javascript:x"}), "is not valid under any"),
        (
            lambda d: d["services"]["cart"]["cookies"][0].update(refresh="yes"),
            "is not of type 'boolean'",
        ),
        # an id may name an own column; "Vendor" is no id at all
        (lambda d: d["policy"].update(document={"columns": ["Vendor"]}), "is not valid under any"),
        (lambda d: d["policy"].update(document={"rows": "cookies"}), "is not one of"),
    ],
)
def test_mistakes_are_flagged(change: Any, expected: str) -> None:
    data = _minimal()
    change(data)
    found = errors(data)
    assert len(found) == 1 and expected in found[0], found


def test_a_toml_date_is_required_for_updated() -> None:
    data = _minimal()
    data["policy"]["updated"] = dt.date(2026, 11, 28)
    assert errors(data) == []
    data["policy"]["updated"] = "28/11/2026"
    assert errors(data) != []


# -- the duration pattern agrees with the parser


DURATION_CASES = [
    "session",
    "Session ",
    "PERSISTENT",
    "persistant",
    "13 months",
    "13months",
    "1 Year, 6 Months AND 2 days",
    "1 year and2 months",
    "3 dayand 2 hours",
    "3 days,",
    ", 3 days",
    "and 3 days",
    "1.5 years",
    "P13M",
    "P1Y2M3W4DT5H6M7S",
    "PT30M",
    "P",
    "PT",
    "P1YT",
    "P1H",
    "p1y",
    " P2W ",
    "1 sec",
    "2 mins",
    "٣ days",
    "",
    "9" * 18 + " days",
    "9" * 19 + " days",
    "P" + "9" * 19 + "D",
]


@pytest.mark.parametrize("text", DURATION_CASES)
def test_duration_pattern_matches_the_parser(text: str) -> None:
    assert duration_matches(text) == (try_parse(text) is not None)


_PIECES = [" ", ",", "and", "and ", "1", "13", "0", "P", "T", "Y", "M", "W", "D", "H", "S"]
_PIECES += ["day", "days", "month", "Months", "year", "sec", "min", "mins", "session", "x"]
_pieces = st.sampled_from(_PIECES)


@given(st.lists(_pieces, max_size=8).map("".join))
def test_duration_pattern_agrees_with_the_parser_on_generated_text(text: str) -> None:
    assert duration_matches(text) == (try_parse(text) is not None), text


def test_duration_examples_parse() -> None:
    for example in DEFS["duration"]["examples"]:
        assert try_parse(example) is not None


def test_schema_text_is_stable_json() -> None:
    text = catalogue_schema_text()
    assert json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n" == text
