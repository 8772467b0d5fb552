"""``review = true`` on [policy] and services: a warning until it is removed, nowhere else."""

from __future__ import annotations

from consent_tui.core.export import registry
from consent_tui.core.store import from_text, load_text, render, set_field
from consent_tui.core.validation import source_map, validate

TEXT = """\
format_version = 1

[policy]
site_name = "Example"
site_url = "https://www.example.org"
controller = "Example Ltd"
contact = "mailto:privacy@example.org"
review = true

[categories.necessary]
title = "Necessary"
consent = false

[purposes.site]
title = "Site"
description = "To run the site"
legal_basis = "legitimate_interests"

[services.unreviewed]
provider = "Example Ltd"
function = "Not identified yet"
category = "necessary"
purposes = ["site"]
party = "first"
review = true

[[services.unreviewed.cookies]]
name = "a"
duration = "session"

[services.done]
provider = "Example Ltd"
function = "Done"
category = "necessary"
purposes = ["site"]
party = "first"
review = false
"""


def test_each_mark_is_a_warning_on_its_line() -> None:
    catalogue = load_text(TEXT)
    problems = [p for p in validate(catalogue, source_map(TEXT)) if p.rule == "needs-review"]
    assert [(p.severity, p.entity, p.entity_id, p.line, p.message) for p in problems] == [
        (
            "warning",
            "policy",
            None,
            8,
            "[policy] is marked for review: its values were drafted, not checked",
        ),
        (
            "warning",
            "service",
            "unreviewed",
            25,
            "service `unreviewed` (1 cookie) is marked for review: drafted, not checked",
        ),
    ]


def test_a_mark_of_the_wrong_type_is_reported_as_such() -> None:
    text = TEXT.replace("review = false", 'review = "yes"')
    rules = [p.rule for p in validate(load_text(text)) if p.entity_id == "done"]
    assert rules == ["wrong-type"]


def test_removing_the_mark_removes_the_line_and_the_warning() -> None:
    document = from_text(TEXT)
    catalogue = document.catalogue
    service = set_field(catalogue.services["unreviewed"], "review", None)
    changed = type(catalogue)(
        policy=set_field(catalogue.policy, "review", None),
        categories=catalogue.categories,
        purposes=catalogue.purposes,
        services={**catalogue.services, "unreviewed": service},
    )
    text = render(document, changed)
    assert text == TEXT.replace("review = true\n", "")
    assert not [p for p in validate(load_text(text)) if p.rule == "needs-review"]


def test_the_mark_is_never_exported() -> None:
    marked = load_text(TEXT)
    plain = load_text(TEXT.replace("review = true\n", "").replace("review = false\n", ""))
    for name in registry.names():
        exporter = registry.get(name)
        options = registry.ExportOptions()
        assert exporter.render(marked, options) == exporter.render(plain, options), name
