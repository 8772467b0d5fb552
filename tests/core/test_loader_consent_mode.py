"""consent_mode and the [banner] consent mode options: loaded, kept when mistyped, saved back."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from consent_tui.core import store
from consent_tui.core.model import Catalogue, replace
from consent_tui.core.store import load_text, to_data
from tests.conftest import SAMPLES
from tests.core.store_support import changed_lines, rendered

TEXT = """\
format_version = 1

[policy]
site_name = "Site"

[banner]
wait_for_update = 500
ads_data_redaction = true
url_passthrough = false
region = ["EEA+UK+CH", "US-CA"]

[categories.statistics]
title = "Statistics"
consent = true
consent_mode = ["analytics_storage"]

[services.analytics]
category = "statistics"
consent_mode = []
"""


def loaded(text: str) -> Catalogue:
    catalogue = load_text(text)
    assert to_data(catalogue) == tomllib.loads(text)
    return catalogue


def test_the_keys_load_into_the_model_and_write_back() -> None:
    catalogue = loaded(TEXT)
    banner = catalogue.banner_settings
    assert (banner.wait_for_update, banner.ads_data_redaction, banner.url_passthrough) == (
        500,
        True,
        False,
    )
    assert banner.region == ("EEA+UK+CH", "US-CA")
    assert catalogue.categories["statistics"].consent_mode == ("analytics_storage",)
    assert catalogue.services["analytics"].consent_mode == ()  # [] is kept, not dropped
    assert dict(banner.extra) == {}


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ('wait_for_update = "500"', "wait_for_update", "500"),
        ("wait_for_update = true", "wait_for_update", True),
        ("wait_for_update = 0.5", "wait_for_update", 0.5),
        ('ads_data_redaction = "yes"', "ads_data_redaction", "yes"),
        ('region = "FR"', "region", "FR"),
        ('region = ["FR", 1]', "region", ["FR", 1]),
    ],
)
def test_a_banner_option_of_the_wrong_type_is_kept_in_extra(
    line: str, key: str, value: Any
) -> None:
    start, end = TEXT.index("[banner]\n"), TEXT.index("[categories")
    catalogue = loaded(TEXT[:start] + f"[banner]\n{line}\n\n" + TEXT[end:])
    assert getattr(catalogue.banner_settings, key) is None
    assert dict(catalogue.banner_settings.extra) == {key: value}


@pytest.mark.parametrize("value", ['"analytics_storage"', "[1]", "{}", "true"])
def test_a_consent_mode_of_the_wrong_type_is_kept_in_extra(value: str) -> None:
    text = TEXT.replace('consent_mode = ["analytics_storage"]', f"consent_mode = {value}")
    category = loaded(text).categories["statistics"]
    assert category.consent_mode is None
    assert dict(category.extra) == {"consent_mode": tomllib.loads(f"v = {value}")["v"]}


def test_setting_a_category_s_consent_mode_adds_one_line_after_consent() -> None:
    document = store.load(SAMPLES / "news-site.toml")
    catalogue = document.catalogue
    prefs = catalogue.categories["preferences"]
    new = replace(
        catalogue,
        categories={
            **catalogue.categories,
            "preferences": replace(prefs, consent_mode=("functionality_storage",)),
        },
    )
    removed, added = changed_lines(document.text, rendered(document, new))
    assert removed == []
    assert added == ['consent_mode = ["functionality_storage"]\n']
    out = rendered(document, new)
    assert (
        'consent = true\nconsent_mode = ["functionality_storage"]\n\n[categories.statistics]' in out
    )


def test_a_service_opting_out_adds_its_line_before_the_cookies() -> None:
    document = store.load(SAMPLES / "news-site.toml")
    catalogue = document.catalogue
    youtube = catalogue.services["youtube"]
    new = replace(
        catalogue, services={**catalogue.services, "youtube": replace(youtube, consent_mode=())}
    )
    removed, added = changed_lines(document.text, rendered(document, new))
    assert (removed, added) == ([], ["consent_mode = []\n"])
    assert store.from_text(rendered(document, new)).catalogue.services["youtube"].consent_mode == ()
