"""Required fields, types and allowed values, references, unknown keys."""

from __future__ import annotations

from typing import Any

import pytest

from consent_tui.core.rules.base import as_hint
from consent_tui.core.rules.values import INVALID_LANGUAGE
from consent_tui.core.store import load_text
from consent_tui.core.validation import validate
from tests.core.validation_support import check, compose, edited, found, messages, rules_of

SERVICE = """\
[services.video]
provider = "Video Host Inc."
function = "Embedded videos"
category = "analytics"
purposes = ["analytics"]
party = "first"
country = "FR"
"""

# -- required


def test_missing_required_fields_are_named_one_by_one() -> None:
    problems = found("[services.video]\nprovider = 'V'\n", "missing-required-field")
    # in the order of the file, the form and the schema's `required`
    assert [p.field for p in problems] == ["function", "category", "purposes", "party"]
    assert problems[0].message == "service `video` has no function"
    assert problems[0].hint == 'add `function = "Audience measurement"` to service `video`'
    assert {(p.entity, p.entity_id) for p in problems} == {("service", "video")}


def test_required_text_needs_the_default_language() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["categories"]["necessary"]["title"] = {"en": "N"}

    problems = check(edited(edit, ["fr", "en"]))
    [problem] = [p for p in problems if p.rule == "missing-required-field"]
    assert problem.message == (
        "title of category `necessary` has no text in the default language, français (fr)"
    )
    assert problem.language == "fr"
    # the default language is not reported a second time as a missing translation
    assert [p for p in problems if p.rule == "missing-translation"] == []


def test_blank_required_values_are_missing() -> None:
    problems = found('[services.site]\nprovider = "  "\npurposes = []\n', "missing-required-field")
    assert [p.message for p in problems] == [
        "service `site` has an empty provider",
        "service `site` lists no purposes",
    ]


def test_wrong_type_is_not_also_missing() -> None:
    problems = check(compose("[categories.analytics]\nconsent = 'true'\n"))
    assert rules_of(problems) == ["wrong-type"]


def test_cookie_without_name() -> None:
    [p] = found('[[services.site.cookies]]\nduration = "session"\n', "missing-required-field")
    assert (p.entity_id, p.field, p.message) == (
        "site/0",
        "name",
        "cookie #1 of service `site` has no name",
    )


def test_empty_optional_values() -> None:
    fragment = (
        '[[services.site.cookies]]\nname = "s"\nduration = "session"\npath = " "\ntype = ""\n'
    )
    assert [p.field for p in found(fragment, "empty-value")] == ["type", "path"]
    assert found("[policy]\nlanguages = []\n", "empty-value")[0].field == "languages"


def test_missing_contact_and_legal_basis() -> None:
    assert found("[policy]\ncontact = ''\n", "missing-contact")
    assert not found("[policy]\ncontact = 'https://example.org/contact'\n", "missing-contact")
    [p] = found("[purposes.security]\nlegal_basis = ' '\n", "missing-legal-basis")
    assert p.message == "purpose `security` has an empty legal_basis"


def test_no_services() -> None:
    text = 'format_version = 1\n[policy]\nsite_name = "x"\n'
    assert "no-services" in rules_of(validate(load_text(text)))


# -- types and values


@pytest.mark.parametrize(
    ("fragment", "message", "hint"),
    [
        (
            "[categories.analytics]\nconsent = 'false'\n",
            "consent of category `analytics` must be a boolean (true or false, without quotes), "
            'not a string ("false")',
            "write `consent = false`",
        ),
        (
            "[policy]\nupdated = '2026-11-28'\n",
            "updated of [policy] must be a TOML date such as 2026-11-28 (without quotes), "
            'not a string ("2026-11-28")',
            "write the date without quotes: `updated = 2026-11-28`",
        ),
        (
            "[services.stats]\npurposes = 'analytics'\n",
            'purposes of service `stats` must be an array of purpose ids such as ["analytics"], '
            'not a string ("analytics")',
            'write an array: `purposes = ["analytics"]`',
        ),
        (
            "[policy]\nsite_name = 42\n",
            "site_name of [policy] must be a string, not an integer (42)",
            'write it in quotes: `site_name = "42"`',
        ),
        (
            "[banner]\nrevision = '3'\n",
            'revision of [banner] must be an integer, not a string ("3")',
            "write the number without quotes: `revision = 3`",
        ),
    ],
)
def test_wrong_type_messages(fragment: str, message: str, hint: str) -> None:
    [p] = found(fragment, "wrong-type")
    assert (p.message, p.hint) == (message, hint)


def test_wrong_type_inside_texts_and_arrays() -> None:
    [p] = found("[categories.analytics]\ntitle = { en = 'A', fr = 1 }\n", "wrong-type")
    assert p.message == "title.fr of category `analytics` must be a string, not an integer"
    assert p.language == "fr"
    [p] = found("[purposes.analytics]\ntcf_purposes = [1, '2']\n", "wrong-type")
    assert 'it holds a string ("2"), not an integer' in p.message
    [p] = found("[policy.document]\nsections = { intro = 3 }\n", "wrong-type")
    assert p.field == "document.sections" and "section `intro`" in p.message


def test_invalid_values_suggest_the_nearest() -> None:
    assert found("[services.stats]\nparty = 'Third'\n", "invalid-value")[0].hint == (
        'write `party = "third"`'
    )
    assert (
        found(
            '[[services.site.cookies]]\nname = "s"\nduration = "session"\ntype = "localStorage"\n',
            "invalid-value",
        )[0].hint
        == 'write `type = "local_storage"`'
    )
    p = found("[purposes.analytics]\nlegal_basis = 'because'\n", "invalid-value")[0]
    assert p.hint is not None and p.hint.startswith('use "consent", "contract"')


def test_invalid_ids_suggest_a_slug() -> None:
    text = compose('[categories."Ads & Partners"]\ntitle = "Ads"\nconsent = true\n')
    [p] = [p for p in check(text) if p.rule == "invalid-id"]
    assert (p.entity, p.entity_id) == ("category", "Ads & Partners")
    assert p.hint == "rename it to `ads-partners` and update the references to it"


@pytest.mark.parametrize(
    ("country", "hint"),
    [
        ("fr", 'write `country = "FR"` (France)'),
        ("UK", 'write `country = "GB"` (United Kingdom)'),
        ("Germany", 'write `country = "DE"` (Germany)'),
        ("USA", 'write `country = "US"` (United States)'),
        ("XX", None),
    ],
)
def test_invalid_country_hints(country: str, hint: str | None) -> None:
    [p] = found(f"[services.stats]\ncountry = '{country}'\n", "invalid-country")
    assert p.hint == hint or (hint is None and p.hint and "two-letter" in p.hint)


@pytest.mark.parametrize(
    "tag", ["en", "pt-BR", "es-419", "zh-TW", "zh-Hant", "sr-Latn", "de-CH", "fil", "gsw"]
)
def test_valid_language_tags(tag: str) -> None:
    assert found(f"[policy]\nlanguages = ['{tag}']\n", "invalid-language") == []


@pytest.mark.parametrize(
    ("tag", "hint"),
    [
        ("pt_br", 'write "pt-BR" (português)'),
        ("EN", 'write "en" (English)'),
        ("eng", 'write "en" (English)'),
        ("zh-hant", 'write "zh-Hant" (中文)'),
        ("german", 'write "de" (Deutsch)'),
        ("français", 'write "fr" (français)'),
        ("iw", 'write "he" (עברית)'),
        ("xx", as_hint(INVALID_LANGUAGE.fix)),
        ("en-", as_hint(INVALID_LANGUAGE.fix)),
        ("en US", as_hint(INVALID_LANGUAGE.fix)),
    ],
)
def test_invalid_language_tags(tag: str, hint: str | None) -> None:
    [p] = found(f"[policy]\nlanguages = ['en', '{tag}']\n", "invalid-language")
    assert p.field == "languages"
    assert p.message == f'"{tag}" in languages of [policy] is not a valid language tag (BCP 47)'
    assert p.hint == hint


def test_duplicate_language() -> None:
    [p] = found("[policy]\nlanguages = ['en', 'fr', 'en']\n", "duplicate-language")
    assert p.message == "languages of [policy] names English (en) twice"


def test_tcf_purposes_range_and_repeats() -> None:
    assert messages(
        "[purposes.analytics]\ntcf_purposes = [0, 11, 8, 8]\n", "invalid-tcf-purpose"
    ) == [
        "tcf_purposes of purpose `analytics` holds 0; IAB TCF v2.2 purposes are 1 to 11",
        "tcf_purposes of purpose `analytics` lists purpose 8 twice",
    ]


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("a;b", True),
        ("a=b", True),
        (" a", True),
        ("a\x01b", True),
        ("__Host-id", False),
        ("_pk_id.1.*", False),
    ],
)
def test_http_cookie_names(name: str, bad: bool) -> None:
    escaped = name.replace("\x01", "\\u0001")
    fragment = f'[[services.site.cookies]]\nname = "{escaped}"\nduration = "session"\n'
    assert bool(found(fragment, "invalid-cookie-name")) is bad


def test_storage_keys_may_hold_any_character() -> None:
    fragment = (
        '[[services.site.cookies]]\nname = "a:b=c; d"\ntype = "local_storage"\n'
        'duration = "persistent"\n'
    )
    assert found(fragment, "invalid-cookie-name") == []


# -- references


def test_unknown_references_with_suggestions() -> None:
    fragment = "[services.stats]\ncategory = 'analytic'\npurposes = ['analytics', 'ads', 'ads']\n"
    problems = check(compose(fragment))
    by_rule = {p.rule: p for p in problems}
    assert by_rule["unknown-category"].hint == 'did you mean "analytics"?'
    assert by_rule["unknown-purpose"].message == (
        "service `stats` names purpose `ads`, which is not defined"
    )
    assert (
        by_rule["unknown-purpose"].hint
        == "use one of: security, analytics; or define [purposes.ads]"
    )
    assert rules_of(problems).count("unknown-purpose") == 1
    assert by_rule["duplicate-reference"].message == "service `stats` lists purpose `ads` twice"


def test_unused_category_and_purpose_are_info() -> None:
    fragment = (
        SERVICE.replace("video", "v2") + "\n[categories.extra]\ntitle = 'E'\nconsent = true\n"
    )
    [p] = found(fragment, "unused-category")
    assert (p.severity, p.entity_id) == ("info", "extra")
    text = compose("[purposes.extra]\ntitle = 'E'\ndescription = 'E'\nlegal_basis = 'consent'\n")
    assert [p.entity_id for p in check(text) if p.rule == "unused-purpose"] == ["extra"]


# -- unknown keys


@pytest.mark.parametrize(
    ("fragment", "entity", "field", "hint"),
    [
        ("colour = 1\n", "catalogue", "colour", None),
        ("[policy]\nsite_nmae = 'x'\n", "policy", "site_nmae", "did you mean `site_name`?"),
        (
            "[policy.document]\ncolums = ['provider']\n",
            "policy",
            "document.colums",
            "did you mean `columns`?",
        ),
        (
            "[banner]\nconsent_lifetme = '6 months'\n",
            "banner",
            "consent_lifetme",
            "did you mean `consent_lifetime`?",
        ),
        (
            "[categories.analytics]\nconsnet = true\n",
            "category",
            "consnet",
            "did you mean `consent`?",
        ),
        ("[purposes.analytics]\nlegal = 'x'\n", "purpose", "legal", None),
        ("[services.stats]\nprivacy_url = 'x'\n", "service", "privacy_url", None),
        (
            '[[services.site.cookies]]\nname = "s"\nduration = "session"\nexpires = "x"\n',
            "cookie",
            "expires",
            None,
        ),
    ],
)
def test_unknown_keys_everywhere(fragment: str, entity: str, field: str, hint: str | None) -> None:
    [p] = found(fragment, "unknown-key")
    assert (p.entity, p.field, p.severity) == (entity, field, "warning")
    assert f"`{field}`" in p.message
    if hint:
        assert p.hint == hint


def test_document_columns_and_sections() -> None:
    [p] = found("[policy.document]\ncolumns = ['provider', 'cookie']\n", "invalid-value")
    assert (p.entity, p.field, p.hint) == ("policy", "document.columns", 'write "cookies"')
    fragment = "[policy.document.sections]\nmanage_consent = 'x'\nintroduction = 'y'\n"
    [p] = found(fragment, "unknown-section")
    assert p.message == "[policy.document] sections has no standard section `introduction`"
    assert p.hint == "did you mean `intro`?"


def test_messages_never_carry_terminal_controls() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["services"]["site"]["cookies"] = [{"name": "evil\x1b[31m\u202e\n", "duration": "x"}]

    [p] = [p for p in check(edited(edit)) if p.rule == "invalid-duration"]
    assert p.message.startswith("duration of cookie `evil\\x1b[31m\\u202e\\n` of service `site`")


def test_a_repeated_document_column() -> None:
    fragment = "[policy.document]\ncolumns = ['provider', 'cookies', 'provider', 'bogus']\n"
    problems = [p for p in check(compose(fragment)) if p.field == "document.columns"]
    assert [(p.rule, p.severity) for p in problems] == [
        ("duplicate-column", "warning"),
        ("invalid-value", "error"),
    ]
    assert problems[0].message == (
        'columns of [policy.document] names "provider" twice; the document would show it twice'
    )
    assert problems[0].hint == (
        'remove the repeated id, or use a column not listed yet: "function_location", '
        '"purposes", "duration", "type", "party", "domain", "description", "privacy_policy", '
        '"service", "function", "location", "category", "purpose_titles", "path", '
        '"cookie_description", "service_description", "country" or "safeguard"'
    )
    assert problems[0].line is not None
    assert found("[policy.document]\ncolumns = ['provider', 'cookies']\n", "duplicate-column") == []


def test_a_mistyped_section_does_not_hide_the_others() -> None:
    fragment = (
        '[policy]\nlanguages = ["en", "fr"]\n'
        "[policy.document.sections]\nmanage_cookies = 'x'\nwhat_is_a_cookie = { en = 'y' }\n"
        "intro = 3\n"
        "browser_settings = { en = 'z', fr = 'z' }\ntitle = []\n"
    )
    problems = [p for p in check(compose(fragment)) if p.entity == "policy"]
    assert [(p.rule, p.field, p.language) for p in problems] == [
        ("wrong-type", "document.sections", None),
        ("wrong-type", "document.sections", None),
        ("unknown-section", "document.sections.manage_cookies", None),
        ("missing-translation", "document.sections.manage_cookies", "fr"),
        ("missing-translation", "document.sections.what_is_a_cookie", "fr"),
    ]
    assert [p.line for p in problems] == [18, 19, 17, 17, 21]
    assert problems[0].hint == (
        'write `intro = "…"` under [policy.document.sections], or one text per language as a table'
    )
