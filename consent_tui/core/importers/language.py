"""The language a table is written in: declared by the page, given by ``--lang``, or guessed.

A Markdown or CSV file declares none; its header words and lifetimes tell:
each of the seven built-in languages scores the words of the export's
column headers and of CLDR's unit names that the table uses.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from consent_tui.core.importers.lifetimes import LANGUAGES
from consent_tui.core.importers.tables import SourceTable
from consent_tui.core.importers.vocabulary import fold
from consent_tui.core.reference import langtags

_COMMON = frozenset(("cookie", "cookies", "name", "type", "description", "domain", "session"))


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    from babel import Locale

    from consent_tui.core.export.texts import BUILTIN

    out: dict[str, frozenset[str]] = {}
    for lang in LANGUAGES:
        module = BUILTIN[lang]
        words: set[str] = set()
        for text in (*module.COLUMNS.values(), *module.LABELS.values()):
            words.update(fold(text).split())
        units = Locale.parse(lang)._data["unit_patterns"]
        for key in ("year", "month", "week", "day", "hour", "minute"):
            for pattern in units[f"duration-{key}"]["long"].values():
                words.update(fold(str(pattern).replace("{0}", " ")).split())
        out[lang] = frozenset(w for w in words if len(w) > 2 and w not in _COMMON)
    return out


def guess(tables: list[SourceTable]) -> str | None:
    """The built-in language whose words the tables use most, when one clearly does."""
    tokens: Counter[str] = Counter()
    for table in tables:
        texts = [c.text for c in table.header or ()]
        texts += [c.text for row in table.rows[:200] for c in row if len(c.text) < 400]
        for text in texts:
            tokens.update(set(fold(text).split()))
    scores = sorted(
        (
            (sum(n for token, n in tokens.items() if token in words), lang)
            for lang, words in _words().items()
        ),
        reverse=True,
    )
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= 2 and best >= 2 * second else None


def standard(tag: str | None) -> str | None:
    """A page's ``lang`` in its standard spelling (``en_GB`` -> ``en-GB``), or ``None``."""
    if not tag:
        return None
    return langtags.standard(tag.strip().replace("_", "-")) or None
