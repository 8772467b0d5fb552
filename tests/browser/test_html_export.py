"""The HTML export in headless Chromium: tables shown, every cookie named, nothing run.

Each sample in each language is opened as a page; the hostile catalogue is opened
with the page's Content Security Policy bypassed, to prove that escaping alone
keeps its texts inert.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.cells import pattern_item
from consent_tui.core.export.document import build
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.export.words import Words
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load
from tests.browser.conftest import PageServer
from tests.conftest import ROOT, sample_paths

HOSTILE = ROOT / "tests" / "golden" / "export" / "inputs" / "hostile.toml"
TRAPS = """
window.__dialogs = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__dialogs.push([name, ...args]); };
}
"""


def html_of(catalogue: Catalogue, lang: str, **options: Any) -> str:
    return registry.get("html").render(catalogue, ExportOptions(lang=lang, **options)).text


def shown_names(catalogue: Catalogue, lang: str) -> list[str]:
    """What the page must show for each cookie: its name, or a pattern in words."""
    words = Words(catalogue, lang)
    out = []
    for service in catalogue.services.values():
        for cookie in service.cookies:
            name = cookie.name or ""
            out.append(pattern_item(name, cookie.storage_type, words).text if "*" in name else name)
    return out


class Watched:
    """A page with traps: dialogs, console messages, requests leaving 127.0.0.1."""

    def __init__(self, context: Any) -> None:
        self.page = context.new_page()
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.outside: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.on("pageerror", lambda e: self.console.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.add_init_script(TRAPS)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(bypass_csp=True, java_script_enabled=True)
    yield ctx
    ctx.close()


CASES = [
    (path, lang)
    for path in sample_paths()
    for lang in ("en", "fr")
    if lang in load(path).catalogue.languages
]


@pytest.mark.parametrize(("sample", "lang"), CASES, ids=lambda v: getattr(v, "stem", v))
def test_sample_page(site: PageServer, context: Any, sample: Path, lang: str) -> None:
    catalogue = load(sample).catalogue
    url = site.put(f"/{sample.stem}.{lang}.html", html_of(catalogue, lang))
    watched = Watched(context)
    page = watched.page
    page.goto(url)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.title()
    tables = page.locator("table")
    assert tables.count() >= 1
    for i in range(tables.count()):
        table = tables.nth(i)
        assert table.is_visible()
        box = table.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 40
        assert table.locator("thead th[scope=col]").count() >= 4
        assert table.locator("caption").is_visible()
    text = page.inner_text("body")
    for name in shown_names(catalogue, lang):
        assert name in text, name
    assert page.evaluate("document.scripts.length") == 0
    assert watched.outside == [] and watched.dialogs == [] and watched.console == []


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_readable_on_a_phone(site: PageServer, browser: Any, sample: Path) -> None:
    """At 360 px the page does not scroll sideways: each row becomes a labelled card."""
    catalogue = load(sample).catalogue
    url = site.put(f"/{sample.stem}.phone.html", html_of(catalogue, "en"))
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        page = ctx.new_page()
        page.goto(url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        cell = page.locator("tbody td").first
        label = cell.evaluate("el => getComputedStyle(el, '::before').content")
        assert label.strip('"') == catalogue_header(catalogue, 1)
        font = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert font >= 16
    finally:
        ctx.close()


def catalogue_header(catalogue: Catalogue, index: int) -> str:
    """The header of column ``index`` of the first table, as the document gives it."""
    table = build(catalogue, "en").categories[0].table
    return table.columns[index].header


def test_prints_to_pdf(site: PageServer, browser: Any) -> None:
    """Print media: black text, rows not split, link targets written out; a PDF comes out."""
    catalogue = load(ROOT / "sample_policies" / "news-site.toml").catalogue
    url = site.put("/print.html", html_of(catalogue, "en"))
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        page.goto(url)
        page.emulate_media(media="print")
        color = page.evaluate("getComputedStyle(document.body).color")
        assert color == "rgb(0, 0, 0)"
        row = page.evaluate("getComputedStyle(document.querySelector('tbody tr')).breakInside")
        assert row == "avoid"
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_hostile_catalogue_runs_nothing(
    site: PageServer, context: Any, lang: str, fragment: bool
) -> None:
    catalogue = load(HOSTILE).catalogue
    body = html_of(catalogue, lang, fragment=fragment)
    if fragment:  # embedded in a host page, as a site would
        body = f"<!DOCTYPE html><html><head><meta charset=utf-8></head><body>{body}</body></html>"
    url = site.put(f"/hostile.{lang}.{int(fragment)}.html", body)
    watched = Watched(context)
    page = watched.page
    page.goto(url)
    page.wait_for_load_state("load")
    page.locator("a, th, td").first.hover()
    for link in page.locator("a").all():
        link.hover()
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("window.__dialogs") == []
    assert watched.dialogs == [] and watched.console == [] and watched.outside == []
    assert page.evaluate("document.scripts.length") == 0
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
        ".map(a => a.name).filter(n => n.startsWith('on'))"
    )
    assert handlers == []
    hrefs = page.evaluate("[...document.querySelectorAll('[href]')].map(e => e.href)")
    assert all(h.startswith(("http://", "https://", "mailto:")) for h in hrefs), hrefs
    text = page.inner_text("body")
    if lang == "en":
        assert "<script>window.__pwned = 1</script>" in text
        assert "</td></tr></table><script>window.__pwned=1</script>" in text
        assert "javascript:alert(document.cookie)" in text
        assert 'Click <a href="javascript:alert(1)" onclick="window.__pwned=1">here</a>' in text
    else:
        assert "<style>body{display:none}</style>" in text
        assert page.locator("table").first.is_visible()


def test_the_traps_catch_a_script(site: PageServer, context: Any) -> None:
    """The checks above would see an injection: an unescaped page trips every trap."""
    url = site.put(
        "/trap.html",
        "<!DOCTYPE html><p>x</p><script>window.__pwned = 1; alert('hi');</script>"
        "<img src='https://evil.example/x.png'>",
    )
    watched = Watched(context)
    watched.page.goto(url)
    assert watched.page.evaluate("window.__pwned") == 1
    assert watched.page.evaluate("window.__dialogs") == [["alert", "hi"]]
    assert watched.outside == ["https://evil.example/x.png"]
