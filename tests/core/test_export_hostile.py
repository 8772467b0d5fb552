"""A hostile catalogue: every export shows its texts literally and runs nothing.

``tests/golden/export/inputs/hostile.toml`` tries script tags, event handlers,
``javascript:``/``data:`` URLs, broken quotes, pipes, Markdown and Liquid/Jinja
syntax, spreadsheet formulas, terminal escapes and bidi overrides.
"""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load
from tests.conftest import ROOT

HOSTILE = ROOT / "tests" / "golden" / "export" / "inputs" / "hostile.toml"
SAFE_SCHEMES = ("http://", "https://", "mailto:")
LANGS = ("en", "fr")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load(HOSTILE).catalogue


def export(catalogue: Catalogue, fmt: str, lang: str = "en", **options: object) -> str:
    opts = ExportOptions(lang=lang, **options)  # type: ignore[arg-type]
    return registry.get(fmt).render(catalogue, opts).text


class Elements(HTMLParser):
    """Collects tags, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> Elements:
    parser = Elements()
    parser.feed(text)
    return parser


def assert_inert(html: str) -> Elements:
    """No script, no event handler, no embedded object, links only to safe schemes."""
    parsed = parse_html(html)
    for tag, attrs in parsed.tags:
        assert tag not in ("script", "iframe", "object", "embed", "img", "svg", "form", "base")
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            value = attrs.get(name)
            if value is not None:
                assert value.lower().startswith(SAFE_SCHEMES), (tag, attrs)
    return parsed


EXPECTED_LITERALLY = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned=1">Evil & Co',
    "Broken 'quotes\" and <a href='javascript:alert(1)'>links</a>",
    "</td></tr></table><script>window.__pwned=1</script>",
    'Click <a href="javascript:alert(1)" onclick="window.__pwned=1">here</a>',
    "Second | paragraph {{ x }}",
    "javascript:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "a|b`c`{{d}}",
    "{% if true %}liquid{% endif %} {{ site.title }} {# comment #}",
    "`code` *em* _em_ ~~strike~~ $x^2$ \\ backslash & &amp; &lt;b&gt;",
    "Bare links: www.evil.example https://evil.example/path?q=1 admin@evil.example"
    " mailto:x@evil.example //evil.example/x evil.com sub.evil.co.uk @mention",
    "Visit www.evil.example or write to admin@evil.example",
    'https://evil.example/"onmouseover="window.__pwned=1',
]


@pytest.mark.parametrize("fragment", [False, True])
def test_html_is_inert_and_literal(catalogue: Catalogue, fragment: bool) -> None:
    html = export(catalogue, "html", fragment=fragment)
    parsed = assert_inert(html)
    text = " ".join("".join(parsed.text).split())
    for literal in EXPECTED_LITERALLY:
        assert " ".join(literal.split()) in text, literal
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert links == ["https://ok.example/privacy?a=1&b=2"]


def test_html_french_is_inert(catalogue: Catalogue) -> None:
    parsed = assert_inert(export(catalogue, "html", "fr"))
    assert "<style>body{display:none}</style>" in "".join(parsed.text)
    assert [t for t, _ in parsed.tags].count("style") == 1  # the page's own


def test_html_page_forbids_scripts_by_policy(catalogue: Catalogue) -> None:
    html = export(catalogue, "html")
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in html
    assert "<script" not in html.lower()


def render_github(markdown: str) -> str:
    """cmark-gfm, GitHub's renderer, with its extensions (autolink, table...) and raw HTML."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def render_linkify(markdown: str) -> str:
    """markdown-it-py's GFM-like preset: raw HTML and linkify (bare domains too) on."""
    return MarkdownIt("gfm-like").render(markdown)


RENDERERS = {"cmark-gfm": render_github, "markdown-it": render_linkify}
# The only link of the hostile catalogue's document: a safe privacy-policy URL.
EXPECTED_LINKS = ["https://ok.example/privacy?a=1&b=2"]


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("lang", LANGS)
def test_markdown_renders_inert_and_literal(catalogue: Catalogue, lang: str, renderer: str) -> None:
    """Rendered by real GFM renderers: only the exporter's own links, texts shown literally.

    Bare URLs, ``www.`` hosts, e-mail addresses and ``@mentions`` in catalogue
    texts (and an unsafe privacy-policy URL) must not become links.
    """
    markdown = export(catalogue, "markdown", lang)
    rendered = RENDERERS[renderer](markdown)
    parsed = assert_inert(rendered)
    links = [attrs.get("href") for tag, attrs in parsed.tags if tag == "a"]
    assert links == EXPECTED_LINKS
    tags = [tag for tag, _ in parsed.tags]
    for tag in ("strong", "s", "del", "blockquote", "ol", "img", "hr", "pre"):
        assert tag not in tags, tag
    assert tags.count("em") == 1  # the template's own "*Last updated: ...*"
    assert re.search(r"<em>(Last updated|Dernière mise à jour)", rendered)
    assert tags.count("table") == 1
    assert tags.count("h1") == 1
    # every body row has exactly as many cells as the header
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, re.S)
    widths = {len(re.findall(r"<t[hd][ >]", row)) for row in rows}
    assert widths == {10}
    if lang == "en":
        text = " ".join("".join(parsed.text).split())
        for literal in EXPECTED_LITERALLY:
            assert " ".join(literal.split()) in text, literal


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_has_no_template_tags(catalogue: Catalogue, lang: str) -> None:
    """A static-site generator (Liquid, Jinja) finds no ``{{``, ``{%`` or ``{#`` to run."""
    markdown = export(catalogue, "markdown", lang)
    assert not re.search(r"\{[{%#]", markdown)
    assert not re.search(r"(?<!\\)\]\((javascript|data)", markdown, re.I)


DELIMITERS = (",", ";", "\t", "|")
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
LEAD = ' "\u00a0\u2000\u3000'  # spaces and quotes a spreadsheet may skip


def live(cell: str) -> bool:
    """Whether a spreadsheet would run ``cell`` as a formula (plain numbers are numbers)."""
    text = cell.lstrip(LEAD)
    return text.startswith(TRIGGERS) and NUMBER.fullmatch(text.rstrip(LEAD)) is None


def cells_as_parsed(text: str, delimiter: str) -> list[str]:
    """The cells a spreadsheet reading ``text`` with ``delimiter`` and quotes would make."""
    return [
        cell
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for cell in row
    ]


def cells_as_cut(text: str, delimiter: str) -> list[str]:
    """The cells of a spreadsheet that ignores the quoting: cut at every line break too."""
    return [piece for line in re.split(r"\r\n|\r|\n", text) for piece in line.split(delimiter)]


@pytest.mark.parametrize("delimiter", DELIMITERS, ids=["comma", "semicolon", "tab", "pipe"])
@pytest.mark.parametrize("lang", LANGS)
def test_csv_has_no_live_cell_whatever_the_delimiter(
    catalogue: Catalogue, lang: str, delimiter: str
) -> None:
    """Read with any delimiter, quoted or cut at line breaks: no cell starts a formula."""
    text = export(catalogue, "csv", lang).removeprefix("\ufeff")
    for read in (cells_as_parsed, cells_as_cut):
        cells = read(text, delimiter)
        assert len(cells) > 8  # a row at least per cookie
        assert [c for c in cells if live(c)] == [], read.__name__


def test_the_line_break_vectors_are_in_the_corpus(catalogue: Catalogue) -> None:
    """The hostile catalogue does hold formulas after line breaks and every delimiter,
    and without neutralising them the checks above would find them live."""
    breaks = catalogue.services["breaks"]
    texts = [breaks.provider or "", breaks.cookies[0].name or "", breaks.cookies[0].domain or ""]
    assert "\n=" in texts[0] and "\n=" in texts[1] and "|=" in texts[2]
    raw = "\r\n".join(",".join(f'"{t}"' for t in texts) for _ in range(2))
    assert any(live(c) for c in cells_as_cut(raw, ";"))
    assert any(live(c) for c in cells_as_cut(raw, "|"))


@pytest.mark.parametrize("lang", LANGS)
def test_csv_has_no_formula(catalogue: Catalogue, lang: str) -> None:
    text = export(catalogue, "csv", lang).removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows
    for row in rows:
        for cell in row:
            assert not live(cell), cell
    if lang == "fr":
        assert rows[1][4] == "'+SUM(1;2); no-such-purpose"
        return
    provider = rows[1][1]
    assert provider == '\'=HYPERLINK("http://evil.example","x")'
    purposes = rows[1][4]
    assert purposes == '\'=HYPERLINK("http://evil.example","click"); no-such-purpose'
    broken = [r for r in rows if r[0] == "breaks"]
    assert broken[0][1] == 'Breaks Ltd\n\'=HYPERLINK("http://evil.example","x")'
    assert broken[0][5] == "name\n'=1" and broken[0][8] == "x|'=1"
    assert broken[0][10] == "session" and broken[0][11] == ""  # no lifetime of 0 seconds


def test_csv_quotes_every_field(catalogue: Catalogue) -> None:
    """Quoted fields keep a ";" or "," inside one cell whatever delimiter is assumed."""
    text = export(catalogue, "csv").removeprefix("\ufeff")
    for line in text.split("\r\n")[:1]:
        assert line.startswith('"') and line.endswith('"')


@pytest.mark.parametrize("fmt", ["markdown", "html", "text", "csv", "json"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_terminal_escapes_or_bidi_overrides(catalogue: Catalogue, fmt: str, lang: str) -> None:
    text = export(catalogue, fmt, lang)
    assert "\x1b" not in text
    assert "\u202e" not in text
    if fmt in ("html", "text") and lang == "en":
        assert "[31mred[0m right-to-left end" in text


def test_text_is_plain(catalogue: Catalogue) -> None:
    text = export(catalogue, "text")
    assert "<script>window.__pwned = 1</script>" in text
    assert all(len(line) <= 80 for line in text.splitlines() if line.isascii())


def test_markdown_link_targets_keep_ampersands() -> None:
    from consent_tui.core.export.docmodel import Item, Span
    from consent_tui.core.export.markdown import md_item

    url = "https://example.org/p?a=1&copy;=2"
    rendered = MarkdownIt("gfm-like").render(md_item(Item((Span(url, url=url),))))
    assert 'href="https://example.org/p?a=1&amp;copy;=2"' in rendered
