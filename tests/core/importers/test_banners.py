"""Klaro and vanilla-cookieconsent configurations read back: consent-tui's own exports and others.

The round trip: exporting the catalogue an export was imported into gives the same
banner file, byte for byte (every sample). The content compared field by field:
services, cookies (names, patterns, domains, paths, types, lifetimes, notes),
purposes and their texts, required services and categories, Google consent mode
and the banner settings.
"""

from __future__ import annotations

import re

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.importers import ImportOptions, SourceError, import_sources
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load
from tests.conftest import DATA, ROOT, sample_paths

BANNERS = ROOT / "tests" / "golden" / "banners"
FORMATS = ("klaro", "cookieconsent")
SAMPLES = [p.stem for p in sample_paths()]


def _export(catalogue: Catalogue, fmt: str) -> str:
    return registry.get(fmt).render(catalogue, ExportOptions()).text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_an_export_imported_exports_the_same_file(sample: str, fmt: str) -> None:
    source = BANNERS / f"{sample}.{fmt}.js"
    result = import_sources([str(source)])
    assert _export(result.catalogue, fmt) == source.read_text(encoding="utf-8")


def _cookies(catalogue: Catalogue, fmt: str) -> dict[str, list[tuple[object, ...]]]:
    """Each cookie's fields as the format carries them.

    Klaro lists the domains and paths of HTTP cookies only; vanilla-cookieconsent
    the paths of the cookies it clears (those of categories that need consent).
    """
    out = {}
    for sid, service in catalogue.services.items():
        category = catalogue.categories.get(service.category or "")
        cleared = category is None or category.consent is not False
        rows = []
        for c in service.cookies:
            http = c.storage_type == "http_cookie"
            domain = c.domain if fmt == "cookieconsent" or http else None
            path = (
                c.path
                if (fmt == "klaro" and http) or (fmt != "klaro" and cleared and http)
                else None
            )
            rows.append((c.name, c.storage_type, domain, path, c.duration, c.duration_note))
        out[sid] = rows
    return out


@pytest.mark.parametrize("sample", SAMPLES)
def test_klaro_gives_back_the_services_cookies_and_purposes(sample: str) -> None:
    original = load(ROOT / "sample_policies" / f"{sample}.toml").catalogue
    imported = import_sources([str(BANNERS / f"{sample}.klaro.js")]).catalogue
    assert imported.languages == original.languages
    assert _cookies(imported, "klaro") == _cookies(original, "klaro")
    for sid, service in original.services.items():
        mine = imported.services[sid]
        assert mine.provider == service.provider
        assert mine.function == service.function or service.function is None
        assert mine.purposes == service.purposes
        category = original.categories[service.category or ""]
        assert imported.categories[mine.category or ""].consent is category.consent
    used = {p for s in original.services.values() for p in s.purposes or ()}
    for pid in used:
        assert imported.purposes[pid].title == original.purposes[pid].title
    banner, mine_banner = original.banner_settings, imported.banner_settings
    assert mine_banner.revision == banner.revision
    assert mine_banner.wait_for_update == banner.wait_for_update


@pytest.mark.parametrize("sample", SAMPLES)
def test_cookieconsent_gives_back_the_categories_services_and_cookies(sample: str) -> None:
    original = load(ROOT / "sample_policies" / f"{sample}.toml").catalogue
    imported = import_sources([str(BANNERS / f"{sample}.cookieconsent.js")]).catalogue
    assert list(imported.categories) == list(original.categories)
    for cid, category in original.categories.items():
        assert imported.categories[cid].title == category.title
        assert imported.categories[cid].consent is category.consent
    assert _cookies(imported, "cookieconsent") == _cookies(original, "cookieconsent")
    for sid, service in original.services.items():
        assert imported.services[sid].category == service.category
        assert imported.services[sid].provider == service.provider


def test_hostile_texts_come_back_as_plain_data() -> None:
    """Script-breaking names and texts are read as the exporter escaped them; ids made valid."""
    for fmt in FORMATS:
        result = import_sources([str(BANNERS / f"hostile.{fmt}.js")])
        assert result.catalogue.services
        assert all(sid == sid.lower() for sid in result.catalogue.services)


def test_a_klaro_config_written_by_hand() -> None:
    result = import_sources([str(DATA / "import" / "klaro-config.js")])
    catalogue = result.catalogue
    assert catalogue.languages == ("en", "de")
    matomo = catalogue.services["matomo"]
    assert matomo.provider == "Matomo/Piwik"
    assert [(c.name, c.domain) for c in matomo.cookies] == [
        ("_pk_*", "bakery.example"),
        ("piwik_ignore", None),
    ]
    assert [c.name for c in catalogue.services["youtube"].cookies] == [
        "VISITOR_INFO1_LIVE",
        "*YSC*",
    ]
    assert catalogue.categories[catalogue.services["session"].category or ""].consent is False
    assert catalogue.purposes["analytics"].description is not None
    assert catalogue.banner_settings.consent_lifetime == "120 days"
    remarks = result.summary.remarks
    assert (
        "services[1] ('youtube'): /^(yt|YT)-.*$/ is no prefix or suffix pattern; not read"
        in remarks
    )
    assert "services[0].callback is code (a function): not read" in remarks


def test_a_cookieconsent_config_written_by_hand() -> None:
    result = import_sources([str(DATA / "import" / "cookieconsent-config.mjs")])
    catalogue = result.catalogue
    assert list(catalogue.categories) == ["necessary", "analytics", "ads"]
    assert catalogue.categories["necessary"].consent is False
    ga = catalogue.services["ga"]
    assert ga.provider == "Google Analytics"
    assert [(c.name, c.duration) for c in ga.cookies] == [
        ("_ga", "2 years"),
        ("_gid", "1 day"),
        ("_ga*", None),
    ]
    necessary = catalogue.services["example-books"]
    assert [(c.name, c.duration) for c in necessary.cookies] == [("cc_cookie", "6 months")]
    assert catalogue.banner_settings.revision == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("var klaroConfig = { services: services };", "is code, not data: the name 'services'"),
        ("var klaroConfig = makeConfig();", "no klaroConfig = {…} object found"),
        ("var klaroConfig = { services: [ ...more ] };", "is code, not data: a spread"),
        ("var klaroConfig = { n: 1 + 2 };", "is code, not data: '+' after n"),
        ("var klaroConfig = { t: `a${b}` };", "a template literal with ${…}"),
        ("var klaroConfig = { s: 'open", "a string that is not closed"),
        ("var klaroConfig = { services: [] };", "declares no services"),
    ],
)
def test_a_configuration_that_is_code_is_refused_with_its_place(text: str, message: str) -> None:
    with pytest.raises(SourceError, match=re.escape(message)) as caught:
        import_sources(["config.js"], ImportOptions(), texts={"config.js": text})
    assert caught.value.path == "config.js"
