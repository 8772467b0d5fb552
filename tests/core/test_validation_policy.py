"""Translations, third parties and transfers, consent logic, banner settings."""

from __future__ import annotations

from typing import Any

import pytest

from tests.core.validation_support import check, compose, edited, found, messages

BILINGUAL = '[policy]\nlanguages = ["en", "fr"]\n'

# -- translations


def test_missing_translation_names_the_language() -> None:
    [p] = found(BILINGUAL + "[services.stats]\nfunction = 'Statistics'\n", "missing-translation")
    assert (p.entity_id, p.field, p.language) == ("stats", "function", "fr")
    assert p.message == "function of service `stats` has no français (fr) text"
    assert p.hint == 'write function = { en = "…", fr = "…" }'


def test_empty_translation_is_missing() -> None:
    fragment = BILINGUAL + "[categories.analytics]\ndescription = { en = 'A', fr = ' ' }\n"
    assert messages(fragment, "missing-translation") == [
        "description of category `analytics` is empty in français (fr)"
    ]


def test_cookie_texts_are_checked() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["services"]["site"]["cookies"][0]["description"] = {"en": "Session", "de": "Sitzung"}
        data["services"]["site"]["cookies"][0]["duration_note"] = {"fr": "note"}

    problems = [p for p in check(edited(edit, ["en", "fr"])) if p.entity == "cookie"]
    assert [(p.rule, p.field, p.language) for p in problems] == [
        ("missing-translation", "duration_note", "en"),
        ("undeclared-language", "description", "de"),
        ("missing-translation", "description", "fr"),
    ]


def test_policy_texts_and_document_sections() -> None:
    fragment = BILINGUAL + "[policy.document.sections]\nwhat = { en = 'What is a cookie?' }\n"
    [p] = found(fragment, "missing-translation")
    assert (p.entity, p.field) == ("policy", "document.sections.what")


def test_undeclared_and_invalid_text_languages() -> None:
    fragment = "[categories.necessary]\ntitle = { en = 'N', fr = 'N', english = 'N' }\n"
    problems = [p for p in check(compose(fragment)) if p.entity == "category"]
    assert [(p.rule, p.language) for p in problems] == [
        ("undeclared-language", "fr"),
        ("invalid-language", None),
    ]
    assert problems[0].message == (
        "title of category `necessary` has a français (fr) text, but [policy] languages declares "
        "only en"
    )


def test_an_invalid_declared_language_is_not_expected_in_texts() -> None:
    fragment = '[policy]\nlanguages = ["en", "francais"]\n'
    assert found(fragment, "missing-translation") == []
    assert found(fragment, "invalid-language")


# -- third parties and transfers


def test_third_party_needs_a_privacy_policy() -> None:
    [p] = found("[services.stats]\nparty = 'third'\n", "missing-privacy-policy")
    assert (p.severity, p.field) == ("error", "privacy_policy")
    assert found("[services.stats]\nparty = 'first'\n", "missing-privacy-policy") == []


@pytest.mark.parametrize(
    ("country", "safeguard", "warned"),
    [
        ("US", None, True),
        ("US", "EU-US Data Privacy Framework", False),
        ("IE", None, False),
        ("NO", None, False),
        ("CH", None, True),
        ("XX", None, False),
    ],
)
def test_transfers_outside_the_eea(country: str, safeguard: str | None, warned: bool) -> None:
    fragment = f"[services.stats]\ncountry = '{country}'\n"
    if safeguard:
        fragment += f"safeguard = '{safeguard}'\n"
    assert bool(found(fragment, "transfer-without-safeguard")) is warned


def test_adequacy_countries_get_a_hint() -> None:
    [p] = found("[services.stats]\ncountry = 'CH'\n", "transfer-without-safeguard")
    assert p.message == (
        "service `stats` processes data in Switzerland (CH), outside the EEA, and states no "
        "safeguard"
    )
    assert p.hint is not None and p.hint.startswith("Switzerland (CH) has an adequacy decision")


def test_third_party_without_country_is_info() -> None:
    def edit(data: dict[str, Any]) -> None:
        stats = data["services"]["stats"]
        del stats["country"]
        stats["party"] = "third"
        stats["privacy_policy"] = "https://stats.example/privacy"

    [p] = [p for p in check(edited(edit)) if p.rule == "missing-country"]
    assert (p.severity, p.entity_id) == ("info", "stats")


# -- consent logic


def test_consent_purpose_in_exempt_category() -> None:
    [p] = found(
        "[services.site]\npurposes = ['security', 'analytics']\n", "exempt-category-consent-purpose"
    )
    assert p.message == (
        "service `site` is in `necessary`, which needs no consent, but its purpose `analytics` "
        "relies on consent"
    )


@pytest.mark.parametrize(
    ("purpose", "flagged"),
    [
        ("[purposes.security]\ntitle = 'Retargeting'\n", True),
        ("[purposes.security]\ntitle = 'Publicité ciblée'\n", True),
        ("[purposes.security]\ntcf_purposes = [7]\n", True),
        ("[purposes.security]\ntitle = 'Downloads'\n", False),
        ("[purposes.security]\ntitle = 'Load balancing'\n", False),
    ],
)
def test_advertising_in_exempt_category(purpose: str, flagged: bool) -> None:
    assert bool(found(purpose, "exempt-category-advertising")) is flagged


@pytest.mark.parametrize(
    ("description", "flagged"),
    [
        ("To show ads based on your interests", True),
        ("Lets our partners measure their campaigns (ad serving)", True),
        ("Shares your visits with advertisers", True),
        ({"en": "Partner features", "fr": "Pour afficher des publicités ciblées"}, True),
        ({"en": "Partner features", "fr": "Ne sert à rien d'autre. Mesure la publicité"}, True),
        ("Kundendaten für Werbepartner", True),
        ("Sends email marketing", True),
        ("Never used for advertising", False),
        ("Not used for analytics, advertising or profiling", False),
        ("We don't use it for ads", False),
        ({"en": "Security", "fr": "Jamais utilisé pour la publicité"}, False),
        ({"en": "Security", "fr": "N'est pas utilisé à des fins publicitaires"}, False),
        ("Speichert Ihre Bewerbung", False),
        ("Keine Werbung, nur Sicherheit", False),
        ("Detects ad blockers so the page still loads", False),
        ("Keeps the site ad-free for subscribers", False),
        ("Spreads load across our servers; downloads and uploads", False),
        ("Sets up an ad hoc session for the upload", False),
    ],
)
def test_advertising_judged_from_descriptions(description: Any, flagged: bool) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["policy"]["languages"] = ["en", "fr"]
        data["purposes"]["security"]["description"] = description
        data["categories"]["necessary"]["description"] = "Needed for the site to work."

    problems = [p for p in check(edited(edit)) if p.rule == "exempt-category-advertising"]
    assert [(p.entity, p.entity_id) for p in problems] == ([("service", "site")] if flagged else [])


@pytest.mark.parametrize(
    ("description", "flagged"),
    [
        ("Cookies that pay for the site by showing ads.", True),
        ("Strictly necessary; never used for advertising or marketing.", False),
    ],
)
def test_advertising_category_judged_from_its_description(description: str, flagged: bool) -> None:
    fragment = f"[categories.necessary]\ndescription = '{description}'\n"
    assert bool(found(fragment, "exempt-category-advertising")) is flagged


def test_advertising_category_without_consent() -> None:
    fragment = "[categories.necessary]\ntitle = 'Advertising'\n"
    [p] = found(fragment, "exempt-category-advertising")
    assert (p.entity, p.entity_id, p.field) == ("category", "necessary", "consent")


def test_third_party_in_exempt_category() -> None:
    fragment = "[services.site]\nparty = 'third'\nprivacy_policy = 'https://cdn.example/privacy'\n"
    [p] = found(fragment, "exempt-category-third-party")
    assert p.message == "service `site` is a third party in `necessary`, which needs no consent"


@pytest.mark.parametrize(
    ("basis", "tcf", "warned"),
    [
        ("legitimate_interests", "[1]", True),
        ("legitimate_interests", "[2, 7, 8]", False),
        ("contract", "[5, 6]", True),
        ("consent", "[1, 3, 4]", False),
    ],
)
def test_tcf_purposes_that_need_consent(basis: str, tcf: str, warned: bool) -> None:
    fragment = f"[purposes.security]\nlegal_basis = '{basis}'\ntcf_purposes = {tcf}\n"
    assert bool(found(fragment, "tcf-purpose-needs-consent")) is warned


# -- banner


@pytest.mark.parametrize(
    ("lifetime", "rule"),
    [
        ("6 months", None),
        ("182 days", None),
        ("183 days", None),
        ("26 weeks", None),
        ("7 months", "consent-lifetime-too-long"),
        ("13 months", "consent-lifetime-too-long"),
        ("1 year", "consent-lifetime-too-long"),
        ("session", "invalid-consent-lifetime"),
        ("persistent", "invalid-consent-lifetime"),
        ("0 days", "invalid-consent-lifetime"),
        ("12 hours", "invalid-consent-lifetime"),
        ("1 second", "invalid-consent-lifetime"),
        ("23 hours 59 minutes", "invalid-consent-lifetime"),
        ("PT12H", "invalid-consent-lifetime"),
        ("1 day", None),
        ("24 hours", None),
        ("half a year", "invalid-consent-lifetime"),
        ("1" * 5000 + " days", "invalid-consent-lifetime"),
    ],
)
def test_consent_lifetime(lifetime: str, rule: str | None) -> None:
    problems = [p for p in check(compose(f"[banner]\nconsent_lifetime = '{lifetime}'\n"))]
    assert [p.rule for p in problems] == ([rule] if rule else [])
    if problems:
        assert (problems[0].entity, problems[0].field) == ("banner", "consent_lifetime")


def test_consent_lifetime_message() -> None:
    assert messages("[banner]\nconsent_lifetime = '1 year'\n", "consent-lifetime-too-long") == [
        'consent_lifetime of [banner] is "1 year"; the CNIL recommends asking again after 6 '
        "months at most"
    ]


def test_consent_lifetime_under_a_day_says_why() -> None:
    [p] = found("[banner]\nconsent_lifetime = '12 hours'\n", "invalid-consent-lifetime")
    assert p.severity == "error"
    assert p.message == (
        'consent_lifetime of [banner] is "12 hours", less than one day; Klaro and '
        "vanilla-cookieconsent keep a choice for whole days, so a banner cannot store it for less"
    )
    assert p.hint == 'write a fixed duration of one day or more, such as "6 months" or "182 days"'


def test_revision() -> None:
    assert found("[banner]\nrevision = -1\n", "invalid-revision")
    assert not found("[banner]\nrevision = 0\n", "invalid-revision")
