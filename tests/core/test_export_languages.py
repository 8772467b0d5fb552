"""The HTML export says which language each passage is in.

The page's ``lang`` is the language the document is written in; a passage in
another language (a catalogue text that fell back, or the English built-in texts
of a language that has none) carries its own ``lang``.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load_text

GERMAN = """\
format_version = 1
[policy]
site_name = "Beispiel"
site_url = "https://beispiel.example"
controller = "Beispiel GmbH"
contact = "datenschutz@beispiel.example"
languages = ["de", "en"]
updated = 2026-03-01
intro = { de = "Diese Seite erklärt unsere Cookies." }
[policy.document]
columns = ["provider", "function_location", "cookies", "duration", "purposes"]
[categories.necessary]
title = { de = "Notwendige Cookies", en = "Necessary cookies" }
description = { en = "They keep the site working." }
consent = false
[purposes.session]
title = { de = "Sitzung", en = "Session" }
description = { de = "Um Sie angemeldet zu halten", en = "To keep you signed in" }
legal_basis = "legitimate_interests"
[services.site]
provider = "Beispiel GmbH"
function = { de = "Anmeldung", en = "Sign-in" }
location = { en = "everywhere" }
category = "necessary"
party = "first"
purposes = ["session"]
[[services.site.cookies]]
name = "sid"
duration = "13 months"
duration_note = { de = "bei jedem Besuch erneuert" }
"""


class Passages(HTMLParser):
    """Each text node with the language in force there (the nearest ``lang``)."""

    VOID = frozenset({"meta", "br", "wbr", "link", "img", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        text = data.strip()
        if text and not any(tag in ("style", "title") for tag, _ in self.stack):
            langs = [lang for _, lang in self.stack if lang]
            self.texts.setdefault(text, langs[-1] if langs else None)


def html(catalogue: Catalogue, lang: str, **options: object) -> str:
    opts = ExportOptions(lang=lang, **options)  # type: ignore[arg-type]
    return registry.get("html").render(catalogue, opts).text


def passages(text: str) -> dict[str, str | None]:
    parser = Passages()
    parser.feed(text)
    return parser.texts


@pytest.fixture(scope="module")
def german() -> Catalogue:
    return load_text(GERMAN)


def test_the_page_is_in_the_language_asked_for_and_fallbacks_say_theirs(
    german: Catalogue,
) -> None:
    page = html(german, "de")
    assert '<html lang="de">' in page
    texts = passages(page)
    # the catalogue's German texts: the page's language
    in_german = ("Diese Seite erklärt unsere Cookies.", "Notwendige Cookies")
    for text in (*in_german, "Um Sie angemeldet zu halten"):
        assert texts[text] == "de", text
    assert texts["Anmeldung ("] == texts["(bei jedem Besuch erneuert)"] == "de"
    # catalogue texts missing in German: the English ones, marked
    assert texts["They keep the site working."] == "en"
    assert texts["everywhere"] == "en"
    # built-in texts: there are none in German, so English, marked
    english = ("What is a cookie?", "Service provider's name", "Duration", "13 months")
    for text in (*english, "Last updated:", "1 March 2026", "Contact:"):
        assert texts[text] == "en", text


def test_a_fully_translated_page_has_no_lang_but_the_page_s(german: Catalogue) -> None:
    page = html(german, "en")
    assert '<html lang="en">' in page
    # besides <html lang>: the intro and a duration note, which have no English
    assert page.count(' lang="') == 3
    assert '<p class="intro" lang="de">Diese Seite erklärt unsere Cookies.</p>' in page
    assert '13 months (<span lang="de">bei jedem Besuch erneuert</span>)' in page


def test_a_fragment_carries_the_language_on_its_article(german: Catalogue) -> None:
    page = html(german, "de", fragment=True)
    assert page.startswith('<article class="cookie-policy" lang="de">')
    assert '<h3 lang="en">What is a cookie?</h3>' in page


def test_a_language_the_catalogue_does_not_declare_is_not_claimed(german: Catalogue) -> None:
    """``fr`` asked of a German and English catalogue: the page is German, and says so."""
    result = registry.get("html").render(german, ExportOptions(lang="fr"))
    assert '<html lang="de">' in result.text
    assert result.notes[0] == (
        "'fr' is not one of the catalogue's languages (de, en): exported in 'de'"
    )


@pytest.mark.parametrize("fmt", ["markdown", "text", "csv"])
def test_other_formats_show_fallbacks_as_plain_text(german: Catalogue, fmt: str) -> None:
    text = registry.get(fmt).render(german, ExportOptions(lang="de")).text
    assert "13 months" in text and "lang=" not in text
