"""Make catalogue text safe for each output: Markdown, URLs, spreadsheets, terminals."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# C0 and C1 controls (but tab and newline), DEL, and the bidirectional overrides
# and isolates that can disguise text ("Trojan Source").
_CONTROLS: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def clean(text: str) -> str:
    """Catalogue text fit for any output: controls dropped, line ends unified."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii() and text.isprintable():
        return text
    return _CONTROLS.sub("", text).replace("\t", " ")


# ------------------------------------------------------------------ Markdown

_MD_ALWAYS: Final = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "[": "\\[",
    "]": "\\]",
    "|": "\\|",
    "~": "\\~",
    "$": "\\$",
    "{": "&#123;",  # an entity, not "\\{": Liquid would still see "\\{%"
    "}": "&#125;",
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
}
_MD_SPECIAL: Final = re.compile(r"[\\`*\[\]|~${}<>&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# What would open a block when it starts a line: headings, quotes, lists,
# thematic breaks, setext underlines, fences, numbered items.
_MD_LINE_START: Final = re.compile(r"^([#>+=-]|\d+(?=[.)]))", re.MULTILINE)


def _md_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _MD_ALWAYS.get(char, "\\" + char)


# What GFM's extended autolinks (and linkify, mentions) start from: the dot of a
# host name ("www.", "evil.com"), "@" (e-mail addresses, @mentions) and "//"
# ("https://", "//host"). Each gets a <wbr> beside it (see no_autolinks).
_AUTOLINK_TRIGGER: Final = re.compile(r"(?<=\S)\.(?=\w)|(?<=www)\.|@(?=\S)|/(?=/)", re.IGNORECASE)
_AUTOLINK_BREAK: Final = {".": "<wbr>.", "@": "@<wbr>", "/": "/<wbr>"}


def _autolink_break(match: re.Match[str]) -> str:
    return _AUTOLINK_BREAK[match.group(0)]


def no_autolinks(markdown: str) -> str:
    """Escaped Markdown in which no renderer finds a bare URL, e-mail address or mention.

    A ``<wbr>`` (an empty element: no character, nothing to copy) is written
    before each dot inside a word (``evil<wbr>.com``, ``www<wbr>.``), after
    each ``@`` and between the slashes of ``//``. It splits the text where
    autolinking (cmark-gfm, linkify, GitHub's mentions) looks for ``www.``,
    ``https://``, ``name@host.tld`` or ``host.tld``, so the text shows as
    written but is never a link. A dot ending a sentence is left alone.
    Run it on escaped text, before the line-start escapes (``1<wbr>.5`` starts
    no numbered list, so it needs none).
    """
    if "." not in markdown and "@" not in markdown and "//" not in markdown:
        return markdown
    return _AUTOLINK_TRIGGER.sub(_autolink_break, markdown)


def md_link_text(text: str) -> str:
    """Escape the text of a link the exporter makes (no autolink can start inside a link)."""
    return _MD_LINE_START.sub(_md_block_start, _MD_SPECIAL.sub(_md_char, text))


def md_inline(text: str) -> str:
    """Escape ``text`` so Markdown shows it literally on one line (titles, cells).

    Nothing can start a link (also no bare-URL autolink), an image, HTML,
    emphasis, code, maths, a table cell or a ``{{ }}`` / ``{% %}`` tag of a
    static-site generator. Intraword underscores (``django_language``) stay
    readable because they cannot emphasise.
    """
    out = no_autolinks(_MD_SPECIAL.sub(_md_char, text))
    return _MD_LINE_START.sub(_md_block_start, out)


def _md_block_start(match: re.Match[str]) -> str:
    mark = match.group(1)
    return mark + "\\" if mark.isdigit() else "\\" + mark


def md_cell(text: str) -> str:
    """A table cell: inline escaping, line breaks as ``<br>``."""
    return "<br>".join(md_inline(line.strip()) for line in text.split("\n"))


def md_paragraph(text: str) -> str:
    """A paragraph: inline escaping of each line; leading spaces removed (no code block)."""
    return "\n".join(md_inline(line.strip()) for line in text.split("\n") if line.strip())


def md_code(text: str) -> str | None:
    """``text`` as a code span, or ``None`` when a code span cannot hold it safely."""
    if not text or re.search(r"[`|{}\n<>&\\$]", text) or text != text.strip():
        return None
    return f"`{text}`"


_BIDI: Final = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def json_bidi_escaped(text: str) -> str:
    """JSON text with bidirectional controls written as ``\\uXXXX`` (same data, visible)."""
    return _BIDI.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


# ---------------------------------------------------------------------- URLs

_URL: Final = re.compile(
    r"(?:https?://[^/?#@\s]+|mailto:[^@\s?]+@[^@\s?]+)"
    r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%\u00a1-\uffff]*",
    re.IGNORECASE,
)
_URL_CHARS: Final = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_EMAIL: Final = re.compile(r"[^@\s<>()\[\]\\,;:\"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an ``http:``, ``https:`` or ``mailto:`` URL safe to link, else None.

    Anything with spaces, controls, quotes, angle brackets, braces or pipes is
    refused, as is every other scheme (``javascript:``, ``data:``, ``file:`` ...).
    """
    if not url or len(url) > 2048 or _URL.fullmatch(url) is None:
        return None
    for char in url:
        if char.isascii():
            if _URL_CHARS.fullmatch(char) is None:
                return None
        elif unicodedata.category(char)[0] in "CZ":
            return None
    return url


def contact_link(contact: str) -> tuple[str, str | None]:
    """How to show a contact: (text, link or None). Bare addresses become mailto links."""
    value = contact.strip()
    if _EMAIL.fullmatch(value):
        return value, safe_url("mailto:" + value)
    url = safe_url(value)
    if url is not None and url.lower().startswith("mailto:"):
        return url[len("mailto:") :].split("?", 1)[0], url
    return value, url


# ---------------------------------------------------------------- spreadsheets

# What makes a spreadsheet read a cell as a formula when it starts the cell (OWASP's list),
# and where a spreadsheet may start a cell inside our text: after any delimiter it may
# assume (",", ";", tab, "|") and after a line break (a ";"-splitting spreadsheet cuts a
# quoted "," cell there). Blanks and quotes before the trigger do not disarm it.
_TRIGGER: Final = r"[=+\-@\t\r]"
_LEAD: Final = r'(?:[^\S\t\r\n]|")*'  # spaces (but tab and line breaks) and quotes
_AFTER_SEPARATOR: Final = re.compile(rf"(?<=[,;|\t\r\n])({_LEAD})(?={_TRIGGER})")
_AT_START: Final = re.compile(rf"{_LEAD}(?:{_TRIGGER}|\n)")
_SEPARATOR: Final = re.compile(r"[,;|\t\r\n]")
_STARTS: Final = frozenset('"=+-@')  # with blanks: the first characters worth a look


def spreadsheet_safe(value: str) -> str:
    """A CSV cell no spreadsheet runs as a formula, whatever delimiter it assumes.

    A cell starting (after blanks or quotes) with ``= + - @``, a tab or a line
    break gets a leading ``'``; so does each piece that a spreadsheet would see
    starting a new cell: after ``,``, ``;``, a tab, ``|`` or a line break
    (``a;=1+1`` → ``a;'=1+1``, ``a\n-1`` → ``a\n'-1``). Plain numbers stay numbers.
    """
    if not value:
        return value
    out = _AFTER_SEPARATOR.sub(r"\1'", value) if _SEPARATOR.search(value) else value
    first = out[0]
    if (first in _STARTS or first.isspace()) and _AT_START.match(out) and not _is_number(value):
        out = "'" + out
    return out


def _is_number(value: str) -> bool:
    return re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", value) is not None
