"""``[[policy.changelog]]``: each entry says when the policy changed, and what changed."""

from __future__ import annotations

from typing import Final

from consent_tui.core.rules.base import Context, Rule, changelog_loc, is_blank

FAMILY = "changelog"

INCOMPLETE_ENTRY = Rule(
    "incomplete-changelog-entry",
    "error",
    FAMILY,
    "A [[policy.changelog]] entry has no date or no text.",
    "The document lists each entry under its date, and dates the policy by the newest one: "
    "an entry without a date cannot be placed, one without a text tells visitors nothing.",
    "Give the entry both a date (a TOML date such as 2026-11-28, without quotes) and a text.",
    bad="""\
[[policy.changelog]]
text = "We now use YouTube to show videos."
""",
    good="""\
[[policy.changelog]]
date = 2026-03-01
text = "We now use YouTube to show videos."
""",
)

RULES: Final = (INCOMPLETE_ENTRY,)


def check(ctx: Context) -> None:
    for i, entry in enumerate(ctx.catalogue.policy.changelog):
        loc = changelog_loc(i)
        if entry.date is None and "date" not in entry.extra:
            ctx.report(INCOMPLETE_ENTRY, loc, f"{loc.label} of [policy] has no date", field="date")
        text = entry.text
        if "text" in entry.extra:
            continue  # `wrong-type`
        if text is None or all(is_blank(v) for v in text.values.values()):
            what = "no text" if text is None else "an empty text"
            ctx.report(INCOMPLETE_ENTRY, loc, f"{loc.label} of [policy] has {what}", field="text")
