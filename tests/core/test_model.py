"""The model: translatable texts, defaults, and immutability."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from consent_tui.core import model
from consent_tui.core.model import (
    DEFAULT_COLUMNS,
    DEFAULT_CONSENT_LIFETIME,
    DOCUMENT_COLUMNS,
    Banner,
    Catalogue,
    Cookie,
    Policy,
    Service,
    Text,
    text_in,
)


def test_with_value_sets_a_language_keeping_order() -> None:
    text = Text({"en": "Cookies", "fr": "Témoins"})
    changed = text.with_value("fr", "Cookies (fr)")
    assert dict(changed.values) == {"en": "Cookies", "fr": "Cookies (fr)"}
    assert list(changed.values) == ["en", "fr"]
    assert dict(text.values) == {"en": "Cookies", "fr": "Témoins"}  # the original is untouched


def test_with_value_adds_and_removes_languages() -> None:
    text = Text({"en": "Cookies"})
    added = text.with_value("fr", "Cookies")
    assert added.languages == ("en", "fr")
    removed = added.with_value("en", None)
    assert removed.languages == ("fr",)
    assert removed.with_value("de", None) == removed  # removing an absent language is a no-op


def test_with_value_keeps_plain_style_only_for_the_same_language() -> None:
    plain = Text.of("Cookies", "en")
    assert plain.plain
    assert plain.with_value("en", "Cookies policy") == Text({"en": "Cookies policy"}, plain=True)
    # a second language cannot be written as a bare string
    assert not plain.with_value("fr", "Cookies").plain
    assert not plain.with_value("en", None).plain


def test_get_and_text_in_fall_back() -> None:
    text = Text({"en": "Cookies"})
    assert text.get("en") == "Cookies"
    assert text.get("fr") is None
    assert text.get("fr", "en") == "Cookies"
    assert text_in(text, "fr", "en") == "Cookies"
    assert text_in(text, "fr") == ""
    assert text_in(None, "en", "en") == ""


def test_defaults_when_the_file_leaves_things_out() -> None:
    catalogue = Catalogue()
    assert catalogue.languages == ("en",)
    assert catalogue.default_language == "en"
    assert catalogue.document.effective_columns == DEFAULT_COLUMNS
    assert catalogue.banner_settings.effective_lifetime == DEFAULT_CONSENT_LIFETIME == "182 days"
    assert Banner(consent_lifetime="6 months").effective_lifetime == "6 months"
    policy = Policy(languages=("fr", "en"))
    assert policy.default_language == "fr"
    assert Catalogue(policy=policy).languages == ("fr", "en")


def test_document_columns() -> None:
    assert set(DEFAULT_COLUMNS) <= set(DOCUMENT_COLUMNS)
    assert len(set(DOCUMENT_COLUMNS)) == len(DOCUMENT_COLUMNS)
    for column in DOCUMENT_COLUMNS:
        assert column.isidentifier() and column.islower()


def test_cookie_helpers() -> None:
    assert Cookie(name="_ga_*").is_pattern
    assert not Cookie(name="_ga").is_pattern
    assert not Cookie().is_pattern
    assert Cookie().storage_type == "http_cookie"
    assert Cookie(type="pixel").storage_type == "pixel"


def test_catalogue_queries() -> None:
    services = {
        "a": Service("a", category="necessary", purposes=("auth",), cookies=(Cookie(), Cookie())),
        "b": Service("b", category="marketing", purposes=("ads", "auth")),
    }
    catalogue = Catalogue(services=services)
    assert catalogue.cookie_count() == 2
    assert catalogue.services_using_purpose("auth") == ["a", "b"]
    assert catalogue.services_in_category("marketing") == ["b"]


def test_entities_are_frozen_and_replace_makes_new_ones() -> None:
    policy = Policy(site_name="A", updated=dt.date(2026, 1, 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.site_name = "B"  # type: ignore[misc]
    changed = model.replace(policy, site_name="B")
    assert (policy.site_name, changed.site_name) == ("A", "B")
    assert changed.updated is policy.updated


def test_the_shared_empty_mapping_is_read_only() -> None:
    with pytest.raises(TypeError):
        Cookie().extra["x"] = 1  # type: ignore[index]
