"""Display width of text in a terminal or a monospaced file, and wrapping by it.

The widths come from ``wcwidth``: East Asian wide and fullwidth characters and
emoji take two columns, combining marks, joiners and variation selectors none,
and an emoji sequence (joined by ZWJ, or a symbol with VS16) is measured as the
one picture a terminal shows. Controls take none (catalogue texts reach here
already cleaned of them). The wrapping is ours: at spaces, a word too long for
its column cut after ``/ - _ .`` and the like, never inside a character cluster.
"""

from __future__ import annotations

from functools import lru_cache

from wcwidth import iter_graphemes
from wcwidth import width as _wc_width


@lru_cache(maxsize=1 << 16)
def width(text: str) -> int:
    """Columns taken by ``text`` on one line (cached: tables measure the same words often)."""
    if text.isascii() and text.isprintable():
        return len(text)
    return int(_wc_width(text, control_codes="ignore"))


def char_width(char: str) -> int:
    """Columns taken by one character, or by one cluster of them: 0, 1 or 2."""
    return width(char)


def pad(text: str, columns: int) -> str:
    """``text`` followed by spaces up to ``columns`` display columns."""
    return text + " " * max(0, columns - width(text))


_BREAK_AFTER = frozenset("/-_.:?&=,;")


def _clusters(word: str) -> list[str]:
    """The characters of ``word`` as a terminal shows them: a base with its marks, one emoji."""
    return list(word) if word.isascii() else list(iter_graphemes(word))


def _split_word(word: str, columns: int) -> list[str]:
    """Cut a word longer than ``columns`` into pieces that fit, after ``/ - _ .``
    and the like when one is in the second half of the piece, else anywhere."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for cluster in _clusters(word):
        w = width(cluster)
        while used + w > columns and current:  # a cut at a break may leave too much
            cut = max((i for i, c in enumerate(current) if c[0] in _BREAK_AFTER), default=-1) + 1
            if cut * 2 < len(current):
                cut = len(current)
            pieces.append("".join(current[:cut]))
            current = current[cut:]
            used = width("".join(current))
        current.append(cluster)
        used += w
    if current:
        pieces.append("".join(current))
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
