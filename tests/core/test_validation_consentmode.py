"""validate: Google consent mode rules (types, [banner] options, unmapped Google tags)."""

from __future__ import annotations

import pytest

from consent_tui.core.model import Cookie, Service
from consent_tui.core.rules.consentmode import google_evidence
from tests.core.validation_support import check, compose, found, messages

GA = """\
[services.google-analytics]
provider = "Google Ireland Limited"
function = "Audience measurement"
category = "analytics"
purposes = ["analytics"]
party = "third"
privacy_policy = "https://policies.google.com/privacy"
country = "IE"
"""


def test_an_unknown_type_is_an_error_with_a_guess() -> None:
    fragment = '[categories.analytics]\nconsent_mode = ["analytics_storag", "ads"]\n'
    problems = found(fragment, "invalid-consent-type")
    assert [p.message for p in problems] == [
        'consent_mode of category `analytics` holds "analytics_storag", not a Google consent type',
        'consent_mode of category `analytics` holds "ads", not a Google consent type',
    ]
    assert problems[0].hint == 'write "analytics_storage"'
    assert problems[0].field == "consent_mode" and problems[0].line is not None


def test_a_repeated_type_on_a_service() -> None:
    fragment = '[services.stats]\nconsent_mode = ["ad_storage", "ad_storage"]\n'
    assert messages(fragment, "invalid-consent-type") == [
        "consent_mode of service `stats` lists ad_storage twice"
    ]


@pytest.mark.parametrize(
    ("region", "hint"),
    [
        ('["EU"]', 'write "EEA+UK+CH", or the country codes'),
        ('["UK"]', 'write "GB"'),
        ('["XX"]', None),
        ('["US-CALIFORNIA"]', None),
    ],
)
def test_a_region_google_cannot_match(region: str, hint: str | None) -> None:
    problems = found(f"[banner]\nregion = {region}\n", "invalid-consent-mode-option")
    assert len(problems) == 1 and problems[0].field == "region"
    if hint is not None:
        assert problems[0].hint == hint


def test_good_regions_and_a_negative_wait() -> None:
    fragment = '[banner]\nregion = ["EEA+UK+CH", "US-CA", "CH"]\nwait_for_update = -5\n'
    assert messages(fragment, "invalid-consent-mode-option") == [
        "wait_for_update of [banner] is -5; it counts milliseconds, 0 or more"
    ]


def test_wrong_types_of_the_new_keys_are_wrong_type_errors_with_a_line_to_write() -> None:
    fragment = (
        '[banner]\nregion = "FR"\nurl_passthrough = "yes"\n'
        '[categories.analytics]\nconsent_mode = "analytics_storage"\n'
    )
    problems = {p.field: p.hint for p in check(compose(fragment)) if p.rule == "wrong-type"}
    assert problems == {
        "region": 'write an array: `region = ["FR"]`',
        "url_passthrough": "write `url_passthrough = true`",
        "consent_mode": 'write an array: `consent_mode = ["analytics_storage"]`',
    }


def test_a_google_service_without_mapping_is_warned_with_a_suggestion() -> None:
    problems = found(GA, "google-service-without-consent-mode")
    assert [p.message for p in problems] == [
        'service `google-analytics` looks like a Google tag (its provider is "Google Ireland '
        'Limited"), but neither it nor its category `analytics` has consent_mode: the banners '
        "cannot tell Google what the visitor chose"
    ]
    assert problems[0].hint is not None
    assert problems[0].hint.startswith(
        'add `consent_mode = ["analytics_storage"]` to [categories.analytics]'
    )
    assert problems[0].line is not None


@pytest.mark.parametrize(
    "mapping",
    [
        '[categories.analytics]\nconsent_mode = ["analytics_storage"]\n',
        'consent_mode = ["analytics_storage"]\n',  # on the service
        "consent_mode = []\n",  # the service says it reads none
    ],
)
def test_a_mapped_or_opted_out_google_service_is_fine(mapping: str) -> None:
    assert found(GA + mapping, "google-service-without-consent-mode") == []


def test_a_necessary_google_service_needs_no_mapping() -> None:
    fragment = GA.replace('category = "analytics"', 'category = "necessary"').replace(
        'purposes = ["analytics"]', 'purposes = ["security"]'
    )
    assert found(fragment, "google-service-without-consent-mode") == []


def service(sid: str, provider: str | None = None, *names: str) -> Service:
    return Service(sid, provider=provider, cookies=tuple(Cookie(name=n) for n in names))


@pytest.mark.parametrize(
    ("svc", "evidence"),
    [
        (service("x", "Google LLC"), 'its provider is "Google LLC"'),
        (service("x", "DoubleClick (Google)"), 'its provider is "DoubleClick (Google)"'),
        (service("x", "Us", "_gcl_au"), 'it sets "_gcl_au"'),
        (service("x", "Us", "_gcl_*"), 'it sets "_gcl_*"'),
        (service("x", "Us", "_ga"), 'it sets "_ga"'),
        (service("x", "Us", "_ga_*"), 'it sets "_ga_*"'),
        (service("x", "Us", "IDE"), 'it sets "IDE"'),
        (service("gtag", "Us"), "its id is `gtag`"),
        (service("google-ads", "Us"), "its id is `google-ads`"),
        (service("x", "Googleplex Bakery", "_gac"), None),  # no word "Google", no such cookie
        (service("x", "Us", "_g*"), None),  # broader than any Google cookie
        (service("x", "Us", "*"), None),
        (service("x", "Us", "_gclid_x"), None),
        (service("analytics", "Matomo", "_pk_id.*"), None),
    ],
)
def test_what_makes_a_google_tag(svc: Service, evidence: str | None) -> None:
    assert google_evidence(svc) == evidence


def test_an_analytics_type_mapped_only_to_necessary_is_warned() -> None:
    fragment = '[categories.necessary]\nconsent_mode = ["security_storage", "ad_storage"]\n'
    problems = found(fragment, "consent-type-without-consent")
    assert [p.message for p in problems] == [
        "ad_storage is mapped only to categories that need no consent (category `necessary` "
        "among them): Google tags are told it is granted to every visitor, unasked"
    ]
    service_level = '[services.site]\nconsent_mode = ["analytics_storage"]\n'
    assert len(found(service_level, "consent-type-without-consent")) == 1
    also = fragment + '[categories.analytics]\nconsent_mode = ["ad_storage"]\n'
    assert found(also, "consent-type-without-consent") == []  # analytics consent holds it too
