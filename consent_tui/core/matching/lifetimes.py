"""Observed lifetimes against declared durations, with a documented tolerance.

A declared duration is a promise of at most that long. An observed lifetime is
*longer than declared* when it passes the declared seconds by more than the
tolerance: 2 % of the declared lifetime, and at least 5 minutes. The 2 % covers
calendar lengths (consent-tui counts a month as 30.44 days and a year as 365.24,
so a server's "one month" of 31 days is 1.8 % more) and the 5 minutes the
clocks of a server and a recording browser may differ by. Whether an item ends
with the session is compared apart from its length (:func:`session_mismatch`).
"""

from __future__ import annotations

import math
from typing import Final, Literal

from consent_tui.core.durations import Duration

TOLERANCE_RATIO: Final = 0.02
TOLERANCE_MIN_SECONDS: Final = 300

Mismatch = Literal["persistent-declared-session", "session-declared-persistent"]


def allowed_seconds(declared: int) -> int:
    """The longest observed lifetime that still fits ``declared`` seconds."""
    return declared + max(TOLERANCE_MIN_SECONDS, math.ceil(declared * TOLERANCE_RATIO))


def longer_than_declared(observed: int | None, declared: Duration | None) -> bool:
    """Whether ``observed`` seconds exceed a fixed declared duration beyond the tolerance."""
    if observed is None or declared is None or declared.kind != "fixed":
        return False
    seconds = declared.seconds
    return seconds is not None and observed > allowed_seconds(seconds)


def session_mismatch(observed_session: bool | None, declared: Duration | None) -> Mismatch | None:
    """How a session flag contradicts the declared duration, if it does.

    ``persistent-declared-session``: declared ``"session"``, but it outlives the
    session; ``session-declared-persistent``: declared with a lifetime (or
    ``"persistent"``), but the browser drops it with the session.
    """
    if observed_session is None or declared is None:
        return None
    if declared.kind == "session" and observed_session is False:
        return "persistent-declared-session"
    if declared.kind != "session" and observed_session is True:
        return "session-declared-persistent"
    return None
