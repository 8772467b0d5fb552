"""Set-Cookie and Cookie headers, and cookie dates, as browsers read them."""

from __future__ import annotations

import datetime as dt

import pytest

from consent_tui.core.evidence.dates import any_date, cookie_date, epoch, iso_date
from consent_tui.core.evidence.setcookie import (
    parse_cookie_header,
    parse_set_cookie,
    split_header,
)

UTC = dt.UTC


@pytest.mark.parametrize(
    "text",
    [
        "Wed, 21 Oct 2026 07:28:00 GMT",
        "Wednesday, 21-Oct-26 07:28:00 GMT",
        "Wed Oct 21 07:28:00 2026",
        "21 Oct 2026 07:28:00",
        "Wed, 21-oct-2026 07:28:00 UTC",
    ],
)
def test_cookie_dates_in_every_usual_format(text: str) -> None:
    assert cookie_date(text) == dt.datetime(2026, 10, 21, 7, 28, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    ["", "garbage", "Sat, 31-Feb-2026 00:00:00 GMT", "Wed, 21 Oct 2026", "25:00:00 1 Jan 2026"],
)
def test_what_is_no_cookie_date(text: str) -> None:
    assert cookie_date(text) is None


def test_two_digit_years_follow_rfc_6265() -> None:
    assert cookie_date("Thu, 01-Jan-70 00:00:01 GMT") == dt.datetime(
        1970, 1, 1, 0, 0, 1, tzinfo=UTC
    )
    assert cookie_date("Mon, 01-Jan-69 00:00:01 GMT") == dt.datetime(
        2069, 1, 1, 0, 0, 1, tzinfo=UTC
    )


def test_iso_and_epoch_dates() -> None:
    assert iso_date("2026-03-01T10:00:00.5+01:00") == dt.datetime(
        2026, 3, 1, 9, 0, 0, 500000, tzinfo=UTC
    )
    assert iso_date("2026-03-01T10:00:00") == dt.datetime(2026, 3, 1, 10, tzinfo=UTC)
    assert iso_date("yesterday") is None and iso_date(3) is None
    assert epoch(1772359200) == dt.datetime(2026, 3, 1, 10, tzinfo=UTC)
    assert epoch(-1) is None and epoch(0) is None and epoch(True) is None
    assert epoch(float("inf")) is None and epoch(1e300) is not None  # capped, never an error
    assert any_date(dt.datetime(2026, 3, 1)) == dt.datetime(2026, 3, 1, tzinfo=UTC)


def test_attributes_in_any_case_and_spacing() -> None:
    sc = parse_set_cookie(
        ' id = "quoted" ;PATH=/a ; dOmAiN=.Example.ORG;SECURE; httponly ; SameSite = lax;'
        " Max-Age = 60 ; Priority=High; Partitioned"
    )
    assert sc is not None
    assert (sc.name, sc.value_size, sc.path, sc.domain) == ("id", 8, "/a", "example.org")
    assert (sc.secure, sc.http_only, sc.same_site, sc.max_age) == (True, True, "Lax", 60)


def test_max_age_wins_and_bad_numbers_are_ignored() -> None:
    sc = parse_set_cookie("a=1; Max-Age=12x; Expires=Wed, 21 Oct 2026 07:28:00 GMT")
    assert sc is not None and sc.max_age is None and sc.expires is not None
    huge = parse_set_cookie("a=1; Max-Age=" + "9" * 5000)
    assert huge is not None and huge.max_age == 10**18  # no 4,300-digit int() error
    assert parse_set_cookie("a=1; max-age=-5").max_age == -5  # type: ignore[union-attr]


def test_values_and_names_missing() -> None:
    assert parse_set_cookie("flag") == parse_set_cookie("=flag")  # RFC 6265bis: empty name
    empty_value = parse_set_cookie("a=; Path=/")
    assert empty_value is not None and (empty_value.name, empty_value.value_size) == ("a", 0)
    assert parse_set_cookie("") is None and parse_set_cookie("  ;  Path=/") is None
    assert parse_set_cookie("a=1; Domain=").domain is None  # type: ignore[union-attr]
    assert parse_set_cookie("a=1; Path=relative").path is None  # type: ignore[union-attr]


def test_several_cookies_in_one_header() -> None:
    value = "a=1; Path=/\nb=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT\r\n\nc=3"
    assert [parse_set_cookie(x).name for x in split_header(value)] == ["a", "b", "c"]  # type: ignore[union-attr]
    folded = "a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/, b=2; Path=/"
    parts = split_header(folded)
    assert [parse_set_cookie(x).name for x in parts] == ["a", "b"]  # type: ignore[union-attr]
    assert parse_set_cookie(parts[0]).expires is not None  # type: ignore[union-attr]


def test_cookie_request_header() -> None:
    assert parse_cookie_header("a=1; b=; c=x=y;;flag") == [("a", 1), ("b", 0), ("c", 3), ("", 4)]
