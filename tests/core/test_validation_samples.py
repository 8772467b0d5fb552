"""Every bundled sample validates with no errors (and, today, with no problem at all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_tui.core.store import load
from consent_tui.core.validation import source_map, validate
from tests.conftest import sample_paths


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_sample_has_no_errors(path: Path) -> None:
    document = load(path)
    problems = validate(document.catalogue, source_map(document.text))
    assert [str(p) for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_sample_is_clean(path: Path) -> None:
    """The samples are examples: they should not teach anything a warning would flag."""
    document = load(path)
    problems = validate(document.catalogue, source_map(document.text))
    assert [(p.rule, p.message, p.line) for p in problems] == []


def test_there_are_samples() -> None:
    names = {p.name for p in sample_paths()}
    assert {"opendatasoft.toml", "news-site.toml", "minimal.toml"} <= names
