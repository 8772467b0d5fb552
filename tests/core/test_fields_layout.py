"""The keys main added by hand are described: the layout of [policy.document], the changelog,
[audit], review and the cookie's display keys; each is read, written and checked from there."""

from __future__ import annotations

import tomllib

import pytest

from consent_tui.core.fields import entity, find, path_of, written, written_keys
from consent_tui.core.fields.show import value_at
from consent_tui.core.model.layout import DOCUMENT_KEYS, TABLE_DEFAULTS, TABLE_KEYS
from consent_tui.core.schema.generate import catalogue_schema
from consent_tui.core.store import layout_data, load_text, to_data
from consent_tui.core.validation import validate

BASE = """\
format_version = 1
[policy]
site_name = "Example"
site_url = "https://example.org"
controller = "Example Ltd"
contact = "mailto:privacy@example.org"
updated = 2026-01-01
[categories.necessary]
title = "Necessary"
description = "Needed"
consent = false
[purposes.login]
title = "Sign-in"
description = "To keep you signed in"
legal_basis = "contract"
[services.site]
provider = "Example Ltd"
function = "Sign-in"
category = "necessary"
purposes = ["login"]
party = "first"
[[services.site.cookies]]
name = "sid"
duration = "2 weeks"
description = "The session."
"""


def test_the_document_holds_its_own_keys_then_the_layout_s() -> None:
    keys = written_keys("document")
    assert keys == {"columns", "sections"} | set(DOCUMENT_KEYS) | set(TABLE_KEYS)
    assert "layout" not in keys and "table" not in keys
    assert [f.key for f in written("document")].count("columns") == 1
    assert find("document", "columns") is entity("document").field("columns")


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("columns", ("columns",)),
        ("group_by", ("layout", "group_by")),
        ("rows", ("layout", "table", "rows")),
        ("own_columns", ("layout", "own_columns")),
    ],
)
def test_the_model_keeps_each_key_where_its_path_says(key: str, path: tuple[str, ...]) -> None:
    assert path_of("document", key) == path


def test_a_value_is_read_through_the_parts() -> None:
    text = (
        BASE
        + '[policy.document]\nrows = "cookie"\n[policy.document.own_columns.kind]\nof = "cookie"\n'
    )
    document = load_text(text).document
    assert value_at("document", document, "rows") == "cookie"
    assert list(value_at("document", document, "own_columns")) == ["kind"]
    assert value_at("document", load_text(BASE).document, "rows") is None


def test_every_layout_option_is_listed_for_an_editor() -> None:
    """Each option of the layout has a label, a doc and, when closed, labelled choices."""
    options = [*entity("layout").values, *entity("layout_table").values]
    for option in options:
        assert option.label_en and option.doc.endswith("."), option.key
        if option.type in ("enum", "bool"):
            assert option.choices and all(c.label for c in option.choices), option.key
    for key, implied in TABLE_DEFAULTS.items():
        assert entity("layout_table").field(key).implied == implied
    rows = entity("layout_table").field("rows")
    assert [(c.value, c.label) for c in rows.choices] == [
        ("service", "a row per service"),
        ("cookie", "a row per cookie"),
    ]


def test_the_schema_says_the_defaults_and_takes_own_column_ids() -> None:
    schema = catalogue_schema()
    document = schema["$defs"]["document"]["properties"]
    assert document["rows"]["default"] == "service"
    assert document["header_row"]["default"] is True
    assert document["group_by"]["default"] == "category"
    listed = document["columns"]["items"]["anyOf"]
    assert listed[1]["pattern"] and "own_columns" in listed[1]["description"]
    cookie = schema["$defs"]["cookie"]
    assert cookie["if"] == {"not": {"required": ["duration_text"]}}


LAYOUT = """\
[policy.document]
columns = ["cookies", "kind"]
group_by = "none"
rows = "cookie"
words = {}
headers = { cookies = { en = "Name" } }
[policy.document.own_columns.kind]
of = "cookie"
header = "Kind"
[policy.document.tables.all]
separator = ", "
"""


def test_the_layout_is_read_and_written_as_described() -> None:
    text = BASE + LAYOUT
    cat = load_text(text)
    layout = cat.document.layout
    assert layout is not None and layout.group_by == "none" and layout.words == {}
    assert layout.table.rows == "cookie" and layout.table.columns is None
    assert layout.tables is not None and layout.tables["all"].separator == ", "
    assert to_data(cat) == tomllib.loads(text)
    data = layout_data(layout, lambda t: dict(t.values))
    assert data["headers"] == {"cookies": {"en": "Name"}} and "columns" not in data


def test_changelog_audit_review_and_the_display_keys_round_trip() -> None:
    text = BASE.replace(
        'contact = "mailto:privacy@example.org"\n',
        'contact = "mailto:privacy@example.org"\nreview = true\n',
    ).replace(
        'description = "The session."\n',
        'description = "The session."\ndisplay_name = "sid (session)"\n'
        'duration_text = "Two weeks"\n',
    )
    text += (
        '[[policy.changelog]]\ndate = 2026-01-01\ntext = "First"\n'
        '[audit]\n[[audit.ignore]]\nname = "__cf_bm"\nreason = "The CDN"\ntype = "http_cookie"\n'
    )
    cat = load_text(text)
    assert cat.policy.review is True and cat.policy.changelog[0].text is not None
    assert cat.audit is not None and cat.audit.ignore[0].type == "http_cookie"
    cookie = cat.services["site"].cookies[0]
    assert (cookie.display_name, cookie.duration_text is not None) == ("sid (session)", True)
    assert to_data(cat) == tomllib.loads(text)
    assert {p.rule for p in validate(cat)} == {"needs-review"}


@pytest.mark.parametrize(
    ("fragment", "rule", "field"),
    [
        ('[[policy.changelog]]\ndate = "2026-01-01"\ntext = "x"\n', "wrong-type", "date"),
        ('[[policy.changelog]]\ntext = "x"\n', "incomplete-changelog-entry", "date"),
        ('[[audit.ignore]]\nname = "x"\nreason = 3\n', "wrong-type", "reason"),
        ('[[audit.ignore]]\nname = "x"\n', "incomplete-audit-ignore", "reason"),
        ("[policy.document]\ngroup_by = 1\n", "wrong-type", "document.group_by"),
        ('[policy.document.tables.necessary]\nrows = "cookies"\n', "invalid-value", "rows"),
        ('[policy.document.own_columns.kind]\nof = "cookie"\nzz = 1\n', "unknown-key", "zz"),
    ],
)
def test_the_new_keys_are_checked_from_their_description(
    fragment: str, rule: str, field: str
) -> None:
    found = [(p.rule, p.field) for p in validate(load_text(BASE + fragment))]
    assert (rule, field) in found, found


def test_the_review_mark_is_offered_only_while_it_is_set() -> None:
    review = entity("service").field("review")
    assert review.form == "when set" and review in entity("service").in_form
    assert [c.value for c in review.choices] == [True, False]
