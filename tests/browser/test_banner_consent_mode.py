"""Google consent mode from the banner exports, in the real Klaro and vanilla-cookieconsent.

A page whose own ``gtag`` records its calls: ``default`` comes first, with every mapped
type denied; accepting one category sends ``update`` with its types granted, withdrawing
it sends them denied, and each later page load sends the stored choice again. The
standalone ``consent-mode`` snippet, put before the Google tag, sends the default itself
and the banner then sends no second one.
"""

from __future__ import annotations

from typing import Any

import pytest

from consent_tui.core import store
from consent_tui.core.model import Catalogue
from tests.browser.conftest import PageServer
from tests.browser.consent_pages import calls, cc_tag_page, consent_calls, klaro_tag_page
from tests.conftest import SAMPLES

AD_TYPES = ("ad_storage", "ad_user_data", "ad_personalization")
DEFAULT = {
    "ad_storage": "denied",
    "analytics_storage": "denied",
    "ad_user_data": "denied",
    "ad_personalization": "denied",
    "wait_for_update": 500,
}
STATISTICS = {t: "denied" for t in AD_TYPES} | {"analytics_storage": "granted"}
NOTHING = dict.fromkeys((*AD_TYPES, "analytics_storage"), "denied")


@pytest.fixture(scope="module")
def news() -> Catalogue:
    """news-site maps statistics to analytics_storage, marketing to the three ad types."""
    return store.load(SAMPLES / "news-site.toml").catalogue


def assert_default_first(page: Any) -> None:
    recorded = calls(page)
    assert recorded[0] == ["consent", "default", DEFAULT], recorded
    assert recorded[1] == ["set", "ads_data_redaction", True]
    assert consent_calls(page, "default") == [DEFAULT]  # one default, never two


# -- Klaro


def klaro_modal(page: Any) -> None:
    page.evaluate("() => klaro.show(undefined, true)")
    page.wait_for_selector(".klaro .cookie-modal", state="visible")


def klaro_toggle_statistics(page: Any) -> None:
    page.click(".klaro .cookie-modal label[for='purpose-item-audience-measurement']")
    page.click(".klaro .cookie-modal .cm-btn-accept")
    page.wait_for_selector(".klaro .cookie-modal", state="detached")


@pytest.mark.parametrize("snippet", [False, True], ids=["config", "snippet-first"])
def test_klaro_default_update_withdrawal_and_reload(
    page: Any, site: PageServer, news: Catalogue, snippet: bool
) -> None:
    page.goto(klaro_tag_page(site, news, "en", snippet=snippet))
    page.wait_for_selector(".klaro .cookie-notice", state="visible")
    assert_default_first(page)
    assert calls(page)[2:] == [["js", "page"], ["config", "G-PAGE"]]  # the page's tag after
    assert consent_calls(page, "update") == []  # no choice yet

    klaro_modal(page)
    klaro_toggle_statistics(page)
    assert consent_calls(page, "update") == [STATISTICS]

    page.reload()
    page.wait_for_function("() => window.__calls.some(c => c[1] === 'update')")
    assert_default_first(page)
    assert consent_calls(page, "update") == [STATISTICS]  # from the stored choice

    klaro_modal(page)
    klaro_toggle_statistics(page)  # withdraws it
    assert consent_calls(page, "update") == [STATISTICS, NOTHING]

    page.reload()
    page.wait_for_function("() => window.__calls.some(c => c[1] === 'update')")
    assert consent_calls(page, "update") == [NOTHING]


def test_klaro_accept_all_grants_every_type(page: Any, site: PageServer, news: Catalogue) -> None:
    page.goto(klaro_tag_page(site, news, "fr"))
    page.click(".klaro .cookie-notice .cm-btn-success")
    page.wait_for_selector(".klaro .cookie-notice", state="detached")
    assert consent_calls(page, "update") == [dict.fromkeys(NOTHING, "granted")]


# -- vanilla-cookieconsent


def cc_preferences(page: Any) -> None:
    page.evaluate("async () => (await import('vanilla-cookieconsent')).showPreferences()")
    page.wait_for_selector("#cc-main .pm", state="visible")


def cc_toggle_statistics(page: Any) -> None:
    toggle = "#cc-main .pm input.section__toggle[value='statistics']:not([data-category])"
    page.locator(toggle).dispatch_event("click")
    page.click("#cc-main .pm [data-role=save]")
    page.wait_for_selector("#cc-main .pm", state="hidden")


@pytest.mark.parametrize("snippet", [False, True], ids=["held-back-tag", "snippet-and-page-tag"])
def test_cookieconsent_default_update_withdrawal_and_reload(
    page: Any, site: PageServer, news: Catalogue, snippet: bool
) -> None:
    page.goto(cc_tag_page(site, news, "en", snippet=snippet, held="statistics"))
    page.wait_for_selector("#cc-main .cm", state="visible")
    assert_default_first(page)
    assert consent_calls(page, "update") == []
    tags = [c for c in calls(page) if c[0] == "config"]
    assert tags == ([["config", "G-PAGE"]] if snippet else [])  # the held tag waits

    cc_preferences(page)
    cc_toggle_statistics(page)
    assert consent_calls(page, "update") == [STATISTICS]
    page.wait_for_function("() => window.__calls.some(c => c[1] === 'G-HELD')")

    page.reload()
    page.wait_for_function("() => window.__calls.some(c => c[1] === 'update')")
    assert_default_first(page)
    assert consent_calls(page, "update") == [STATISTICS]

    cc_preferences(page)
    cc_toggle_statistics(page)
    assert consent_calls(page, "update") == [STATISTICS, NOTHING]

    page.reload()
    page.wait_for_function("() => window.__calls.some(c => c[1] === 'update')")
    assert consent_calls(page, "update") == [NOTHING]


def test_cookieconsent_reject_all_denies_every_type(
    page: Any, site: PageServer, news: Catalogue
) -> None:
    page.goto(cc_tag_page(site, news, "fr"))
    page.click("#cc-main .cm [data-role=necessary]")
    page.wait_for_selector("#cc-main .cm", state="hidden")
    assert consent_calls(page, "update") == [NOTHING]
