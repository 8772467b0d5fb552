"""Durations parse, and say something a browser can actually do."""

from __future__ import annotations

from typing import Final

from consent_tui.core.durations import UNIT_SECONDS, DurationError, parse_duration
from consent_tui.core.rules.base import Context, Rule, cookie_loc, is_blank, quote

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

RULES: Final = (INVALID_DURATION, PERSISTENT_COOKIE, OVER_BROWSER_CAP, STORAGE_MISMATCH)

BROWSER_CAP_SECONDS: Final = 400 * UNIT_SECONDS["day"]
_KEEPS: Final = ("local_storage", "indexed_db")


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
