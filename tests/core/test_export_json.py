"""The JSON export: valid against its published schema, normalised, complete."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from benchmarks.generate import generate
from consent_tui.core import model
from consent_tui.core.export import registry
from consent_tui.core.export.jsonexport import normalise, schema_text
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load, load_text
from tests.conftest import ROOT, SAMPLES, sample_paths

HOSTILE = ROOT / "tests" / "golden" / "export" / "inputs" / "hostile.toml"


def exported(catalogue: Catalogue) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(registry.get("json").render(catalogue, ExportOptions()).text)
    return data


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(schema_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("path", [*sample_paths(), HOSTILE], ids=lambda p: p.stem)
def test_exports_are_valid_against_the_schema(
    validator: jsonschema.protocols.Validator, path: Path
) -> None:
    validator.validate(exported(load(path).catalogue))


def test_a_generated_catalogue_and_an_empty_one_are_valid(
    validator: jsonschema.protocols.Validator,
) -> None:
    validator.validate(exported(load_text(generate(300))))
    validator.validate(exported(load_text("format_version = 1\n")))


def test_the_schema_rejects_what_it_should(validator: jsonschema.protocols.Validator) -> None:
    data = exported(load(SAMPLES / "opendatasoft.toml").catalogue)
    data["services"][0]["cookies"][0]["duration"]["seconds"] = "two weeks"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_the_docs_copy_is_the_published_schema() -> None:
    assert (ROOT / "docs" / "export.schema.json").read_text(encoding="utf-8") == schema_text()


def test_durations_references_and_languages_are_normalised() -> None:
    data = exported(load(SAMPLES / "news-site.toml").catalogue)
    assert data["languages"] == ["en", "fr"] and data["default_language"] == "en"
    ga = next(s for s in data["services"] if s["id"] == "google-analytics")
    assert ga["category"]["id"] == "statistics" and ga["category"]["consent"] is True
    assert [p["id"] for p in ga["purposes"]] == ["audience-measurement"]
    assert ga["purposes"][0]["title"] == {"en": "Audience measurement", "fr": "Mesure d'audience"}
    cookie = ga["cookies"][1]
    assert cookie["name"] == "_ga_*" and cookie["pattern"] is True
    assert re.fullmatch(cookie["regex"], "_ga_ABC123") and not re.fullmatch(cookie["regex"], "_ga")
    assert cookie["duration"] == {
        "text": "13 months",
        "kind": "fixed",
        "seconds": 13 * 2629746,
        "label": {"en": "13 months", "fr": "13 mois"},
    }
    assert data["banner"]["consent_lifetime"]["seconds"] == 6 * 2629746
    assert data["counts"] == {
        "services": len(data["services"]),
        "cookies": sum(len(s["cookies"]) for s in data["services"]),
    }


def test_plain_strings_become_language_maps_and_missing_references_are_marked() -> None:
    catalogue = load_text(
        'format_version = 1\n[services.s]\nprovider = "P"\nfunction = "Sign-in"\n'
        'category = "ghost"\npurposes = ["nothing"]\n'
        '[[services.s.cookies]]\nname = "x"\nduration = "soon"\n'
    )
    data = normalise(catalogue)
    service = data["services"][0]
    assert service["function"] == {"en": "Sign-in"}
    assert service["category"] == {"id": "ghost", "missing": True}
    assert service["purposes"] == [{"id": "nothing", "missing": True}]
    assert service["cookies"][0]["duration"] == {
        "text": "soon",
        "kind": None,
        "seconds": None,
        "label": None,
    }


def test_bidi_controls_are_escaped_not_lost() -> None:
    catalogue = load_text('format_version = 1\n[policy]\nsite_name = "a\\u202eb"\n')
    text = registry.get("json").render(catalogue, ExportOptions()).text
    assert "\u202e" not in text and "a\\u202eb" in text
    assert json.loads(text)["policy"]["site_name"] == "a\u202eb"


# Model fields the JSON export leaves out, and why; and those it writes elsewhere.
# extra: unknown keys and values of the wrong type, not catalogue data; known_categories:
# how consent-tui maps the Open Cookie Database's categories (docs/known.md), not policy data;
# review: a mark for the catalogue's editors (a draft not yet checked), never for visitors.
NOT_EXPORTED = {"extra", "known_categories", "review"}
# [audit] configures `consent-tui audit` (names not to report): nothing a visitor reads.
NOT_EXPORTED_TABLES = {model.AuditSettings, model.AuditIgnore}
NOT_EXPORTED_FIELDS = {(model.Catalogue, "audit")}
# Present only when the catalogue writes them (earlier exports stay as they were):
# tested with a catalogue that has them, in tests/core/test_layout_json.py.
ONLY_WHEN_WRITTEN = {
    (model.DocumentSettings, "layout"),
    (model.Cookie, "display_name"),
    (model.Cookie, "duration_text"),
}
ELSEWHERE = {(model.Policy, "languages"): "languages"}  # at the top: the effective list


def _objects(data: dict[str, Any]) -> dict[type, dict[str, Any]]:
    """A JSON object of each model table (news-site has every kind)."""
    return {
        model.Catalogue: data,
        model.Policy: data["policy"],
        model.DocumentSettings: data["policy"]["document"],
        model.Banner: data["banner"],
        model.Category: data["categories"][0],
        model.Purpose: data["purposes"][0],
        model.Service: data["services"][0],
        model.Cookie: data["services"][0]["cookies"][0],
        model.ChangelogEntry: data["policy"]["changelog"][0],
    }


def _with_changelog(catalogue: Catalogue) -> Catalogue:
    entry = model.ChangelogEntry(dt.date(2026, 3, 1), model.Text({"en": "New video player."}))
    policy = model.replace(catalogue.policy, changelog=(entry,))
    return model.replace(catalogue, policy=policy)


def test_every_model_field_is_in_the_export() -> None:
    """Tied to the dataclasses: a field added to the model and not to the export fails here."""
    data = exported(_with_changelog(load(SAMPLES / "news-site.toml").catalogue))
    objects = _objects(data)
    tables = {
        cls
        for cls in vars(model).values()
        if dataclasses.is_dataclass(cls) and isinstance(cls, type) and cls is not model.Text
    } - NOT_EXPORTED_TABLES
    assert tables == set(objects), "a model table without a place in the JSON export"
    for cls, obj in objects.items():
        for field in dataclasses.fields(cls):
            if (
                field.name in NOT_EXPORTED
                or (cls, field.name) in NOT_EXPORTED_FIELDS | ONLY_WHEN_WRITTEN
            ):
                continue
            where = ELSEWHERE.get((cls, field.name))
            assert (where or field.name) in (data if where else obj), (
                f"{cls.__name__}.{field.name} is not in the JSON export"
            )


def test_cookie_refresh_and_banner_policy_url_are_exported() -> None:
    data = exported(load(SAMPLES / "news-site.toml").catalogue)
    assert data["banner"]["policy_url"] == {
        "en": "https://www.lanterne-nord.example/cookies",
        "fr": "https://www.lanterne-nord.example/fr/cookies",
    }
    refresh = {c["name"]: c["refresh"] for s in data["services"] for c in s["cookies"]}
    assert refresh["_ga"] is True and refresh["_ga_*"] is True
    assert False in refresh.values() and None in refresh.values()
    plain = exported(load_text('format_version = 1\n[banner]\npolicy_url = "/cookies"\n'))
    assert plain["banner"]["policy_url"] == {"en": "/cookies"}
    assert exported(load_text("format_version = 1\n"))["banner"]["policy_url"] is None


def test_the_changelog_is_exported_only_when_there_is_one(validator: Any) -> None:
    catalogue = load(SAMPLES / "news-site.toml").catalogue
    assert "changelog" not in exported(catalogue)["policy"]  # existing exports unchanged
    data = exported(_with_changelog(catalogue))
    assert data["policy"]["changelog"] == [
        {"date": "2026-03-01", "text": {"en": "New video player."}}
    ]
    validator.validate(data)
