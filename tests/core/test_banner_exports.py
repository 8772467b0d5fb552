"""Banner exports: golden files, the TCF schema, and how the catalogue maps to each target.

Golden files live in tests/golden/banners/<sample>.<format>.<ext>. After a deliberate
change, rewrite them with ``CONSENT_TUI_REGEN_GOLDEN=1 uv run pytest
tests/core/test_banner_exports.py`` and read the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from benchmarks.generate import generate
from consent_tui.core import store
from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.model import Catalogue
from tests.conftest import ROOT, sample_paths

GOLDEN = ROOT / "tests" / "golden" / "banners"
HOSTILE = GOLDEN / "hostile.toml"
FORMATS = ("klaro", "cookieconsent", "tcf-disclosures", "consent-mode")
SCHEMA = json.loads(
    (ROOT / "consent_tui" / "core" / "schema" / "tcf-disclosures.schema.json").read_text()
)


def catalogue_of(path: Path) -> Catalogue:
    return store.load(path).catalogue


def from_toml(text: str) -> Catalogue:
    return store.from_text(text).catalogue


def export(name: str, catalogue: Catalogue, **options: object) -> registry.ExportResult:
    return registry.get(name).render(catalogue, ExportOptions(**options))  # type: ignore[arg-type]


def inputs() -> list[Path]:
    return [*sample_paths(), HOSTILE]


def test_formats_are_registered() -> None:
    for name in FORMATS:
        exporter = registry.get(name)
        assert exporter.name == name
        assert exporter.per_language is False
    assert registry.get("tcf-disclosures").extension == "json"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", inputs(), ids=lambda p: p.stem)
def test_golden(path: Path, fmt: str) -> None:
    exporter = registry.get(fmt)
    result = exporter.render(catalogue_of(path), ExportOptions())
    golden = GOLDEN / f"{path.stem}.{fmt}.{exporter.extension}"
    if os.environ.get("CONSENT_TUI_REGEN_GOLDEN") == "1":
        golden.write_text(result.text, encoding="utf-8")
    assert golden.exists(), f"missing {golden}; run with CONSENT_TUI_REGEN_GOLDEN=1"
    assert result.text == golden.read_text(encoding="utf-8")


def test_every_sample_has_goldens_and_nothing_stale() -> None:
    expected = {
        f"{p.stem}.{fmt}.{registry.get(fmt).extension}" for p in inputs() for fmt in FORMATS
    }
    present = {p.name for p in GOLDEN.iterdir() if p.suffix != ".toml"}
    assert present == expected


@pytest.mark.parametrize("path", inputs(), ids=lambda p: p.stem)
def test_tcf_output_is_valid_against_the_schema(path: Path) -> None:
    data = json.loads(export("tcf-disclosures", catalogue_of(path)).text)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_tcf_output_of_a_large_generated_catalogue_is_valid() -> None:
    data = json.loads(export("tcf-disclosures", from_toml(generate(300))).text)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert len(data["disclosures"]) > 250


def test_schema_is_a_valid_schema_and_rejects_what_the_spec_forbids() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    good = {
        "identifier": "_ga_*",
        "type": "cookie",
        "maxAgeSeconds": 0,
        "cookieRefresh": False,
        "domains": ["*.example.com"],
        "purposes": [1, 8],
    }
    assert validator.is_valid({"disclosures": [good], "domains": []})
    bad = [
        {**good, "identifier": "*"},
        {**good, "identifier": "**"},
        {**good, "type": "pixel"},
        {**good, "maxAgeSeconds": None},
        {**good, "type": "web", "maxAgeSeconds": 10},
        {key: value for key, value in good.items() if key != "cookieRefresh"},
        {key: value for key, value in good.items() if key != "domains"},
        {**good, "domain": "example.com"},
        {**good, "domains": ["https://example.com"]},
        {**good, "purposes": [0]},
        {**good, "purposes": [1, 1]},
        {**good, "colour": "red"},
    ]
    for item in bad:
        assert not validator.is_valid({"disclosures": [item], "domains": []}), item
    assert not validator.is_valid({"disclosures": []})
    assert not validator.is_valid({"disclosures": [], "domains": [{"use": "x"}]})


def test_tcf_mapping_of_the_news_site() -> None:
    result = export("tcf-disclosures", catalogue_of(ROOT / "sample_policies" / "news-site.toml"))
    data = json.loads(result.text)
    by_id = {d["identifier"]: d for d in data["disclosures"]}
    assert "tr" not in by_id  # the pixel
    assert any("pixel is not device storage" in note for note in result.notes)
    assert by_id["lanterne_session"]["maxAgeSeconds"] == 0
    assert by_id["lanterne_session"]["purposes"] == []  # necessary: no consent, no purpose 1
    assert by_id["lanterne_remember"]["maxAgeSeconds"] == 30 * 86400
    assert by_id["lanterne:reader-settings"]["type"] == "web"
    assert by_id["lanterne:reader-settings"]["maxAgeSeconds"] is None
    assert by_id["lanterne-offline"]["type"] == "web"  # IndexedDB
    assert by_id["lanterne_edition"]["purposes"] == [1]  # consent category, unmapped purpose
    assert by_id["_ga_*"]["purposes"] == [1, 8, 9]
    assert by_id["_ga_*"]["domains"] == ["www.lanterne-nord.example"]
    assert by_id["IDE"]["domains"] == ["doubleclick.net", "*.doubleclick.net"]
    assert by_id["IDE"]["purposes"] == [1, 2, 3, 4, 7, 9]
    assert by_id["yt-remote-device-id"]["domains"] == ["www.youtube.com"]
    assert by_id["IDE"]["description"].startswith("Recognises your browser")
    domains = [d["domain"] for d in data["domains"]]
    assert domains[0] == "www.lanterne-nord.example"
    assert "*" not in domains and len(domains) == len(set(domains))


def test_tcf_description_language_follows_the_lang_option() -> None:
    catalogue = catalogue_of(ROOT / "sample_policies" / "opendatasoft.toml")
    data = json.loads(export("tcf-disclosures", catalogue, lang="fr").text)
    assert data["disclosures"][0]["description"] == "Identifie votre session connectée."
    result = export("tcf-disclosures", catalogue, lang="de")
    assert json.loads(result.text)["disclosures"][0]["description"].startswith("Identifies")
    assert "'de' is not one of the catalogue's languages (en, fr): exported in 'en'" in (
        result.notes
    )


CATALOGUE = """\
format_version = 1
[policy]
site_name = "S"
site_url = "https://s.example/x"
controller = "C"
{banner}
[categories.ads]
title = "Ads"
consent = true
[purposes.ads]
title = "Ads"
description = "d"
tcf_purposes = [2, 12]
[services.ads]
provider = "P"
function = "F"
category = "ads"
purposes = ["ads"]
party = "third"
{cookies}
"""


def small(cookies: str = "", banner: str = "") -> Catalogue:
    return from_toml(CATALOGUE.format(cookies=cookies, banner=banner))


def cookie(name: str, duration: str = "1 day", extra: str = "") -> str:
    return f'[[services.ads.cookies]]\nname = "{name}"\nduration = "{duration}"\n{extra}\n'


def test_tcf_refuses_a_lone_wildcard_and_unreadable_durations() -> None:
    catalogue = small(cookie("*") + cookie("**") + cookie("ok", "soon") + cookie("id*"))
    result = export("tcf-disclosures", catalogue)
    data = json.loads(result.text)
    assert [d["identifier"] for d in data["disclosures"]] == ["id*"]
    assert sum("only a wildcard" in note for note in result.notes) == 2
    assert any("'soon' is not a duration" in note for note in result.notes)
    assert any("no purpose [12]" in note for note in result.notes)
    assert data["disclosures"][0]["purposes"] == [1, 2]
    assert data["disclosures"][0]["domains"] == ["s.example"]


def test_tcf_cookie_refresh_only_for_cookies() -> None:
    """The specification defines cookieRefresh for cookies only; the schema says the same."""
    catalogue = small(
        cookie("a", "1 day", "refresh = true") + cookie("b", "1 day", 'type = "local_storage"')
    )
    first, second = json.loads(export("tcf-disclosures", catalogue).text)["disclosures"]
    assert (first["type"], first["cookieRefresh"]) == ("cookie", True)
    assert second["type"] == "web" and "cookieRefresh" not in second
    validator = jsonschema.Draft202012Validator(SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"disclosures": [second | {"cookieRefresh": False}], "domains": []})


def test_tcf_persistent_cookie_and_refresh() -> None:
    catalogue = small(
        cookie("a", "persistent", "refresh = true")
        + cookie("b", "P1Y")
        + cookie("c", "P1Y", 'refresh = "yes"')
    )
    result = export("tcf-disclosures", catalogue)
    first, second, third = json.loads(result.text)["disclosures"]
    assert third["cookieRefresh"] is False  # the wrong type is ignored (validation reports it)
    assert first["maxAgeSeconds"] == 400 * 86400
    assert first["cookieRefresh"] is True
    assert second["maxAgeSeconds"] == 31556952
    assert second["cookieRefresh"] is False
    assert any("400 days" in note for note in result.notes)


def test_lifetime_days_never_round_up_and_fall_back() -> None:
    def days(lifetime: str) -> tuple[str, tuple[str, ...]]:
        catalogue = small(banner=f'[banner]\nconsent_lifetime = "{lifetime}"')
        result = export("cookieconsent", catalogue)
        line = next(x for x in result.text.splitlines() if "expiresAfterDays" in x)
        return line.strip(), result.notes

    assert days("6 months")[0] == 'cookie: { name: "cc_cookie", expiresAfterDays: 182 },'
    assert "expiresAfterDays: 395" in days("13 months")[0]
    assert "expiresAfterDays: 30" in days("30 days")[0]
    line, notes = days("soon")
    assert "expiresAfterDays: 182" in line
    assert any("'soon' is not a duration" in note for note in notes)
    assert "cookieExpiresAfterDays: 182," in export("klaro", small()).text


def test_policy_url_forms() -> None:
    def klaro_lines(banner: str, languages: str = "") -> tuple[list[str], tuple[str, ...]]:
        catalogue = from_toml(
            CATALOGUE.format(cookies="", banner=banner).replace(
                'controller = "C"', f'controller = "C"\n{languages}'
            )
        )
        result = export("klaro", catalogue)
        lines = [x.strip() for x in result.text.splitlines() if "privacyPolicy" in x]
        return lines, result.notes

    lines, notes = klaro_lines("")
    assert lines == []
    assert any("policy_url is not set" in note for note in notes)
    lines, _ = klaro_lines('[banner]\npolicy_url = "/cookies"')
    assert lines == ['en: { privacyPolicyUrl: "/cookies" },'] or lines == [
        'privacyPolicyUrl: "/cookies",'
    ]
    lines, notes = klaro_lines('[banner]\npolicy_url = ["/cookies"]')
    assert lines == []
    assert any("policy_url is neither a string nor a table" in note for note in notes)
    lines, notes = klaro_lines('[banner]\npolicy_url = "javascript:alert(1)"')
    assert lines == []
    assert any("not an http(s) or relative URL" in note for note in notes)
    lines, notes = klaro_lines(
        '[banner]\npolicy_url = { en = "/en/cookies", fr = "{lang}" }', 'languages = ["fr", "en"]'
    )
    assert lines == ['privacyPolicyUrl: "/en/cookies",', 'privacyPolicyUrl: "/en/cookies",']


def test_klaro_names_that_klaro_cannot_use_are_replaced() -> None:
    result = export("klaro", catalogue_of(HOSTILE))
    assert 'name: "evil-svc-x",' in result.text
    assert any("is named 'evil-svc-x'" in note for note in result.notes)


def test_klaro_required_follows_the_category() -> None:
    text = export("klaro", catalogue_of(ROOT / "sample_policies" / "news-site.toml")).text
    blocks = text.split("      name: ")[1:]
    required = {b.split(",")[0].strip('"'): "required: true" in b for b in blocks}
    assert required["lanterne-session"] is True
    assert required["lanterne-preferences"] is False
    assert required["google-analytics"] is False


def test_unknown_language_falls_back_to_english_texts_with_a_note() -> None:
    catalogue = from_toml(
        CATALOGUE.format(cookies="", banner="").replace(
            'controller = "C"', 'controller = "C"\nlanguages = ["nl", "en"]'
        )
    )
    result = export("cookieconsent", catalogue)
    assert 'acceptAllBtn: "Accept all"' in result.text
    assert any("no built-in banner texts for language 'nl'" in n for n in result.notes)


def test_undeclared_category_is_kept_and_noted() -> None:
    catalogue = from_toml(
        CATALOGUE.format(cookies=cookie("x"), banner="").replace(
            'category = "ads"', 'category = "elsewhere"'
        )
    )
    result = export("cookieconsent", catalogue)
    assert "    elsewhere: {" in result.text
    assert any("'elsewhere'" in note and "not declared" in note for note in result.notes)
