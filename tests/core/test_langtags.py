"""Language tags: BCP 47 validity through langcodes, suggestions, matching, names; lazy import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import langcodes
import pytest

from consent_tui.core.reference import langtags
from consent_tui.core.store import load_text
from consent_tui.core.validation import validate
from tests.conftest import SAMPLES


def test_every_code_of_the_table_is_a_valid_tag_in_its_standard_form() -> None:
    """The table is the fast path of :func:`langtags.is_valid`: it must agree with langcodes."""
    table = langtags.table()
    assert len(table) > 300
    for code in table:
        assert langcodes.tag_is_valid(code), code
        assert langcodes.standardize_tag(code) == code, code
    assert all(names.english for names in table.values())


@pytest.mark.parametrize(
    "tag",
    [
        *("en", "fr", "pt-BR", "zh-Hant", "zh-Hant-TW", "sr-Latn", "es-419", "de-CH"),
        *("de-CH-1996", "fil", "yue", "gsw", "tlh", "en-GB-oxendict", "x-pirate"),
    ],
)
def test_valid_tags(tag: str) -> None:
    assert langtags.is_valid(tag)
    assert langtags.standard(tag) == tag


@pytest.mark.parametrize(
    ("tag", "standard"),
    [
        ("pt_br", "pt-BR"),
        ("PT-br", "pt-BR"),
        ("EN", "en"),
        ("eng", "en"),
        ("fre", "fr"),
        ("iw", "he"),
        ("sh", "sr-Latn"),
        ("zh-hant", "zh-Hant"),
        ("i-klingon", "tlh"),
        ("xx", None),
        ("en-", None),
        ("-en", None),
        ("en--US", None),
        ("en US", None),
        (" en", None),
        ("", None),
        ("ça", None),
        ("français", None),
        ("e" * 10_000, None),
        ("123", None),
        ("zz-ZZ", None),
    ],
)
def test_invalid_tags_and_their_standard_spelling(tag: str, standard: str | None) -> None:
    assert not langtags.is_valid(tag)
    assert langtags.standard(tag) == standard


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("pt_br", "pt-BR"),
        (" fr ", "fr"),
        ("French", "fr"),
        ("français", "fr"),
        ("Deutsch", "de"),
        ("german", "de"),
        ("Serbian", "sr"),
        ("xx", None),
        ("", None),
        ("   ", None),
    ],
)
def test_suggestions(text: str, guess: str | None) -> None:
    assert langtags.suggest(text) == guess


@pytest.mark.parametrize(
    ("tag", "label"),
    [
        ("de", "Deutsch (de)"),
        ("fr", "français (fr)"),
        ("en", "English (en)"),
        ("pt-BR", "português (pt-BR)"),
        ("de-CH-1996", "Deutsch (de-CH-1996)"),
        ("sr", "српски (sr)"),
        ("sr-Latn", "srpski (sr-Latn)"),
        ("sr-Latn-RS", "srpski (sr-Latn-RS)"),
        ("zh-Hant", "中文 (zh-Hant)"),
        ("ae", "Avestan (ae)"),  # no name of its own in the CLDR: the English one
        ("tlh", "tlh"),  # valid, but not named in the table
        ("xx", "xx"),
    ],
)
def test_labels(tag: str, label: str) -> None:
    assert langtags.label(tag) == label


def test_names_in_english() -> None:
    assert langtags.english_name("de-AT") == "German"
    assert langtags.english_name("xx") is None


@pytest.mark.parametrize(
    ("tag", "languages", "declared"),
    [
        ("fr", ("en", "fr"), "fr"),
        ("FR", ("en", "fr"), "fr"),
        ("pt_br", ("en", "pt-BR"), "pt-BR"),
        ("fr-CA", ("en", "fr"), "fr"),
        ("pt", ("pt-PT", "pt-BR"), "pt-BR"),  # pt is Brazilian Portuguese unless said
        ("pt", ("pt-PT",), "pt-PT"),
        ("zh-TW", ("zh-Hans", "zh-Hant"), "zh-Hant"),  # Taiwan writes Traditional
        ("zh-CN", ("zh-Hant", "zh-Hans"), "zh-Hans"),
        ("en-AU", ("en-US", "en-GB"), "en-GB"),
        ("de-AT", ("de-CH", "de-DE"), "de-CH"),  # as close as each other: the first declared
        ("de", ("en", "fr"), None),
        ("xx", ("en",), None),
        ("", ("en",), None),
    ],
)
def test_the_declared_language_that_serves_a_tag(
    tag: str, languages: tuple[str, ...], declared: str | None
) -> None:
    assert langtags.match(tag, languages) == declared


def test_an_invalid_declared_language_is_never_matched() -> None:
    assert langtags.match("en", ("english", "EN_gb")) == "EN_gb"
    assert langtags.match("fr", ("english",)) is None


def test_hints() -> None:
    assert langtags.hint("pt_br") == 'write "pt-BR" (português)'
    assert langtags.hint("eng") == 'write "en" (English)'
    assert langtags.hint("i-klingon") == 'write "tlh"'  # valid, but not named in the table
    assert langtags.hint("nonsense") is None


CATALOGUE = """\
format_version = 1

[policy]
site_name = "Example"
site_url = "https://example.com"
controller = "Example Ltd"
contact = "mailto:privacy@example.com"
languages = [{languages}]

[categories.necessary]
title = {{ {texts} }}
description = {{ {texts} }}
consent = false
"""


def test_a_catalogue_in_any_valid_tag_validates_without_language_problems() -> None:
    tags = ["en", "pt-BR", "zh-Hant", "sr-Latn", "es-419"]
    texts = ", ".join(f'{tag} = "Text"' for tag in tags[:-1])
    text = CATALOGUE.format(languages=", ".join(f'"{t}"' for t in tags), texts=texts)
    problems = validate(load_text(text))
    # missing-language-texts is about the built-in document texts (none in zh-Hant), not the tag
    tag_problems = [p for p in problems if "language" in p.rule]
    assert {p.rule for p in tag_problems} <= {"missing-language-texts"}, problems
    assert {p.language for p in tag_problems} == {"zh-Hant", "sr-Latn"}
    [missing] = [p for p in problems if p.rule == "missing-translation" and p.field == "title"]
    assert missing.message == "title of category `necessary` has no español (es-419) text"


def test_a_text_in_a_misspelled_language_is_refused_with_the_spelling_to_use() -> None:
    text = CATALOGUE.format(languages='"en", "pt-BR"', texts='en = "Text", pt_br = "Texto"')
    invalid = [p for p in validate(load_text(text)) if p.rule == "invalid-language"]
    assert [(p.message, p.hint) for p in invalid] == [
        (
            '"pt_br" in title of category `necessary` is not a valid language tag (BCP 47)',
            'write "pt-BR" (português)',
        ),
        (
            '"pt_br" in description of category `necessary` is not a valid language tag (BCP 47)',
            'write "pt-BR" (português)',
        ),
    ]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    return set(out.split())


def test_validating_plain_language_codes_never_imports_langcodes() -> None:
    modules = _modules_after(
        "from consent_tui.cli import main\n"
        f"assert main(['validate', {str(SAMPLES / 'opendatasoft.toml')!r}]) == 0"
    )
    assert "consent_tui.core.reference.langtags" in modules
    assert "langcodes" not in modules


def test_a_tag_outside_the_table_imports_langcodes() -> None:
    modules = _modules_after(
        "from consent_tui.core.reference import langtags\nassert langtags.is_valid('pt-BR')"
    )
    assert "langcodes" in modules
