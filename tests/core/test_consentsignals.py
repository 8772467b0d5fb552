"""core/consentsignals.py: Google's gcs and gcd request parameters read back, for audit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consent_tui.core.consentmode.signals import (
    GCD_TYPES,
    TypeSignal,
    granted_types,
    parse_gcd,
    parse_gcs,
    signals,
    signals_in_url,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("G100", {"ad_storage": "denied", "analytics_storage": "denied"}),
        ("G111", {"ad_storage": "granted", "analytics_storage": "granted"}),
        ("G101", {"ad_storage": "denied", "analytics_storage": "granted"}),
        ("G110", {"ad_storage": "granted", "analytics_storage": "denied"}),
        ("G1--", {"ad_storage": None, "analytics_storage": None}),
        (" G10- ", {"ad_storage": "denied", "analytics_storage": None}),
    ],
)
def test_gcs(value: str, expected: dict[str, str | None]) -> None:
    assert parse_gcs(value) == expected


@pytest.mark.parametrize("value", ["", "G1", "G10", "G1000", "G200", "g100", "G1x0", "\x00\xff"])
def test_a_malformed_gcs_is_none(value: str) -> None:
    assert parse_gcs(value) is None


# Each letter of a gcd pair: (default, update); None is "not set".
LETTERS = {
    "l": (None, None),
    "p": ("denied", None),
    "q": ("denied", "denied"),
    "r": ("denied", "granted"),
    "t": ("granted", None),
    "u": ("granted", "denied"),
    "v": ("granted", "granted"),
    "m": (None, "denied"),
    "n": (None, "granted"),
}


@pytest.mark.parametrize(("letter", "states"), LETTERS.items())
def test_every_gcd_letter(letter: str, states: tuple[str | None, str | None]) -> None:
    found = parse_gcd(f"13{letter}3{letter}3{letter}3{letter}5")
    assert found == dict.fromkeys(GCD_TYPES, TypeSignal(*states))


def test_gcd_pairs_are_in_order_and_the_tail_is_ignored() -> None:
    found = parse_gcd("13r3p3q3v5l1")
    assert found is not None
    assert {k: s.state for k, s in found.items()} == {
        "ad_storage": "granted",  # denied by default, then granted
        "analytics_storage": "denied",
        "ad_user_data": "denied",
        "ad_personalization": "granted",
    }
    assert parse_gcd("11t1t1t1t5") == dict.fromkeys(GCD_TYPES, TypeSignal("granted", None))


@pytest.mark.parametrize("value", ["", "1", "13r3r3r", "13r3r3r3", "13?3r3r3r5", "1303r3r3r5"])
def test_a_malformed_gcd_is_none(value: str) -> None:
    assert parse_gcd(value) is None


def test_signals_prefer_gcd_and_fill_in_from_gcs() -> None:
    found = signals({"gcd": "13l3r3l3l5", "gcs": "G110"})
    assert found == {
        "analytics_storage": TypeSignal("denied", "granted"),  # gcd wins over gcs's 0
        "ad_storage": TypeSignal(None, "granted"),  # gcd says nothing: gcs's 1
    }
    assert signals({"gcs": "junk", "gcd": "junk"}) == {}
    assert signals({}) == {}


def test_signals_in_a_url_and_granted_types() -> None:
    url = "https://region1.google-analytics.com/g/collect?v=2&tid=G-X&gcs=G101&gcd=13p3r3p3p5"
    assert {k: s.state for k, s in signals_in_url(url).items()} == {
        "ad_storage": "denied",
        "analytics_storage": "granted",
        "ad_user_data": "denied",
        "ad_personalization": "denied",
    }
    assert granted_types({"gcs": "G111"}) == ("ad_storage", "analytics_storage")
    assert signals_in_url("http://[::1") == {}  # an invalid URL is no signal, not a crash
    assert signals_in_url("https://example.org/") == {}


@given(st.text(max_size=40))
def test_any_text_parses_or_is_none(text: str) -> None:
    for parsed in (parse_gcs(text), parse_gcd(text)):
        assert parsed is None or isinstance(parsed, dict)
    signals({"gcs": text, "gcd": text})
