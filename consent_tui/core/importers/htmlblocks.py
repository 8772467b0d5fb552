"""What the HTML reader needs to know about elements: blocks, headings, hidden and skipped ones.

Kept apart from the reader so that its rules can be read at a glance: which
elements break a line, which are headings (``h1``–``h6``, ``role="heading"``,
and a short element whose class says it is one, as Cookiebot's
``CookieDeclarationTypeHeader``), which hide their content.
"""

from __future__ import annotations

import re
from typing import Final

# Elements whose content is never text of the page.
SKIPPED: Final = frozenset(
    ("script", "style", "template", "noscript", "svg", "math", "head", "select", "textarea")
)
# Elements that never have content (html.parser reports no end tag for them).
VOID: Final = frozenset(
    (
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("param", "source", "track", "wbr", "keygen"),
    )
)
# Elements that start a new line: their start and end separate the lines of a cell.
BLOCKS: Final = frozenset(
    (
        *("address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl"),
        *("dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4"),
        *("h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre"),
        *("section", "summary", "ul", "legend", "caption", "table", "tr", "center", "menu"),
    )
)
HEADINGS: Final = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
BOLD: Final = frozenset(("b", "strong"))
# Elements a heading-like class makes a heading (not the page's <header>, <nav>, lists …).
_CLASS_HEADING_TAGS: Final = frozenset(
    ("div", "p", "span", "strong", "b", "dt", "summary", "legend", "label", "button", "a")
)
_HEADING_CLASS: Final = re.compile(r"heading|header|title|headline", re.IGNORECASE)
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
MAX_HEADING: Final = 200  # a longer "heading" is a paragraph
MAX_BOLD_HEADING: Final = 120  # a paragraph all in bold, at most this long, is a heading

Attrs = dict[str, str]


def attributes(pairs: list[tuple[str, str | None]]) -> Attrs:
    """The attributes as a dict (the first of a repeated one wins, as in browsers)."""
    out: Attrs = {}
    for key, value in pairs:
        out.setdefault(key, value or "")
    return out


def hidden(attrs: Attrs) -> bool:
    """Whether the element is not shown: ``hidden``, or an inline ``display: none``."""
    return "hidden" in attrs or bool(_HIDDEN_STYLE.search(attrs.get("style", "")))


def heading_kind(tag: str, attrs: Attrs) -> str | None:
    """``"h"`` for a heading element, ``"class"`` for one by its class, else ``None``."""
    if tag in HEADINGS or attrs.get("role") == "heading":
        return "h"
    if tag in _CLASS_HEADING_TAGS and _HEADING_CLASS.search(attrs.get("class", "")):
        return "class"
    return None


def span(value: str | None, limit: int) -> int:
    """A ``rowspan``/``colspan`` value as browsers read it: digits, else 1; capped."""
    digits = re.match(r"\s*(\d+)", value or "")
    if digits is None:
        return 1
    number = int(digits.group(1)[:6])
    return min(number, limit)
