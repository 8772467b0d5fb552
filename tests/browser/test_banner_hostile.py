"""A catalogue full of hostile texts, its banner configurations inlined in <script> elements.

Every text of tests/golden/banners/hostile.toml carries quotes, backslashes, ``</script>``,
``<!--``, ``${}``, HTML with event handlers, U+2028/U+2029 and template placeholders. In the
real Klaro and vanilla-cookieconsent nothing of it runs (no alert, no flag, no page error,
no element made from it) and every text shows literally.
"""

from __future__ import annotations

from typing import Any

import pytest

from consent_tui.core import store
from consent_tui.core.export import banner_common
from consent_tui.core.model import Catalogue, text_in
from tests.browser.banner_pages import (
    cookie_names,
    cookieconsent_page,
    export_text,
    klaro_page,
    set_cookies,
)
from tests.browser.conftest import PageServer
from tests.conftest import ROOT

HOSTILE = ROOT / "tests" / "golden" / "banners" / "hostile.toml"
PAYLOAD = (
    "\"'\\` </script><script>window.__pwned=1</script> <!-- ${window.__pwned=1} "
    '<img src=x onerror="window.__pwned=1"> <b onmouseover=alert(1)>b</b> '
    "\u2028 \u2029 {{revisionMessage}} {purposes} &amp; */ \\u0041"
)
POLICY_URL = "https://hostile.example/cookies?a=1&b=2"
INERT = """
(root) => ({
  pwned: window.__pwned,
  alerts: window.__alerts,
  made: document.querySelectorAll(
    `${root} img, ${root} script, ${root} b, ${root} [onerror], ${root} [onmouseover]`).length,
  links: [...document.querySelectorAll(`${root} a[href]`)].map(a => a.getAttribute('href')),
})
"""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    loaded = store.load(HOSTILE).catalogue
    assert text_in(loaded.policy.intro, "en") == f"[intro-en] {PAYLOAD}"
    return loaded


def assert_inert(page: Any, root: str) -> list[str]:
    page.mouse.move(5, 5)
    page.mouse.move(400, 300)
    state = page.evaluate(INERT, root)
    assert state["pwned"] is None
    assert state["alerts"] == []
    assert state["made"] == 0
    links: list[str] = state["links"]
    assert all(link.startswith(("https:", "mailto:", "#")) for link in links), links
    return links


def assert_consent_mode(page: Any) -> None:
    """The page had no gtag: the runtime made Google's queue, default first, then the
    refusal; the hostile ids of the plan reached it as plain strings."""
    layer = page.evaluate("() => window.dataLayer.map(a => [...a])")
    default = layer[0]
    assert default[:2] == ["consent", "default"]
    assert default[2]["analytics_storage"] == default[2]["ad_storage"] == "denied"
    assert default[2]["region"][-1] == "US-CA" and "FR" in default[2]["region"]
    assert layer[1] == ["set", "url_passthrough", True]
    assert layer[-1][:2] == ["consent", "update"]
    assert layer[-1][2]["analytics_storage"] == "denied"


def texts(catalogue: Catalogue, lang: str, *fields: str) -> list[str]:
    """The catalogue texts of the given kinds, in ``lang``."""
    found = []
    if "purposes" in fields:
        for purpose in catalogue.purposes.values():
            found += [text_in(purpose.title, lang), text_in(purpose.description, lang)]
    if "categories" in fields:
        for category in catalogue.categories.values():
            found += [text_in(category.title, lang), text_in(category.description, lang)]
    for service in catalogue.services.values():
        if "services" in fields:
            found += [
                banner_common.Localiser(catalogue, []).service_title(service, lang),
                text_in(service.description, lang),
            ]
        for cookie in service.cookies:
            if "cookies" in fields:
                found.append(text_in(cookie.description, lang))
            found.append(text_in(cookie.duration_note, lang))
    return [text for text in found if text]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_klaro_runs_nothing_and_shows_texts_literally(
    page: Any, site: PageServer, catalogue: Catalogue, lang: str
) -> None:
    page.goto(klaro_page(site, catalogue, lang, inline=True))
    page.wait_for_selector(".klaro .cookie-notice", state="visible")
    notice = page.text_content(".klaro .cookie-notice") or ""
    assert f"[purpose-measure-title-{lang}] {PAYLOAD}" in notice
    assert assert_inert(page, ".klaro") == ["#"]
    page.click(".klaro .cn-learn-more")
    page.wait_for_selector(".klaro .cookie-modal", state="visible")
    assert POLICY_URL in assert_inert(page, ".klaro")  # fr's javascript: URL was refused
    modal = page.text_content(".klaro .cookie-modal") or ""
    expected = texts(catalogue, lang, "purposes", "services")
    assert len(expected) >= 9
    for text in expected:
        assert text in modal, text[:40]
    assert_inert(page, ".klaro")
    set_cookies(page, "_ga_TEST")
    page.evaluate("() => localStorage.setItem('evil-store', '1')")
    page.click(".klaro .cookie-modal .cm-btn-decline, .klaro .cookie-modal .cn-decline")
    assert "_ga_TEST" not in cookie_names(page)
    page.wait_for_function("() => localStorage.getItem('evil-store') === null")
    assert_inert(page, "body")
    assert_consent_mode(page)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cookieconsent_runs_nothing_and_shows_texts_literally(
    page: Any, site: PageServer, catalogue: Catalogue, lang: str
) -> None:
    page.goto(cookieconsent_page(site, catalogue, lang, inline=True))
    page.wait_for_selector("#cc-main .cm", state="visible")
    description = (page.text_content("#cc-main .cm__desc") or "").rstrip(" ")
    assert description == f"[intro-{lang}] {PAYLOAD}"
    footer = page.text_content("#cc-main .cm__footer") or ""
    assert footer == f"[policy-title-{lang}] {PAYLOAD}"
    assert assert_inert(page, "#cc-main") == [POLICY_URL]
    page.evaluate("async () => (await import('vanilla-cookieconsent')).showPreferences()")
    page.wait_for_selector("#cc-main .pm", state="visible")
    modal = page.text_content("#cc-main .pm") or ""
    expected = texts(catalogue, lang, "categories", "services", "cookies")
    expected = [t for t in expected if not t.startswith(("[site-desc", "[evil-desc"))]
    assert len(expected) > 10
    for text in expected:
        assert text in modal, text[:40]
    labels = page.eval_on_selector_all(".pm__service-title", "es => es.map(e => e.textContent)")
    assert labels == [  # in the page's language
        banner_common.Localiser(catalogue, []).service_title(s, lang)
        for s in catalogue.services.values()
    ]
    links = assert_inert(page, "#cc-main")
    assert links[0] == POLICY_URL and "mailto:evil@hostile.example" in links[-2]
    set_cookies(page, "_ga_TEST")
    page.evaluate("() => localStorage.setItem('evil-store', '1')")
    page.click("#cc-main .pm [data-role=necessary]")
    page.wait_for_selector("#cc-main .pm", state="hidden")
    assert "_ga_TEST" not in cookie_names(page)
    assert page.evaluate("() => localStorage.getItem('evil-store')") is None
    assert_inert(page, "body")
    assert_consent_mode(page)


def test_consent_mode_snippet_runs_nothing(
    page: Any, site: PageServer, catalogue: Catalogue
) -> None:
    """The snippet inlined in <script>: the hostile category id reaches update() as data."""
    snippet = export_text("consent-mode", catalogue)
    html = (
        "<!doctype html><html><head><script>window.__alerts = [];"
        " window.alert = (m) => window.__alerts.push(String(m));</script>\n"
        f"<script>\n{snippet}</script></head><body><p>page</p></body></html>"
    )
    page.goto(site.put("/snippet.html", html))
    page.evaluate("() => consentTuiConsentMode.update({ categories: ['tracking'] })")
    assert_inert(page, "body")
    layer = page.evaluate("() => window.dataLayer.map(a => [...a])")
    assert [entry[:2] for entry in layer] == [
        ["consent", "default"],
        ["set", "url_passthrough"],
        ["consent", "update"],
    ]
    assert layer[2][2]["analytics_storage"] == layer[2][2]["ad_storage"] == "granted"
