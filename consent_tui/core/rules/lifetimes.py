"""Lifetimes: every cookie states one, and cookies set without consent stay short."""

from __future__ import annotations

from typing import Final

from consent_tui.core.durations import UNIT_SECONDS, DurationError, parse_duration
from consent_tui.core.rules.base import Context, Rule, cookie_loc, is_blank, quote

FAMILY = "lifetimes"

MISSING_DURATION = Rule(
    "missing-duration",
    "error",
    FAMILY,
    "A cookie (or other stored item) has no `duration`.",
    "The Court of Justice of the EU held that the information given to users must include how "
    "long cookies operate (Planet49); the CNIL lists the lifetime among the information to "
    "give.",
    'Add duration = "session", "30 days", "13 months" or "P1Y" (or "persistent" for storage '
    "that stays until it is cleared).",
    source="CJEU C-673/17 Planet49, 1 October 2019, point 2 of the ruling; "
    "Directive 2002/58/EC art. 5(3)",
    bad="""\
[[services.stats.cookies]]
name = "_stats"
""",
    good="""\
[[services.stats.cookies]]
name = "_stats"
duration = "13 months"
""",
)
OVER_13_MONTHS = Rule(
    "lifetime-over-13-months",
    "warning",
    FAMILY,
    "A cookie in a category that needs no consent lives longer than 13 months (or has no end).",
    "The CNIL accepts trackers exempt from consent (such as strict audience measurement) only "
    "with a lifetime of 13 months at most, not extended on each visit; a longer-lived "
    "cookie set without consent is unlikely to be strictly necessary.",
    'Shorten the lifetime to "13 months" or less, or move the service to a category that asks '
    "for consent.",
    source="CNIL guidelines (deliberation 2020-091) and recommendation (deliberation 2020-092) "
    "on cookies and other trackers, 17 September 2020",
    bad="""\
[[services.site.cookies]]
name = "session"
duration = "2 years"
""",
    good="""\
[[services.site.cookies]]
name = "session"
duration = "1 year"
""",
)

RULES: Final = (MISSING_DURATION, OVER_13_MONTHS)

# Thirteen average months, with a day's tolerance for "396 days" and the like.
LIMIT_SECONDS: Final = 13 * UNIT_SECONDS["month"] + UNIT_SECONDS["day"]


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    exempt = {cid for cid, c in cat.categories.items() if c.consent is False}
    for si, (sid, service) in enumerate(cat.services.items()):
        in_exempt = service.category in exempt
        for ci, cookie in enumerate(service.cookies):
            text = cookie.duration
            if text is None or is_blank(text):
                if text is None and cookie.duration_text is not None:
                    continue  # shown as written only: `display-only-duration`
                if "duration" not in cookie.extra:
                    loc = cookie_loc(si, sid, ci, cookie.name)
                    what = "is empty" if text is not None else "is not given"
                    ctx.report(
                        MISSING_DURATION,
                        loc,
                        f"the duration of {loc.label} {what}",
                        field="duration",
                    )
                continue
            if not in_exempt:
                continue
            try:
                duration = parse_duration(text)
            except DurationError:
                continue  # `invalid-duration`
            seconds = duration.seconds
            if seconds is None or seconds > LIMIT_SECONDS:
                loc = cookie_loc(si, sid, ci, cookie.name)
                how = "has no end" if seconds is None else f"lasts {quote(text)}"
                ctx.report(
                    OVER_13_MONTHS,
                    loc,
                    f"{loc.label} {how}, but it is set without consent (category "
                    f"`{service.category}`): the CNIL accepts 13 months at most",
                    field="duration",
                )
