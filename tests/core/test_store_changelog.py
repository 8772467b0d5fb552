"""Saving a changelog entry and a raised revision: the file changes where they are, no more."""

from __future__ import annotations

import datetime as dt

import pytest

from consent_tui.core import store
from consent_tui.core.changes.draft import bumped, with_entry
from consent_tui.core.model import ChangelogEntry, Text
from tests.core.changes_support import BASE

ENTRY = ChangelogEntry(dt.date(2026, 3, 1), Text({"en": "New", "fr": "Nouveau"}))
HEAD = 'languages = ["en", "fr"]\n'
ONE = '\n[[policy.changelog]]\ndate = 2026-01-05\ntext = { en = "First", fr = "Premier" }\n'
ADDED = '\n[[policy.changelog]]\ndate = 2026-03-01\ntext = { en = "New", fr = "Nouveau" }\n'


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_first_entry_is_a_table_after_the_policy(newline: str) -> None:
    document = store.from_text(BASE.replace("\n", newline))
    text = store.render(document, with_entry(document.catalogue, ENTRY))
    assert text == BASE.replace(HEAD, HEAD + ADDED).replace("\n", newline)


def test_an_entry_is_appended_like_the_others() -> None:
    start = BASE.replace(HEAD, HEAD + ONE)
    document = store.from_text(start)
    text = store.render(document, with_entry(document.catalogue, ENTRY))
    assert text == BASE.replace(HEAD, HEAD + ONE + ADDED)


def test_after_a_document_table_and_with_a_raised_revision() -> None:
    start = BASE.replace(HEAD, HEAD + '\n[policy.document]\ncolumns = ["provider"]\n')
    document = store.from_text(start)
    catalogue = bumped(with_entry(document.catalogue, ENTRY), 2)
    text = store.render(document, catalogue)
    assert text == start.replace(
        'columns = ["provider"]\n', 'columns = ["provider"]\n' + ADDED
    ).replace("revision = 2", "revision = 3")
    assert store.from_text(text).catalogue == catalogue


def test_a_round_trip_keeps_an_empty_changelog() -> None:
    text = BASE.replace(HEAD, HEAD + "changelog = []\n")
    document = store.from_text(text)
    assert document.catalogue.policy.changelog == ()
    changed = bumped(document.catalogue, 2)
    assert store.render(document, changed) == text.replace("revision = 2", "revision = 3")
