"""Durations and dates in any language, from Babel's CLDR data.

A duration's parts ("1 year", "6 months") take CLDR's long unit patterns with
the language's plural rules, and are joined with its list pattern ("1 Jahr und
6 Monate"). Numbers are written with plain digits, as the catalogue writes
them, and spaces are plain ones (CLDR's French patterns have no-break spaces).
English takes the list pattern of British English, the built-in texts'
spelling ("1 year, 6 months and 2 days", no serial comma).

Babel is imported on first use, and every result is cached per language: a
10,000-cookie export formats a few dozen distinct durations. English and French
are written from the word tables of :mod:`consent_tui.core.durations`, which
give exactly what CLDR gives (a test holds them equal): an export in either
then does not import Babel and load its data (about 50 ms, a seventh of the
time ``tomllib`` takes to read a 10,000-cookie catalogue).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

_UNIT_KEYS = {
    "second": "duration-second",
    "minute": "duration-minute",
    "hour": "duration-hour",
    "day": "duration-day",
    "week": "duration-week",
    "month": "duration-month",
    "year": "duration-year",
}
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})  # plain spaces, as the texts have
_LIST_LOCALE = {"en": "en_GB"}  # the built-in English texts are British


def _tag(lang: str) -> str:
    return lang.replace("-", "_")


@lru_cache(maxsize=64)
def _locale(lang: str) -> Any:
    """Babel's locale for a language tag (``pt-BR`` -> ``pt_BR``), or ``None``."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(_tag(lang))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def has_locale(lang: str) -> bool:
    """Whether CLDR has data for ``lang`` (its durations and dates can be written)."""
    return _locale(lang) is not None


_TABLES = frozenset(("en", "fr"))  # languages the durations module has words for


def duration_words(parts: tuple[tuple[int, str], ...], lang: str) -> str | None:
    """A fixed duration's parts in ``lang``: the word tables for en/fr, else CLDR."""
    primary = lang.split("-", 1)[0].lower()
    if primary in _TABLES:
        from consent_tui.core.durations import Duration, format_duration

        return format_duration(Duration("fixed", parts), primary)
    return duration_parts(parts, lang)


@lru_cache(maxsize=8192)
def duration_parts(parts: tuple[tuple[int, str], ...], lang: str) -> str | None:
    """``((1, "year"), (6, "month"))`` in ``lang``; ``None`` when CLDR has no such language."""
    locale = _locale(lang)
    if locale is None:
        return None
    patterns = locale._data["unit_patterns"]
    items = []
    for number, unit in parts:
        forms = patterns[_UNIT_KEYS[unit]]["long"]
        form = locale.plural_form(number)
        pattern = forms.get(form) or forms.get("other") or "{0} " + unit
        items.append(pattern.replace("{0}", str(number)).translate(_SPACES))
    if len(items) == 1:
        return items[0]
    from babel.lists import format_list

    primary = lang.split("-", 1)[0].lower()
    return str(format_list(items, locale=_LIST_LOCALE.get(primary, locale)))


@lru_cache(maxsize=256)
def long_date(day: dt.date, lang: str) -> str | None:
    """A date written out in ``lang`` ("28. November 2026"); ``None`` without CLDR data."""
    locale = _locale(lang)
    if locale is None:
        return None
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=locale))


@lru_cache(maxsize=512)
def plural_category(lang: str, number: int) -> str:
    """CLDR's plural category of ``number`` in ``lang`` (``one``, ``few``, ``other``...)."""
    locale = _locale(lang)
    return str(locale.plural_form(number)) if locale is not None else "other"
