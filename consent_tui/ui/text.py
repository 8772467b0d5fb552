"""Catalogue text made safe to display: never markup, never a terminal control.

Everything a catalogue holds is shown through :func:`visible` (or
:func:`plain`, which wraps it in a ``Content`` that is never parsed as markup).
Control characters become visible symbols, so an escape sequence in a cookie
description shows as ``␛[31m`` instead of reaching the terminal.
"""

from __future__ import annotations

import re

from textual.content import Content

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder a line.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_MULTILINE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "↵"
    if code == 0x09:
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟: the Unicode control pictures
    if code == 0x7F:
        return "␡"
    return f"<U+{code:04X}>"


def visible(value: object, *, multiline: bool = False) -> str:
    """``value`` as display text with every control character made visible."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    pattern = _UNSAFE_MULTILINE if multiline else _UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_symbol, text)


def has_controls(text: str, *, multiline: bool = False) -> bool:
    """Whether :func:`visible` would change ``text``."""
    return (_UNSAFE_MULTILINE if multiline else _UNSAFE).search(text) is not None


def plain(value: object, style: str = "", *, multiline: bool = False) -> Content:
    """A ``Content`` showing ``value`` literally (square brackets included)."""
    content = Content(visible(value, multiline=multiline))
    return content.stylize(style) if style else content
