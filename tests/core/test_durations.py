"""Durations: the syntax the format accepts, seconds, and rendering in English and French."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consent_tui.core.durations import (
    UNIT_SECONDS,
    Duration,
    DurationError,
    format_duration,
    parse_duration,
    supported_languages,
    try_parse,
)

DAY = 86400
MONTH = UNIT_SECONDS["month"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("2 weeks", ((2, "week"),)),
        ("1 year", ((1, "year"),)),
        ("13 months", ((13, "month"),)),
        ("13months", ((13, "month"),)),
        ("  30 Minutes ", ((30, "minute"),)),
        ("90 DAYS", ((90, "day"),)),
        ("1 sec", ((1, "second"),)),
        ("5 mins", ((5, "minute"),)),
        ("1 year 6 months", ((1, "year"), (6, "month"))),
        ("1 year, 6 months and 2 days", ((1, "year"), (6, "month"), (2, "day"))),
        ("1 year and2 months", ((1, "year"), (2, "month"))),
        ("0 seconds", ((0, "second"),)),
        ("P13M", ((13, "month"),)),
        ("P1Y6M", ((1, "year"), (6, "month"))),
        ("P2W", ((2, "week"),)),
        ("PT30M", ((30, "minute"),)),
        ("P1DT12H", ((1, "day"), (12, "hour"))),
    ],
)
def test_fixed_durations_keep_the_units_written(text: str, parts: tuple[object, ...]) -> None:
    duration = parse_duration(text)
    assert duration.kind == "fixed"
    assert duration.parts == parts


def test_iso_parts_in_order() -> None:
    assert parse_duration("P1Y2M3W4DT5H6M7S").parts == (
        (1, "year"),
        (2, "month"),
        (3, "week"),
        (4, "day"),
        (5, "hour"),
        (6, "minute"),
        (7, "second"),
    )


@pytest.mark.parametrize("text", ["session", "Session", " SESSION "])
def test_session(text: str) -> None:
    assert parse_duration(text) == Duration("session")
    assert parse_duration(text).seconds == 0


def test_persistent_has_no_seconds() -> None:
    duration = parse_duration("persistent")
    assert duration.kind == "persistent"
    assert duration.seconds is None
    assert duration.months is None


def test_seconds_and_months() -> None:
    assert parse_duration("2 weeks").seconds == 14 * DAY
    assert parse_duration("1 year").seconds == 12 * MONTH
    assert parse_duration("P1Y").months == 12
    assert parse_duration("13 months").months == 13
    assert parse_duration("395 days").months == pytest.approx(12.98, abs=0.01)
    assert parse_duration("1 hour 30 minutes").seconds == 5400


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "forever",
        "13",
        "months",
        "1.5 years",
        "-1 day",
        "3 fortnights",
        "3 days,",
        ", 3 days",
        "and 3 days",
        "3 days and",
        "3 days or 2 weeks",
        "٣ days",  # Arabic-Indic digit
        "P",
        "PT",
        "P1YT",
        "p1y",
        "P1.5Y",
        "P1H",
        "1 year P1M",
    ],
)
def test_invalid_durations(text: str) -> None:
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    assert '"session"' in str(info.value)  # the message shows the syntax
    assert try_parse(text) is None


@pytest.mark.parametrize("value", [None, 3, 1.5, ["1 day"], {"en": "1 day"}])
def test_try_parse_refuses_non_strings(value: object) -> None:
    assert try_parse(value) is None


@pytest.mark.parametrize(
    ("text", "en", "fr"),
    [
        ("session", "session", "session"),
        ("persistent", "persistent", "persistant"),
        ("1 year", "1 year", "1 an"),
        ("2 years", "2 years", "2 ans"),
        ("13 months", "13 months", "13 mois"),
        ("1 month", "1 month", "1 mois"),
        ("2 weeks", "2 weeks", "2 semaines"),
        ("1 day", "1 day", "1 jour"),
        ("0 days", "0 days", "0 jour"),  # French uses the singular for 0 and 1
        ("0 seconds", "0 seconds", "0 seconde"),
        ("1 hour", "1 hour", "1 heure"),
        ("30 minutes", "30 minutes", "30 minutes"),
        ("1 second", "1 second", "1 seconde"),
        ("P1Y6M", "1 year and 6 months", "1 an et 6 mois"),
        ("1 year, 6 months, 2 days", "1 year, 6 months and 2 days", "1 an, 6 mois et 2 jours"),
        ("13Months", "13 months", "13 mois"),
    ],
)
def test_format_in_english_and_french(text: str, en: str, fr: str) -> None:
    duration = parse_duration(text)
    assert format_duration(duration, "en") == en
    assert format_duration(duration, "fr") == fr


def test_unknown_language_falls_back_to_english() -> None:
    assert format_duration(parse_duration("2 days"), "de") == "2 days"
    assert set(supported_languages()) == {"en", "fr"}


_units = st.sampled_from(sorted({*UNIT_SECONDS, *(u + "s" for u in UNIT_SECONDS)}))
_parts = st.lists(st.tuples(st.integers(0, 10_000), _units), min_size=1, max_size=4)
_seps = st.sampled_from([" ", ", ", " and ", ""])


@given(_parts, _seps)
def test_written_durations_round_trip_through_formatting(
    parts: list[tuple[int, str]], sep: str
) -> None:
    text = sep.join(f"{n} {unit}" for n, unit in parts)
    duration = parse_duration(text)
    assert duration.seconds == sum(n * UNIT_SECONDS[u.removesuffix("s")] for n, u in parts)
    # the English rendering is itself a valid duration with the same value
    assert parse_duration(format_duration(duration, "en")) == duration


@given(st.text(max_size=30))
def test_any_text_parses_or_raises_duration_error(text: str) -> None:
    try:
        duration = parse_duration(text)
    except DurationError:
        return
    assert duration.kind in ("session", "persistent", "fixed")


@pytest.mark.parametrize(
    "text", ["1" * 5000 + " days", "P" + "1" * 5000 + "D", "9" * 19 + " seconds"]
)
def test_a_number_with_too_many_digits_is_a_duration_error(text: str) -> None:
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    message = str(info.value)
    assert "digits, more than the 18 a duration may use" in message
    assert len(message) < 300  # the number is cut, not repeated in full
    assert try_parse(text) is None


def test_eighteen_digits_are_read() -> None:
    assert parse_duration("9" * 18 + " seconds").seconds == 10**18 - 1
