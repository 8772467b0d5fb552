"""``review = true``: parts of the catalogue a tool drafted and nobody has checked yet."""

from __future__ import annotations

from typing import Final

from consent_tui.core.rules.base import Context, Rule, policy_loc, service_loc

FAMILY = "review"

NEEDS_REVIEW = Rule(
    "needs-review",
    "warning",
    FAMILY,
    "`[policy]` or a service is marked `review = true`: drafted by a tool, not yet checked.",
    "`consent-tui init` drafts a catalogue from what a browser recorded and from the Open "
    "Cookie Database; it marks what it could not know: the controller, cookies nobody "
    "identified (in an Unreviewed service), a lifetime or privacy link it had to guess. "
    "Until a person has checked them, the policy may tell visitors something untrue.",
    "Check the table (the comments above it say where each value came from), correct it, "
    "then delete the line `review = true`; for an Unreviewed service, move each cookie to "
    "the service that sets it.",
    source="GDPR art. 5(1)(a) and 12(1) (information that is accurate, in clear language)",
    bad="""\
[services.stats]
provider = "Example Ltd"
function = "Statistics"
review = true
""",
    good="""\
[services.stats]
provider = "Example Ltd"
function = "Statistics"
""",
)

RULES: Final = (NEEDS_REVIEW,)


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    if cat.policy.review is True:
        ctx.report(
            NEEDS_REVIEW,
            policy_loc(),
            "[policy] is marked for review: its values were drafted, not checked",
            field="review",
            hint="check the site's name, address and controller, add a contact, then delete "
            "`review = true`",
        )
    for si, (sid, service) in enumerate(cat.services.items()):
        if service.review is not True:
            continue
        loc = service_loc(si, sid)
        count = len(service.cookies)
        what = f" ({count} cookie{'s' if count != 1 else ''})" if count else ""
        ctx.report(
            NEEDS_REVIEW,
            loc,
            f"{loc.label}{what} is marked for review: drafted, not checked",
            field="review",
        )
