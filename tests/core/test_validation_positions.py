"""Problems carry the real line and column of their key, or of their table; never invented."""

from __future__ import annotations

import dataclasses

from consent_tui.core.errors import ParseError
from consent_tui.core.store import load_text
from consent_tui.core.validation import Problem, problem_for, source_map, validate, validate_text
from tests.conftest import SAMPLES

TEXT = """\
format_version = 1

[policy]
site_name = "Example"
site_url = "https://www.example.org"
controller = "Example Ltd"
contact = "mailto:p@example.org"
languages = ["en", "fr"]
title.en = "Cookies"
  intro = { en = "Hello", fr = "" }

[categories.necessary]
consent = false
[categories.necessary.title]
en = "Necessary"

[purposes.security]
title = { en = "Security", fr = "Sécurité" }
description = { en = "x", fr = "x" }
legal_basis = "legitimate_interests"

[services.site]
provider = "Example Ltd"
function = { en = "Sign-in", fr = "Connexion" }
category = "necessary"
purposes = ["security"]
party = "first"

[[services.site.cookies]]
name = "a"

[[services.site.cookies]]
name = "b"
    duration = "forever"

[services.inline]
provider = "X"
function = { en = "F", fr = "F" }
category = "necessary"
purposes = ["security"]
party = "first"
cookies = [
  { name = "c", duration = "nope" },
]
"""


def _where(
    problems: list[Problem],
) -> list[tuple[str, str | None, str | None, int | None, int | None]]:
    return [(p.rule, p.entity_id, p.field, p.line, p.col) for p in problems]


def test_lines_and_columns() -> None:
    assert _where(validate_text(TEXT)) == [
        ("missing-translation", None, "title", 9, 1),  # dotted key: its first translation
        ("missing-translation", None, "intro", 10, 3),  # inline table, indented key
        ("missing-translation", "necessary", "title", 14, 1),  # sub-table header
        ("missing-duration", "site/0", "duration", 29, 1),  # missing key: the cookie's header
        ("invalid-duration", "site/1", "duration", 34, 5),  # second [[...cookies]] element
        ("invalid-duration", "inline/0", "duration", 42, 1),  # inline array: the `cookies` key
    ]


def test_cookie_entity_ids_are_service_and_index() -> None:
    problems = validate(load_text(TEXT))
    assert {p.entity_id for p in problems if p.entity == "cookie"} == {
        "site/0",
        "site/1",
        "inline/0",
    }


def test_without_source_no_line_is_given() -> None:
    problems = validate(load_text(TEXT))
    assert problems and all(p.line is None and p.col is None for p in problems)


def test_the_order_does_not_depend_on_the_source() -> None:
    catalogue = load_text(TEXT)
    with_source = validate(catalogue, source_map(TEXT))
    stripped = [dataclasses.replace(p, line=None, col=None) for p in with_source]
    assert stripped == validate(catalogue)
    assert validate(catalogue, source_map(TEXT)) == with_source


def test_model_order_policy_banner_categories_purposes_services() -> None:
    text = TEXT.replace("[purposes.security]", "[banner]\nrevision = -1\n\n[purposes.security]")
    entities = [p.entity for p in validate(load_text(text))]
    assert entities == ["policy", "policy", "banner", "category", "cookie", "cookie", "cookie"]


def test_a_bom_does_not_shift_columns() -> None:
    assert _where(validate_text("\ufeff" + TEXT)) == _where(validate_text(TEXT))


def test_crlf_line_endings() -> None:
    assert _where(validate_text(TEXT.replace("\n", "\r\n"))) == _where(validate_text(TEXT))


def test_missing_entity_field_points_at_its_header() -> None:
    text = (
        (SAMPLES / "minimal.toml")
        .read_text(encoding="utf-8")
        .replace('provider = "Example Bakery"\n', "")
    )
    [p] = validate_text(text)
    header = text.splitlines().index("[services.cart]") + 1
    assert (p.rule, p.field, p.line, p.col) == ("missing-required-field", "provider", header, 1)


def test_catalogue_level_problems_have_no_invented_line() -> None:
    [p] = [
        p
        for p in validate_text('format_version = 1\n[policy]\nsite_name = "x"\n')
        if p.rule == "no-services"
    ]
    assert (p.line, p.col) == (None, None)


def test_load_failures_are_one_problem_with_a_place() -> None:
    [p] = validate_text('format_version = 1\n[policy]\nsite_name = "x\n', "f.toml")
    assert (p.rule, p.severity, p.entity, p.line) == ("invalid-toml", "error", "file", 3)
    [p] = validate_text("format_version = 1\n[services]\nx = 1\n", "f.toml")
    assert (p.rule, p.line) == ("not-a-catalogue", 3)


def test_encoding_errors_have_a_rule_and_hint_of_their_own() -> None:
    [p] = validate_text('format_version = 1\n[policy]\nsite_name = "x\n', "f.toml")
    assert p.hint is not None and "a missing quote" in p.hint
    error = ParseError("the file is not UTF-8 text (byte 0xe9 cannot be decoded)", line=3, col=4)
    p = problem_for(error)
    assert (p.rule, p.severity, p.line, p.col) == ("invalid-encoding", "error", 3, 4)
    assert p.hint is not None and "quote" not in p.hint and "UTF-8" in p.hint
    [p] = validate_text("format_version = 1\n".encode("utf-16-le").decode("utf-8"), "f.toml")
    assert (p.rule, p.hint) == (
        "invalid-encoding",
        "the file looks like UTF-16: save it as UTF-8 (without a byte-order mark)",
    )
