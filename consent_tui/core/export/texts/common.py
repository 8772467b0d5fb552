"""What the built-in texts of several languages share."""

from __future__ import annotations

import datetime as dt

from consent_tui.core.export import cldr


def cldr_date(day: int, month: int, year: int, lang: str) -> str:
    """The long date of ``lang`` from CLDR ("28. November 2026", "28 de noviembre de 2026")."""
    return cldr.long_date(dt.date(year, month, day), lang) or f"{year:04d}-{month:02d}-{day:02d}"
