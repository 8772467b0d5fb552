"""The bundled samples: complete, translated, consistent, and faithful to their sources."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.generate import generate
from consent_tui.core.durations import parse_duration
from consent_tui.core.model import Catalogue, Text
from consent_tui.core.store import load_text, to_data
from consent_tui.core.validation import validate
from tests.conftest import SAMPLES, sample_paths

EU = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"}
EU |= {"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
EEA = EU | {"IS", "LI", "NO"}
SAMPLE_NAMES = ["fahrradladen", "minimal", "news-site", "opendatasoft"]


def _load(name: str) -> Catalogue:
    return load_text((SAMPLES / f"{name}.toml").read_text(encoding="utf-8"), f"{name}.toml")


def _texts(catalogue: Catalogue) -> Iterator[tuple[str, Text]]:
    """Every translatable text of the catalogue, with where it is."""
    policy = catalogue.policy
    for name in ("title", "intro"):
        value = getattr(policy, name)
        if value is not None:
            yield f"policy.{name}", value
    for key, text in catalogue.document.sections.items():
        yield f"policy.document.sections.{key}", text
    if catalogue.banner is not None and catalogue.banner.policy_url is not None:
        yield "banner.policy_url", catalogue.banner.policy_url
    for kind, table in (("categories", catalogue.categories), ("purposes", catalogue.purposes)):
        for entity_id, entity in table.items():
            for name in ("title", "description"):
                value = getattr(entity, name)
                if value is not None:
                    yield f"{kind}.{entity_id}.{name}", value
    for service_id, service in catalogue.services.items():
        for name in ("function", "location", "description"):
            value = getattr(service, name)
            if value is not None:
                yield f"services.{service_id}.{name}", value
        for index, cookie in enumerate(service.cookies):
            for name in ("duration_note", "description"):
                value = getattr(cookie, name)
                if value is not None:
                    yield f"services.{service_id}.cookies[{index}].{name}", value


def test_the_samples_are_there() -> None:
    assert [p.stem for p in sample_paths()] == SAMPLE_NAMES


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_model_data_equals_the_parsed_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert to_data(load_text(text)) == tomllib.loads(text)


@pytest.mark.parametrize("cookies", [1, 25, 1000])
def test_model_data_equals_the_parsed_generated_catalogue(cookies: int) -> None:
    text = generate(cookies)
    catalogue = load_text(text)
    assert catalogue.cookie_count() == cookies
    assert to_data(catalogue) == tomllib.loads(text)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_no_validation_errors_or_warnings(name: str) -> None:
    problems = [p for p in validate(_load(name)) if p.severity != "info"]
    assert problems == []


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_text_is_in_every_declared_language(name: str) -> None:
    catalogue = _load(name)
    languages = set(catalogue.languages)
    missing = [(where, sorted(languages ^ set(t.languages))) for where, t in _texts(catalogue)]
    assert [m for m in missing if m[1]] == []


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_nothing_unknown_or_mistyped(name: str) -> None:
    catalogue = _load(name)
    extras = [catalogue.extra, catalogue.policy.extra, catalogue.document.extra]
    extras += [catalogue.banner_settings.extra]
    extras += [e.extra for e in catalogue.categories.values()]
    extras += [e.extra for e in catalogue.purposes.values()]
    for service in catalogue.services.values():
        extras += [service.extra, *(c.extra for c in service.cookies)]
    assert [dict(e) for e in extras if e] == []


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_references_resolve_and_everything_is_used(name: str) -> None:
    catalogue = _load(name)
    used_categories = {s.category for s in catalogue.services.values()}
    used_purposes = {p for s in catalogue.services.values() for p in s.purposes or ()}
    assert used_categories == set(catalogue.categories)
    assert used_purposes == set(catalogue.purposes)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_durations_follow_the_rules(name: str) -> None:
    catalogue = _load(name)
    for service in catalogue.services.values():
        exempt = catalogue.categories[service.category or ""].consent is False
        for cookie in service.cookies:
            assert cookie.duration is not None, cookie.name
            duration = parse_duration(cookie.duration)
            if cookie.storage_type == "http_cookie":
                assert duration.kind != "persistent", cookie.name  # browsers cap cookies
            if exempt:
                months = duration.months
                assert months is not None and months <= 13, cookie.name  # CNIL: 13 months


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_third_parties_name_a_policy_and_a_safeguard_outside_the_eea(name: str) -> None:
    catalogue = _load(name)
    for service in catalogue.services.values():
        if service.party == "third":
            assert (service.privacy_policy or "").startswith("https://"), service.id
            assert catalogue.categories[service.category or ""].consent, service.id
        if service.country is not None and service.country not in EEA:
            assert service.safeguard, service.id


def test_opendatasoft_reproduces_the_seed_table() -> None:
    catalogue = _load("opendatasoft")
    rows = [
        (
            s.provider,
            s.function.get("en") if s.function else None,
            s.location.get("en") if s.location else None,
            [c.name for c in s.cookies],
            [catalogue.purposes[p].description.get("en") for p in s.purposes or ()],  # type: ignore[union-attr]
        )
        for s in catalogue.services.values()
    ]
    assert rows == [
        ("Opendatasoft", "Authentication", "front and back office", ["sessionid"],
         ["To remember the user from one page to another"]),
        ("Opendatasoft", "Language selection", "front and back office", ["django_language"],
         ["To remember the visitor's language"]),
        ("Opendatasoft", "API (CSRF)", "front and back office", ["csrftoken"],
         ["To retrieve data via API calls"]),
        ("Opendatasoft", "Choices related to your cookie preferences", None,
         ["cookies_preferences"], ["To remember the visitor's cookie preferences"]),
    ]  # fmt: skip
    assert list(catalogue.categories) == ["necessary"]
    assert catalogue.languages == ("en", "fr")


def test_news_site_covers_what_a_content_site_uses() -> None:
    catalogue = _load("news-site")
    cookies = [(s, c) for s in catalogue.services.values() for c in s.cookies]
    types = {c.storage_type for _, c in cookies}
    assert types == {"http_cookie", "local_storage", "session_storage", "indexed_db", "pixel"}
    names = {c.name for _, c in cookies}
    assert {"_ga", "_ga_*", "_pk_id.*", "_fbp", "fr", "tr", "YSC", "VISITOR_INFO1_LIVE"} <= names
    assert {c.domain for _, c in cookies} >= {".youtube.com", ".doubleclick.net", ".facebook.com"}
    assert [c for c in catalogue.categories.values() if not c.consent] == [
        catalogue.categories["necessary"]
    ]
    assert list(catalogue.categories) == ["necessary", "preferences", "statistics", "marketing"]
    assert {s.party for s, _ in cookies} == {"first", "third"}
    assert any(p.tcf_purposes for p in catalogue.purposes.values())
    assert catalogue.banner is not None and catalogue.banner.revision == 3
    assert catalogue.banner.policy_url is not None
    assert set(catalogue.banner.policy_url.languages) == set(catalogue.languages)
    refreshed = {c.name for _, c in cookies if c.refresh}
    assert refreshed == {"_ga", "_ga_*", "_pk_id.*", "_pk_ses.*"}
    assert any(c.refresh is False for _, c in cookies)
    assert catalogue.document.columns is not None


@pytest.mark.parametrize("name", ["minimal", "news-site"])
def test_function_and_location_read_well_together(name: str) -> None:
    """The document shows "function (location)": a function ending in brackets reads badly.

    opendatasoft.toml keeps the seed's wording as published ("API (CSRF)").
    """
    for service in _load(name).services.values():
        if service.function is None or service.location is None:
            continue
        for lang, function in service.function.values.items():
            assert not function.rstrip().endswith(")"), (service.id, lang, function)


def test_minimal_is_minimal() -> None:
    catalogue = _load("minimal")
    assert len(catalogue.services) == 1
    assert catalogue.cookie_count() == 1
    assert catalogue.languages == ("en",)
    assert catalogue.policy.languages is None
