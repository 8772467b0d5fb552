"""``[[policy.changelog]]``: one change made to the policy, when and what, described once."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.spec import Entity, Field, words
from consent_tui.core.model import ChangelogEntry

INCOMPLETE: Final = "incomplete-changelog-entry"

CHANGELOG: Final = Entity(
    "changelog",
    ChangelogEntry,
    "[[policy.changelog]]",
    ("change", "changes"),
    "One change to the policy: when, and what.",
    (
        Field(
            "date",
            "date",
            words("Date"),
            doc="When the change was published, as a TOML date (2026-11-28, no quotes).",
            placeholder="YYYY-MM-DD",
            required=True,
            required_by=INCOMPLETE,
            init=True,
            example="2026-11-28",
        ),
        Field(
            "text",
            "text",
            words("What changed"),
            doc="What changed, in words for visitors.",
            required=True,
            required_by=INCOMPLETE,
            init=True,
            long=True,
            example='"…"',
        ),
    ),
)
