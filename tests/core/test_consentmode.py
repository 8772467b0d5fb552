"""core/consentmode.py: who grants which Google consent type, regions, suggestions."""

from __future__ import annotations

import pytest

from consent_tui.core import consentmode, store
from consent_tui.core.consentmode import Holder
from consent_tui.core.model import CONSENT_TYPES, Catalogue, Category, Text
from consent_tui.core.reference import codes
from tests.conftest import SAMPLES

TEXT = """\
format_version = 1
[policy]
site_name = "Example"
[categories.necessary]
title = "Necessary"
consent = false
consent_mode = ["security_storage", "security_storage", "nonsense"]
[categories.statistics]
title = "Statistics"
consent = true
consent_mode = ["analytics_storage"]
[categories.marketing]
title = "Marketing"
consent = true
consent_mode = ["ad_user_data", "ad_storage"]
[categories.empty]
title = "Nobody here"
consent = true
consent_mode = ["personalization_storage"]
[categories.plain]
title = "Plain"
consent = true
[services.site]
category = "necessary"
[services.ga]
category = "statistics"
[services.matomo]
category = "statistics"
consent_mode = []
[services.ads]
category = "marketing"
[services.fonts]
category = "plain"
[services.tagged]
category = "plain"
consent_mode = ["functionality_storage"]
"""


def catalogue() -> Catalogue:
    return store.from_text(TEXT).catalogue


def test_a_service_has_its_own_list_else_its_category_s() -> None:
    cat = catalogue()
    types = {sid: consentmode.service_types(cat, s) for sid, s in cat.services.items()}
    assert types == {
        "site": ("security_storage",),  # repeated and unknown values dropped
        "ga": ("analytics_storage",),
        "matomo": (),  # opted out
        "ads": ("ad_storage", "ad_user_data"),  # in CONSENT_TYPES order
        "fonts": None,  # no mapping anywhere
        "tagged": ("functionality_storage",),
    }


def test_holders_are_the_mapped_services_then_the_empty_categories() -> None:
    assert consentmode.holders(catalogue()) == [
        Holder("necessary", "site", ("security_storage",), False),
        Holder("statistics", "ga", ("analytics_storage",), True),
        Holder("marketing", "ads", ("ad_storage", "ad_user_data"), True),
        Holder("plain", "tagged", ("functionality_storage",), True),
        Holder("empty", None, ("personalization_storage",), True),
    ]


def test_the_four_google_types_are_always_sent_with_the_mapped_ones() -> None:
    cat = catalogue()
    assert consentmode.sent_types(cat) == CONSENT_TYPES  # all seven are mapped here
    assert consentmode.uses_consent_mode(cat)
    plain = store.from_text(TEXT.replace("consent_mode", "x")).catalogue
    assert not consentmode.uses_consent_mode(plain)
    only = store.from_text(
        'format_version = 1\n[categories.s]\ntitle = "S"\nconsent = true\n'
        'consent_mode = ["security_storage"]\n'
    ).catalogue
    assert consentmode.sent_types(only) == (*consentmode.CORE_TYPES, "security_storage")


def test_only_types_held_by_necessary_services_alone_are_granted_from_the_start() -> None:
    assert consentmode.always_granted(catalogue()) == ("security_storage",)
    assert "security_storage" not in consentmode.types_needing_consent(catalogue())
    assert len(consentmode.types_needing_consent(catalogue())) == len(CONSENT_TYPES) - 1
    mixed = TEXT.replace(
        'consent_mode = ["analytics_storage"]', 'consent_mode = ["security_storage"]'
    )
    assert consentmode.always_granted(store.from_text(mixed).catalogue) == ()


def test_the_shorthand_expands_to_the_eea_the_eu_territories_the_uk_and_switzerland() -> None:
    codes_ = consentmode.region_codes(["EEA+UK+CH", "US-CA", "FR"])
    eea = set(codes.eea())
    assert len(eea) == 30
    expected = sorted(eea | set(consentmode.EU_TERRITORIES) | {"GB", "CH"})
    assert codes_ == [*expected, "US-CA"]  # FR is in already: each code once
    assert all(codes.is_country(c) for c in consentmode.EU_TERRITORIES)
    assert consentmode.region_codes([]) == []


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("FR", None),
        ("US-CA", None),
        ("ES-CN", None),
        ("EEA+UK+CH", None),
        ("EU", "not an ISO 3166-1 country code"),
        ("XX", "XX is not an ISO 3166-1 country code"),
        ("fr", "not an ISO"),
        ("US-CALIF", "not an ISO"),
        ("eea+uk+ch", "not an ISO"),
        ("", "not an ISO"),
    ],
)
def test_region_problem(code: str, problem: str | None) -> None:
    found = consentmode.region_problem(code)
    assert found == problem if problem is None else problem in (found or "")


def category(cid: str, title: str = "", description: str = "", consent: bool = True) -> Category:
    return Category(
        cid,
        title=Text({"en": title, "fr": title}) if title else None,
        description=Text({"en": description}) if description else None,
        consent=consent,
    )


@pytest.mark.parametrize(
    ("cat", "expected"),
    [
        (category("statistics"), ("analytics_storage",)),
        (category("c1", "Mesure d'audience"), ("analytics_storage",)),
        (category("marketing"), consentmode.AD_TYPES),
        (category("c2", "Cookies", "We show ads based on your interests"), consentmode.AD_TYPES),
        (category("c3", "Other", "Never used for advertising"), ()),
        (
            category("c4", "Advertising measurement"),
            ("ad_storage", "analytics_storage", "ad_user_data", "ad_personalization"),
        ),
        (category("preferences"), ("functionality_storage",)),
        (category("c5", "Personalisation"), ("personalization_storage",)),
        (category("necessary", consent=False), ("security_storage",)),
        (category("c6", "Embedded videos", "They measure nothing"), ()),
    ],
    ids=lambda v: v.id if isinstance(v, Category) else "",
)
def test_suggested_types(cat: Category, expected: tuple[str, ...]) -> None:
    assert consentmode.suggested_types(cat) == expected


def test_suggestions_for_the_sample_are_what_it_maps() -> None:
    news = store.load(SAMPLES / "news-site.toml").catalogue
    for cid in ("statistics", "marketing"):
        cat = news.categories[cid]
        assert consentmode.suggested_types(cat) == cat.consent_mode
    assert consentmode.suggested_types(news.categories["preferences"]) == ("functionality_storage",)
