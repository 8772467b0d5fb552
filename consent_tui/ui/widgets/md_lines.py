"""Markdown laid out as terminal lines, cheaply enough for a 10,000-row policy.

Kept over Textual's ``Markdown`` widget, which mounts a widget per block, by
measurement (``python -m benchmarks.compare_widgets``, the policy of the 10,000-cookie
benchmark catalogue, headless 120x36): ``Markdown`` takes 4.9 s and 169 MiB to show it
(0.53 s and 20 MiB for 1,000 cookies), these lines 0.3-0.4 s and 27 MiB, rendered
off the UI thread (0.08 s for 1,000). This renders the document once, in a worker thread,
into a list of :class:`~textual.strip.Strip` that a scrolling line view shows
a screenful at a time. It covers what the policy export uses: headings,
paragraphs with emphasis, code and links, lists, quotes, rules and tables
(cells are wrapped to fit the width).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from consent_tui.ui.text import visible


@dataclass(frozen=True)
class MarkdownStyles:
    """Rich styles for each kind of element (taken from the theme on the UI thread)."""

    h1: Style = field(default_factory=lambda: Style(bold=True, underline=True))
    h2: Style = field(default_factory=lambda: Style(bold=True))
    h3: Style = field(default_factory=lambda: Style(bold=True, italic=True))
    link: Style = field(default_factory=lambda: Style(underline=True))
    code: Style = field(default_factory=lambda: Style(reverse=True))
    muted: Style = field(default_factory=lambda: Style(dim=True))
    table_head: Style = field(default_factory=lambda: Style(bold=True))


# HTML is recognised only for the exporters' <br> (a line break) and <wbr> (a
# place a long word may break: nothing to show); any other tag is shown as the
# literal text it is.
_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_WORD_BREAK = re.compile(r"<wbr\s*/?>", re.IGNORECASE)


def _inline_html(tag: str) -> str:
    """What an inline HTML tag shows as: a line break, nothing, or itself."""
    if _BREAK.fullmatch(tag.strip()):
        return "\n"
    if _WORD_BREAK.fullmatch(tag.strip()):
        return ""
    return visible(tag)


def render(markdown: str, width: int, styles: MarkdownStyles | None = None) -> list[Strip]:
    """``markdown`` as lines of at most ``width`` cells."""
    return _Layout(max(20, width), styles or MarkdownStyles()).run(_PARSER.parse(markdown))


class _Layout:
    def __init__(self, width: int, styles: MarkdownStyles) -> None:
        self.width = width
        self.s = styles
        self.console = Console(width=width, color_system="truecolor", legacy_windows=False)
        self.lines: list[Strip] = []
        self.prefix: list[str] = []  # list bullets and quote bars, one per nesting level
        self.counters: list[int | None] = []
        self._bullet: str | None = None  # the mark of a list item's first paragraph

    def run(self, tokens: list[Token]) -> list[Strip]:
        i = 0
        while i < len(tokens):
            i = self.block(tokens, i)
        while self.lines and not self.lines[-1].cell_length:
            self.lines.pop()
        return self.lines

    # -- output

    def blank(self) -> None:
        if self.lines and self.lines[-1].cell_length:
            self.lines.append(Strip([]))

    def emit(self, text: Text, first_prefix: str | None = None) -> None:
        indent = "".join(self.prefix)
        lead = first_prefix if first_prefix is not None else indent
        room = max(10, self.width - cell_len(indent))
        for n, line in enumerate(text.wrap(self.console, room, overflow="fold")):
            head = Text(lead if n == 0 else indent, style=self.s.muted)
            self.lines.append(Strip(list((head + line).render(self.console))))

    # -- blocks

    def block(self, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            style = {"h1": self.s.h1, "h2": self.s.h2}.get(tok.tag, self.s.h3)
            self.blank()
            self.emit(self.inline(tokens[i + 1], style))
            self.blank()
            return i + 3
        if kind == "paragraph_open":
            text = self.inline(tokens[i + 1])
            pending, self._bullet = self._bullet, None
            self.emit(text, pending)
            if not self.prefix:
                self.blank()
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.counters.append(int(tok.attrs.get("start", 1) or 1) if tok.tag == "ol" else None)
            return i + 1
        if kind in ("bullet_list_close", "ordered_list_close"):
            self.counters.pop()
            if not self.counters:
                self.blank()
            return i + 1
        if kind == "list_item_open":
            count = self.counters[-1] if self.counters else None
            mark = "• " if count is None else f"{count}. "
            if count is not None:
                self.counters[-1] = count + 1
            self._bullet = "".join(self.prefix) + mark
            self.prefix.append(" " * len(mark))
            return i + 1
        if kind == "list_item_close":
            self.prefix.pop()
            return i + 1
        if kind == "blockquote_open":
            self.prefix.append("▌ ")
            return i + 1
        if kind == "blockquote_close":
            self.prefix.pop()
            self.blank()
            return i + 1
        if kind == "hr":
            self.blank()
            self.lines.append(Strip([Segment("─" * self.width, self.s.muted)]))
            self.blank()
            return i + 1
        if kind in ("fence", "code_block"):
            for line in tok.content.rstrip("\n").split("\n"):
                self.emit(Text(visible(line), style=self.s.code))
            self.blank()
            return i + 1
        if kind == "table_open":
            return self.table(tokens, i)
        if kind == "html_block":
            for line in tok.content.strip().split("\n"):
                self.emit(Text(visible(line), style=self.s.muted))
            return i + 1
        return i + 1

    # -- inline

    def inline(self, tok: Token, style: Style | None = None) -> Text:
        text = Text(style=style or "")
        stack: list[Style] = []
        for child in tok.children or []:
            kind = child.type
            if kind == "text":
                text.append(visible(child.content), Style.combine(stack) if stack else None)
            elif kind == "code_inline":
                text.append(visible(child.content), self.s.code)
            elif kind in ("softbreak", "hardbreak"):
                text.append(" " if kind == "softbreak" else "\n")
            elif kind.endswith("_open"):
                stack.append(self._inline_style(kind))
            elif kind.endswith("_close") and stack:
                stack.pop()
            elif kind == "image":
                text.append(visible(child.content or "[image]"), self.s.muted)
            elif kind == "html_inline":
                text.append(_inline_html(child.content))
        return text

    def _inline_style(self, kind: str) -> Style:
        return {
            "strong_open": Style(bold=True),
            "em_open": Style(italic=True),
            "s_open": Style(strike=True),
            "link_open": self.s.link,
        }.get(kind, Style())

    # -- tables

    def table(self, tokens: list[Token], i: int) -> int:
        rows: list[list[str]] = []
        aligns: list[str] = []
        head_rows = 0
        in_head = False
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                rows.append([])
                head_rows += 1 if in_head else 0
            elif tok.type in ("th_open", "td_open"):
                if len(rows) == 1:
                    aligns.append(_align(tok.attrs.get("style")))
                rows[-1].append(_plain(tokens[i + 1]))
            i += 1
        self.blank()
        self._table_lines(rows, aligns, head_rows)
        self.blank()
        return i + 1

    def _table_lines(self, rows: list[list[str]], aligns: list[str], head_rows: int) -> None:
        count = max((len(r) for r in rows), default=0)
        if not count:
            return
        natural = [3] * count
        for row in rows:
            for c, cell in enumerate(row):
                longest = max(cell_len(line) for line in cell.split("\n"))
                natural[c] = max(natural[c], min(longest, 60))
        widths = _shrink(natural, self.width - 3 * (count - 1) - 1)
        sep = Segment(" │ ", self.s.muted)
        for n, row in enumerate(rows):
            cells = [_wrap(row[c] if c < len(row) else "", widths[c]) for c in range(count)]
            style = self.s.table_head if n < head_rows else Style()
            for k in range(max(len(c) for c in cells)):
                segments: list[Segment] = [Segment(" ")]
                for c in range(count):
                    part = cells[c][k] if k < len(cells[c]) else ""
                    pad = " " * (widths[c] - cell_len(part))
                    cell = pad + part if aligns[c : c + 1] == ["right"] else part + pad
                    if c:
                        segments.append(sep)
                    segments.append(Segment(cell, style))
                self.lines.append(Strip(segments))
            if n + 1 == head_rows:
                rule = "─┼─".join("─" * w for w in widths)
                self.lines.append(Strip([Segment(" " + rule, self.s.muted)]))


def _align(style: Any) -> str:
    text = str(style or "")
    return "right" if "right" in text else "center" if "center" in text else "left"


def _plain(tok: Token) -> str:
    """A table cell's text; ``<br>`` becomes a line break."""
    parts = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(visible(child.content))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            parts.append(_inline_html(child.content))
    return "".join(parts)


def _shrink(widths: list[int], room: int) -> list[int]:
    out = list(widths)
    while sum(out) > room and max(out) > 6:
        widest = out.index(max(out))
        out[widest] -= 1
    return out


def _wrap(text: str, width: int) -> list[str]:
    """Word-wrap plain ``text`` to ``width`` cells (long words are cut; keeps line breaks)."""
    if "\n" in text:
        return [line for part in text.split("\n") for line in _wrap(part, width)]
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        while cell_len(word) > width:
            if line:
                lines.append(line)
                line = ""
            cut = width
            while cell_len(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines or [""]
