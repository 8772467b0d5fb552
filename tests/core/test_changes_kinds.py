"""Every kind of change, one catalogue pair each, classed by its rule; every rule is met."""

from __future__ import annotations

import pytest

from consent_tui.core.changes import RULES
from tests.core.changes_support import BASE, Edit, append, between, found, sub, then

VIDEO = """\
[services.video]
provider = "Video Co"
function = { en = "Videos", fr = "Vidéos" }
category = "analytics"
purposes = ["stats"]
party = "third"
privacy_policy = "https://video.example/privacy"
country = "FR"

[[services.video.cookies]]
name = "vid"
duration = "1 year"
"""
CSRF = '[[services.site.cookies]]\nname = "csrf"\nduration = "1 day"\n\n'
SES = '\n[[services.stats.cookies]]\nname = "_st_ses_*"\nduration = "30 minutes"\n'

Case = tuple[str, Edit, list[tuple[str, str | None, str | None]]]

CASES: list[Case] = [
    # -- material
    ("new service needing consent", append(VIDEO), [("service-added", "video", None)]),
    (
        "service moved into a consent category",
        sub('category = "necessary"', 'category = "analytics"'),
        [("service-moved-to-consent", "site", "category")],
    ),
    (
        "new cookie needing consent",
        append('[[services.stats.cookies]]\nname = "_st_new"\nduration = "1 day"\n'),
        [("cookie-added", "stats/2", None)],
    ),
    (
        "cookie moved into a service needing consent",
        then(
            sub(CSRF, ""), append('[[services.stats.cookies]]\nname = "csrf"\nduration = "1 day"\n')
        ),
        [("cookie-moved-to-consent", "stats/2", "service")],
    ),
    (
        "new purpose used by a service needing consent",
        then(
            sub('purposes = ["stats"]', 'purposes = ["stats", "ads"]'),
            append('[purposes.ads]\ntitle = "Ads"\ndescription = "Ads"\nlegal_basis = "consent"\n'),
        ),
        [("purpose-added", "ads", None), ("service-purpose-added", "stats", "purposes")],
    ),
    (
        "a service needing consent gets a purpose",
        sub('purposes = ["stats"]', 'purposes = ["stats", "security"]'),
        [("service-purpose-added", "stats", "purposes")],
    ),
    (
        "legal basis changed to consent",
        sub('legal_basis = "legitimate_interests"', 'legal_basis = "consent"'),
        [("legal-basis-consent", "security", "legal_basis")],
    ),
    (
        "new TCF purpose",
        sub("tcf_purposes = [1, 8]", "tcf_purposes = [1, 7, 8]"),
        [("tcf-purpose-added", "stats", "tcf_purposes")],
    ),
    (
        "a category now needs consent",
        sub("consent = false", "consent = true"),
        [("category-needs-consent", "necessary", "consent")],
    ),
    (
        "a category now needs consent (consent left out)",
        sub("consent = false\n", ""),
        [("category-needs-consent", "necessary", "consent")],
    ),
    (
        "longer lifetime",
        sub('duration = "6 months"', 'duration = "13 months"'),
        [("lifetime-longer", "stats/0", "duration")],
    ),
    (
        "session cookie made persistent",
        sub('duration = "session"', 'duration = "persistent"'),
        [("lifetime-longer", "site/0", "duration")],
    ),
    (
        "lifetime renewed on each visit",
        sub('duration = "6 months"', 'duration = "6 months"\nrefresh = true'),
        [("lifetime-renewed", "stats/0", "refresh")],
    ),
    (
        "first party becomes third",
        sub('party = "first"', 'party = "third"'),
        [("third-party", "site", "party")],
    ),
    (
        "new country outside the EEA",
        sub(
            'privacy_policy = "https://stats.example/privacy"\ncountry = "FR"',
            'privacy_policy = "https://stats.example/privacy"\ncountry = "US"',
        ),
        [("transfer-country", "stats", "country")],
    ),
    (
        "choices kept longer",
        sub("revision = 2", 'revision = 2\nconsent_lifetime = "13 months"'),
        [("consent-lifetime-longer", None, "consent_lifetime")],
    ),
    # -- informational
    (
        "new service needing no consent",
        append(VIDEO.replace('"analytics"', '"necessary"')),
        [("service-added-without-consent", "video", None)],
    ),
    (
        "service removed",
        sub(BASE[BASE.index("[services.stats]") :], ""),
        [("service-removed", "stats", None)],
    ),
    (
        "service renamed",
        sub(
            "[services.stats]",
            "[services.audience]",
            '[[services.stats.cookies]]\nname = "_st_id"',
            '[[services.audience.cookies]]\nname = "_st_id"',
            SES,
            SES.replace("services.stats", "services.audience"),
        ),
        [("service-renamed", "audience", "id")],
    ),
    (
        "service moved to a category needing no consent",
        sub('category = "analytics"', 'category = "necessary"'),
        [("service-moved", "stats", "category")],
    ),
    (
        "new cookie needing no consent",
        sub(CSRF, CSRF + '[[services.site.cookies]]\nname = "lang"\nduration = "1 year"\n\n'),
        [("cookie-added-without-consent", "site/2", None)],
    ),
    ("cookie removed", sub(CSRF, ""), [("cookie-removed", "site/1", None)]),
    (
        "cookie renamed to a pattern",
        sub('name = "_st_ses_*"', 'name = "_st_ses*"'),
        [("cookie-renamed", "stats/1", "name")],
    ),
    (
        "cookie moved to a service needing no consent",
        then(sub(SES, ""), sub(CSRF, CSRF + SES.strip("\n").replace("stats", "site") + "\n\n")),
        [("cookie-moved", "site/2", "service")],
    ),
    (
        "new purpose nobody needing consent uses",
        append(
            '[purposes.extra]\ntitle = "Extra"\ndescription = "Extra"\nlegal_basis = "consent"\n'
        ),
        [("purpose-added-unused", "extra", None)],
    ),
    (
        "purpose removed",
        then(
            sub(BASE[BASE.index("[purposes.security]") : BASE.index("[purposes.stats]")], ""),
            sub('purposes = ["security"]', "purposes = []"),
        ),
        [("purpose-removed", "security", None), ("service-purpose-removed", "site", "purposes")],
    ),
    (
        "purpose renamed, and the reference with it",
        sub(
            "[purposes.stats]",
            "[purposes.audience]",
            'purposes = ["stats"]',
            'purposes = ["audience"]',
        ),
        [("purpose-renamed", "audience", "id")],
    ),
    (
        "a service needing no consent gets a purpose",
        sub('purposes = ["security"]', 'purposes = ["security", "stats"]'),
        [("service-purpose-added-without-consent", "site", "purposes")],
    ),
    (
        "legal basis changed, not to consent",
        sub('legal_basis = "consent"', 'legal_basis = "legitimate_interests"'),
        [("legal-basis-changed", "stats", "legal_basis")],
    ),
    (
        "TCF purpose removed",
        sub("tcf_purposes = [1, 8]", "tcf_purposes = [1]"),
        [("tcf-purpose-removed", "stats", "tcf_purposes")],
    ),
    (
        "category added",
        append('[categories.ads]\ntitle = "Ads"\nconsent = true\n'),
        [("category-added", "ads", None)],
    ),
    (
        "category removed",
        then(
            sub(
                '[categories.analytics]\ntitle = { en = "Analytics", fr = "Statistiques" }\n'
                "consent = true\n\n",
                "",
            ),
        ),
        [("category-removed", "analytics", None)],
    ),
    (
        "category renamed, and the reference with it",
        sub(
            "[categories.analytics]",
            "[categories.statistics]",
            'category = "analytics"',
            'category = "statistics"',
        ),
        [("category-renamed", "statistics", "id")],
    ),
    (
        "a category no longer needs consent",
        sub("consent = true", "consent = false"),
        [("category-consent-dropped", "analytics", "consent")],
    ),
    (
        "shorter lifetime",
        sub('duration = "6 months"', 'duration = "3 months"'),
        [("lifetime-shorter", "stats/0", "duration")],
    ),
    (
        "lifetime in other words",
        sub('duration = "6 months"', 'duration = "P6M"'),
        [("lifetime-reworded", "stats/0", "duration")],
    ),
    (
        "third party becomes first",
        sub('party = "third"', 'party = "first"'),
        [("party-changed", "stats", "party")],
    ),
    (
        "country within the EEA",
        sub(
            'privacy_policy = "https://stats.example/privacy"\ncountry = "FR"',
            'privacy_policy = "https://stats.example/privacy"\ncountry = "DE"',
        ),
        [("country-changed", "stats", "country")],
    ),
    (
        "choices kept shorter",
        sub("revision = 2", 'revision = 2\nconsent_lifetime = "3 months"'),
        [("consent-lifetime-shorter", None, "consent_lifetime")],
    ),
    (
        "revision raised",
        sub("revision = 2", "revision = 3"),
        [("revision-changed", None, "revision")],
    ),
    (
        "wording in one language",
        sub(
            'function = { en = "Audience", fr = "Audience" }',
            'function = { en = "Audience", fr = "Mesure d\'audience" }',
        ),
        [("text-changed", "stats", "function")],
    ),
    (
        "changelog entry added",
        sub(
            'languages = ["en", "fr"]\n',
            'languages = ["en", "fr"]\n\n[[policy.changelog]]\ndate = 2026-03-01\ntext = "New"\n',
        ),
        [("changelog-changed", None, "changelog")],
    ),
    (
        "other fields",
        sub(
            'provider = "Stats Inc."',
            'provider = "Stats SAS"',
            'name = "_st_id"',
            'name = "_st_id"\ndomain = ".shop.example"',
            'site_name = "Shop"',
            'site_name = "The Shop"',
        ),
        [
            ("field-changed", None, "site_name"),
            ("field-changed", "stats", "provider"),
            ("field-changed", "stats/0", "domain"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "edit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_change_is_found_and_classed(
    name: str, edit: Edit, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert found(edit) == expected


def test_every_rule_is_met_by_a_case() -> None:
    met = {rule for _, edit, _ in CASES for rule, _, _ in found(edit)}
    assert met == set(RULES)


@pytest.mark.parametrize(("name", "edit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_material_is_what_the_rule_says(
    name: str, edit: Edit, expected: list[tuple[str, str | None, str | None]]
) -> None:
    comparison = between(BASE, edit(BASE))
    assert comparison.is_material == any(RULES[rule].material for rule, _, _ in expected)
    assert all(c.impact == RULES[c.rule].impact for c in comparison.changes)


def test_a_text_changed_in_two_languages_is_two_changes() -> None:
    both = sub(
        'function = { en = "Audience", fr = "Audience" }',
        'function = { en = "Audience measurement " , fr = "Mesure d\'audience, ' + "x" * 80 + '" }',
    )
    changes = between(BASE, both(BASE)).changes
    assert [(c.rule, c.language) for c in changes] == [
        ("text-changed", "en"),
        ("text-changed", "fr"),
    ]
    assert changes[1].detail == (
        'function (fr) "Audience" → "Mesure d\'audience, ' + "x" * 38 + '…"'
    )
