"""Retention texts of the database read as catalogue durations, or reported as unparsed."""

from __future__ import annotations

import pytest

from consent_tui.core.durations import parse_duration
from consent_tui.core.known.read import read_path
from consent_tui.core.known.retention import Retention, canonical, parse_retention
from tests.core.known_support import SMALL_CSV


@pytest.mark.parametrize(
    ("text", "duration", "refresh"),
    [
        ("1 year", "1 year", None),
        ("1 Year", "1 year", None),
        (" 1 year ", "1 year", None),
        ("2 year", "2 years", None),
        ("1 months", "1 month", None),
        ("30 mins", "30 minutes", None),
        ("30 secs", "30 seconds", None),
        ("90 sec", "90 seconds", None),
        ("1440 Minutes", "1440 minutes", None),
        ("0 days", "0 days", None),
        ("Session", "session", None),
        ("session", "session", None),
        ("Sessions", "session", None),
        ("session cookie", "session", None),
        ("End of session (browser)", "session", None),
        ("End  of   session (browser)", "session", None),
        ("Persistent", "persistent", None),
        ("forever", "persistent", None),
        ("Unlimited", "persistent", None),
        ("permanent", "persistent", None),
        ("no expiration", "persistent", None),
        ("2 years after last activity", "2 years", True),
        ("180 days after last activity ", "180 days", True),
        ("30 minutes after the last visit", "30 minutes", True),
    ],
)
def test_plain_lifetimes_read_as_catalogue_durations(
    text: str, duration: str, refresh: bool | None
) -> None:
    assert parse_retention(text) == Retention(duration, refresh)
    assert canonical(parse_duration(duration)) == duration  # valid catalogue syntax, canonical


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Unknown",
        "undefined",
        "Varies",
        "various",
        "Local Storage",
        "Seesion",
        "1 hour or longer",
        "Session to 30 days",
        "1 week to 1 year",
        "30 seconds till 1 year",
        "10 Nov 2030",
        "Immediately removed",
        "6 months by default, modifiable",
        "180 days after last activity or 10 years when opting out",
        "30 minutes, 3w or 1y depending on value",
        "14 days if you select Remember Me. Otherwise, Session.",
        "10 years from set/ update",
        "Awin",
        "P1Y",  # ISO is the catalogue's syntax, not the database's: not guessed from "p1y"
        "after last activity",
        "99999999999999999999 days",
    ],
)
def test_other_texts_are_unparsed_never_guessed(text: str) -> None:
    assert parse_retention(text) == Retention(None)
    assert not parse_retention(text).parsed


def test_every_retention_text_of_the_fixture_parses_or_is_reported_unparsed() -> None:
    report = read_path(SMALL_CSV).report
    spellings = set(report.retention)
    parsed = set(report.parsed_spellings())
    unparsed = {text for text, _count in report.unparsed()}
    assert parsed | unparsed == spellings and not parsed & unparsed
    assert unparsed == {"Unknown", "Varies", "Session to 30 days", "10 Nov 2030", ""}
    assert sorted(parsed) == sorted(
        [
            "1 Minute",
            "1 year",
            "13 Months",
            "13 months",
            "2 years",
            "24 hours",
            "3 Months",
            "30 minutes after last activity",
            "30 mins",
            "365 days",
            "90 Days",
            "End of session (browser)",
            "Session",
            "forever",
            "1 day",
            "persistent",
            "session",
        ]
    )
    summary = report.summary()
    assert summary["retention_spellings"] == 22
    assert summary["retention_parsed"] == 17
    assert summary["retention_parsed_rows"] == 24 - 5
    assert summary["retention_unparsed"] == {
        "": 1,
        "10 Nov 2030": 1,
        "Session to 30 days": 1,
        "Unknown": 1,
        "Varies": 1,
    }
