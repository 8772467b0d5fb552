"""Parse and render storage durations ("session", "13 months", "P1Y6M")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

# Average Gregorian lengths, so that 12 months make exactly one year.
UNIT_SECONDS: Final = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "month": 2629746,
    "year": 31556952,
}
UNITS: Final = tuple(UNIT_SECONDS)

_ALIASES: Final = {
    **{u: u for u in UNITS},
    **{u + "s": u for u in UNITS},
    "sec": "second",
    "secs": "second",
    "min": "minute",
    "mins": "minute",
}
_PART = re.compile(r"([0-9]+)\s*([a-z]+)")
_SEPARATORS = re.compile(r"\s*(?:,|\band\b)\s*|\s+")
_ISO = re.compile(
    r"P(?!$)(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?"
    r"(?:T(?=[0-9])(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?"
)
_ISO_UNITS: Final = ("year", "month", "week", "day", "hour", "minute", "second")

Kind = Literal["session", "persistent", "fixed"]

# Longer numbers are refused with a clear message (Python reads at most 4,300
# digits, and no storage duration needs anywhere near 18).
MAX_DIGITS: Final = 18


class DurationError(ValueError):
    """The text is not a duration this format understands."""


@dataclass(frozen=True, slots=True)
class Duration:
    """A parsed duration; ``parts`` keep the units the user wrote."""

    kind: Kind
    parts: tuple[tuple[int, str], ...] = ()

    @property
    def seconds(self) -> int | None:
        """Lifetime in seconds: 0 for a session, ``None`` when persistent."""
        if self.kind == "session":
            return 0
        if self.kind == "persistent":
            return None
        return sum(n * UNIT_SECONDS[unit] for n, unit in self.parts)

    @property
    def months(self) -> float | None:
        """Lifetime in (average) months, for comparisons with legal limits."""
        secs = self.seconds
        return None if secs is None else secs / UNIT_SECONDS["month"]


SYNTAX_HINT: Final = (
    'use "session", "persistent", "<number> <unit>" with a unit from second to year '
    '(e.g. "13 months", "1 year 6 months"), or ISO 8601 such as "P13M"'
)


@lru_cache(maxsize=4096)
def parse_duration(text: str) -> Duration:
    """Parse ``text``; raise :class:`DurationError` when it is not a duration."""
    raw = text.strip()
    lowered = raw.lower()
    if lowered == "session":
        return Duration("session")
    if lowered == "persistent":
        return Duration("persistent")
    if raw.startswith("P"):
        return _parse_iso(raw)
    parts: list[tuple[int, str]] = []
    pos = 0
    for match in _PART.finditer(lowered):
        gap = lowered[pos : match.start()]
        if gap and (pos == 0 or _SEPARATORS.fullmatch(gap) is None):
            raise DurationError(f"cannot read {gap.strip()!r} in duration {text!r}; {SYNTAX_HINT}")
        unit = _ALIASES.get(match.group(2))
        if unit is None:
            raise DurationError(f"unknown unit {match.group(2)!r} in {text!r}; {SYNTAX_HINT}")
        parts.append((_number(match.group(1)), unit))
        pos = match.end()
    if not parts or lowered[pos:].strip():
        raise DurationError(f"{text!r} is not a duration; {SYNTAX_HINT}")
    return Duration("fixed", tuple(parts))


def _parse_iso(text: str) -> Duration:
    match = _ISO.fullmatch(text)
    if match is None:
        raise DurationError(f"{text!r} is not an ISO 8601 duration; {SYNTAX_HINT}")
    parts = tuple(
        (_number(value), unit)
        for value, unit in zip(match.groups(), _ISO_UNITS, strict=True)
        if value
    )
    return Duration("fixed", parts)


def _number(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        shown = digits if len(digits) <= 24 else digits[:12] + "…"
        raise DurationError(
            f"the number {shown} has {len(digits):,} digits, "
            f"more than the {MAX_DIGITS} a duration may use; {SYNTAX_HINT}"
        )
    return int(digits)


def try_parse(text: object) -> Duration | None:
    """The duration, or ``None`` when ``text`` is not a valid one."""
    if not isinstance(text, str):
        return None
    try:
        return parse_duration(text)
    except DurationError:
        return None


_WORDS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "en": {
        "second": ("second", "seconds"),
        "minute": ("minute", "minutes"),
        "hour": ("hour", "hours"),
        "day": ("day", "days"),
        "week": ("week", "weeks"),
        "month": ("month", "months"),
        "year": ("year", "years"),
        "session": ("session", "session"),
        "persistent": ("persistent", "persistent"),
    },
    "fr": {
        "second": ("seconde", "secondes"),
        "minute": ("minute", "minutes"),
        "hour": ("heure", "heures"),
        "day": ("jour", "jours"),
        "week": ("semaine", "semaines"),
        "month": ("mois", "mois"),
        "year": ("an", "ans"),
        "session": ("session", "session"),
        "persistent": ("persistant", "persistant"),
    },
}
_AND: Final = {"en": "and", "fr": "et"}


def _singular(n: int, lang: str) -> bool:
    """English uses the singular for 1 only; French for 0 and 1."""
    return n in (0, 1) if lang == "fr" else n == 1


def format_duration(duration: Duration, lang: str) -> str:
    """Render ``duration`` in ``lang`` (English when the language is unknown).

    Parts are joined as a list: "1 year and 6 months", "1 an, 6 mois et 2 jours".
    """
    if lang not in _WORDS:
        lang = "en"
    words = _WORDS[lang]
    if duration.kind != "fixed":
        return words[duration.kind][0]
    items = [f"{n} {words[unit][0 if _singular(n, lang) else 1]}" for n, unit in duration.parts]
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {_AND[lang]} {items[-1]}"


def supported_languages() -> tuple[str, ...]:
    """Languages :func:`format_duration` has words for."""
    return tuple(_WORDS)
