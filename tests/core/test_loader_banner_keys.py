"""``[banner] policy_url`` and a cookie's ``refresh``: loaded, kept when mistyped, written back."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from consent_tui.core import store
from consent_tui.core.export.banner_common import safe_url
from consent_tui.core.model import Banner, Catalogue, Cookie, Text, replace
from consent_tui.core.schema import catalogue_schema
from consent_tui.core.store import load_text, to_data
from consent_tui.core.validation import Problem, validate
from tests.core.test_schema import errors

HEAD = """\
format_version = 1

[policy]
site_name = "Site"
site_url = "https://www.example.org"
controller = "Example SA"
languages = {languages}
"""
SERVICE = """
[categories.statistics]
title = "Statistics"
consent = true

[purposes.audience]
title = "Audience"
description = "To count visits"
legal_basis = "consent"

[services.analytics]
provider = "Analytics Ltd"
function = "Audience measurement"
category = "statistics"
purposes = ["audience"]
party = "first"

[[services.analytics.cookies]]
name = "_id"
duration = "13 months"
{refresh}
"""


def catalogue_text(banner: str = "", refresh: str = "", languages: str = '["en", "fr"]') -> str:
    return HEAD.format(languages=languages) + banner + SERVICE.format(refresh=refresh)


def loaded(text: str) -> Catalogue:
    catalogue = load_text(text)
    assert to_data(catalogue) == tomllib.loads(text)
    return catalogue


def banner_of(catalogue: Catalogue) -> Banner:
    assert catalogue.banner is not None
    return catalogue.banner


def the_cookie(catalogue: Catalogue) -> Cookie:
    (cookie,) = catalogue.services["analytics"].cookies
    return cookie


# -- policy_url


def test_a_policy_url_string_is_a_plain_text_in_the_default_language() -> None:
    text = catalogue_text('\n[banner]\npolicy_url = "https://www.example.org/cookies"\n')
    banner = banner_of(loaded(text))
    assert banner.policy_url == Text({"en": "https://www.example.org/cookies"}, plain=True)
    assert dict(banner.extra) == {}
    french = loaded(catalogue_text('\n[banner]\npolicy_url = "/cookies"\n', languages='["fr"]'))
    assert banner_of(french).policy_url == Text({"fr": "/cookies"}, plain=True)


@pytest.mark.parametrize(
    "banner",
    [
        '\n[banner]\npolicy_url = { en = "/en/cookies", fr = "/fr/cookies" }\n',
        '\n[banner]\nrevision = 2\n\n[banner.policy_url]\nen = "/en/cookies"\nfr = "/fr/cookies"\n',
        '\n[banner]\npolicy_url.en = "/en/cookies"\npolicy_url.fr = "/fr/cookies"\n',
    ],
    ids=["inline", "sub-table", "dotted"],
)
def test_a_policy_url_table_gives_one_url_per_language(banner: str) -> None:
    catalogue = loaded(catalogue_text(banner))
    assert banner_of(catalogue).policy_url == Text({"en": "/en/cookies", "fr": "/fr/cookies"})


@pytest.mark.parametrize(
    ("toml", "value"),
    [
        ("3", 3),
        ('["/cookies"]', ["/cookies"]),
        ("{}", {}),
        ('{ en = "/cookies", fr = 1 }', {"en": "/cookies", "fr": 1}),
        ("true", True),
    ],
)
def test_a_policy_url_of_the_wrong_type_is_kept_in_extra(toml: str, value: object) -> None:
    catalogue = loaded(catalogue_text(f"\n[banner]\nrevision = 1\npolicy_url = {toml}\n"))
    banner = banner_of(catalogue)
    assert banner.policy_url is None
    assert banner.revision == 1
    assert dict(banner.extra) == {"policy_url": value}


# -- refresh


@pytest.mark.parametrize("value", [True, False])
def test_refresh_is_a_boolean_and_false_is_written_back(value: bool) -> None:
    catalogue = loaded(catalogue_text(refresh=f"refresh = {str(value).lower()}"))
    cookie = the_cookie(catalogue)
    assert cookie.refresh is value
    assert dict(cookie.extra) == {}
    assert to_data(catalogue)["services"]["analytics"]["cookies"][0]["refresh"] is value


def test_refresh_is_none_when_the_file_does_not_say() -> None:
    cookie = the_cookie(loaded(catalogue_text()))
    assert cookie.refresh is None
    assert "refresh" not in to_data(loaded(catalogue_text()))["services"]["analytics"]["cookies"][0]


@pytest.mark.parametrize(
    ("toml", "value"), [('"yes"', "yes"), ("1", 1), ("[true]", [True]), ('"true"', "true")]
)
def test_refresh_of_the_wrong_type_is_kept_in_extra(toml: str, value: object) -> None:
    cookie = the_cookie(loaded(catalogue_text(refresh=f"refresh = {toml}")))
    assert cookie.refresh is None
    assert cookie.name == "_id"
    assert dict(cookie.extra) == {"refresh": value}


# -- saved through the store


def test_the_store_writes_the_new_keys_back_byte_for_byte_and_edits_them() -> None:
    text = catalogue_text(
        '\n[banner]\npolicy_url = "https://www.example.org/cookies"  # one for all\n',
        refresh="refresh = false",
    )
    document = store.from_text(text)
    assert store.render(document, document.catalogue) == text
    catalogue = document.catalogue
    banner = replace(banner_of(catalogue), policy_url=Text({"en": "/en", "fr": "/fr"}))
    service = catalogue.services["analytics"]
    cookies = (replace(service.cookies[0], refresh=True),)
    edited = replace(
        catalogue,
        banner=banner,
        services={"analytics": replace(service, cookies=cookies)},
    )
    written = store.render(document, edited)
    assert load_text(written) == edited
    assert written == text.replace(
        'policy_url = "https://www.example.org/cookies"', 'policy_url = { en = "/en", fr = "/fr" }'
    ).replace("refresh = false", "refresh = true")


# -- the JSON Schema


def _with_keys(policy_url: Any = None, refresh: Any = None) -> dict[str, Any]:
    data = tomllib.loads(catalogue_text())
    if policy_url is not None:
        data["banner"] = {"policy_url": policy_url}
    if refresh is not None:
        data["services"]["analytics"]["cookies"][0]["refresh"] = refresh
    return data


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.org/cookies",
        "HTTP://example.org",
        "mailto:privacy@example.org",
        "/cookies",
        "cookies.html",
        "../legal/cookies#list",
        "?page=cookies",
        "//www.example.org/cookies",
    ],
)
def test_the_schema_accepts_the_urls_the_banners_use(url: str) -> None:
    assert safe_url(url)
    assert errors(_with_keys(policy_url=url)) == []
    assert errors(_with_keys(policy_url={"en": url, "fr": "/fr/cookies"})) == []


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:x", "data:text/html,x", "ftp://x", "/a b", '/a"b', ""],
)
def test_the_schema_refuses_the_urls_the_banners_leave_out(url: str) -> None:
    assert not safe_url(url)
    assert len(errors(_with_keys(policy_url=url))) == 1
    assert len(errors(_with_keys(policy_url={"en": "/cookies", "fr": url}))) == 1


@pytest.mark.parametrize("value", [True, False])
def test_the_schema_accepts_refresh(value: bool) -> None:
    assert errors(_with_keys(refresh=value)) == []


@pytest.mark.parametrize(
    ("policy_url", "refresh"),
    [(3, None), ({}, None), ({"EN": "/cookies"}, None), (None, "yes"), (None, 1)],
)
def test_the_schema_refuses_wrong_types(policy_url: Any, refresh: Any) -> None:
    assert len(errors(_with_keys(policy_url=policy_url, refresh=refresh))) == 1


def test_the_schema_describes_both_keys() -> None:
    defs = catalogue_schema()["$defs"]
    assert "policy_url" in defs["banner"]["properties"]
    assert defs["cookie"]["properties"]["refresh"]["type"] == "boolean"


# -- validation reports a mistyped value as a wrong type, never as an unknown key


def key_problems(text: str) -> list[Problem]:
    found = validate(load_text(text))
    return [p for p in found if p.rule in ("wrong-type", "unknown-key")]


@pytest.mark.parametrize(
    ("banner", "refresh", "message"),
    [
        ("\n[banner]\npolicy_url = 3\n", "", "policy_url of [banner] must be a URL string"),
        (
            '\n[banner]\npolicy_url = { en = "/cookies", fr = 2 }\n',
            "",
            "policy_url.fr of [banner] must be a string, not an integer",
        ),
        ("", 'refresh = "yes"', "refresh of cookie `_id` of service `analytics` must be a boolean"),
    ],
)
def test_validation_names_the_expected_type(banner: str, refresh: str, message: str) -> None:
    problems = key_problems(catalogue_text(banner, refresh))
    assert [p.rule for p in problems] == ["wrong-type"]
    assert problems[0].message.startswith(message)


def test_validation_accepts_both_keys() -> None:
    text = catalogue_text('\n[banner]\npolicy_url = "/cookies"\n', "refresh = true")
    assert key_problems(text) == []
