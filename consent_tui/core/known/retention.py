"""Retention texts of the database ("1 Year", "End of session (browser)") as catalogue durations.

The database writes lifetimes in free text, about 175 spellings in all. Those
that say one lifetime plainly are read into the catalogue's duration syntax
(:mod:`consent_tui.core.durations`), written the one canonical way
(``"1 year"``, ``"30 minutes"``, ``"session"``, ``"persistent"``); the rest
("Unknown", "Varies", "Session to 30 days", a date) are reported as unparsed,
never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from consent_tui.core.durations import Duration, DurationError, parse_duration

SESSION_WORDS: Final = frozenset(
    (
        "session",
        "sessions",
        "session cookie",
        "browser session",
        "end of session",
        "end of session (browser)",
        "end of browser session",
        "until the browser is closed",
    )
)
PERSISTENT_WORDS: Final = frozenset(
    ("persistent", "permanent", "forever", "unlimited", "no expiration", "never expires")
)
# "2 years after last activity": the lifetime starts again on each visit.
_AFTER_ACTIVITY = re.compile(r"(.+?)\s+after\s+(?:the\s+)?last\s+(?:activity|visit|use)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Retention:
    """What a retention text says: a catalogue duration (or ``None``) and whether it refreshes."""

    duration: str | None
    refresh: bool | None = None

    @property
    def parsed(self) -> bool:
        return self.duration is not None


UNPARSED: Final = Retention(None)


@lru_cache(maxsize=1024)
def parse_retention(text: str) -> Retention:
    """Read one retention text; :data:`UNPARSED` when it is not one plain lifetime."""
    plain = _SPACES.sub(" ", text.strip().lower())
    if not plain:
        return UNPARSED
    after = _AFTER_ACTIVITY.fullmatch(plain)
    if after is not None:
        inner = _duration(after.group(1))
        return Retention(inner, True) if inner is not None else UNPARSED
    return Retention(_duration(plain))


def _duration(plain: str) -> str | None:
    if plain in SESSION_WORDS:
        return "session"
    if plain in PERSISTENT_WORDS:
        return "persistent"
    try:
        duration = parse_duration(plain)
    except DurationError:
        return None
    return canonical(duration)


def canonical(duration: Duration) -> str:
    """``duration`` written the catalogue's plain way: ``"1 year 6 months"``, ``"session"``."""
    if duration.kind != "fixed":
        return duration.kind
    return " ".join(f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in duration.parts)
