"""``validate --baseline``: material changes since the baseline need a raised revision."""

from __future__ import annotations

from typing import Final

from consent_tui.core.rules.base import Context, Rule, banner_loc

FAMILY = "baseline"

REVISION_NOT_RAISED = Rule(
    "revision-not-raised",
    "error",
    FAMILY,
    "The catalogue changed materially since the baseline (`validate --baseline`), but its "
    "[banner] revision is not higher than the baseline's.",
    "The banners ask visitors again only when the revision goes up; without it, consent given "
    "to the old catalogue is taken as consent to a new service, purpose, third party or a "
    "longer lifetime. Consent must be specific and informed.",
    "Raise [banner] revision above the baseline's (`consent-tui diff BASELINE FILE --bump` "
    "does it), or undo the material change; `consent-tui diff` lists the changes.",
    source="GDPR art. 4(11) and 7; EDPB Guidelines 05/2020 on consent (section 3.3)",
)

RULES: Final = (REVISION_NOT_RAISED,)
SHOWN: Final = 3  # material changes named in the message


def check(ctx: Context) -> None:
    if ctx.baseline is None:
        return
    from consent_tui.core.changes import compare  # the comparer: loaded only with a baseline

    comparison = compare(ctx.baseline, ctx.catalogue)
    if not comparison.needs_revision:
        return
    material = comparison.material
    named = "; ".join(c.message for c in material[:SHOWN])
    more = f"; and {len(material) - SHOWN} more" if len(material) > SHOWN else ""
    old, new = comparison.old_revision, comparison.new_revision
    target = max(old or 0, new or 0) + 1
    count = f"{len(material)} material change{'s' if len(material) != 1 else ''}"
    now = f"is {new}" if new is not None else "is not set"
    ctx.report(
        REVISION_NOT_RAISED,
        banner_loc(),
        f"{count} since the baseline ({named}{more}), but [banner] revision {now} "
        f"(baseline: {old if old is not None else 'not set'})",
        field="revision",
        hint=f"raise [banner] revision to {target}, or run consent-tui diff BASELINE FILE --bump",
    )
