"""The JSON Schema knows consent_mode and the [banner] consent mode options."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from consent_tui.core.model import CONSENT_TYPES
from tests.core.test_schema import DEFS, _minimal, errors


def test_the_consent_types_are_the_models() -> None:
    for entity in ("category", "service"):
        items = DEFS[entity]["properties"]["consent_mode"]["items"]
        assert items["enum"] == list(CONSENT_TYPES)


def test_good_values_validate() -> None:
    data = _minimal()
    data["banner"] = {
        "wait_for_update": 500,
        "ads_data_redaction": True,
        "url_passthrough": False,
        "region": ["EEA+UK+CH", "US-CA", "FR"],
    }
    data["categories"]["necessary"]["consent_mode"] = ["security_storage"]
    data["services"]["cart"]["consent_mode"] = []
    assert errors(data) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["categories"]["necessary"].update(consent_mode=["analytics"]),
            "is not one of",
        ),
        (lambda d: d["services"]["cart"].update(consent_mode="ad_storage"), "is not of type"),
        (
            lambda d: d["services"]["cart"].update(consent_mode=["ad_storage", "ad_storage"]),
            "non-unique",
        ),
        (lambda d: d.update(banner={"region": ["Europe"]}), "does not match"),  # EU: validate
        (lambda d: d.update(banner={"region": ["uk"]}), "does not match"),
        (lambda d: d.update(banner={"region": []}), "should be non-empty"),
        (lambda d: d.update(banner={"wait_for_update": -1}), "minimum of 0"),
        (lambda d: d.update(banner={"url_passthrough": "yes"}), "is not of type 'boolean'"),
    ],
)
def test_mistakes_are_flagged(change: Callable[[dict[str, Any]], Any], expected: str) -> None:
    data = _minimal()
    change(data)
    found = errors(data)
    assert len(found) == 1 and expected in found[0], found
