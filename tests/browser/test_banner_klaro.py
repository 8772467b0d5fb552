"""The klaro export, loaded into the real Klaro 0.7 in headless Chromium.

The notice shows; the modal lists every purpose and service of the catalogue with its
texts and every stored item, in each language; accepting and declining store the choice
in Klaro's cookie; declining removes a cookie matching a pattern.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

import pytest

from consent_tui.core import store
from consent_tui.core.export import banner_common
from consent_tui.core.export.klaro import klaro_names, storage_name, storage_summary
from consent_tui.core.model import Catalogue, text_in
from tests.browser.banner_pages import (
    cookie_names,
    cookie_value,
    days_left,
    klaro_page,
    set_cookies,
)
from tests.browser.conftest import PageServer
from tests.conftest import SAMPLES

CASES = [("news-site", "en"), ("news-site", "fr"), ("opendatasoft", "fr"), ("minimal", "en")]


def load(name: str) -> Catalogue:
    return store.load(SAMPLES / f"{name}.toml").catalogue


def open_notice(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".klaro .cookie-notice", state="visible")


def klaro_consents(page: Any, name: str = "klaro-rev3") -> dict[str, bool]:
    """The choices in Klaro's cookie (news-site has [banner] revision = 3)."""
    raw = cookie_value(page, name)
    assert raw is not None, "Klaro stored no consent cookie"
    result: dict[str, bool] = json.loads(unquote(raw))
    return result


def text_of(page: Any, selector: str) -> str:
    return str(page.eval_on_selector(selector, "e => e.textContent"))


@pytest.mark.parametrize(("sample", "lang"), CASES)
def test_modal_lists_every_purpose_and_service(
    page: Any, site: PageServer, sample: str, lang: str
) -> None:
    catalogue = load(sample)
    default = catalogue.default_language
    open_notice(page, klaro_page(site, catalogue, lang))
    page.click(".klaro .cn-learn-more")
    page.wait_for_selector(".klaro .cookie-modal", state="visible")
    for pid, purpose in catalogue.purposes.items():
        if catalogue.services_using_purpose(pid):
            title = text_of(page, f"#purpose-item-{pid}-title")
            assert title == text_in(purpose.title, lang, default)
    names = klaro_names(catalogue, [])
    for service in catalogue.services.values():
        name = names[service.id]
        titles = page.eval_on_selector_all(
            f"[id='service-item-{name}-title']", "es => es.map(e => e.textContent)"
        )
        texts = banner_common.Localiser(catalogue, [])
        assert titles and set(titles) == {texts.service_title(service, lang)}
        description = text_of(page, f"[id='service-item-{name}-description']")
        summary = storage_summary(service, lang, texts)
        assert summary in description
        for cookie in service.cookies:
            assert f"{cookie.name} (" in description
        required = page.eval_on_selector(f"[id='service-item-{name}']", "e => e.disabled")
        assert required is (not banner_common.needs_consent(catalogue, service))


def test_accepting_records_consent_for_every_service(page: Any, site: PageServer) -> None:
    catalogue = load("news-site")
    open_notice(page, klaro_page(site, catalogue, "en"))
    page.click(".klaro .cookie-notice .cm-btn-success")
    page.wait_for_selector(".klaro .cookie-notice", state="detached")
    assert storage_name(catalogue) == "klaro-rev3"
    assert klaro_consents(page) == dict.fromkeys(catalogue.services, True)
    # [banner] consent_lifetime = "6 months", never rounded up
    assert 181 < days_left(page, "klaro-rev3") <= 182


def test_declining_records_refusal_and_removes_pattern_cookies(page: Any, site: PageServer) -> None:
    catalogue = load("news-site")
    open_notice(page, klaro_page(site, catalogue, "fr"))
    set_cookies(page, "_ga_TEST", "_ga", "_pk_id.1.abcd", "lanterne_session", "unrelated")
    assert {"_ga_TEST", "_pk_id.1.abcd"} <= cookie_names(page)
    page.click(".klaro .cookie-notice .cn-decline")
    page.wait_for_selector(".klaro .cookie-notice", state="detached")
    consents = klaro_consents(page)
    for service in catalogue.services.values():
        assert consents[service.id] is (not banner_common.needs_consent(catalogue, service))
    names = cookie_names(page)
    assert not {"_ga_TEST", "_ga", "_pk_id.1.abcd"} & names
    assert {"lanterne_session", "unrelated"} <= names  # necessary and unknown cookies stay


def test_the_config_file_is_what_klaro_reads(page: Any, site: PageServer) -> None:
    """The page reads the exported file itself (as written by the registry's render)."""
    catalogue = load("minimal")
    open_notice(page, klaro_page(site, catalogue, "en"))
    assert page.evaluate("() => window.klaroConfig.services.map(s => s.name)") == ["cart"]
    assert page.evaluate("() => window.klaroConfig.cookieExpiresAfterDays") == 182
