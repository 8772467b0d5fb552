"""HTML page or fragment -> its tables, each with the heading and paragraphs before it.

Read with the standard library's :class:`html.parser.HTMLParser`, which never
fails on bad markup: end tags that close nothing are ignored, a cell or a row
left open is closed by the next one, ``thead``/``tbody`` are optional. Inside a
cell, ``<br>`` and block elements (paragraphs, list items, ``div``) break lines;
entities are decoded and whitespace collapsed as a browser shows it. Scripts,
styles and hidden elements are skipped. Outside tables, the text is cut into
segments (one per block) so that the heading before each table and the
paragraphs between them can be found; see :mod:`htmlblocks` for what counts
as a heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from consent_tui.core.importers import htmlblocks as hb
from consent_tui.core.importers.htmlcells import TableBuilder
from consent_tui.core.importers.tables import SourceTable


@dataclass
class PageInfo:
    """What the page says about itself: language, title, site name, address."""

    lang: str | None = None
    title: str = ""
    site_name: str | None = None
    url: str | None = None


@dataclass
class _Open:
    tag: str
    lang: str | None
    skip: bool = False
    heading: int | None = None  # the id of the heading this element is (or is inside)
    bold: bool = False
    segments_at: int = 0  # for <p> and headings: the segments made before it opened
    nested_block: bool = False  # a block opened inside it (for a heading by class)
    kind: str | None = None  # "h" or "class" for an element that is a heading


@dataclass
class _Segment:
    text: str
    heading: int | None  # the heading element it belongs to, or None for a paragraph
    bold: bool


@dataclass
class HtmlResult:
    tables: list[SourceTable] = field(default_factory=list)
    page: PageInfo = field(default_factory=PageInfo)


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.page = PageInfo()
        self.stack: list[_Open] = []
        self.tables: list[TableBuilder] = []  # open tables, innermost last
        self.done: list[TableBuilder] = []
        self.count = 0
        self.segments: list[_Segment] = []  # since the last table
        self.pending: list[str] = []  # text of the current segment
        self.pending_bold = True
        self.pending_heading: int | None = None
        self.last_heading: str | None = None
        self.headings = 0
        self.in_title = False

    # -- the element stack

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1].skip

    def _lang(self) -> str | None:
        return self.stack[-1].lang if self.stack else self.page.lang

    def handle_starttag(self, tag: str, pairs: list[tuple[str, str | None]]) -> None:
        attrs = hb.attributes(pairs)
        if tag == "html" and attrs.get("lang"):
            self.page.lang = attrs["lang"]
        if tag == "meta":
            self._meta(attrs)
        if tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.page.url = self.page.url or attrs.get("href") or None
        if tag == "title" and all(e.tag in ("html", "head") for e in self.stack):
            self.in_title = True
            return
        skip = self.skipping or tag in hb.SKIPPED or hb.hidden(attrs)
        if tag in hb.VOID:
            if not skip:
                self._void(tag)
            return
        self._implied_ends(tag)
        lang = attrs.get("lang") or self._lang()
        parent = self.stack[-1] if self.stack else None
        element = _Open(tag, lang, skip)
        if not skip:
            element.heading = parent.heading if parent else None
            element.bold = tag in hb.BOLD or bool(parent and parent.bold)
            if tag in hb.BLOCKS:
                for ancestor in self.stack:
                    if ancestor.kind == "class":
                        ancestor.nested_block = True
            if self.tables and self.tables[-1].in_cell and tag != "table":
                self.tables[-1].start(tag, attrs)
            elif tag == "table":
                self._flush()
                self._table_start(lang)
            elif self.tables:
                self.tables[-1].start(tag, attrs)
            else:
                self._outside_start(tag, attrs, element)
        self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                break
        else:
            return  # closes nothing that is open: ignored, as browsers do
        while len(self.stack) > index:
            self._close(self.stack.pop())

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data
            return
        if self.skipping:
            return
        if self.tables:
            self.tables[-1].data(data)
            return
        heading = self.stack[-1].heading if self.stack else None
        if self.pending and heading != self.pending_heading:
            self._flush()
        self.pending_heading = heading
        if data.strip():
            bold = bool(self.stack) and self.stack[-1].bold
            self.pending_bold = self.pending_bold and bold
        self.pending.append(data)

    # -- inside and outside tables

    def _void(self, tag: str) -> None:
        if self.tables:
            self.tables[-1].void(tag)
        elif tag in ("br", "hr"):
            self._flush()

    def _implied_ends(self, tag: str) -> None:
        """What a start tag closes that html.parser leaves open: cells, rows, items, paragraphs."""
        if tag in ("td", "th"):
            self._close_open({"td", "th"}, {"tr", "table"})
        elif tag == "tr":
            self._close_open({"td", "th", "tr"}, {"table", "thead", "tbody", "tfoot"})
        elif tag in ("thead", "tbody", "tfoot"):
            self._close_open({"td", "th", "tr", "thead", "tbody", "tfoot"}, {"table"})
        elif tag == "li":
            self._close_open({"li"}, {"ul", "ol", "menu", "table"})
        elif tag in ("dt", "dd"):
            self._close_open({"dt", "dd"}, {"dl", "table"})
        if tag in hb.BLOCKS:
            self._close_open({"p"}, (hb.BLOCKS | {"td", "th", "button"}) - {"p"})

    def _close_open(self, names: set[str], stops: set[str] | frozenset[str]) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            open_tag = self.stack[index].tag
            if open_tag in names:
                while len(self.stack) > index:
                    self._close(self.stack.pop())
                return
            if open_tag in stops:
                return

    def _close(self, element: _Open) -> None:
        if element.skip:
            return
        if self.tables:
            table = self.tables[-1]
            if element.tag == "table":
                table.finish()
                self.done.append(self.tables.pop())
            else:
                table.end(element.tag)
            return
        if element.tag in hb.BLOCKS or element.heading is not None:
            self._flush()
        if element.tag == "p" and element.heading is None:
            self._bold_heading(element)
        if element.kind == "class" and element.nested_block:
            # a "header" that holds blocks (a site header, a card) is no heading
            for segment in self.segments[element.segments_at :]:
                if segment.heading == element.heading:
                    segment.heading = None

    def _outside_start(self, tag: str, attrs: hb.Attrs, element: _Open) -> None:
        if tag in hb.BLOCKS:
            self._flush()
        kind = hb.heading_kind(tag, attrs)
        if kind is not None and element.heading is None:
            self._flush()
            self.headings += 1
            element.heading = self.headings
            element.kind = kind
        element.segments_at = len(self.segments)

    def _flush(self) -> None:
        text = " ".join("".join(self.pending).split())
        if text:
            self.segments.append(_Segment(text, self.pending_heading, self.pending_bold))
        self.pending = []
        self.pending_bold = True

    def _bold_heading(self, element: _Open) -> None:
        """A paragraph all in bold (``<p><strong>Analytics</strong></p>``) is a heading."""
        made = self.segments[element.segments_at :]
        text = " ".join(s.text for s in made)
        bold = made and all(s.bold and s.heading is None for s in made)
        if bold and len(text) <= hb.MAX_BOLD_HEADING:
            self.headings += 1
            del self.segments[element.segments_at :]
            self.segments.append(_Segment(text, self.headings, True))

    def _table_start(self, lang: str | None) -> None:
        self.count += 1
        heading, intro = self._heading_and_intro()
        shared = heading is None and self.last_heading is not None
        if heading is not None:
            self.last_heading = heading
        line = self.getpos()[0]
        builder = TableBuilder(self.source, self.count, line, lang)
        builder.heading = heading if heading is not None else self.last_heading
        builder.heading_shared = shared
        builder.intro = intro
        self.tables.append(builder)

    def _heading_and_intro(self) -> tuple[str | None, tuple[str, ...]]:
        """The last heading since the previous table, and the paragraphs after it."""
        heading: str | None = None
        start = 0
        index = len(self.segments) - 1
        while index >= 0:
            segment = self.segments[index]
            if segment.heading is not None:
                ident = segment.heading
                parts = []
                while index >= 0 and self.segments[index].heading == ident:
                    parts.append(self.segments[index].text)
                    index -= 1
                text = " ".join(reversed(parts))
                if len(text) <= hb.MAX_HEADING:
                    heading = text
                    break
                # too long for a heading: read as paragraphs
                continue
            index -= 1
        if heading is not None:
            start = index + 1
            while start < len(self.segments) and self.segments[start].heading is not None:
                start += 1
        intro = tuple(s.text for s in self.segments[start:] if s.heading is None)
        self.segments = []
        return heading, _capped(intro)

    def _meta(self, attrs: hb.Attrs) -> None:
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        content = attrs.get("content", "").strip()
        if key == "og:site_name" and content:
            self.page.site_name = content
        elif key == "og:url" and content:
            self.page.url = self.page.url or content

    def result(self) -> HtmlResult:
        while self.stack:
            self._close(self.stack.pop())
        while self.tables:
            table = self.tables.pop()
            table.finish()
            self.done.append(table)
        self.page.title = " ".join(self.page.title.split())
        tables = [t.table() for t in sorted(self.done, key=lambda t: t.number)]
        return HtmlResult(tables, self.page)


_MAX_INTRO = 2000  # characters of paragraphs kept before a table (the nearest ones)


def _capped(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    kept: list[str] = []
    total = 0
    for text in reversed(paragraphs):
        total += len(text)
        if total > _MAX_INTRO and kept:
            break
        kept.append(text)
    return tuple(reversed(kept))


def read_html(text: str, source: str) -> HtmlResult:
    """Every table of the page (in page order) and what the page says about itself."""
    reader = _Reader(source)
    reader.feed(text)
    reader.close()
    return reader.result()
