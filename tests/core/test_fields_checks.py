"""A form's value checks accept exactly what validation accepts (no error) for that field.

Before the field description, the forms had checks of their own (a country was
any two capitals, a contact any e-mail address, a column any word …) that let
values through which ``validate`` then reported as errors.
"""

from __future__ import annotations

from typing import Any

import pytest

from consent_tui.core.fields import entity
from consent_tui.core.fields.checks import check_for, split_list
from tests.core.validation_support import base_data, check, dumps

# (kind, where its table sits in base_data, key, how problems name the field, values typed)
CASES: list[tuple[str, tuple[Any, ...], str, str, list[str]]] = [
    (
        "policy",
        ("policy",),
        "site_url",
        "site_url",
        [
            *("https://www.example.org", "http://example.org/x", "www.example.org"),
            *("https://localhost", "https://exa mple.org", "ftp://example.org", "https://"),
            "https://example.org:99999",
        ],
    ),
    (
        "policy",
        ("policy",),
        "contact",
        "contact",
        [
            *("mailto:privacy@example.org", "privacy@example.org", "mailto:x", "MAILTO:a@b.org"),
            *("https://example.org/contact", "mailto:a@b.org?subject=Cookies", "example.org"),
        ],
    ),
    (
        "policy",
        ("policy",),
        "languages",
        "languages",
        ["en", "en, fr", "english", "en-US", "en-Latn", "xx", "pt-BR", "en-419", "EN"],
    ),
    (
        "service",
        ("services", "site"),
        "country",
        "country",
        ["FR", "ZZ", "UK", "fr", "GB", "FRA", "US"],
    ),
    (
        "service",
        ("services", "site"),
        "privacy_policy",
        "privacy_policy",
        ["https://example.org/privacy", "example.org/privacy", "https://ex ample.org"],
    ),
    (
        "cookie",
        ("services", "site", "cookies", 0),
        "domain",
        "domain",
        [
            *(".example.com", "example.com", "*.example.com", "https://example.com"),
            *("example.com.", "exa_mple.com", "localhost", "192.0.2.1", "example.com/x"),
            "ex ample.com",
        ],
    ),
    (
        "cookie",
        ("services", "site", "cookies", 0),
        "path",
        "path",
        ["/", "/account", "/a b", "/a;b", "account"],
    ),
    (
        "cookie",
        ("services", "site", "cookies", 0),
        "duration",
        "duration",
        ["session", "13 months", "2 weks", "0 days", "persistent", "1.5 years", "P13M"],
    ),
    (
        "document",
        ("policy", "document"),
        "columns",
        "document.columns",
        ["provider, cookies", "vendor", "provider, provider", "Provider"],
    ),
    (
        "purpose",
        ("purposes", "security"),
        "tcf_purposes",
        "tcf_purposes",
        ["1, 3", "12", "1, 1", "0", "11"],
    ),
    (
        "banner",
        ("banner",),
        "consent_lifetime",
        "consent_lifetime",
        ["182 days", "session", "1 hour", "13 months", "2 weks", "0 days", "persistent"],
    ),
    ("banner", ("banner",), "revision", "revision", ["0", "3", "-1"]),
    (
        "banner",
        ("banner",),
        "region",
        "region",
        ["FR", "EEA+UK+CH", "US-CA", "UK", "Europe", "fr", "ZZ"],
    ),
]


def _value(kind: str, key: str, text: str) -> Any:
    """What the form would hand to the model for ``text``."""
    field = entity(kind).field(key)
    if field.type == "ints":
        return [int(i) for i in split_list(text)]
    if field.is_list:
        return split_list(text)
    if field.type == "int":
        return int(text)
    return text


def _node(data: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    node: Any = data
    for part in path:
        if isinstance(node, dict) and part not in node:
            node[part] = {}
        node = node[part]
    return node  # type: ignore[no-any-return]


def _cases() -> list[tuple[str, tuple[Any, ...], str, str, str]]:
    return [(k, p, key, name, text) for k, p, key, name, texts in CASES for text in texts]


@pytest.mark.parametrize(("kind", "path", "key", "name", "text"), _cases())
def test_the_form_and_validation_agree(
    kind: str, path: tuple[Any, ...], key: str, name: str, text: str
) -> None:
    form_check = check_for(entity(kind).field(key))
    assert form_check is not None
    data = base_data(["en"])
    _node(data, path)[key] = _value(kind, key, text)
    errors = [p for p in check(dumps(data)) if p.severity == "error" and p.field == name]
    assert (form_check(text) is None) == (errors == []), (form_check(text), errors)


@pytest.mark.parametrize("text", ["google-analytics", "ga4", "Google", "a b", "-x", "_x", "é"])
def test_an_id_the_form_accepts_is_one_validation_accepts(text: str) -> None:
    form_check = check_for(entity("service").field("id"))
    assert form_check is not None
    data = base_data(["en"])
    data["services"][text] = data["services"].pop("stats")
    errors = [p for p in check(dumps(data)) if p.rule == "invalid-id"]
    assert (form_check(text) is None) == (errors == [])


def test_a_wrong_country_suggests_the_right_one() -> None:
    form_check = check_for(entity("service").field("country"))
    assert form_check is not None
    assert form_check("UK") == (
        "a two-letter ISO 3166 country code in capitals, e.g. FR or US (GB for United Kingdom?)"
    )


def _list_fields() -> list[tuple[str, tuple[Any, ...], str]]:
    where = {
        "policy": ("policy",),
        "document": ("policy", "document"),
        "banner": ("banner",),
        "category": ("categories", "analytics"),
        "purpose": ("purposes", "security"),
        "service": ("services", "site"),
        "cookie": ("services", "site", "cookies", 0),
    }
    return [
        (kind, path, f.key)
        for kind, path in where.items()
        for f in entity(kind).values
        if f.is_list
    ]


@pytest.mark.parametrize(("kind", "path", "key"), _list_fields())
def test_a_list_holding_an_item_of_another_type_names_the_item(
    kind: str, path: tuple[Any, ...], key: str
) -> None:
    """Every described list says which item is wrong (known_categories did not)."""
    data = base_data(["en"])
    wrong = "x" if entity(kind).field(key).type == "ints" else 3
    _node(data, path)[key] = [wrong]
    name = f"document.{key}" if kind == "document" else key
    problems = [p for p in check(dumps(data)) if p.rule == "wrong-type" and p.field == name]
    assert len(problems) == 1 and f"it holds {'a string' if wrong == 'x' else 'an integer'}" in (
        problems[0].message
    ), problems
