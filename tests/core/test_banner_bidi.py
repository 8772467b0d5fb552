"""Bidirectional controls never reach a banner configuration raw (Trojan Source)."""

from __future__ import annotations

import json

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.jsstring import js_string, json_text
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.store import load_text
from tests.conftest import SAMPLES

CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_each_control_is_escaped_in_strings_and_json() -> None:
    for char in CONTROLS:
        assert char not in js_string(f"a{char}b")
        assert json.loads(json_text({"k": f"a{char}b"})) == {"k": f"a{char}b"}
        assert char not in json_text({"k": f"a{char}b"})


@pytest.mark.parametrize("fmt", ["klaro", "cookieconsent", "tcf-disclosures"])
def test_no_raw_control_in_any_banner_output(fmt: str) -> None:
    text = (SAMPLES / "news-site.toml").read_text(encoding="utf-8")
    hostile = text.replace('provider = "', 'provider = "\u202e\u2066', 3)
    hostile = hostile.replace('name = "', 'name = "\u202e', 3)
    catalogue = load_text(hostile)
    out = registry.get(fmt).render(catalogue, ExportOptions()).text
    assert not any(char in out for char in CONTROLS)
    assert "\\u202e" in out.lower()
