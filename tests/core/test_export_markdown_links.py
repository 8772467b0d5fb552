"""No catalogue text becomes a link in the Markdown export, whatever GFM renderer reads it.

GFM's extended autolinks (``www.``, ``https://``, e-mail addresses), linkify's bare
domains and GitHub's ``@mentions`` are broken by a ``<wbr>``; the rendered text
stays what the catalogue says.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from consent_tui.core.export import registry
from consent_tui.core.export.escape import md_cell, md_inline, md_paragraph, no_autolinks
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.store import load
from tests.conftest import sample_paths

LINKY = [
    "https://evil.example/path?q=1#frag",
    "http://evil.com",
    "ftp://evil.example",
    "www.evil.example",
    "WWW.EVIL.COM",
    "admin@evil.example",
    "first.last+tag@sub.evil.co.uk",
    "mailto:x@evil.example",
    "xmpp:x@evil.example",
    "//evil.example/x",
    "evil.com",
    "sub.evil.co.uk/path",
    "@mention",
    "(www.evil.example)",
    "*https://evil.example*",
    "_www.evil.example_",
    "~admin@evil.example~",
    "пример.рф",
    "localhost:8080/x",
    "192.168.0.1",
]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str | None] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(markdown: str, renderer: str) -> _Page:
    if renderer == "cmark-gfm":
        rendered = cmarkgfm.github_flavored_markdown_to_html(
            markdown, options=Options.CMARK_OPT_UNSAFE
        )
    else:
        rendered = MarkdownIt("gfm-like").render(markdown)
    page = _Page()
    page.feed(rendered)
    return page


RENDERERS = ("cmark-gfm", "markdown-it")


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("text", LINKY)
def test_no_autolink_and_text_kept(text: str, renderer: str) -> None:
    for markdown in (md_paragraph(f"see {text} now"), f"| a |\n| --- |\n| {md_cell(text)} |\n"):
        page = render(markdown, renderer)
        assert page.links == [], markdown
        assert text in "".join(page.text), markdown


@pytest.mark.parametrize("renderer", RENDERERS)
def test_plain_escaping_renders_these_as_links(renderer: str) -> None:
    """The texts above are links without the breaks (so the test above tests something)."""
    texts = ["https://evil.example/path", "www.evil.com", "admin@evil.com"]
    if renderer == "markdown-it":  # linkify also links bare domains of known top-level domains
        texts.append("evil.com")
    for text in texts:
        markdown = md_paragraph(f"see {text} now").replace("<wbr>", "")
        assert render(markdown, renderer).links, text


def test_breaks_are_only_where_a_link_could_start() -> None:
    assert md_inline("Ends a sentence. Then e.g. 1.5 and a/b") == (
        "Ends a sentence. Then e<wbr>.g. 1<wbr>.5 and a/b"
    )
    assert no_autolinks("https://www.evil.example") == "https:/<wbr>/www<wbr>.evil<wbr>.example"
    assert no_autolinks("a@b.c") == "a@<wbr>b<wbr>.c"
    assert no_autolinks("no trigger here") == "no trigger here"


LINK_ALPHABET = st.sampled_from(
    [*"abcwx.@/:-_~*()<>#+ ", "www.", "http", "https://", "mailto:", ".com", ".fr", "@"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINK_ALPHABET, min_size=1, max_size=30).map("".join))
def test_random_link_shaped_text_is_never_a_link(text: str) -> None:
    markdown = md_paragraph(text)
    for renderer in RENDERERS:
        page = render(markdown, renderer)
        assert page.links == [], (renderer, markdown)
        assert " ".join("".join(page.text).split()) == " ".join(text.split()), markdown


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_a_sample_s_only_links_are_the_exporter_s(sample: Path, renderer: str) -> None:
    """Every rendered link is one the exporter wrote as ``[text](<url>)``, and no other."""
    catalogue = load(sample).catalogue
    for lang in catalogue.languages:
        markdown = registry.get("markdown").render(catalogue, ExportOptions(lang=lang)).text
        written = [html.unescape(url) for url in re.findall(r"\]\(<([^>]*)>\)", markdown)]
        assert written, "every sample links its contact or website"
        assert render(markdown, renderer).links == written
