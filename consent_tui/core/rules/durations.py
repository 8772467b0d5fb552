"""Durations parse, and say something a browser can actually do."""

from __future__ import annotations

from typing import Final

from consent_tui.core.durations import (
    UNIT_SECONDS,
    Duration,
    DurationError,
    format_duration,
    parse_duration,
)
from consent_tui.core.rules.base import Context, Loc, Rule, cookie_loc, is_blank, quote

FAMILY = "durations"

INVALID_DURATION = Rule(
    "invalid-duration",
    "error",
    FAMILY,
    "A cookie's `duration` cannot be read.",
    "The lifetime is shown to visitors and exported in seconds (TCF `maxAgeSeconds`); the "
    "lifetime checks need it too.",
    'Use "session", "persistent", "<number> <unit>" (second to year, e.g. "13 months", '
    '"1 year 6 months"), or ISO 8601 such as "P13M".',
    bad="""\
[[services.stats.cookies]]
name = "_stats"
duration = "thirteen months"
""",
    good="""\
[[services.stats.cookies]]
name = "_stats"
duration = "13 months"
""",
)
PERSISTENT_COOKIE = Rule(
    "persistent-http-cookie",
    "warning",
    FAMILY,
    'An HTTP cookie is declared "persistent", with no lifetime.',
    "Every HTTP cookie has an expiry date (Max-Age or Expires), and browsers cap it (Chrome at "
    "400 days); visitors must be told how long it lasts (CJEU Planet49). Only other storage, "
    "such as localStorage, can stay until it is cleared.",
    'Give the real lifetime the site sets, such as "13 months"; check the cookie\'s Expires in '
    "the browser's storage inspector.",
    source="RFC 6265bis (cookie lifetime limit); CJEU C-673/17 Planet49, 1 October 2019",
    bad="""\
[[services.stats.cookies]]
name = "_stats"
duration = "persistent"
""",
    good="""\
[[services.stats.cookies]]
name = "_stats"
duration = "13 months"
""",
)
OVER_BROWSER_CAP = Rule(
    "lifetime-over-browser-cap",
    "info",
    FAMILY,
    "An HTTP cookie is declared to live longer than 400 days.",
    "Current browsers (Chrome, Edge, and others following RFC 6265bis) cut a cookie's lifetime "
    "to 400 days at most, so the policy overstates it.",
    'State the lifetime the browser keeps, at most "400 days", or keep the longer figure with '
    "a duration_note.",
    source="RFC 6265bis section 5.5 (cookie age limit)",
    bad="""\
[[services.stats.cookies]]
name = "_stats"
duration = "2 years"
""",
    good="""\
[[services.stats.cookies]]
name = "_stats"
duration = "13 months"
""",
)
STORAGE_MISMATCH = Rule(
    "storage-duration-mismatch",
    "info",
    FAMILY,
    'localStorage or IndexedDB data declared "session", or sessionStorage data declared '
    '"persistent".',
    "localStorage and IndexedDB keep data until it is deleted; sessionStorage always ends with "
    "the tab. The declared duration does not match what the storage does.",
    'Use "persistent" (or the time after which the site deletes it) for localStorage and '
    'IndexedDB, and "session" for sessionStorage.',
    bad="""\
[[services.stats.cookies]]
name = "draft"
type = "local_storage"
duration = "session"
""",
    good="""\
[[services.stats.cookies]]
name = "draft"
type = "local_storage"
duration = "persistent"
""",
)

ZERO_DURATION = Rule(
    "zero-duration",
    "warning",
    FAMILY,
    'A cookie\'s `duration` is zero ("0 days", "PT0S").',
    "A cookie set with a lifetime of zero is deleted at once, and storage that lasts no time "
    "holds nothing: the duration is a placeholder, or the unit or number is wrong, and "
    "visitors are told a lifetime the item does not have.",
    'Write the real lifetime, or "session" for what ends with the visit.',
    source="CJEU C-673/17 Planet49, 1 October 2019 (visitors are told how long cookies last)",
    bad="""\
[[services.stats.cookies]]
name = "_stats"
duration = "0 days"
""",
    good="""\
[[services.stats.cookies]]
name = "_stats"
duration = "13 months"
""",
)
REPEATED_UNIT = Rule(
    "repeated-duration-unit",
    "warning",
    FAMILY,
    'A duration names the same unit twice ("1 day 1 day", "1 year 6 months 1 year").',
    'The parts are added up, but a repeated unit is most often a typo for another unit ("1 year '
    '1 month" written "1 year 1 year"), so the lifetime shown may not be the one meant.',
    'Name each unit once: "2 days", "1 year 6 months".',
    bad="""\
[[services.stats.cookies]]
name = "_stats"
duration = "6 months 6 months"
""",
    good="""\
[[services.stats.cookies]]
name = "_stats"
duration = "13 months"
""",
)

RULES: Final = (
    INVALID_DURATION,
    ZERO_DURATION,
    REPEATED_UNIT,
    PERSISTENT_COOKIE,
    OVER_BROWSER_CAP,
    STORAGE_MISMATCH,
)

BROWSER_CAP_SECONDS: Final = 400 * UNIT_SECONDS["day"]
_KEEPS: Final = ("local_storage", "indexed_db")


def repeated_unit(duration: Duration) -> str | None:
    """The first unit ``duration`` names twice ("1 day 1 day" -> "day"), if any."""
    parts = duration.parts
    if len(parts) < 2:
        return None
    seen: set[str] = set()
    for _, unit in parts:
        if unit in seen:
            return unit
        seen.add(unit)
    return None


def report_repeated(ctx: Context, loc: Loc, field: str, text: str, duration: Duration) -> None:
    """Report a unit named twice in ``text`` (the parsed ``duration``) of ``field``."""
    unit = repeated_unit(duration)
    if unit is None:
        return
    total = format_duration(Duration("fixed", _merged(duration)), "en")
    ctx.report(
        REPEATED_UNIT,
        loc,
        f"{field} of {loc.label} ({quote(text)}) names the unit {unit} twice; the parts add "
        f"up to {total}",
        field=field,
        hint=f'write `{field} = "{total}"` if that is the lifetime meant',
    )


def _merged(duration: Duration) -> tuple[tuple[int, str], ...]:
    totals: dict[str, int] = {}
    for n, unit in duration.parts:
        totals[unit] = totals.get(unit, 0) + n
    return tuple((totals[u], u) for u in reversed(UNIT_SECONDS) if totals.get(u))


def check(ctx: Context) -> None:
    for si, (sid, service) in enumerate(ctx.catalogue.services.items()):
        for ci, cookie in enumerate(service.cookies):
            text = cookie.duration
            if text is None or is_blank(text):
                continue  # missing: `missing-duration`
            try:
                duration = parse_duration(text)
            except DurationError as exc:
                loc = cookie_loc(si, sid, ci, cookie.name)
                why = str(exc).split(";")[0]
                ctx.report(
                    INVALID_DURATION, loc, f"duration of {loc.label}: {why}", field="duration"
                )
                continue
            if duration.kind == "fixed":
                if not duration.seconds:
                    loc = cookie_loc(si, sid, ci, cookie.name)
                    ctx.report(
                        ZERO_DURATION,
                        loc,
                        f"duration of {loc.label} is {quote(text)}, a lifetime of zero",
                        field="duration",
                    )
                    continue
                if len(duration.parts) > 1:
                    report_repeated(
                        ctx, cookie_loc(si, sid, ci, cookie.name), "duration", text, duration
                    )
            kind = cookie.type or "http_cookie"
            if kind == "http_cookie":
                if duration.kind == "persistent":
                    loc = cookie_loc(si, sid, ci, cookie.name)
                    ctx.report(
                        PERSISTENT_COOKIE,
                        loc,
                        f'{loc.label} is an HTTP cookie declared "persistent": browsers give '
                        "every cookie an end, at most 400 days away",
                        field="duration",
                    )
                elif (duration.seconds or 0) > BROWSER_CAP_SECONDS:
                    loc = cookie_loc(si, sid, ci, cookie.name)
                    ctx.report(
                        OVER_BROWSER_CAP,
                        loc,
                        f"{loc.label} lasts {quote(text)}, but browsers keep a cookie 400 days "
                        "at most",
                        field="duration",
                    )
            elif (kind in _KEEPS and duration.kind == "session") or (
                kind == "session_storage" and duration.kind == "persistent"
            ):
                loc = cookie_loc(si, sid, ci, cookie.name)
                ctx.report(
                    STORAGE_MISMATCH,
                    loc,
                    f"{loc.label} is {kind} data declared {quote(text)}, which that storage "
                    "does not do",
                    field="duration",
                )
