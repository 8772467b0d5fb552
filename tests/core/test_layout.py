"""The layout keys: read into the model and written back as they were, checked, exported."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.document import build
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.model.layout import TableLayout
from consent_tui.core.store import load_text, to_data
from consent_tui.core.validation import validate
from tests.conftest import ROOT

LAYOUTS = sorted((ROOT / "tests" / "data" / "layouts").glob("*.toml"))

BASE = """\
format_version = 1
[policy]
site_name = "Example"
site_url = "https://example.org"
controller = "Example Ltd"
languages = ["en", "fr"]
[categories.necessary]
title = { en = "Necessary", fr = "Nécessaires" }
consent = false
[purposes.login]
title = { en = "Sign-in", fr = "Connexion" }
description = { en = "To keep you signed in", fr = "Pour rester connecté" }
legal_basis = "contract"
[services.site]
provider = "Example Ltd"
function = { en = "Sign-in", fr = "Connexion" }
category = "necessary"
purposes = ["login"]
party = "first"
[[services.site.cookies]]
name = "sid"
duration = "2 weeks"
description = { en = "The session.", fr = "La session." }
[[services.site.cookies]]
name = "pref_*"
duration = "1 year"
[services.empty]
provider = "Empty Ltd"
function = { en = "Nothing", fr = "Rien" }
category = "necessary"
purposes = ["login"]
party = "first"
"""


def catalogue(document: str = "", cookie: str = ""):  # type: ignore[no-untyped-def]
    text = BASE.replace(
        'description = { en = "The session."', cookie + 'description = { en = "The session."'
    )
    return load_text(text + ("\n[policy.document]\n" + document if document else ""))


def rows(document: str, lang: str = "en", cookie: str = "") -> list[list[str]]:
    doc = build(catalogue(document, cookie), lang)
    return [[cell.text for cell in row.cells] for row in doc.categories[0].table.rows]


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.stem)
def test_the_model_gives_back_the_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert to_data(load_text(text)) == tomllib.loads(text)


def test_values_of_the_wrong_type_are_kept_and_reported() -> None:
    document = (
        'rows = 3\nheader_row = "no"\nwords = { first = 1 }\n'
        "[policy.document.tables.necessary]\nseparator = 2\nzz = 1\n"
    )
    cat = catalogue(document)
    layout = cat.document.layout
    assert layout is not None and layout.table.rows is None
    assert cat.document.extra == {"rows": 3, "header_row": "no", "words": {"first": 1}}
    assert layout.tables is not None and layout.tables["necessary"].extra == {
        "separator": 2,
        "zz": 1,
    }
    text = BASE + "\n[policy.document]\n" + document
    assert to_data(cat) == tomllib.loads(text)
    found = {(p.rule, p.field) for p in validate(cat)}
    assert {("wrong-type", "document.rows"), ("wrong-type", "document.header_row")} <= found
    assert {("wrong-type", "separator"), ("unknown-key", "zz")} <= found


def test_a_table_s_options_lie_over_the_document_s() -> None:
    base = TableLayout(rows="cookie", headers={"cookies": "x"}, separator=", ")  # type: ignore[dict-item]
    own = TableLayout(rows="service", headers={"provider": "y"})  # type: ignore[dict-item]
    merged = own.over(base)
    assert (merged.rows, merged.separator) == ("service", ", ")
    assert merged.headers == {"cookies": "x", "provider": "y"}
    assert merged.option("names") == "words" and merged.option("header_row") is True


def test_the_classic_table_is_unchanged_without_layout_keys() -> None:
    assert rows("") == [
        ["Example Ltd", "Sign-in", "sid\nany cookie starting with pref_", "To keep you signed in"],
        ["Empty Ltd", "Nothing", "", "To keep you signed in"],
    ]


def test_a_row_per_cookie_repeats_spans_or_blanks_the_service_cells() -> None:
    columns = 'columns = ["provider", "cookies", "duration"]\nrows = "cookie"\n'
    assert rows(columns) == [
        ["Example Ltd", "sid", "2 weeks"],
        ["Example Ltd", "any cookie starting with pref_", "1 year"],
        ["Empty Ltd", "", ""],
    ]
    spanned = build(catalogue(columns + 'service_cells = "span"\n'), "en").categories[0].table
    assert [[c.span for c in r.cells] for r in spanned.rows] == [[2, 1, 1], [0, 1, 1], [1, 1, 1]]
    assert spanned.spans and [r.first for r in spanned.rows] == [True, False, True]
    assert rows(columns + 'service_cells = "blank"\n')[1] == [
        "",
        "any cookie starting with pref_",
        "1 year",
    ]


def test_values_as_written() -> None:
    document = 'columns = ["cookies", "duration"]\nnames = "as_written"\n'
    document += 'durations = "as_written"\n'
    assert rows(document) == [["sid\npref_*", "sid: 2 weeks\npref_*: 1 year"], ["", ""]]
    shown = 'display_name = "sid (session)"\n'
    shown += 'duration_text = { en = "Two weeks", fr = "Deux semaines" }\n'
    assert rows('columns = ["cookies", "duration"]\nrows = "cookie"\n', "fr", shown)[0] == [
        "sid (session)",
        "Deux semaines",
    ]


def test_headers_per_language_empty_and_own_columns() -> None:
    document = (
        'columns = ["cookies", "kind", "provider"]\n'
        'headers = { cookies = { en = "Name", fr = "Nom" }, provider = "" }\n'
        '[policy.document.own_columns.kind]\nof = "cookie"\n'
        'header = { en = "Kind", fr = "Genre" }\n'
    )
    table = build(catalogue(document, 'kind = { en = "Identifier", fr = "Identifiant" }\n'), "fr")
    columns = table.categories[0].table.columns
    assert [(c.header, c.label) for c in columns] == [
        ("Nom", "Nom(s) du cookie"),
        ("Genre", "Genre"),
        ("", "Nom du fournisseur du service"),
    ]
    assert table.categories[0].table.rows[0].cells[1].text == "sid\u00a0: Identifiant"
    assert not [p for p in validate(catalogue(document, 'kind = "x"\n')) if p.rule == "unknown-key"]


def test_separator_joins_the_values_of_a_cell() -> None:
    assert rows('columns = ["cookies"]\nseparator = " and "\nnames = "as_written"\n')[0] == [
        "sid and pref_*"
    ]


@pytest.mark.parametrize(
    ("by", "titles"),
    [
        ("service", ["Example Ltd", "Empty Ltd"]),
        ("party", ["First-party cookies"]),
        ("type", ["HTTP cookies", "Other cookies"]),
        ("none", [""]),
    ],
)
def test_grouping(by: str, titles: list[str]) -> None:
    doc = build(catalogue(f'group_by = "{by}"\n'), "en")
    assert [c.title for c in doc.categories] == titles


def test_heading_caption_intro_and_tables_only() -> None:
    document = (
        'tables_only = true\nheading = "{title} ({cookie_count})"\ncaption = ""\n'
        '[policy.document.tables.necessary]\nintro = "Always on."\n'
    )
    doc = build(catalogue(document), "en")
    group = doc.categories[0]
    assert (group.title, group.table.caption, group.paragraphs) == (
        "Necessary (2)",
        "",
        ("Always on.",),
    )
    assert group.consent is None and doc.before == doc.after == () and doc.cookies is None
    markdown = registry.get("markdown").render(catalogue(document), ExportOptions()).text
    assert markdown.startswith("## Necessary (2)\n\nAlways on.\n\n| Service provider's name |")


def test_tables_only_option_equals_the_key() -> None:
    plain, keyed = catalogue(), catalogue("tables_only = true\n")
    for fmt in ("markdown", "html", "text"):
        exporter = registry.get(fmt)
        by_option = exporter.render(plain, ExportOptions(tables_only=True)).text
        assert by_option == exporter.render(keyed, ExportOptions()).text


def test_no_header_row() -> None:
    document = 'header_row = false\ncolumns = ["provider", "cookies"]\n'
    text = registry.get("text").render(catalogue(document), ExportOptions()).text
    assert "Service provider" not in text and "Example Ltd  sid" in text
    html = registry.get("html").render(catalogue(document), ExportOptions()).text
    assert "<thead>" not in html


@pytest.mark.parametrize(
    ("document", "rule"),
    [
        ('group_by = "categories"\n', "invalid-value"),
        ('rows = "cookies"\n', "invalid-value"),
        ('headers = { cookie = "Name" }\n', "unknown-header"),
        ('[policy.document.words]\nfirst_party = "x"\n', "unknown-word"),
        ('[policy.document.tables.necesary]\nheading = "x"\n', "unknown-table"),
        ('[policy.document.own_columns.domain]\nof = "cookie"\n', "own-column-clash"),
        ('[policy.document.own_columns.kind]\nof = "cookies"\n', "invalid-value"),
        ('[policy.document.tables.necessary]\ncolumns = ["vendor"]\n', "invalid-value"),
    ],
)
def test_layout_rules(document: str, rule: str) -> None:
    assert rule in {p.rule for p in validate(catalogue(document))}


def test_a_display_only_duration_is_a_warning_not_an_error() -> None:
    text = BASE.replace('duration = "2 weeks"\n', 'duration_text = "Until you sign out"\n')
    problems = {(p.rule, p.severity) for p in validate(load_text(text))}
    assert ("display-only-duration", "warning") in problems
    assert not any(rule == "missing-duration" for rule, _ in problems)


def test_a_language_without_built_in_texts_is_reported() -> None:
    text = BASE.replace('["en", "fr"]', '["en", "pl"]')
    assert "missing-language-texts" in {p.rule for p in validate(load_text(text))}


def test_json_carries_the_layout_and_the_texts_as_written() -> None:
    document = 'rows = "cookie"\n[policy.document.own_columns.kind]\nof = "cookie"\n'
    cat = catalogue(document, 'display_name = "sid!"\nkind = "id"\n')
    data = json.loads(registry.get("json").render(cat, ExportOptions()).text)
    assert data["policy"]["document"]["layout"] == {
        "rows": "cookie",
        "own_columns": {"kind": {"of": "cookie"}},
    }
    cookie = data["services"][0]["cookies"][0]
    assert (cookie["display_name"], cookie["own_columns"]) == ("sid!", {"kind": {"en": "id"}})
