"""Refused services' local and session storage is removed by the banner exports, in the real
Klaro and vanilla-cookieconsent; and cookieconsent shows service labels in each language.

Keys are stored as the services' own scripts would; refusing (or withdrawing) removes the
declared keys of every refused service, patterns included, and keeps the others: keys of
accepted and necessary services (even when a refused pattern also matches them) and keys
the catalogue does not declare.
"""

from __future__ import annotations

from typing import Any

import pytest

from consent_tui.core import store
from consent_tui.core.export import banner_common
from consent_tui.core.model import Catalogue
from tests.browser.banner_pages import cookieconsent_page, klaro_page
from tests.browser.conftest import PageServer
from tests.browser.consent_pages import put_storage, storage_keys
from tests.conftest import SAMPLES

CATALOGUE = """\
format_version = 1
[policy]
site_name = "Example"
languages = ["en", "fr"]
[categories.necessary]
title = "Necessary"
consent = false
[categories.preferences]
title = "Preferences"
consent = true
[categories.statistics]
title = "Statistics"
consent = true
[purposes.run]
title = "Run the site"
[purposes.remember]
title = "Remember"
[purposes.count]
title = "Count visits"
[services.site]
category = "necessary"
purposes = ["run"]
cookies = [{ name = "app-cache-core", type = "local_storage", duration = "persistent" }]
[services.prefs]
category = "preferences"
purposes = ["remember"]
cookies = [
  { name = "theme", type = "local_storage", duration = "persistent" },
  { name = "scroll-*", type = "session_storage", duration = "session" },
]
[services.stats]
category = "statistics"
purposes = ["count"]
cookies = [
  { name = "app-cache-*", type = "local_storage", duration = "persistent" },
  { name = "stats.visit", type = "session_storage", duration = "session" },
]
"""
LOCAL = ("app-cache-core", "app-cache-stats", "theme", "unrelated")
SESSION = ("scroll-12", "stats.visit", "stats-visit", "unrelated")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return store.from_text(CATALOGUE).catalogue


def klaro_choose(page: Any, purposes: tuple[str, ...]) -> None:
    page.click(".klaro .cn-learn-more")
    page.wait_for_selector(".klaro .cookie-modal", state="visible")
    for purpose in purposes:
        page.click(f".klaro .cookie-modal label[for='purpose-item-{purpose}']")
    page.click(".klaro .cookie-modal .cm-btn-accept")
    page.wait_for_selector(".klaro .cookie-modal", state="detached")


def test_klaro_declining_removes_refused_storage(
    page: Any, site: PageServer, catalogue: Catalogue
) -> None:
    page.goto(klaro_page(site, catalogue, "en"))
    page.wait_for_selector(".klaro .cookie-notice", state="visible")
    put_storage(page, LOCAL, SESSION)
    page.click(".klaro .cookie-notice .cn-decline")
    page.wait_for_selector(".klaro .cookie-notice", state="detached")
    local, session = storage_keys(page)
    # app-cache-core matches the refused app-cache-* but is the necessary service's own
    assert local == {"app-cache-core", "unrelated"}
    assert session == {"stats-visit", "unrelated"}  # "." of stats.visit is no wildcard


def test_klaro_keeps_the_accepted_service_and_withdrawal_removes_it(
    page: Any, site: PageServer, catalogue: Catalogue
) -> None:
    page.goto(klaro_page(site, catalogue, "fr"))
    page.wait_for_selector(".klaro .cookie-notice", state="visible")
    klaro_choose(page, ("remember",))
    put_storage(page, LOCAL, SESSION)
    page.reload()  # later page loads clear what is refused too
    page.wait_for_function("() => !localStorage.getItem('app-cache-stats')")
    local, session = storage_keys(page)
    assert local == {"app-cache-core", "theme", "unrelated"}
    assert session == {"scroll-12", "stats-visit", "unrelated"}
    page.evaluate("() => klaro.show(undefined, true)")
    page.wait_for_selector(".klaro .cookie-modal", state="visible")
    page.click(".klaro .cookie-modal label[for='purpose-item-remember']")
    page.click(".klaro .cookie-modal .cm-btn-accept")
    page.wait_for_function("() => !localStorage.getItem('theme')")
    assert storage_keys(page) == ({"app-cache-core", "unrelated"}, {"stats-visit", "unrelated"})


def test_cookieconsent_rejecting_removes_refused_storage(
    page: Any, site: PageServer, catalogue: Catalogue
) -> None:
    page.goto(cookieconsent_page(site, catalogue, "en"))
    page.wait_for_selector("#cc-main .cm", state="visible")
    put_storage(page, LOCAL, SESSION)
    page.click("#cc-main .cm [data-role=necessary]")
    page.wait_for_selector("#cc-main .cm", state="hidden")
    assert storage_keys(page) == ({"app-cache-core", "unrelated"}, {"stats-visit", "unrelated"})


def test_cookieconsent_withdrawing_one_category_removes_its_storage(
    page: Any, site: PageServer, catalogue: Catalogue
) -> None:
    page.goto(cookieconsent_page(site, catalogue, "fr"))
    page.wait_for_selector("#cc-main .cm", state="visible")
    page.click("#cc-main .cm [data-role=all]")
    page.wait_for_selector("#cc-main .cm", state="hidden")
    put_storage(page, LOCAL, SESSION)
    assert storage_keys(page) == (set(LOCAL), set(SESSION))  # all accepted: all kept
    page.evaluate(
        "async () => (await import('vanilla-cookieconsent')).acceptCategory('all', ['statistics'])"
    )
    local, session = storage_keys(page)
    assert local == {"app-cache-core", "theme", "unrelated"}
    assert session == {"scroll-12", "stats-visit", "unrelated"}


# -- labels in every language


def labels_shown(page: Any) -> list[str]:
    page.evaluate("async () => (await import('vanilla-cookieconsent')).showPreferences()")
    page.wait_for_selector("#cc-main .pm", state="visible")
    shown: list[str] = page.eval_on_selector_all(
        ".pm__service-title", "es => es.map(e => e.textContent)"
    )
    return shown


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cookieconsent_service_labels_are_in_the_page_language(
    page: Any, site: PageServer, lang: str
) -> None:
    catalogue = store.load(SAMPLES / "news-site.toml").catalogue
    texts = banner_common.Localiser(catalogue, [])
    expected = [texts.service_title(s, lang) for s in catalogue.services.values()]
    page.goto(cookieconsent_page(site, catalogue, lang))
    page.wait_for_selector("#cc-main .cm", state="visible")
    assert labels_shown(page) == expected
    english = [texts.service_title(s, "en") for s in catalogue.services.values()]
    assert (expected != english) is (lang != "en")  # the sample's labels differ in French


def test_cookieconsent_labels_follow_set_language(page: Any, site: PageServer) -> None:
    catalogue = store.load(SAMPLES / "news-site.toml").catalogue
    texts = banner_common.Localiser(catalogue, [])
    page.goto(cookieconsent_page(site, catalogue, "en"))
    page.wait_for_selector("#cc-main .cm", state="visible")
    labels_shown(page)
    page.evaluate("async () => (await import('vanilla-cookieconsent')).setLanguage('fr')")
    page.wait_for_function("() => document.querySelector('#cc-main .pm__title')")
    assert labels_shown(page) == [texts.service_title(s, "fr") for s in catalogue.services.values()]
