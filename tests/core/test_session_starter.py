"""The starter of a new catalogue, and the bundled samples the start screen offers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from consent_tui.core.session import starter
from consent_tui.core.store import load_text
from consent_tui.core.validation import validate_text
from tests.conftest import SAMPLES


def test_the_starter_is_a_clean_catalogue() -> None:
    text = starter.new_catalogue_text(Path("/srv/www/my-shop.toml"), today=dt.date(2026, 11, 29))
    assert validate_text(text, "my-shop.toml") == []
    catalogue = load_text(text)
    assert catalogue.policy.site_name == "my shop"
    assert catalogue.policy.updated == dt.date(2026, 11, 29)
    assert list(catalogue.services) == ["website"]
    assert catalogue.services["website"].cookies[0].name == "sessionid"
    first, second = text.splitlines()[:2]
    assert first == "# Cookie catalogue of my shop."
    assert second.startswith("# Edit it with `consent-tui my-shop.toml`")


def test_odd_file_names_cannot_break_the_starter() -> None:
    for name in ['a"b\\c.toml', "new\nline.toml", "-.toml", "[x].toml"]:
        text = starter.new_catalogue_text(Path(name))
        assert validate_text(text) == [], name


def test_bundled_samples_example_first() -> None:
    samples = starter.bundled_samples()
    assert samples[0] == starter.example()
    assert {p.name for p in samples} == {p.name for p in SAMPLES.glob("*.toml")}
    example = starter.example()
    assert example is not None
    assert example.read_bytes() == (SAMPLES / "opendatasoft.toml").read_bytes()
