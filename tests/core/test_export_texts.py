"""The built-in texts of the seven languages: complete, and no English left in the others."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from consent_tui.core.durations import Duration, format_duration, parse_duration
from consent_tui.core.export import cldr, registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.export.texts import BUILTIN, PLACEHOLDERS, en
from consent_tui.core.store import load
from tests.conftest import ROOT

LANGS = ("en", "fr", "de", "es", "it", "nl", "pt")
TABLES = ("SECTIONS", "LABELS", "COLUMNS", "CSV")
# The same word in English and in these languages: names, and words they share.
SHARED = {
    "indexed_db",
    "group_indexed_db",
    "colon",
    "no",  # es, it
    "cookies_1",
    "cookies_n",  # "1 cookie", "{n} cookies"
    "services_1",
    "services_n",
    "contact",
    "website",
    "service",
    "cookie",
    "description",
    "cookie_description",
    "type",
    "domain",
    "duration_session",  # fr
    "category",
    "all_title",
}
WORD = re.compile(r"[^\W\d_]{4,}")
# Words the language spells as English does (checked one by one). French keeps the
# names "local storage, session storage" in its built-in text, as the published
# French policy does (the French golden files are bound to it).
COGNATES = {
    "de": {"domain"},
    "it": {"video"},
    "nl": {"open"},
    "fr": {"change", "pages", "pixels", "protection", "question", "rectification"}
    | {"service", "simple", "storage", "techniques", "technologies"},
}


def test_the_seven_languages_are_built_in() -> None:
    assert set(BUILTIN) == set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("table", TABLES)
def test_every_key_is_present_in_every_language(lang: str, table: str) -> None:
    texts = getattr(BUILTIN[lang], table)
    assert set(texts) == set(getattr(en, table))
    assert all(value.strip() for value in texts.values())


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_are_kept(lang: str) -> None:
    module = BUILTIN[lang]
    for table in ("SECTIONS", "LABELS"):
        for key, english in getattr(en, table).items():
            wanted = sorted(re.findall(r"\{(\w+)\}", english))
            assert sorted(re.findall(r"\{(\w+)\}", getattr(module, table)[key])) == wanted, key
    assert set(PLACEHOLDERS) >= {
        p for t in module.SECTIONS.values() for p in re.findall(r"\{(\w+)\}", t)
    }


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_no_text_is_left_in_english(lang: str) -> None:
    module = BUILTIN[lang]
    same = [
        f"{table}.{key}"
        for table in TABLES
        for key, value in getattr(module, table).items()
        if value == getattr(en, table)[key] and key not in SHARED
    ]
    assert same == []


def _words(module: object) -> set[str]:
    return {
        w.lower()
        for table in TABLES
        for text in getattr(module, table).values()
        for w in WORD.findall(text)
    }


def _english_only_words(lang: str) -> set[str]:
    """Words of the English built-in texts that the other languages' texts do not use.

    The other languages, not ``lang`` itself: an English text left in ``lang``'s
    own table would otherwise count as one of its words.
    """
    others = set().union(*(_words(BUILTIN[o]) for o in LANGS if o not in ("en", lang)))
    return _words(en) - others


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@pytest.mark.parametrize(
    ("sample", "lang"),
    [
        ("sample_policies/fahrradladen.toml", "de"),
        ("tests/data/layouts/cookieyes-es.toml", "es"),
        ("tests/data/layouts/sitewide-it.toml", "it"),
        ("tests/data/layouts/by-service-nl.toml", "nl"),
        ("tests/data/layouts/by-party-pt.toml", "pt"),
        ("tests/data/layouts/no-header-fr.toml", "fr"),
        ("sample_policies/news-site.toml", "fr"),
    ],
)
def test_an_exported_document_has_no_english(sample: str, lang: str) -> None:
    """Every word of the page is the language's, or the catalogue's own (names...)."""
    catalogue = load(ROOT / sample).catalogue
    page = registry.get("html").render(catalogue, ExportOptions(lang=lang)).text
    parser = _Text()
    parser.feed(page.split("<body>", 1)[1])
    words = {w.lower() for w in WORD.findall(" ".join(parser.parts))}
    source = (ROOT / sample).read_text(encoding="utf-8")
    own = {w.lower() for w in WORD.findall(source)}
    assert lang in page.split("\n", 2)[1]  # <html lang="...">
    assert sorted((words & _english_only_words(lang)) - own - COGNATES.get(lang, set())) == []


@pytest.mark.parametrize("lang", ("en", "fr"))
@pytest.mark.parametrize(
    "text",
    [
        "1 second",
        "0 days",
        "2 weeks",
        "13 months",
        "1 year 6 months",
        "P1Y6M2D",
        "PT2H30M",
        "400 days",
    ],
)
def test_cldr_durations_are_the_earlier_words_in_english_and_french(lang: str, text: str) -> None:
    duration = parse_duration(text)
    assert cldr.duration_parts(duration.parts, lang) == format_duration(duration, lang)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "1 Jahr, 6 Monate und 1 Tag"),
        ("es", "1 año, 6 meses y 1 día"),
        ("it", "1 anno, 6 mesi e 1 giorno"),
        ("nl", "1 jaar, 6 maanden en 1 dag"),
        ("pt", "1 ano, 6 meses e 1 dia"),
        ("pl", "1 rok, 6 miesięcy i 1 dzień"),
    ],
)
def test_cldr_durations_in_other_languages(lang: str, expected: str) -> None:
    parts = Duration("fixed", ((1, "year"), (6, "month"), (1, "day"))).parts
    assert cldr.duration_parts(parts, lang) == expected


def test_plural_forms_follow_cldr() -> None:
    assert cldr.duration_parts(((2, "month"),), "pl") == "2 miesiące"
    assert cldr.duration_parts(((5, "month"),), "pl") == "5 miesięcy"
    assert cldr.duration_parts(((1, "day"),), "de") == "1 Tag"
    assert cldr.duration_parts(((0, "day"),), "fr") == "0 jour"
    assert cldr.duration_parts(((1, "day"),), "xx-unknown") is None
