"""Display width of text in a terminal or a monospaced file, and wrapping by it.

East Asian wide and fullwidth characters and emoji take two columns; combining
marks, joiners and variation selectors take none (a small ``wcwidth``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_EMOJI_PRESENTATION = "\ufe0f"


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Columns taken by one code point: 0, 1 or 2."""
    code = ord(char)
    if code < 0x300:
        return 1 if code >= 0x20 and not 0x7F <= code < 0xA0 else 0
    if char in _ZERO_WIDTH or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return 0
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf", "Cc") or 0x1160 <= code <= 0x11FF:
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    if 0x1F000 <= code <= 0x1FAFF:  # pictographs not marked wide in older tables
        return 2
    return 1


@lru_cache(maxsize=1 << 16)
def width(text: str) -> int:
    """Columns taken by ``text`` on one line (cached: tables measure the same words often)."""
    if text.isascii() and text.isprintable():
        return len(text)
    total = 0
    previous = ""
    for char in text:
        if char == _EMOJI_PRESENTATION and previous and char_width(previous) == 1:
            total += 1  # a text symbol shown as an emoji takes two columns
        total += char_width(char)
        previous = char
    return total


def pad(text: str, columns: int) -> str:
    """``text`` followed by spaces up to ``columns`` display columns."""
    return text + " " * max(0, columns - width(text))


_BREAK_AFTER = frozenset("/-_.:?&=,;")


def _split_word(word: str, columns: int) -> list[str]:
    """Cut a word longer than ``columns`` into pieces that fit, after ``/ - _ .``
    and the like when one is in the second half of the piece, else anywhere."""
    pieces: list[str] = []
    current, used = "", 0
    for char in word:
        w = char_width(char)
        while used + w > columns and current:  # a cut at a break may leave too much
            cut = max((i for i, c in enumerate(current) if c in _BREAK_AFTER), default=-1) + 1
            if cut * 2 < len(current):
                cut = len(current)
            pieces.append(current[:cut])
            current = current[cut:]
            used = width(current)
        current += char
        used += w
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most ``columns`` display columns; words are cut only when too long."""
    columns = max(1, columns)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if width(paragraph) <= columns:
            lines.append(paragraph.rstrip())
            continue
        line, used = "", 0
        for word in filter(None, paragraph.split(" ")):  # not at no-break spaces
            w = width(word)
            if line and used + 1 + w <= columns:
                line += " " + word
                used += 1 + w
                continue
            if line:
                lines.append(line)
            if w > columns:
                *full, last = _split_word(word, columns)
                lines.extend(full)
                line, used = last, width(last)
            else:
                line, used = word, w
        lines.append(line)
    return lines
