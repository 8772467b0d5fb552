"""Matching: names and patterns, domains and parties, lifetimes, pattern suggestions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consent_tui.core.durations import parse_duration
from consent_tui.core.matching.catalogue import (
    OTHER_SITE,
    SAME_SITE,
    WITHIN,
    CatalogueIndex,
    domain_fit,
)
from consent_tui.core.matching.domains import (
    domain_match,
    host_of,
    is_public_suffix,
    normalise,
    party,
    registrable,
)
from consent_tui.core.matching.lifetimes import (
    allowed_seconds,
    longer_than_declared,
    session_mismatch,
)
from consent_tui.core.matching.names import EXACT, NameIndex, Pattern, matches
from consent_tui.core.matching.suggest import suggest_patterns
from consent_tui.core.store import load_text


@pytest.mark.parametrize(
    ("pattern", "name", "expected"),
    [
        ("_ga", "_ga", True),
        ("_ga", "_GA", False),
        ("_ga_*", "_ga_X1", True),
        ("_ga_*", "_ga_", True),
        ("_ga_*", "_ga", False),
        ("*_id", "user_id", True),
        ("_pk_*.*", "_pk_id.1", True),
        ("_pk_*.*", "_pk_id", False),
        ("a*b*c", "abc", True),
        ("a*b*c", "acb", False),
        ("ab*ba", "aba", False),
        ("*", "", True),
    ],
)
def test_pattern_semantics(pattern: str, name: str, expected: bool) -> None:
    assert matches(pattern, name) is expected


_ALPHABET = st.text(alphabet="ab_.*", max_size=6)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=12), st.lists(st.text(alphabet="ab_.", max_size=7), max_size=12)
)
def test_the_index_finds_exactly_what_a_scan_finds(patterns: list[str], names: list[str]) -> None:
    index: NameIndex[int] = NameIndex((p, i) for i, p in enumerate(patterns))
    for name in names:
        found = sorted(i for i, _ in index.find(name))
        assert found == [i for i, p in enumerate(patterns) if matches(p, name)]


def test_specificity_prefers_exact_then_longer_literals() -> None:
    index: NameIndex[str] = NameIndex([("_ga_*", "p"), ("_ga_ABC", "x"), ("_*", "q")])
    found = dict(index.find("_ga_ABC"))
    assert found == {"x": EXACT, "p": 4, "q": 1}
    assert Pattern.of("a*b*c").literal == 3


def test_domains() -> None:
    assert registrable("www.shop.example.co.uk") == "example.co.uk"
    assert registrable(".YouTube.com.") == "youtube.com"
    assert registrable("a.b.github.io") == "b.github.io"  # private suffixes count, as in browsers
    assert registrable("127.0.0.1") == "127.0.0.1" and registrable("localhost") == "localhost"
    assert registrable("cdn.shop.test") == "shop.test"  # an unknown top-level domain
    assert is_public_suffix("co.uk") and not is_public_suffix("example.co.uk")
    assert domain_match("www.youtube.com", ".youtube.com") and not domain_match(
        "youtube.com", "www.youtube.com"
    )
    assert not domain_match("badyoutube.com", "youtube.com")
    assert not domain_match("1.2.3.4", "2.3.4")
    assert party("x.doubleclick.net", "www.shop.test") == "third"
    assert party("static.shop.test", "www.shop.test") == "first"
    assert party("a.example", None) is None
    assert host_of("https://[::1]:8443/x") == "::1" and host_of("not a url") is None
    assert normalise(" Example.ORG:8080 ") == "example.org"


def test_domain_fit() -> None:
    assert domain_fit("www.youtube.com", "youtube.com") == WITHIN
    assert domain_fit("youtube.com", "www.youtube.com") == WITHIN
    assert domain_fit("m.youtube.com", "www.youtube.com") == SAME_SITE
    assert domain_fit("doubleclick.net", "youtube.com") == OTHER_SITE
    assert domain_fit("doubleclick.net", None) == SAME_SITE


def test_lifetime_tolerance() -> None:
    month = parse_duration("1 month")  # 2,629,746 s; a 31-day month is 1.8 % more
    assert not longer_than_declared(31 * 86400, month)
    assert allowed_seconds(2629746) == 2629746 + 52595
    assert longer_than_declared(2629746 + 52596, month)
    assert allowed_seconds(60) == 360  # at least 5 minutes
    assert not longer_than_declared(10**12, parse_duration("persistent"))
    assert not longer_than_declared(100, parse_duration("session"))  # a session mismatch instead
    assert not longer_than_declared(None, month) and not longer_than_declared(10, None)


def test_session_mismatch() -> None:
    session, year = parse_duration("session"), parse_duration("1 year")
    assert session_mismatch(False, session) == "persistent-declared-session"
    assert session_mismatch(True, year) == "session-declared-persistent"
    assert session_mismatch(True, session) is None and session_mismatch(False, year) is None
    assert session_mismatch(None, year) is None


def test_pattern_suggestions() -> None:
    found = suggest_patterns(
        ["_pk_id.1.a2c4", "_pk_id.7.f00d", "_pk_ses.1.a2c4", "_ga", "_ga_4XQ2B7NN2K", "sessionid",
         "_hjSessionUser_1234567", "_hjSessionUser_2345678", "cookie_consent_v2", "pref"]
    )  # fmt: skip
    assert found == {
        "_pk_id.1.a2c4": "_pk_id.*",
        "_pk_id.7.f00d": "_pk_id.*",
        "_ga_4XQ2B7NN2K": "_ga_*",
        "_hjSessionUser_1234567": "_hjSessionUser_*",
        "_hjSessionUser_2345678": "_hjSessionUser_*",
    }


CATALOGUE = """\
format_version = 1
[policy]
site_url = "https://www.shop.test"
[categories.c]
consent = true
[services.a]
category = "c"
[[services.a.cookies]]
name = "id"
domain = ".adnet.test"
duration = "1 day"
[[services.a.cookies]]
name = "id"
duration = "1 day"
[[services.a.cookies]]
name = "i*"
duration = "1 day"
[[services.a.cookies]]
name = "store"
type = "local_storage"
duration = "persistent"
[[services.a.cookies]]
name = "px"
type = "pixel"
duration = "session"
"""


def test_the_catalogue_index_picks_the_best_declaration() -> None:
    index = CatalogueIndex(load_text(CATALOGUE))
    assert index.site == "www.shop.test"
    on_ads, _ = index.match("id", "http_cookie", "x.adnet.test")
    assert on_ads is not None and on_ads.declared.cookie_index == 0 and on_ads.domain_fit == WITHIN
    on_site, _ = index.match("id", "http_cookie", "shop.test")
    assert on_site is not None and on_site.declared.cookie_index == 1
    elsewhere, _ = index.match("id", "http_cookie", "tracker.test")
    assert elsewhere is not None and elsewhere.domain_fit == OTHER_SITE
    by_pattern, _ = index.match("item", "http_cookie", "www.shop.test")
    assert by_pattern is not None and by_pattern.declared.cookie_index == 2
    none, others = index.match("store", "http_cookie", "www.shop.test")
    assert none is None and [d.cookie_index for d in others] == [3]
    assert index.match("px", "http_cookie", "www.shop.test") == (None, [])  # pixels store nothing
    assert index.declared[0].needs_consent is True
