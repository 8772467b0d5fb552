"""Shared by the cookie readers: lifetimes, deletions and default paths."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Final
from urllib.parse import urlsplit

from consent_tui.core.evidence.dates import seconds_between

# An expiry before this is a deletion whatever the recording's clock says.
EPOCH_DELETION: Final = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def is_deletion(
    expires: dt.datetime | None, max_age: int | None, reference: dt.datetime | None
) -> bool:
    """Whether a ``Set-Cookie`` removes the cookie instead of storing it."""
    if max_age is not None:
        return max_age <= 0
    if expires is None:
        return False
    return expires <= (reference or EPOCH_DELETION)


def lifetime(
    expires: dt.datetime | None, max_age: int | None, reference: dt.datetime | None
) -> int | None:
    """Seconds the cookie lives: ``Max-Age``, else expiry less ``reference`` (``None``: unknown)."""
    if max_age is not None:
        return max_age
    found = seconds_between(reference, expires)
    return found if found is None or found >= 0 else None


def expiry(
    expires: dt.datetime | None, max_age: int | None, seen: dt.datetime | None
) -> dt.datetime | None:
    """The absolute expiry: ``Max-Age`` wins over ``Expires`` (RFC 6265)."""
    if max_age is not None:
        if seen is None:
            return None
        try:
            return seen + dt.timedelta(seconds=max_age)
        except OverflowError:
            return dt.datetime.max.replace(tzinfo=dt.UTC)
    return expires


_PATH = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*(/[^?#]*)?")


@lru_cache(maxsize=4096)
def default_path(url: str | None) -> str:
    """RFC 6265 default-path: the request path up to its last ``/``."""
    if not url:
        return "/"
    found = _PATH.match(url)
    if found is not None:
        path = found.group(1) or "/"
    else:
        try:
            path = urlsplit(url).path
        except ValueError:
            return "/"
    if not path.startswith("/") or path.count("/") <= 1:
        return "/"
    return path[: path.rfind("/")]


def flag(value: object) -> bool | None:
    """A JSON boolean, else ``None``."""
    return value if isinstance(value, bool) else None


def text(value: object) -> str | None:
    """A JSON string, else ``None``."""
    return value if isinstance(value, str) else None


def value_size(value: object) -> int:
    """The length of a recorded value (a number or other JSON as its text)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return len(value)
    return len(str(value))
