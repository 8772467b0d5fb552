"""[banner] settings: how long a visitor's choice is kept, and the revision number."""

from __future__ import annotations

from typing import Final

from consent_tui.core.durations import UNIT_SECONDS, DurationError, parse_duration
from consent_tui.core.fields.checks import lifetime_problem
from consent_tui.core.rules.base import Context, Loc, Rule, banner_loc, is_blank, quote
from consent_tui.core.rules.durations import report_repeated

FAMILY = "banner"

TOO_LONG = Rule(
    "consent-lifetime-too-long",
    "warning",
    FAMILY,
    "[banner] consent_lifetime keeps the visitor's choice longer than 6 months.",
    "The CNIL recommends asking again after a period that does not make the first choice "
    "stale, and considers 6 months a good practice, for a refusal as for a consent; the "
    "banner exports use this setting as the lifetime of the choice.",
    'Set consent_lifetime = "6 months" (or less; the default is "182 days").',
    source="CNIL recommendation on cookies and other trackers (deliberation 2020-092), "
    "17 September 2020",
    bad="""\
[banner]
consent_lifetime = "13 months"
""",
    good="""\
[banner]
consent_lifetime = "6 months"
""",
)
INVALID_LIFETIME = Rule(
    "invalid-consent-lifetime",
    "error",
    FAMILY,
    "[banner] consent_lifetime is not a fixed duration of at least one day (it does not parse, "
    'or is "session", "persistent", zero, or under one day).',
    "The banner exports store the visitor's choice for this long, and Klaro and "
    "vanilla-cookieconsent count that lifetime in whole days: they cannot keep a choice for "
    "less than a day, so a shorter value would make the banner and the policy disagree.",
    'Write a fixed duration of one day or more, such as "6 months" or "182 days".',
    bad="""\
[banner]
consent_lifetime = "persistent"
""",
    good="""\
[banner]
consent_lifetime = "182 days"
""",
)
INVALID_REVISION = Rule(
    "invalid-revision",
    "error",
    FAMILY,
    "[banner] revision is negative.",
    "Banners compare the stored revision with this number to ask visitors again after a "
    "change; revisions count up from 0.",
    "Use 0 or a positive integer, and raise it when visitors should be asked again.",
    bad="""\
[banner]
revision = -1
""",
    good="""\
[banner]
revision = 1
""",
)

RULES: Final = (TOO_LONG, INVALID_LIFETIME, INVALID_REVISION)

# Six average months, with a day's tolerance for "183 days" and the like.
LIMIT_SECONDS: Final = 6 * UNIT_SECONDS["month"] + UNIT_SECONDS["day"]


def check(ctx: Context) -> None:
    banner = ctx.catalogue.banner
    if banner is None:
        return
    loc = banner_loc()
    text = banner.consent_lifetime
    if text is not None and not is_blank(text):
        _lifetime(ctx, loc, text)
    if banner.revision is not None and banner.revision < 0:
        ctx.report(
            INVALID_REVISION,
            loc,
            f"revision of [banner] is {banner.revision}; it must be 0 or more",
            field="revision",
        )


def _lifetime(ctx: Context, loc: Loc, text: str) -> None:
    try:
        duration = parse_duration(text)
    except DurationError as exc:
        why: str | None = "cannot be read: " + str(exc).split(";")[0]
    else:
        why = lifetime_problem(duration, text)
    if why is not None:
        ctx.report(
            INVALID_LIFETIME, loc, f"consent_lifetime of [banner] {why}", field="consent_lifetime"
        )
        return
    report_repeated(ctx, loc, "consent_lifetime", text, duration)
    if (duration.seconds or 0) > LIMIT_SECONDS:
        ctx.report(
            TOO_LONG,
            loc,
            f"consent_lifetime of [banner] is {quote(text)}; the CNIL recommends asking again "
            "after 6 months at most",
            field="consent_lifetime",
        )
