"""The document model: standard texts, overrides, fallbacks, columns, patterns, durations."""

from __future__ import annotations

import pytest

from consent_tui.core.export.cells import pattern_item
from consent_tui.core.export.docmodel import PolicyDocument, lang_of
from consent_tui.core.export.document import OTHER, build
from consent_tui.core.export.escape import contact_link
from consent_tui.core.export.texts import OVERRIDE_KEYS, SECTION_IDS, en, fr
from consent_tui.core.export.words import Words
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load_text

BASE = """\
format_version = 1
[policy]
site_name = "Example"
site_url = "https://www.example.org/home"
controller = "Example SA"
contact = "privacy@example.org"
languages = ["en", "fr"]
"""


def catalogue(extra: str = "", base: str = BASE) -> Catalogue:
    return load_text(base + extra)


def cells(doc: PolicyDocument, category: int = 0, row: int = 0) -> list[str]:
    return [cell.text for cell in doc.categories[category].table.rows[row].cells]


@pytest.mark.parametrize(
    ("name", "storage", "lang", "expected"),
    [
        ("_ga_*", "http_cookie", "en", "any cookie starting with _ga_"),
        ("_ga_*", "http_cookie", "fr", "tout cookie commençant par _ga_"),
        ("*_session", "http_cookie", "en", "any cookie ending with _session"),
        ("*_session", "http_cookie", "fr", "tout cookie se terminant par _session"),
        ("_hj*_id", "http_cookie", "en", "any cookie starting with _hj and ending with _id"),
        ("_hj*_id", "http_cookie", "fr", "tout cookie commençant par _hj et se terminant par _id"),
        ("*consent*", "http_cookie", "en", "any cookie containing consent"),
        ("**x**", "http_cookie", "fr", "tout cookie contenant x"),
        ("a*b*c", "http_cookie", "en", "any cookie matching a*b*c (* stands for any characters)"),
        ("*", "http_cookie", "en", "any cookie"),
        ("app:*", "local_storage", "en", "any entry starting with app:"),
        ("app:*", "indexed_db", "fr", "toute entrée commençant par app:"),
    ],
)
def test_patterns_read_as_words(name: str, storage: str, lang: str, expected: str) -> None:
    item = pattern_item(name, storage, Words(catalogue(), lang))
    assert item.text == expected


def test_pattern_fragments_are_code() -> None:
    item = pattern_item("_hj*_id", "http_cookie", Words(catalogue(), "en"))
    assert [(s.text, s.code) for s in item.spans] == [
        ("any cookie", False),
        (" starting with ", False),
        ("_hj", True),
        (" and ending with ", False),
        ("_id", True),
    ]


def test_standard_sections_in_order_with_placeholders() -> None:
    doc = build(catalogue(), "en")
    assert [s.id for s in doc.sections] == list(SECTION_IDS)
    assert doc.cookies is not None and doc.cookies.title == "Cookies used on Example"
    assert "The controller of the personal data" in doc.after[-1].paragraphs[0]
    assert "is Example SA." in doc.after[-1].paragraphs[0]
    assert "kept for 182 days" in doc.after[0].paragraphs[1]
    assert doc.title == "Cookie policy" and doc.intro[0].startswith("This page explains")


def test_french_built_in_texts_and_typography() -> None:
    doc = build(catalogue(), "fr")
    assert doc.title == "Politique relative aux cookies"
    assert doc.before[0].title == "Qu'est-ce qu'un cookie\u00a0?"
    assert "182 jours" in doc.after[0].paragraphs[1]
    assert doc.notes == ()


def test_every_override_key_is_a_built_in_text_in_both_languages() -> None:
    for key in OVERRIDE_KEYS:
        assert key in en.SECTIONS and key in fr.SECTIONS, key
    assert set(en.SECTIONS) == set(fr.SECTIONS) == set(OVERRIDE_KEYS)
    assert set(en.LABELS) == set(fr.LABELS)
    assert set(en.COLUMNS) == set(fr.COLUMNS)
    assert set(en.CSV) == set(fr.CSV)


def test_sections_are_overridden_per_language_and_removed_when_empty() -> None:
    doc_text = """
[policy.document.sections]
title = { en = "Our cookies", fr = "Nos cookies" }
browser_settings_title = { en = "Your browser" }
browser_settings = { en = "See {site} help.\\n\\nSecond paragraph.", fr = "Aide de {site}." }
kinds_of_cookies = ""
"""
    en_doc = build(catalogue(doc_text), "en")
    assert en_doc.title == "Our cookies"
    assert [s.id for s in en_doc.before] == ["what_is_a_cookie"]
    browser = next(s for s in en_doc.after if s.id == "browser_settings")
    assert browser.title == "Your browser"
    assert browser.paragraphs == ("See Example help.", "Second paragraph.")
    fr_doc = build(catalogue(doc_text), "fr")
    browser = next(s for s in fr_doc.after if s.id == "browser_settings")
    assert browser.paragraphs == ("Aide de Example.",)
    assert browser.title == "Your browser"  # the override exists only in English
    assert fr_doc.notes == (  # a bare string is in the default language only
        "policy.document.sections.kinds_of_cookies: no 'fr' text; used the 'en' one",
        "policy.document.sections.browser_settings_title: no 'fr' text; used the 'en' one",
    )
    assert [s.id for s in fr_doc.before] == ["what_is_a_cookie"]


def test_missing_translations_fall_back_with_notes() -> None:
    extra = """
[categories.necessary]
title = { en = "Necessary" }
consent = false
[services.s]
provider = "P"
function = { en = "Sign-in", fr = "Connexion" }
location = { en = "everywhere" }
category = "necessary"
[[services.s.cookies]]
name = "sid"
duration = "13 months"
duration_note = { en = "renewed" }
"""
    doc = build(catalogue(extra), "fr")
    assert doc.categories[0].title == "Necessary"
    assert cells(doc)[1] == "Connexion (everywhere)"
    assert doc.notes == (
        "categories.necessary.title: no 'fr' text; used the 'en' one",
        "services.s.location: no 'fr' text; used the 'en' one",
    )


def test_a_language_the_catalogue_does_not_declare_gives_the_default_one() -> None:
    """The document is in the language it is written in, whatever was asked for."""
    doc = build(catalogue(), "de")
    assert doc.lang == "en"
    assert doc.title == "Cookie policy"
    assert doc.notes == ("'de' is not one of the catalogue's languages (en, fr): exported in 'en'",)


def test_a_regional_language_gives_the_declared_one_of_its_family() -> None:
    doc = build(catalogue(), "fr-CA")
    assert doc.lang == "fr"
    assert doc.before[0].title.startswith("Qu'est-ce")
    assert doc.notes == (
        "'fr-CA' is not one of the catalogue's languages (en, fr): exported in 'fr'",
    )
    assert build(catalogue(), "FR").lang == "fr"
    assert build(catalogue(), "FR").notes == ()


def test_a_declared_regional_language_uses_its_family_s_built_in_texts() -> None:
    doc = build(catalogue(base=BASE.replace('["en", "fr"]', '["en", "fr-CA"]')), "fr-CA")
    assert doc.lang == "fr-CA"
    assert doc.before[0].title.startswith("Qu'est-ce")
    assert lang_of(doc.before[0].title) is None  # French is the document's language


def test_a_declared_language_without_built_in_texts_marks_them_english() -> None:
    doc = build(catalogue(base=BASE.replace('["en", "fr"]', '["en", "pl"]')), "pl")
    assert doc.lang == "pl"
    assert doc.title == "Cookie policy"
    assert lang_of(doc.title) == "en"
    assert {lang_of(p) for s in doc.sections for p in (s.title, *s.paragraphs)} == {"en"}
    assert doc.notes[0].startswith("no built-in texts in 'pl': ")


SERVICES = """
[categories.stats]
title = { en = "Statistics", fr = "Statistiques" }
consent = true
[categories.empty]
title = { en = "Empty", fr = "Vide" }
[purposes.measure]
title = { en = "Measure", fr = "Mesure" }
description = { en = "To count visits", fr = "Pour compter les visites" }
[services.ga]
provider = "Google"
function = { en = "Analytics", fr = "Statistiques" }
category = "stats"
purposes = ["measure", "unknown"]
party = "third"
privacy_policy = "https://policies.google.com/privacy"
[[services.ga.cookies]]
name = "_ga"
duration = "P13M"
duration_note = { en = "renewed on each visit", fr = "renouvelé à chaque visite" }
[[services.ga.cookies]]
name = "_ga_*"
domain = ".example.org"
type = "local_storage"
duration = "1 year 6 months"
[services.orphan]
provider = "Nobody"
category = "nowhere"
[[services.orphan.cookies]]
name = "x"
duration = "not a duration"
"""


def test_every_column_in_both_languages() -> None:
    columns = """
[policy.document]
columns = ["cookies", "duration", "type", "party", "domain", "privacy_policy", "purposes"]
"""
    doc = build(catalogue(SERVICES + columns), "en")
    table = doc.categories[0].table
    assert [c.header for c in table.columns] == [
        "Cookie name(s)", "Duration", "Type", "Party", "Domain", "Privacy policy", "Purposes",
    ]  # fmt: skip
    assert cells(doc) == [
        "_ga\nany entry starting with _ga_",
        "_ga: 13 months (renewed on each visit)\n_ga_*: 1 year and 6 months",
        "_ga: HTTP cookie\n_ga_*: Local storage",
        "Third party",
        "_ga: www.example.org\n_ga_*: .example.org",
        "https://policies.google.com/privacy",
        "To count visits\nunknown",
    ]
    link = table.rows[0].cells[5].items[0].spans[0]
    assert link.url == "https://policies.google.com/privacy"
    fr_doc = build(catalogue(SERVICES + columns), "fr")
    assert cells(fr_doc)[1:4] == [
        "_ga\u00a0: 13 mois (renouvelé à chaque visite)\n_ga_*\u00a0: 1 an et 6 mois",
        "_ga\u00a0: Cookie HTTP\n_ga_*\u00a0: Stockage local",
        "Tiers",
    ]


def test_categories_empty_and_other() -> None:
    doc = build(catalogue(SERVICES), "en")
    assert [c.id for c in doc.categories] == ["stats", "empty", OTHER]
    stats, empty, other = doc.categories
    assert stats.consent == "These cookies are set only after you have agreed to them."
    assert stats.table.caption == "Statistics: 1 service and 2 cookies"
    assert empty.table.rows == () and empty.consent is None
    assert empty.empty_note == "No service in this category sets cookies at the moment."
    assert other.title == "Other cookies" and other.table.rows[0].service_id == "orphan"


def test_an_invalid_duration_is_shown_as_written() -> None:
    columns = '\n[policy.document]\ncolumns = ["cookies", "duration"]\n'
    doc = build(catalogue(SERVICES + columns), "fr")
    assert cells(doc, category=2) == ["x", "not a duration"]


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("privacy@example.org", ("privacy@example.org", "mailto:privacy@example.org")),
        ("mailto:dpo@ex.org?subject=x", ("dpo@ex.org", "mailto:dpo@ex.org?subject=x")),
        ("https://example.org/contact", ("https://example.org/contact", "https://example.org/contact")),
        ("12 rue de la Paix, Paris", ("12 rue de la Paix, Paris", None)),
        ("javascript:alert(1)", ("javascript:alert(1)", None)),
    ],
)  # fmt: skip
def test_contact_links(contact: str, expected: tuple[str, str | None]) -> None:
    assert contact_link(contact) == expected


def test_contact_details_and_dates() -> None:
    doc = build(catalogue("updated = 2026-03-01\n"), "fr")
    details = doc.after[-1].details
    assert [item.text for item in details] == [
        "Contact\u00a0: privacy@example.org",
        "Site\u00a0: https://www.example.org/home",
    ]
    assert doc.updated == "1er mars 2026" and doc.updated_iso == "2026-03-01"
    assert build(catalogue("updated = 2026-03-01\n"), "en").updated == "1 March 2026"


def test_a_catalogue_with_nothing_in_it() -> None:
    doc = build(load_text("format_version = 1\n"))
    assert doc.lang == "en" and doc.categories == () and doc.site_url is None
    assert doc.cookies is not None and doc.cookies.title == "Cookies used on this website"
    assert "is the publisher of this website." in doc.after[-1].paragraphs[0]
