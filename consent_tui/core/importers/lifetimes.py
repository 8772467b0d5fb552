"""Lifetimes as tables write them, read into the catalogue's duration syntax where they can be.

"2 years", "1 Jahr", "13 mois", "1 año y 6 meses", "Expires after 2 years",
"30d", "Session", "End of session", "Persistent", "Never": the unit words of
the seven built-in languages come from CLDR (Babel's long and short unit
patterns, with a few forms CLDR leaves out, such as German datives), the
session and never-ending words from :mod:`vocabulary`. A text is read only
when it names one lifetime: one run of "<number> <unit>" parts (joined by
spaces, commas or "and") with words around it, or a session or never-ending
phrase. Ranges ("between 1 and 2 years"), alternatives ("30 minutes or 2
years") and fractions ("1.5 years") are not read: the text stays as written,
for a person to decide.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from consent_tui.core import durations
from consent_tui.core.importers.vocabulary import fold, folded_sets

LANGUAGES: Final = ("en", "fr", "de", "es", "it", "nl", "pt")
_UNITS: Final = ("second", "minute", "hour", "day", "week", "month", "year")
_EXTRA: Final = {
    **dict.fromkeys(("d", "day"), "day"),
    **dict.fromkeys(("h", "hr", "hrs", "hour"), "hour"),
    **dict.fromkeys(("y", "yr", "yrs"), "year"),
    **dict.fromkeys(("w", "wk", "wks"), "week"),
    **dict.fromkeys(("s", "sec", "secs"), "second"),
    **dict.fromkeys(("min", "mins"), "minute"),
    **dict.fromkeys(("mo", "mos", "mth", "mths"), "month"),
    **dict.fromkeys(("jahren", "jahres"), "year"),
    **dict.fromkeys(("monaten", "monats"), "month"),
    **dict.fromkeys(("tagen", "tages"), "day"),
    **dict.fromkeys(("wochen",), "week"),
    **dict.fromkeys(("stunden",), "hour"),
    **dict.fromkeys(("maanden", "maand"), "month"),
    **dict.fromkeys(("weken", "week"), "week"),
    **dict.fromkeys(("uren", "uur"), "hour"),
}
_JOINERS: Final = frozenset(("and", "et", "und", "y", "e", "en"))
_PAIR = re.compile(r"(?<![\d.,])(\d{1,18})\s*([a-z]+)\.?")
_FRACTION = re.compile(r"\d\s*[.,/]\s*\d|\d\s*[½¼¾]|[½¼¾]")


def _plain(text: str) -> str:
    """Lower case without accents, punctuation kept (digits and their separators matter)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=1)
def unit_words() -> dict[str, str]:
    """Folded unit word (any language, long and short forms) -> unit; ambiguous ones left out."""
    from babel import Locale

    found: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        patterns = Locale.parse(lang)._data["unit_patterns"]
        for unit in _UNITS:
            for length in ("long", "short"):
                for form, pattern in patterns[f"duration-{unit}"][length].items():
                    if form == "per":
                        continue
                    word = fold(str(pattern).replace("{0}", " "))
                    if len(word) > 1 and " " not in word:
                        found.setdefault(word, set()).add(unit)
    words = {word: units.pop() for word, units in found.items() if len(units) == 1}
    for unit in _UNITS:
        words.setdefault(unit, unit)
        words.setdefault(unit + "s", unit)
    words.update(_EXTRA)
    return words


def _phrase(folded: str, phrases: frozenset[str]) -> bool:
    padded = f" {folded} "
    return any(f" {phrase} " in padded for phrase in phrases)


@lru_cache(maxsize=8192)
def read_lifetime(text: str) -> str | None:
    """``text`` as a duration of the catalogue format ("2 years", "session"), else ``None``."""
    raw = " ".join(text.split())
    if not raw:
        return None
    parsed = durations.try_parse(raw)
    if parsed is not None:
        return raw if parsed.kind == "fixed" else parsed.kind
    plain = _plain(raw)
    session, persistent, _ = folded_sets()
    if not any(ch.isdigit() for ch in plain):
        folded = fold(raw)
        if folded in session or _phrase(folded, session):
            return "session"
        if folded in persistent or _phrase(folded, persistent):
            return "persistent"
        return None
    if _FRACTION.search(plain):
        return None
    words = unit_words()
    parts: list[tuple[int, str]] = []
    last_end: int | None = None
    first_start = 0
    for match in _PAIR.finditer(plain):
        unit = words.get(match.group(2))
        if unit is None:
            return None
        if last_end is not None and not _joined(plain[last_end : match.start()]):
            return None
        if not parts:
            first_start = match.start()
        parts.append((int(match.group(1)), unit))
        last_end = match.end()
    if not parts or last_end is None:
        return None
    outside = plain[:first_start] + plain[last_end:]
    if any(ch.isdigit() for ch in outside):
        return None
    folded = fold(outside)
    if _phrase(folded, session) or _phrase(folded, persistent):
        return None  # "Session, 3650 days": two lifetimes
    return " ".join(f"{n} {unit}" if n == 1 else f"{n} {unit}s" for n, unit in parts)


def _joined(gap: str) -> bool:
    """Whether the text between two parts only joins them (spaces, commas, "and")."""
    words = [w for w in re.split(r"[\s,;]+", gap) if w]
    return all(w in _JOINERS for w in words)
