"""How long visitors' consent is kept: one answer for the policy document and the banners.

``[banner] consent_lifetime`` is stated in the policy ("your choices are kept
for 6 months") and set in the banner configurations (Klaro's
``cookieExpiresAfterDays``, vanilla-cookieconsent's ``expiresAfterDays``), which
count whole days and store consent in a cookie. When the catalogue's value
cannot be used as it is, both say the same adjusted value, with a note:

- under one day (``"12 hours"``, ``"session"``): 1 day, the least a banner keeps;
- over 400 days: 400 days, the longest browsers keep a cookie (RFC 6265bis), so
  the longest a banner can keep consent;
- not a duration, or ``"persistent"``: the default, 182 days.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from consent_tui.core.durations import Duration, parse_duration, try_parse
from consent_tui.core.model import DEFAULT_CONSENT_LIFETIME, Catalogue

DAY: Final = 86400
MAX_DAYS: Final = 400


@dataclass(frozen=True, slots=True)
class ConsentLifetime:
    """The lifetime the exports use: in whole days (banners) and as a duration (document)."""

    days: int
    duration: Duration  # what the document states: as written, or the adjusted value
    note: str | None  # why the catalogue's value was not used as it is


def consent_lifetime(catalogue: Catalogue) -> ConsentLifetime:
    """The consent lifetime every export states (see the module docstring)."""
    text = catalogue.banner_settings.effective_lifetime
    parsed = try_parse(text)
    seconds = parsed.seconds if parsed is not None else None
    if parsed is None or seconds is None:
        what = "is not a duration" if parsed is None else "cannot be kept by a banner"
        return _adjusted(
            DEFAULT_CONSENT_LIFETIME,
            f"[banner] consent_lifetime {text!r} {what}: the policy and the banners "
            f"use the default, {DEFAULT_CONSENT_LIFETIME}",
        )
    if seconds < DAY:
        return _adjusted(
            "1 day",
            f"[banner] consent_lifetime {text!r} is less than a day, the least a banner "
            "keeps consent: the policy and the banners say 1 day",
        )
    if seconds > MAX_DAYS * DAY:
        return _adjusted(
            f"{MAX_DAYS} days",
            f"[banner] consent_lifetime {text!r} is longer than browsers keep a cookie "
            f"({MAX_DAYS} days), so than a banner can keep consent: the policy and the "
            f"banners say {MAX_DAYS} days",
        )
    return ConsentLifetime(seconds // DAY, parsed, None)


def _adjusted(text: str, note: str) -> ConsentLifetime:
    duration = parse_duration(text)
    return ConsentLifetime((duration.seconds or 0) // DAY, duration, note)
