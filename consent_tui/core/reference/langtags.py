"""Language tags (BCP 47): which are valid, what was meant, which declared one fits, their names.

Every place that checks or shows a language code goes through here: the rules
(``[policy] languages``, the keys of translated texts), ``export --lang`` and the
document's language, and the editor's language pickers.

- Valid is what ``langcodes`` reads with its bundled IANA subtag registry, written
  in its standard form: ``pt-BR``, ``zh-Hant``, ``sr-Latn``, ``es-419``, ``de-CH``;
  ``pt_br``, ``EN``, ``eng`` or ``iw`` are not, and :func:`standard` gives the
  spelling to use instead (``pt-BR``, ``en``, ``en``, ``he``).
- Names come from ``data/languages.tsv`` (code, English name, the language's name
  for itself, from the Unicode CLDR): ``"Deutsch (de)"``, ``"français (fr)"``,
  ``"srpski (sr-Latn)"``. ``langcodes``' own name data (the ``language_data``
  package, 16 MB and a compiled trie) is not used.
- ``langcodes`` is imported only for a tag that is not a plain code of that table:
  validating a catalogue in ``en`` and ``fr`` never loads it (it costs about 60 ms).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

_TABLE = Path(__file__).resolve().parent / "data" / "languages.tsv"
_MAX_TAG = 64  # no valid tag of any use is longer; longer input is refused unread


class Names(NamedTuple):
    english: str
    own: str  # the language's name for itself; "" when unknown


@cache
def table() -> dict[str, Names]:
    """Code (``de``, ``sr-Latn``) -> its names."""
    out: dict[str, Names] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, english, own = line.split("\t")
            out[code] = Names(english, own)
    return out


@lru_cache(maxsize=4096)
def standard(tag: str) -> str | None:
    """The standard spelling of ``tag`` when it is a valid tag in any spelling, else ``None``.

    ``pt_br`` -> ``pt-BR``, ``EN`` -> ``en``, ``eng`` -> ``en``, ``iw`` -> ``he``.
    """
    if tag in table():
        return tag
    if not tag or len(tag) > _MAX_TAG or not tag.isascii() or tag.strip() != tag:
        return None
    from langcodes import standardize_tag, tag_is_valid

    try:
        if not tag_is_valid(tag):
            return None
        return str(standardize_tag(tag))
    except (ValueError, KeyError):  # langcodes' LanguageTagError is a ValueError
        return None


def is_valid(tag: str) -> bool:
    """Whether ``tag`` is a valid tag, written as it should be (``pt-BR``, not ``pt_br``)."""
    return standard(tag) == tag


def suggest(text: str) -> str | None:
    """A valid tag for what ``text`` probably means, or ``None``.

    Its standard spelling (``pt_br`` -> ``pt-BR``), or the language named
    (``French``, ``français``, ``Deutsch`` -> ``fr``, ``fr``, ``de``).
    """
    spelled = standard(text.strip())
    if spelled is not None:
        return spelled
    wanted = text.strip().casefold()
    if not wanted:
        return None
    for code, names in table().items():
        if wanted in (names.english.casefold(), names.own.casefold()) and "-" not in code:
            return code
    return None


def _names(tag: str) -> Names | None:
    """The names of ``tag``'s language, in its script when the table tells them apart."""
    parts = tag.split("-")
    if len(parts) > 1 and len(parts[1]) == 4 and parts[1].isalpha():
        scripted = table().get(f"{parts[0]}-{parts[1]}")
        if scripted is not None:
            return scripted
    return table().get(parts[0])


def name(tag: str) -> str | None:
    """The language's name for itself (``Deutsch``), else its English name, else ``None``."""
    names = _names(tag)
    if names is None:
        return None
    return names.own or names.english


def english_name(tag: str) -> str | None:
    """The English name of ``tag``'s language (``German``), or ``None``."""
    names = _names(tag)
    return names.english if names is not None else None


def label(tag: str) -> str:
    """``"Deutsch (de)"``, ``"português (pt-BR)"``; the tag alone when its name is unknown."""
    known = name(tag)
    return f"{known} ({tag})" if known else tag


def same(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one tag, however spelled (``pt_br`` and ``pt-BR``)."""
    if a == b:
        return True
    spelled = standard(a)
    return spelled is not None and spelled == standard(b)


def match(tag: str, languages: Sequence[str]) -> str | None:
    """The one of ``languages`` that serves ``tag``, or ``None``.

    ``tag`` itself, however spelled; else the closest of the same language
    (``fr`` for ``fr-CA``, ``pt-BR`` for ``pt``, ``zh-Hant`` for ``zh-TW``),
    the first declared on a tie.
    """
    for code in languages:
        if same(tag, code):
            return code
    wanted = standard(tag)
    if wanted is None:
        return None
    from langcodes import Language, tag_distance

    primary = Language.get(wanted).language
    best: tuple[int, str] | None = None
    for code in languages:
        spelled = standard(code)
        if spelled is None or Language.get(spelled).language != primary:
            continue
        distance = int(tag_distance(wanted, spelled))
        if best is None or distance < best[0]:
            best = (distance, code)
    return best[1] if best is not None else None


def hint(text: str) -> str | None:
    """What to write instead of ``text``: ``write "pt-BR" (português)``; ``None`` if no guess."""
    guess = suggest(text)
    if guess is None:
        return None
    known = name(guess)
    return f'write "{guess}" ({known})' if known else f'write "{guess}"'
