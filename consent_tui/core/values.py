"""Small checks and conversions of single values, shared by the rules and the other core parts."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

from consent_tui.core.reference import codes

_LABEL: Final = re.compile(r"(?!-)[\w-]{1,63}(?<!-)")
_IPV4: Final = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# What no browser keeps in an HTTP cookie's name (RFC 6265): ; = and control characters,
# spaces at either end.
BAD_COOKIE_NAME: Final = re.compile(r"[;=\x00-\x08\x0a-\x1f\x7f]|^\s|\s$")

# Google consent mode's shorthand for the EEA, the United Kingdom and Switzerland.
REGION_SHORTHAND: Final = "EEA+UK+CH"
_REGION: Final = re.compile(r"([A-Z]{2})(?:-[A-Z0-9]{1,3})?")


def is_host(host: str) -> bool:
    """Whether ``host`` is a host name (letters of any script allowed) or an address."""
    if not host or len(host) > 253 or "_" in host:
        return False
    if _IPV4.fullmatch(host) or (host.startswith("[") and host.endswith("]")):
        return True
    return all(_LABEL.fullmatch(label) for label in host.rstrip(".").split("."))


def url_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute http(s) URL, or ``None`` when it is one."""
    if any(c.isspace() for c in value):
        return "holds spaces"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "is not a URL"
    if not parts.scheme or not value.lower().startswith(parts.scheme.lower() + "://"):
        return "has no scheme (https://)"
    if parts.scheme.lower() not in ("http", "https"):
        return f"uses the scheme {parts.scheme}:, not https:"
    host = parts.hostname or ""
    if not is_host(host):
        return "has no valid host name" if host else "has no host name"
    return None


def slug(text: str) -> str:
    """A valid id made from ``text`` ("Google Analytics" -> "google-analytics")."""
    value = re.sub(r"[^a-z0-9_-]+", "-", text.strip().lower()).strip("-_")
    return value or "id"


def region_problem(code: str) -> str | None:
    """Why ``code`` is no region Google consent mode reads, or ``None`` when it is one."""
    if code == REGION_SHORTHAND:
        return None
    match = _REGION.fullmatch(code)
    if match is None:
        return (
            "not an ISO 3166-1 country code (FR), an ISO 3166-2 subdivision (US-CA) "
            f"or {REGION_SHORTHAND}"
        )
    if not codes.is_country(match.group(1)):
        return f"{match.group(1)} is not an ISO 3166-1 country code"
    return None
