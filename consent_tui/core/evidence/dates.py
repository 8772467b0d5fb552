"""Dates as recordings write them: cookie dates (RFC 6265), ISO 8601, epoch seconds.

:func:`cookie_date` follows the lenient algorithm of RFC 6265 section 5.1.1,
which browsers use for ``Expires``: it finds a time, a day, a month name and a
year among the tokens in any order, so ``Wed, 21 Oct 2026 07:28:00 GMT``,
``Wednesday, 21-Oct-26 07:28:00 GMT`` and ``Wed Oct 21 07:28:00 2026`` all read.
Every date is returned as an aware UTC datetime.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

_DELIMITER = re.compile(r"[\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+")
_TIME = re.compile(r"(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D.*)?$")
_DAY = re.compile(r"(\d{1,2})(?:\D.*)?$")
_YEAR = re.compile(r"(\d{2,4})(?:\D.*)?$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
UTC = dt.UTC
# Far enough for any cookie, near enough for datetime (year 9999) after adding lifetimes.
_MAX_EPOCH = 253_402_300_799 // 2


@lru_cache(maxsize=4096)  # recordings repeat their Date and Expires values
def cookie_date(text: str) -> dt.datetime | None:
    """An ``Expires`` value as an aware UTC datetime, ``None`` when it is no date."""
    time: tuple[int, int, int] | None = None
    day = month = year = None
    for token in _DELIMITER.split(text):
        if not token:
            continue
        if time is None and (m := _TIME.match(token)):
            time = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif day is None and (m := _DAY.match(token)):
            day = int(m.group(1))
        elif month is None and token[:3].lower() in _MONTHS:
            month = _MONTHS.index(token[:3].lower()) + 1
        elif year is None and (m := _YEAR.match(token)):
            year = int(m.group(1))
    if time is None or day is None or month is None or year is None:
        return None
    if 70 <= year <= 99:
        year += 1900
    elif 0 <= year <= 69:
        year += 2000
    hour, minute, second = time
    if year < 1601 or hour > 23 or minute > 59 or second > 59:
        return None
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:  # 31 February and the like
        return None


def iso_date(value: object) -> dt.datetime | None:
    """An ISO 8601 date-time (``Z`` or an offset; naive means UTC), else ``None``."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def epoch(value: object) -> dt.datetime | None:
    """Seconds since 1970 (an int or float, as cookie stores write them), else ``None``.

    Zero and negative numbers mean "no expiry" in those stores, so they give ``None``.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value <= 0:
        return None
    return dt.datetime.fromtimestamp(min(value, _MAX_EPOCH), tz=UTC)


def any_date(value: object) -> dt.datetime | None:
    """An epoch number, an ISO 8601 string, a cookie date string, or a datetime (YAML)."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, str):
        return iso_date(value) or cookie_date(value)
    return epoch(value)


def seconds_between(start: dt.datetime | None, end: dt.datetime | None) -> int | None:
    """Whole seconds from ``start`` to ``end`` (``None`` if either is unknown)."""
    if start is None or end is None:
        return None
    return round((end - start).total_seconds())
