"""Accessible, printable HTML for every layout: axe-core finds no WCAG 2.x A or AA violation.

Every sample and layout sample, in each of its languages, as a page and as a fragment
(set in a bare host page), is checked by axe-core (bundled with axe-playwright-python)
in Debian's Chromium. The per-cookie table whose provider spans its cookies' rows is
then looked at as a reader would: every cookie name shown, every cell tied to its
column's header, readable at 360 px and in print.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.store import load
from tests.browser.conftest import PageServer
from tests.conftest import ROOT, sample_paths

LAYOUTS = sorted((ROOT / "tests" / "data" / "layouts").glob("*.toml"))
SPANS = ROOT / "tests" / "data" / "layouts" / "spans-en.toml"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CASES = [
    (path, lang, fragment)
    for path in [*sample_paths(), *LAYOUTS]
    for lang in load(path).catalogue.languages
    for fragment in (False, True)
]


def page_of(path: Path, lang: str, fragment: bool) -> str:
    options = ExportOptions(lang=lang, fragment=fragment)
    text = registry.get("html").render(load(path).catalogue, options).text
    if not fragment:
        return text
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Cookies</title></head><body><main>{text}</main></body></html>"
    )


def violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['html'][:120]})"
        for v in results.response["violations"]
    ]


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(bypass_csp=True)
    yield ctx
    ctx.close()


@pytest.mark.parametrize(
    ("sample", "lang", "fragment"),
    CASES,
    ids=lambda v: getattr(v, "stem", None) or ("fragment" if v is True else None),
)
def test_axe_finds_no_wcag_violation(
    site: PageServer, context: Any, sample: Path, lang: str, fragment: bool
) -> None:
    url = site.put(f"/{sample.stem}.{lang}.{int(fragment)}.html", page_of(sample, lang, fragment))
    page = context.new_page()
    page.goto(url)
    assert violations(page) == []
    page.emulate_media(color_scheme="dark")
    assert violations(page) == []


def _spans_page(site: PageServer, browser: Any, **options: Any) -> tuple[Any, Any]:
    ctx = browser.new_context(bypass_csp=True, **options)
    page = ctx.new_page()
    page.goto(site.put("/spans.html", page_of(SPANS, "en", False)))
    return ctx, page


COOKIE_NAMES = [c.name for s in load(SPANS).catalogue.services.values() for c in s.cookies]


def _visible_names(page: Any) -> list[str]:
    """The cookie names shown inside the tables, each with a box of its own on the page."""
    return page.evaluate(
        """() => [...document.querySelectorAll('table code')]
            .filter(el => { const r = el.getBoundingClientRect();
                const shown = getComputedStyle(el).visibility !== 'hidden';
                return r.width > 0 && r.height > 0 && shown; })
            .map(el => el.textContent)"""
    )


def test_spanning_cells_every_name_shown_every_cell_tied_to_its_header(
    site: PageServer, browser: Any
) -> None:
    ctx, page = _spans_page(site, browser)
    try:
        assert sorted(_visible_names(page)) == sorted(COOKIE_NAMES)
        assert page.locator("th[rowspan]").count() >= 1 and page.locator("td[rowspan]").count() >= 1
        # Each data cell names, in `headers`, the header of the column it sits in, using
        # the browser's own table layout (cellIndex and rowspans resolved by position).
        checked = page.evaluate(
            """() => {
              const out = [];
              for (const table of document.querySelectorAll('table')) {
                const heads = [...table.querySelectorAll('thead th')];
                if (!heads.every(th => th.scope === 'col' && th.id)) return ['no scope or id'];
                for (const cell of table.querySelectorAll('tbody td, tbody th')) {
                  const left = cell.getBoundingClientRect().left;
                  const head = heads.find(
                    th => Math.abs(th.getBoundingClientRect().left - left) < 1);
                  const ids = (cell.getAttribute('headers') || '').split(' ');
                  if (!head || !ids.includes(head.id)) out.push(cell.textContent);
                  else out.push(true);
                }
              }
              return out;
            }"""
        )
        assert checked and all(value is True for value in checked), checked
        assert page.locator("tbody th[scope=rowgroup]").count() == 2
        assert page.locator("tbody").count() == 2  # a row group per service
        assert violations(page) == []
    finally:
        ctx.close()


def test_spanning_cells_readable_on_a_phone(site: PageServer, browser: Any) -> None:
    ctx, page = _spans_page(site, browser, viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        assert sorted(_visible_names(page)) == sorted(COOKIE_NAMES)
        inside = page.evaluate(
            """() => [...document.querySelectorAll('table code')]
                .every(el => el.getBoundingClientRect().right
                             <= document.documentElement.clientWidth)"""
        )
        assert inside
        assert violations(page) == []
    finally:
        ctx.close()


def test_spanning_cells_in_print(site: PageServer, browser: Any) -> None:
    ctx, page = _spans_page(site, browser)
    try:
        page.emulate_media(media="print")
        assert sorted(_visible_names(page)) == sorted(COOKIE_NAMES)
        styles = page.evaluate(
            """() => ({
              thead: getComputedStyle(document.querySelector('thead')).display,
              row: getComputedStyle(document.querySelector('tbody tr')).breakInside,
              color: getComputedStyle(document.body).color })"""
        )
        assert styles == {"thead": "table-header-group", "row": "avoid", "color": "rgb(0, 0, 0)"}
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    finally:
        ctx.close()


def test_axe_does_report_what_it_should(site: PageServer, context: Any) -> None:
    """The check can fail: a page without lang, title and alt text has violations."""
    page = context.new_page()
    page.goto(site.put("/bad.html", "<!DOCTYPE html><html><body><img src='x.png'></body></html>"))
    found = {v.split(":")[0] for v in violations(page)}
    assert {"html-has-lang", "document-title", "image-alt"} <= found
