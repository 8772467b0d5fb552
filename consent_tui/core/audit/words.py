"""How findings name things: shortened, escaped names, kinds, lifetimes in words."""

from __future__ import annotations

from typing import Final

from consent_tui.core.values import printable

KIND_WORDS: Final = {
    "http_cookie": "cookie",
    "local_storage": "localStorage item",
    "session_storage": "sessionStorage item",
    "indexed_db": "IndexedDB database",
    "pixel": "pixel",
}
MAX_NAME: Final = 80


def shown(name: str, limit: int = MAX_NAME) -> str:
    """``name`` in backticks, control characters escaped, cut to ``limit`` characters."""
    text = printable(name) if name else "(empty name)"
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"`{text}`"


def plain(text: str, limit: int = 200) -> str:
    """Untrusted text (a domain, a URL) escaped and shortened for a message."""
    out = printable(text)
    return out if len(out) <= limit else out[: limit - 1] + "…"


def kind_word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind)


def seconds_text(seconds: int) -> str:
    """A lifetime in words: "2 years (730 days)", "13 days", "30 minutes"."""
    day = 86400
    if seconds >= 2 * 365 * day:
        return f"{seconds / 31556952:.1f} years ({seconds // day:,} days)"
    if seconds >= 60 * day:
        return f"{seconds / 2629746:.1f} months ({seconds // day:,} days)"
    if seconds >= 2 * day:
        return f"{seconds / day:.1f} days"
    if seconds >= 2 * 3600:
        return f"{seconds / 3600:.1f} hours"
    if seconds >= 120:
        return f"{seconds // 60} minutes"
    return f"{seconds} seconds"
