"""Lookups: the exact name first, then the longest prefix; shared names told apart by domain."""

from __future__ import annotations

import pytest

from consent_tui.core.known.entry import KnownEntry, host
from consent_tui.core.known.index import KnownIndex
from consent_tui.core.known.read import read_path
from tests.core.known_support import SMALL_CSV


@pytest.fixture(scope="module")
def index() -> KnownIndex:
    return KnownIndex(read_path(SMALL_CSV).entries)


def _names(index: KnownIndex, name: str, domain: str | None = None) -> list[tuple[str, str]]:
    return [(e.platform, e.name) for e in index.lookup(name, domain)]


def test_exact_names(index: KnownIndex) -> None:
    assert _names(index, "_ga") == [("Google Analytics", "_ga")]
    assert _names(index, "_gid") == [("Google Analytics", "_gid")]
    match = index.match("_fbp")
    assert match is not None and not match.by_prefix


def test_names_are_case_sensitive(index: KnownIndex) -> None:
    assert index.lookup("_GA") == [] and index.match("_FBP") is None


def test_prefixes(index: KnownIndex) -> None:
    assert _names(index, "_hjSessionUser_123") == [("Hotjar", "_hjSessionUser_")]
    assert _names(index, "_ga_ABC123") == [("Google Analytics", "_ga_")]
    assert _names(index, "_gat_UA-1") == [("Google Analytics", "_gat")]
    match = index.match("_ga_ABC123")
    assert match is not None and match.by_prefix
    assert index.lookup("_hjSessionUser") == []  # shorter than the prefix


def test_the_longest_prefix_wins(index: KnownIndex) -> None:
    assert _names(index, "_pk_id.1.abcd") == [("Matomo", "_pk_id.")]
    assert _names(index, "_pk_ses.1.abcd") == [("Matomo", "_pk_ses.")]
    assert _names(index, "_pk_ref.1.abcd") == [("Matomo", "_pk_")]


def test_an_exact_name_beats_a_prefix(index: KnownIndex) -> None:
    # "_ga" is exact; "_ga_" is a prefix of "_ga_x" but not of "_ga".
    assert _names(index, "_ga") == [("Google Analytics", "_ga")]


def test_a_wildcard_looked_up_by_its_own_name_is_not_by_prefix(index: KnownIndex) -> None:
    match = index.match("_ga_")
    assert match is not None and not match.by_prefix
    assert [e.matched_by_prefix("_ga_") for e in match.entries] == [False]
    assert [e.matched_by_prefix("_ga_X") for e in match.entries] == [True]


def test_star_names(index: KnownIndex) -> None:
    assert _names(index, "SSPR_123") == [("Adkernel", "SSPR_")]  # "SSPR_*"
    assert _names(index, "zt42_uid") == [("Zeta Ads", "zt*_uid")]  # "zt*_uid"
    assert _names(index, "zt_uid") == [("Zeta Ads", "zt*_uid")]
    assert index.lookup("zt42_other") == []  # the prefix fits, the pattern does not
    assert _names(index, "zt_sync") == [("Zeta Ads", "zt_sync")]


def test_a_name_listed_by_several_platforms(index: KnownIndex) -> None:
    every = [("Alpha CMS", "sid"), ("Beta Forum", "sid"), ("Gamma Chat", "sid")]
    assert _names(index, "sid") == every
    assert _names(index, "sid", "alpha.example") == [("Alpha CMS", "sid")]
    assert _names(index, "sid", "www.alpha.example") == [("Alpha CMS", "sid")]  # subdomain
    assert _names(index, "sid", ".beta.example") == [("Beta Forum", "sid")]
    assert _names(index, "sid", "forum.beta.example") == [("Beta Forum", "sid")]
    assert _names(index, "sid", "https://Alpha.Example:8443/x") == [("Alpha CMS", "sid")]
    assert _names(index, "sid", "other.example") == every  # nothing tells them apart
    assert _names(index, "sid", "") == every
    match = index.match("sid")
    assert match is not None and len(match.entries) == 3 and not match.by_prefix


def test_a_domain_does_not_hide_the_only_entry(index: KnownIndex) -> None:
    assert _names(index, "_fbp", "shop.example") == [("Facebook", "_fbp")]


def test_unknown_names(index: KnownIndex) -> None:
    for name in ("", "nope", "_", "*", "x" * 10_000):
        assert index.lookup(name) == [] and index.match(name) is None


def test_platforms(index: KnownIndex) -> None:
    platforms = index.platforms()
    assert platforms[:3] == ["Adkernel", "Alpha CMS", "Beta Forum"]
    assert len(platforms) == 12 == len(set(platforms))
    assert [e.name for e in index.platform("Matomo")] == ["_pk_", "_pk_id.", "_pk_ses."]
    assert index.platform("No such platform") == ()
    assert len(index) == 24


def test_entries_as_dict_are_plain_data(index: KnownIndex) -> None:
    [entry] = index.lookup("_fbp")
    assert entry.as_dict() == {
        "id": "00000000-0000-4000-8000-000000000007",
        "platform": "Facebook",
        "category": "Marketing",
        "name": "_fbp",
        "prefix": False,
        "domains": ["facebook.com"],
        "third_party": True,
        "retention": "3 Months",
        "duration": "3 months",
        "refresh": None,
        "controller": "Meta",
        "privacy_link": "https://www.facebook.com/privacy/policy/",
        "description": "Identifies browsers for advertising.",
    }


def test_domains_compared_as_hosts() -> None:
    assert host(" .WWW.Example.org. ") == "www.example.org"
    assert host("https://a.example:443/path") == "a.example"
    entry = KnownEntry(
        "i", "p", "Analytics", "n", False, ("a.example",), False, "", "", None, None, "", ""
    )
    assert entry.matches_domain("a.example") and entry.matches_domain("x.a.example")
    assert entry.matches_domain(".example")  # a parent domain: a cookie set for all of it
    assert not entry.matches_domain("ba.example") and not entry.matches_domain("")
