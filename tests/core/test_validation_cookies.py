"""Cookie rules: duplicates and overlapping patterns, URLs and domains, durations, lifetimes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consent_tui.core.model import Catalogue, Cookie, Policy, Service
from consent_tui.core.validation import validate
from tests.core.validation_support import check, compose, edited, found, messages


def _cookies(*cookies: dict[str, Any], service: str = "site") -> str:
    def edit(data: dict[str, Any]) -> None:
        data["services"][service]["cookies"] = list(cookies)

    return edited(edit)


def _rule(text: str, rule: str) -> list[tuple[str | None, str]]:
    return [(p.entity_id, p.message) for p in check(text) if p.rule == rule]


# -- duplicates


def test_duplicate_cookie_across_services_on_the_same_domain() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["services"]["stats"]["cookies"].append({"name": "session", "duration": "1 day"})

    assert _rule(edited(edit), "duplicate-cookie") == [
        (
            "stats/1",
            "cookie `session` of service `stats` is already declared as `session` of "
            "service `site` (domain www.example.org)",
        ),
    ]


def test_same_name_on_other_domains_or_storage_is_no_duplicate() -> None:
    text = _cookies(
        {"name": "id", "duration": "1 day"},
        {"name": "id", "duration": "1 day", "domain": ".video.example"},
        {"name": "id", "duration": "persistent", "type": "local_storage"},
    )
    assert _rule(text, "duplicate-cookie") == []


def test_site_domain_and_leading_dot_are_the_same_domain() -> None:
    text = _cookies(
        {"name": "id", "duration": "1 day"},
        {"name": "id", "duration": "1 day", "domain": "WWW.example.org"},
        {"name": "x", "duration": "1 day", "domain": ".ads.example"},
        {"name": "x", "duration": "1 day", "domain": "ads.example"},
    )
    assert [e for e, _m in _rule(text, "duplicate-cookie")] == ["site/1", "site/3"]


def test_pattern_matching_an_earlier_name_and_a_later_one() -> None:
    text = _cookies(
        {"name": "_ga", "duration": "1 day"},
        {"name": "_ga_ABC", "duration": "1 day"},
        {"name": "_ga_*", "duration": "1 day"},
        {"name": "_ga_XYZ", "duration": "1 day"},
        {"name": "_gid", "duration": "1 day"},
    )
    assert _rule(text, "overlapping-cookie-pattern") == [
        ("site/2", "cookie `_ga_*` of service `site` also matches `_ga_ABC` of service `site`"),
        (
            "site/3",
            "cookie `_ga_XYZ` of service `site` is also matched by the pattern `_ga_*` "
            "of service `site`",
        ),
    ]


@pytest.mark.parametrize(
    ("first", "second", "overlap"),
    [
        ("_ga*", "_ga_*", True),
        ("*_id", "_pk*", True),
        ("a*b", "a*c", False),
        ("a*x*b", "ay*b", True),
        ("_pk_id.*", "_pk_ses.*", False),
        ("pre*", "*post", True),
        ("ab*", "ac*", False),
    ],
)
def test_two_patterns(first: str, second: str, overlap: bool) -> None:
    text = _cookies({"name": first, "duration": "1 day"}, {"name": second, "duration": "1 day"})
    assert bool(_rule(text, "overlapping-cookie-pattern")) is overlap


def test_a_lone_star_is_too_broad() -> None:
    text = _cookies({"name": "**", "duration": "1 day"})
    assert _rule(text, "too-broad-pattern") == [
        ("site/0", "cookie `**` of service `site` matches every name")
    ]


def _glob_overlap(a: str, b: str) -> bool:
    """Brute force: is some string matched by both globs? (product of their automata)"""
    seen: set[tuple[int, int]] = set()
    todo = [(0, 0)]
    while todo:
        i, j = todo.pop()
        if (i, j) in seen:
            continue
        seen.add((i, j))
        if i < len(a) and a[i] == "*":
            todo.append((i + 1, j))
        if j < len(b) and b[j] == "*":
            todo.append((i, j + 1))
        if i == len(a) and j == len(b):
            return True
        if i < len(a) and j < len(b):
            ca, cb = a[i], b[j]
            if ca != "*" and cb != "*" and ca == cb:
                todo.append((i + 1, j + 1))
            elif ca == "*" and cb != "*":
                todo.append((i, j + 1))
            elif cb == "*" and ca != "*":
                todo.append((i + 1, j))
    return False


def _oracle(names: list[str]) -> set[int]:
    """Indexes of cookies that overlap an earlier, different one (one of them a pattern)."""
    out = set()
    for x, nx in enumerate(names):
        if nx in names[:x]:
            continue
        for ny in dict.fromkeys(names[:x]):
            if ("*" in nx or "*" in ny) and _glob_overlap(nx, ny):
                out.add(x)
                break
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab*", min_size=1, max_size=5), min_size=1, max_size=12))
def test_overlap_index_agrees_with_brute_force(names: list[str]) -> None:
    cookies = tuple(Cookie(name=n, duration="1 day") for n in names)
    catalogue = Catalogue(
        policy=Policy(site_url="https://example.org"),
        services={"s": Service(id="s", cookies=cookies)},
    )
    reported = {
        int(p.entity_id.split("/")[1])
        for p in validate(catalogue)
        if p.rule == "overlapping-cookie-pattern" and p.entity_id
    }
    assert reported == _oracle(names)


# -- URLs, domains, paths


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://www.example.org/privacy?x=1#y", None),
        ("https://xn--bcher-kva.example/", None),
        ("https://bücher.example/", None),
        ("http://127.0.0.1:8080/", None),
        ("www.example.org", "has no scheme (https://)"),
        ("ftp://example.org/", "uses the scheme ftp:, not https:"),
        ("https://", "has no host name"),
        ("https://exa mple.org", "holds spaces"),
        ("https://example.org:99999/", "is not a URL"),
        ("https://-bad-.example/", "has no valid host name"),
        ("/privacy", "has no scheme (https://)"),
    ],
)
def test_privacy_policy_urls(url: str, why: str | None) -> None:
    got = messages(f"[services.stats]\nprivacy_policy = '{url}'\n", "invalid-url")
    assert got == ([f'privacy_policy of service `stats` ("{url}") {why}'] if why else [])


@pytest.mark.parametrize(
    ("contact", "ok"),
    [
        ("mailto:dpo@example.org", True),
        ("mailto:dpo@example.org?subject=Cookies", True),
        ("https://example.org/contact", True),
        ("mailto:nobody", False),
        ("dpo@example.org", False),
        ("tel:+3212345678", False),
    ],
)
def test_contact(contact: str, ok: bool) -> None:
    assert (found(f"[policy]\ncontact = '{contact}'\n", "invalid-url") == []) is ok


def test_plain_http_is_a_warning() -> None:
    [p] = found(
        "[services.stats]\nprivacy_policy = 'http://stats.example/privacy'\n", "insecure-url"
    )
    assert (
        p.hint == 'write `privacy_policy = "https://stats.example/privacy"` if the site serves it'
    )


@pytest.mark.parametrize(
    ("domain", "hint"),
    [
        (".example.org", None),
        ("www.example.org", None),
        ("localhost", None),
        ("https://www.example.org/path", 'write `domain = "www.example.org"`'),
        ("*.example.org", 'write `domain = ".example.org"`: a leading dot covers the subdomains'),
        ("example.org/path", 'write `domain = "example.org"`'),
        ("example.org:443", 'write `domain = "example.org"`'),
        ("www.shop.example.", 'write `domain = "www.shop.example"`'),
        (".shop.example.", 'write `domain = ".shop.example"`'),
        ("www.shop.example..", 'write `domain = "www.shop.example"`'),
        (
            "exa mple.org",
            "write only the host name; a leading dot (`.example.org`) means the domain "
            "and its subdomains",
        ),
    ],
)
def test_cookie_domains(domain: str, hint: str | None) -> None:
    problems = found(
        f'[[services.site.cookies]]\nname = "s"\nduration = "session"\ndomain = "{domain}"\n',
        "invalid-domain",
    )
    if hint is None:
        assert problems == []
    else:
        assert [p.hint or "" for p in problems] == [hint]


def test_a_domain_ending_with_a_dot_says_why() -> None:
    fragment = (
        '[[services.site.cookies]]\nname = "s"\nduration = "1 day"\ndomain = "shop.example."\n'
    )
    [p] = found(fragment, "invalid-domain")
    assert p.message == (
        'domain of cookie `s` of service `site` ("shop.example.") ends with a dot: browsers take '
        '"shop.example." for another host than "shop.example", and do not match the two'
    )


@pytest.mark.parametrize(
    ("path", "ok"), [("/", True), ("/a/b", True), ("a", False), ("/a b", False)]
)
def test_cookie_paths(path: str, ok: bool) -> None:
    fragment = f'[[services.site.cookies]]\nname = "s"\nduration = "session"\npath = "{path}"\n'
    assert (found(fragment, "invalid-cookie-path") == []) is ok


# -- durations and lifetimes


def _duration(duration: str, kind: str = "http_cookie", service: str = "stats") -> str:
    return _cookies({"name": "c", "duration": duration, "type": kind}, service=service)


@pytest.mark.parametrize("text", ["13 mnths", "soon", "P1X", "1" * 5000 + " days"])
def test_invalid_durations(text: str) -> None:
    [(entity, message)] = _rule(_duration(text), "invalid-duration")
    assert entity == "stats/0" and message.startswith("duration of cookie `c` of service `stats`")


def test_persistent_http_cookie_and_browser_cap() -> None:
    assert _rule(_duration("persistent"), "persistent-http-cookie")
    assert not _rule(_duration("persistent", "local_storage"), "persistent-http-cookie")
    assert _rule(_duration("401 days"), "lifetime-over-browser-cap")
    assert not _rule(_duration("400 days"), "lifetime-over-browser-cap")
    assert not _rule(_duration("2 years", "local_storage"), "lifetime-over-browser-cap")


@pytest.mark.parametrize(
    ("kind", "duration", "mismatch"),
    [
        ("local_storage", "session", True),
        ("indexed_db", "session", True),
        ("session_storage", "persistent", True),
        ("session_storage", "session", False),
        ("local_storage", "30 days", False),
    ],
)
def test_storage_duration_mismatch(kind: str, duration: str, mismatch: bool) -> None:
    assert bool(_rule(_duration(duration, kind), "storage-duration-mismatch")) is mismatch


def test_missing_duration_names_the_cookie() -> None:
    assert _rule(_cookies({"name": "c"}), "missing-duration") == [
        ("site/0", "the duration of cookie `c` of service `site` is not given")
    ]
    assert _rule(_cookies({"name": "c", "duration": ""}), "missing-duration") == [
        ("site/0", "the duration of cookie `c` of service `site` is empty")
    ]


@pytest.mark.parametrize(
    ("duration", "kind", "flagged"),
    [
        ("13 months", "http_cookie", False),
        ("396 days", "http_cookie", False),
        ("1 year 1 month", "http_cookie", False),
        ("14 months", "http_cookie", True),
        ("P2Y", "http_cookie", True),
        ("persistent", "local_storage", True),
        ("session", "http_cookie", False),
    ],
)
def test_thirteen_months_in_exempt_categories(duration: str, kind: str, flagged: bool) -> None:
    assert bool(_rule(_duration(duration, kind, "site"), "lifetime-over-13-months")) is flagged
    # the same cookie in a category that asks for consent is never flagged
    assert not _rule(_duration(duration, kind, "stats"), "lifetime-over-13-months")


@pytest.mark.parametrize(
    ("duration", "kind", "rules"),
    [
        ("0 days", "http_cookie", ["zero-duration"]),
        ("PT0S", "http_cookie", ["zero-duration"]),
        ("P0D", "local_storage", ["zero-duration"]),
        ("0 minutes 0 seconds", "http_cookie", ["zero-duration"]),
        ("0 days 0 days", "http_cookie", ["zero-duration"]),
        ("1 day 1 day", "http_cookie", ["repeated-duration-unit"]),
        ("1 Day, 2 days", "local_storage", ["repeated-duration-unit"]),
        ("6 months 6 months", "http_cookie", ["repeated-duration-unit"]),
        ("6 months 2 weeks", "http_cookie", []),
        ("1 year 0 months", "http_cookie", []),
        ("1 week 7 days", "http_cookie", []),
        ("session", "http_cookie", []),
    ],
)
def test_zero_durations_and_repeated_units(duration: str, kind: str, rules: list[str]) -> None:
    problems = [p for p in check(_duration(duration, kind)) if p.field == "duration"]
    assert [(p.rule, p.severity) for p in problems] == [(r, "warning") for r in rules]


def test_repeated_unit_names_the_sum() -> None:
    [p] = found(
        "[[services.stats.cookies]]\nname = 'c'\nduration = '1 year 6 months 1 year'\n",
        "repeated-duration-unit",
    )
    assert p.message == (
        'duration of cookie `c` of service `stats` ("1 year 6 months 1 year") names the unit '
        "year twice; the parts add up to 2 years and 6 months"
    )
    assert p.hint == 'write `duration = "2 years and 6 months"` if that is the lifetime meant'
    [p] = found("[[services.stats.cookies]]\nname = 'c'\nduration = '0 days'\n", "zero-duration")
    assert p.message == 'duration of cookie `c` of service `stats` is "0 days", a lifetime of zero'


@pytest.mark.parametrize(
    ("lifetime", "rules"),
    [
        ("3 months 3 months", ["repeated-duration-unit"]),
        ("6 months 6 months", ["repeated-duration-unit", "consent-lifetime-too-long"]),
        ("1 month 1 week", []),
    ],
)
def test_repeated_unit_in_the_consent_lifetime(lifetime: str, rules: list[str]) -> None:
    fragment = f"[banner]\nconsent_lifetime = '{lifetime}'\n"
    problems = [p for p in check(compose(fragment)) if p.entity == "banner"]
    assert [p.rule for p in problems] == rules
