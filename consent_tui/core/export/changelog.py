"""The document's "Changes to this policy": the ``[[policy.changelog]]`` entries, newest first.

Entries are sorted by date (those of one date in file order); an entry without a
date or a text is left out (``validate`` reports it). The heading is the built-in
``changes_title`` of the document's language, or the catalogue's own in
``[policy.document] sections``; a language whose built-in texts lack it gets the
English one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from consent_tui.core.export.docmodel import ChangeEntry, ChangesSection, Foreign, paragraphs
from consent_tui.core.export.texts import en
from consent_tui.core.export.words import Words
from consent_tui.core.model import Catalogue, ChangelogEntry

SECTION_ID = "changes"
TITLE_KEY = "changes_title"


def changes_section(
    catalogue: Catalogue, words: Words, standard: Callable[[str], str]
) -> ChangesSection | None:
    """The section, or ``None`` when the catalogue has no entry to show."""

    dated: list[tuple[dt.date, int, ChangelogEntry]] = [
        (e.date, i, e) for i, e in enumerate(catalogue.policy.changelog) if e.date is not None
    ]
    dated.sort(key=lambda item: item[0], reverse=True)  # stable: file order within a date
    entries = []
    for date, i, entry in dated:
        body = paragraphs(words.text(entry.text, f"policy.changelog[{i}].text"))
        if body:
            when = words.date(date.day, date.month, date.year)
            entries.append(ChangeEntry(when, date.isoformat(), body))
    if not entries:
        return None
    try:
        title = standard(TITLE_KEY)
    except KeyError:  # built-in texts written before the changelog existed
        title = Foreign(en.SECTIONS[TITLE_KEY], "en")
    return ChangesSection(SECTION_ID, title, tuple(entries))
