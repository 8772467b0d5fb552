"""The known rules: ``known_categories`` checks, and declared cookies against a fixture database."""

from __future__ import annotations

import pytest

from consent_tui.core.known.index import KnownIndex
from consent_tui.core.known.read import read_path
from consent_tui.core.rules import known
from consent_tui.core.store import load_text
from consent_tui.core.validation import Problem, source_map, validate
from tests.core.known_support import SMALL_CSV
from tests.core.validation_support import compose, messages


@pytest.fixture(scope="module")
def index() -> KnownIndex:
    return KnownIndex(read_path(SMALL_CSV).entries)


def _check(text: str, index: KnownIndex | None) -> list[Problem]:
    return validate(load_text(text), source_map(text), index)


def _found(fragment: str, index: KnownIndex, rule: str) -> list[str]:
    return [p.message for p in _check(compose(fragment), index) if p.rule == rule]


@pytest.mark.parametrize("rule", known.DATABASE_RULES, ids=lambda r: r.id)
def test_database_rule_examples(rule: known.Rule, index: KnownIndex) -> None:
    bad = _check(compose(rule.bad), index)
    assert rule.id in [p.rule for p in bad]
    assert all(p.severity == "info" for p in bad if p.rule.startswith("known-"))
    assert [(p.rule, p.message) for p in _check(compose(rule.good), index)] == []


@pytest.mark.parametrize("rule", known.DATABASE_RULES, ids=lambda r: r.id)
def test_database_rules_run_only_with_an_index(rule: known.Rule) -> None:
    assert rule.id not in [p.rule for p in _check(compose(rule.bad), None)]


def test_category_message_names_the_known_facts(index: KnownIndex) -> None:
    fragment = '[[services.site.cookies]]\nname = "_ga"\nduration = "2 years"\n'
    assert _found(fragment, index, "known-category-differs") == [
        "cookie `_ga` of service `site` is in category `necessary`, but the Open Cookie "
        "Database lists it as Analytics (Google Analytics), which maps to `analytics` here"
    ]
    [problem] = [p for p in _check(compose(fragment), index) if p.rule.startswith("known-")]
    assert (problem.entity, problem.entity_id, problem.line) == ("cookie", "site/0", 44)


def test_lifetime_message_and_field(index: KnownIndex) -> None:
    fragment = '[[services.stats.cookies]]\nname = "_ga_X1"\nduration = "400 days"\n'
    [problem] = [p for p in _check(compose(fragment), index) if p.rule.startswith("known-")]
    assert problem.rule == "known-lifetime-differs" and problem.field == "duration"
    assert problem.message == (
        'cookie `_ga_X1` of service `stats` lasts "400 days", but the Open Cookie Database gives '
        "2 years (Google Analytics)"
    )


@pytest.mark.parametrize(
    ("mine", "differs"),
    [
        ("2 years", False),
        ("730 days", False),  # 2 average years are 730.5 days
        ("24 months", False),
        ("P2Y", False),
        ("23 months", True),
        ("session", True),
        ("persistent", True),
        ("not a duration", False),  # invalid-duration's business, not this rule's
    ],
)
def test_lifetimes_within_two_percent_agree(index: KnownIndex, mine: str, differs: bool) -> None:
    fragment = f'[[services.stats.cookies]]\nname = "_ga"\nduration = "{mine}"\n'
    assert bool(_found(fragment, index, "known-lifetime-differs")) is differs


def test_unparsed_retention_is_never_compared(index: KnownIndex) -> None:
    fragment = '[[services.stats.cookies]]\nname = "zt_sync"\nduration = "1 day"\n'
    assert _found(fragment, index, "known-lifetime-differs") == []


THIRD = '[services.stats]\nparty = "third"\n\n'


def test_several_platforms_one_agreeing_is_enough(index: KnownIndex) -> None:
    # sid: Alpha (Functional, Unknown), Beta (Security, 1 day), Gamma (Personalization, Varies)
    fragment = THIRD + '[[services.stats.cookies]]\nname = "sid"\nduration = "1 day"\n'
    assert _found(fragment, index, "known-lifetime-differs") == []
    assert _found(fragment, index, "known-category-differs") == [
        "cookie `sid` of service `stats` is in category `analytics`, but the Open Cookie "
        "Database lists it as Functional (Alpha CMS); Security (Beta Forum); Personalization "
        "(Gamma Chat), which maps to `necessary` here"
    ]
    on_beta = fragment.replace(
        'duration = "1 day"', 'domain = ".beta.example"\nduration = "2 days"'
    )
    assert _found(on_beta, index, "known-lifetime-differs") == [
        'cookie `sid` of service `stats` lasts "2 days", but the Open Cookie Database gives '
        "1 day (Beta Forum)"
    ]


def test_first_party_cookies_skip_other_sites_entries(index: KnownIndex) -> None:
    # `site` is first-party on www.example.org: Alpha's and Beta's sid are other sites' cookies;
    # Gamma's gives no domain, so it may be this one.
    fragment = '[[services.site.cookies]]\nname = "sid"\nduration = "2 days"\n'
    problems = [p.message for p in _check(compose(fragment), index) if p.rule.startswith("known")]
    assert problems == [
        "cookie `sid` of service `site` is in category `necessary`, but the Open Cookie "
        "Database lists it as Personalization (Gamma Chat)"
    ]
    on_beta = fragment + '\n[policy]\nsite_url = "https://www.beta.example"\n'
    problems = [p.message for p in _check(compose(on_beta), index) if p.rule.startswith("known")]
    assert problems == [  # Beta's Security maps to `necessary`: the category agrees
        'cookie `sid` of service `site` lasts "2 days", but the Open Cookie Database gives '
        "1 day (Beta Forum)"
    ]


def test_a_category_nothing_maps_is_not_compared(index: KnownIndex) -> None:
    # shop_px is "Tracking pixels", which no catalogue category stands for; `other` stands
    # for no database category: nothing says they differ ...
    fragment = (
        '[categories.other]\ntitle = "Other"\nconsent = true\n\n'
        '[services.stats]\nparty = "third"\ncategory = "other"\n\n'
        '[[services.stats.cookies]]\nname = "shop_px"\nduration = "session"\n'
    )
    assert _found(fragment, index, "known-category-differs") == []
    # ... until `other` claims a database category: then it differs.
    declared = fragment.replace(
        "consent = true\n", 'consent = true\nknown_categories = ["Analytics"]\n'
    )
    assert _found(declared, index, "known-category-differs") == [
        "cookie `shop_px` of service `stats` is in category `other`, but the Open Cookie "
        "Database lists it as Tracking pixels (Example Shop)"
    ]
    # A first-party service never meets shop_px: it is set on shop.example.
    first = declared.replace('party = "third"', 'party = "first"')
    assert _found(first, index, "known-category-differs") == []
    # The base `analytics` stands for Analytics by its title (unless another category claims
    # Analytics, as `other` did above): shop_px differs there too.
    analytics = fragment.replace('category = "other"', 'category = "analytics"')
    assert _found(analytics, index, "known-category-differs") == [
        "cookie `shop_px` of service `stats` is in category `analytics`, but the Open Cookie "
        "Database lists it as Tracking pixels (Example Shop)"
    ]


def test_known_categories_declared_move_the_comparison(index: KnownIndex) -> None:
    fragment = '[[services.site.cookies]]\nname = "_ga"\nduration = "2 years"\n'
    remapped = (
        fragment + '\n[categories.necessary]\nknown_categories = ["Functional", "Analytics"]\n'
    )
    assert _found(remapped, index, "known-category-differs") == []


def test_known_categories_messages() -> None:
    assert messages(
        '[categories.analytics]\nknown_categories = ["Analytic"]\n', "invalid-known-category"
    ) == [
        "category `analytics` lists 'Analytic' in known_categories, which is not an Open Cookie "
        "Database category"
    ]
    fragment = (
        '[categories.necessary]\nknown_categories = ["Functional", "necessary"]\n\n'
        '[categories.analytics]\nknown_categories = ["statistics", "Functional"]\n'
    )
    assert messages(fragment, "duplicate-known-category") == [  # twice in one category: fine
        "category `analytics` lists Functional in known_categories, as category `necessary` "
        "already does: Functional stays mapped to `necessary`",
    ]
    wrong = '[categories.analytics]\nknown_categories = "Analytics"\n'
    assert messages(wrong, "wrong-type") == [
        "known_categories of category `analytics` must be an array of Open Cookie Database "
        'categories such as ["Analytics"], not a string ("Analytics")'
    ]


def test_validation_without_known_reads_nothing_of_the_database() -> None:
    """No index, no ``known_categories``: the known-cookie code is not even imported."""
    import subprocess
    import sys

    from tests.conftest import ROOT, SAMPLES

    code = (
        "import sys\n"
        "from consent_tui.cli import main\n"
        f"main(['validate', {str(SAMPLES / 'news-site.toml')!r}])\n"
        "print('LOADED:' + ','.join(sorted(m for m in sys.modules if '.core.known' in m)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert out.stdout.splitlines()[-1] == "LOADED:", out.stderr
