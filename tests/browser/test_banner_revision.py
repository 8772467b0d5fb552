"""Raising ``[banner] revision`` makes the real banners ask a visitor who already chose.

A visitor accepts under one revision, comes back (not asked: the choice is kept), then
comes back after ``consent-tui diff --bump`` raised the revision: Klaro and
vanilla-cookieconsent both show their notice again. A catalogue without a revision keeps
Klaro's usual ``klaro`` cookie.
"""

from __future__ import annotations

from typing import Any

from consent_tui.core import store
from consent_tui.core.changes.draft import bumped
from consent_tui.core.export.klaro import storage_name
from consent_tui.core.model import Catalogue
from tests.browser.banner_pages import cookie_names, cookieconsent_page, klaro_page
from tests.browser.conftest import PageServer
from tests.conftest import SAMPLES


def load(name: str) -> Catalogue:
    return store.load(SAMPLES / f"{name}.toml").catalogue


def _visible(page: Any, selector: str) -> bool:
    return bool(page.is_visible(selector))


def test_klaro_asks_again_after_the_revision_is_raised(page: Any, site: PageServer) -> None:
    catalogue = load("news-site")
    notice = ".klaro .cookie-notice"
    page.goto(klaro_page(site, catalogue, "en"))
    page.wait_for_selector(notice, state="visible")
    page.click(f"{notice} .cm-btn-success")
    page.wait_for_selector(notice, state="detached")
    assert "klaro-rev3" in cookie_names(page)
    page.goto(klaro_page(site, catalogue, "en"))  # same revision: the choice stands
    page.wait_for_function("() => window.klaro && klaro.getManager().confirmed === true")
    assert not _visible(page, notice)
    raised = bumped(catalogue, 3)
    assert storage_name(raised) == "klaro-rev4"
    page.goto(klaro_page(site, raised, "en"))
    page.wait_for_selector(notice, state="visible")


def test_cookieconsent_asks_again_after_the_revision_is_raised(page: Any, site: PageServer) -> None:
    catalogue = load("news-site")
    banner = "#cc-main .cm"
    page.goto(cookieconsent_page(site, catalogue, "en"))
    page.wait_for_selector(banner, state="visible")
    page.click(f"{banner} [data-role=all]")
    page.wait_for_selector(banner, state="hidden")
    page.goto(cookieconsent_page(site, catalogue, "en"))
    page.wait_for_load_state("networkidle")
    valid = "async () => (await import('vanilla-cookieconsent')).validConsent()"
    assert page.evaluate(valid) is True
    assert not _visible(page, banner)
    page.goto(cookieconsent_page(site, bumped(catalogue, 3), "en"))
    page.wait_for_selector(banner, state="visible")
    # the library's {{revisionMessage}}: the policy changed since the last visit
    assert "changed since your last visit" in (page.text_content("#cc-main .cm__desc") or "")


def test_without_a_revision_klaro_keeps_its_usual_cookie(page: Any, site: PageServer) -> None:
    catalogue = load("minimal")
    assert catalogue.banner_settings.revision is None
    notice = ".klaro .cookie-notice"
    page.goto(klaro_page(site, catalogue, "en"))
    page.wait_for_selector(notice, state="visible")
    page.click(f"{notice} .cm-btn-success")
    page.wait_for_selector(notice, state="detached")
    assert "klaro" in cookie_names(page)
