"""docs/format.md stays in step with the format: every key and column, examples that load."""

from __future__ import annotations

import re
import tomllib

import pytest

from consent_tui.core.model import DOCUMENT_COLUMNS, LEGAL_BASES, PARTIES, STORAGE_TYPES
from consent_tui.core.schema import catalogue_schema
from consent_tui.core.store import load_text
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
TOML_BLOCKS = re.findall(r"```toml\n(.*?)```", DOC, flags=re.DOTALL)


def _keys() -> set[str]:
    schema = catalogue_schema()
    keys = set(schema["properties"])
    for definition in schema["$defs"].values():
        keys |= set(definition.get("properties", {}))
    return keys


@pytest.mark.parametrize("key", sorted(_keys()))
def test_every_key_is_documented_in_a_reference_table(key: str) -> None:
    assert f"| `{key}` |" in DOC


@pytest.mark.parametrize(
    "value", [*DOCUMENT_COLUMNS, *LEGAL_BASES, *PARTIES, *STORAGE_TYPES, "session", "persistent"]
)
def test_every_allowed_value_is_documented(value: str) -> None:
    assert f"`{value}`" in DOC


def test_toml_examples_are_valid_toml() -> None:
    assert len(TOML_BLOCKS) >= 10
    for block in TOML_BLOCKS:
        tomllib.loads(block)


def test_the_first_catalogue_is_the_minimal_sample() -> None:
    minimal = (ROOT / "sample_policies" / "minimal.toml").read_text(encoding="utf-8")
    body = minimal.split("\n", 1)[1]  # without its opening comment
    assert TOML_BLOCKS[0] == body
    assert load_text(TOML_BLOCKS[0]).cookie_count() == 1
