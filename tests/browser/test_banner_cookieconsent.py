"""The cookieconsent export, run by the real vanilla-cookieconsent 3 in headless Chromium.

The banner shows in the page's language; the preferences modal lists every category and
service, and each category's cookie table lists every cookie in that language; accepting
and rejecting store the choice in ``cc_cookie``; rejecting removes cookies matching a pattern.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

import pytest

from consent_tui.core import store
from consent_tui.core.export import banner_common
from consent_tui.core.export.banner_texts import storage_label, ui
from consent_tui.core.model import Catalogue, text_in
from tests.browser.banner_pages import (
    cookie_names,
    cookie_value,
    cookieconsent_page,
    days_left,
    set_cookies,
)
from tests.browser.conftest import PageServer
from tests.conftest import SAMPLES

CASES = [("news-site", "en"), ("news-site", "fr"), ("opendatasoft", "fr"), ("minimal", "en")]
TABLES = """
() => [...document.querySelectorAll('#cc-main .pm__section--toggle')].map(section => ({
  category: section.querySelector('input.section__toggle:not([data-category])').value,
  readOnly: section.querySelector('input.section__toggle:not([data-category])').disabled,
  title: section.querySelector('.pm__section-title').firstChild.textContent,
  services: [...section.querySelectorAll('input[data-category]')].map(i => i.value),
  headers: [...section.querySelectorAll('thead th')].map(th => th.textContent),
  rows: [...section.querySelectorAll('tbody tr')].map(
    tr => [...tr.querySelectorAll('td')].map(td => td.textContent)),
}))
"""


def load(name: str) -> Catalogue:
    return store.load(SAMPLES / f"{name}.toml").catalogue


def open_banner(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#cc-main .cm", state="visible")


def show_preferences(page: Any) -> None:
    page.evaluate("async () => (await import('vanilla-cookieconsent')).showPreferences()")
    page.wait_for_selector("#cc-main .pm", state="visible")


def stored(page: Any) -> dict[str, Any]:
    raw = cookie_value(page, "cc_cookie")
    assert raw is not None, "vanilla-cookieconsent stored no consent cookie"
    result: dict[str, Any] = json.loads(unquote(raw))
    return result


@pytest.mark.parametrize(("sample", "lang"), CASES)
def test_banner_and_preferences_list_everything(
    page: Any, site: PageServer, sample: str, lang: str
) -> None:
    catalogue = load(sample)
    default = catalogue.default_language
    texts = ui(lang)
    open_banner(page, cookieconsent_page(site, catalogue, lang))
    assert page.text_content("#cc-main .cm__title") == texts["consent_title"]
    intro = text_in(catalogue.policy.intro, lang, default)
    # {{revisionMessage}} shows only to visitors who consented to an older revision.
    description = page.text_content("#cc-main .cm__desc") or ""
    assert description.strip() == (intro or texts["consent_description"])
    show_preferences(page)
    sections = page.evaluate(TABLES)
    assert [s["category"] for s in sections] == list(catalogue.categories)
    for section, (cid, category) in zip(sections, catalogue.categories.items(), strict=True):
        assert section["title"] == text_in(category.title, lang, default)
        assert section["readOnly"] is (category.consent is False)
        services = [s for s in catalogue.services.values() if s.category == cid]
        assert section["services"] == [s.id for s in services]
        cookies = [(s, c) for s in services for c in s.cookies]
        if not cookies:
            assert section["rows"] == []
            continue
        assert section["headers"][0] == texts["col_name"]
        assert section["headers"][-2:] == [texts["col_duration"], texts["col_description"]]
        assert len(section["rows"]) == len(cookies)
        local = banner_common.Localiser(catalogue, [])
        for row, (service, cookie) in zip(section["rows"], cookies, strict=True):
            name = cookie.name or ""
            if cookie.storage_type != "http_cookie":
                name += f" ({storage_label(cookie.storage_type, lang)})"
            assert row[0] == name
            index = service.cookies.index(cookie)
            assert row[1] == local.service_title(service, lang)
            assert row[-2] == local.duration_text(service, index, cookie, lang)
            assert row[-1] == text_in(cookie.description, lang, default)


def test_accepting_records_every_category(page: Any, site: PageServer) -> None:
    catalogue = load("news-site")
    open_banner(page, cookieconsent_page(site, catalogue, "en"))
    page.click("#cc-main .cm [data-role=all]")
    page.wait_for_selector("#cc-main .cm", state="hidden")
    value = stored(page)
    assert value["categories"] == list(catalogue.categories)
    assert value["revision"] == 3
    assert value["languageCode"] == "en"
    assert 181 < days_left(page, "cc_cookie") <= 182


def test_rejecting_records_necessary_only_and_removes_pattern_cookies(
    page: Any, site: PageServer
) -> None:
    catalogue = load("news-site")
    open_banner(page, cookieconsent_page(site, catalogue, "fr"))
    set_cookies(page, "_ga_TEST", "_ga", "_pk_ses.1.abcd", "lanterne_session", "unrelated")
    assert {"_ga_TEST", "_pk_ses.1.abcd"} <= cookie_names(page)
    page.click("#cc-main .cm [data-role=necessary]")
    page.wait_for_selector("#cc-main .cm", state="hidden")
    value = stored(page)
    assert value["categories"] == ["necessary"]
    assert value["languageCode"] == "fr"
    names = cookie_names(page)
    assert not {"_ga_TEST", "_ga", "_pk_ses.1.abcd"} & names
    assert {"lanterne_session", "unrelated"} <= names


def test_rejecting_one_service_clears_only_its_cookies(page: Any, site: PageServer) -> None:
    catalogue = load("news-site")
    open_banner(page, cookieconsent_page(site, catalogue, "en"))
    page.click("#cc-main .cm [data-role=all]")
    page.wait_for_selector("#cc-main .cm", state="hidden")
    set_cookies(page, "_ga_TEST", "_pk_id.9")
    page.evaluate(
        "async () => (await import('vanilla-cookieconsent')).acceptService([], 'statistics')"
    )
    names = cookie_names(page)
    assert "_ga_TEST" not in names and "_pk_id.9" not in names
    assert stored(page)["services"]["statistics"] == []
