"""The ``known_categories`` key: read, kept through edits, written, and typed."""

from __future__ import annotations

from pathlib import Path

from consent_tui.core import store
from consent_tui.core.model import Catalogue, Text, replace
from consent_tui.core.store import load_text, to_data
from tests.core.store_support import changed_lines, rendered

TEXT = """\
format_version = 1

[policy]
site_name = "Example"

# Comfort features, which the database files under Personalization.
[categories.comfort]
title = "Comfort"
consent = true
known_categories = ["Personalization", "Functional"]  # not the strictly necessary ones
"""


def _with_title(catalogue: Catalogue, title: str) -> Catalogue:
    category = catalogue.categories["comfort"]
    categories = {**catalogue.categories, "comfort": replace(category, title=Text.of(title, "en"))}
    return replace(catalogue, categories=categories)


def test_read_into_the_model() -> None:
    category = load_text(TEXT).categories["comfort"]
    assert category.known_categories == ("Personalization", "Functional")
    assert category.extra == {}


def test_an_edit_of_the_category_keeps_it_and_its_comment(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(TEXT, encoding="utf-8")
    document = store.load(path)
    out = rendered(document, _with_title(document.catalogue, "Convenience"))
    removed, added = changed_lines(TEXT, out)
    assert (removed, added) == (['title = "Comfort"\n'], ['title = "Convenience"\n'])


def test_written_by_the_serializer() -> None:
    data = to_data(load_text(TEXT))
    assert data["categories"]["comfort"]["known_categories"] == ["Personalization", "Functional"]


def test_a_value_of_the_wrong_type_is_kept_aside() -> None:
    text = TEXT.replace('["Personalization", "Functional"]', '"Personalization"')
    category = load_text(text).categories["comfort"]
    assert category.known_categories is None
    assert category.extra == {"known_categories": "Personalization"}
