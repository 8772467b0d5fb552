"""The scan's settings, the consent states it records, and the URLs it may start from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import urlsplit, urlunsplit

from consent_tui.core.evidence.record import ConsentState
from consent_tui.core.matching.domains import registrable
from consent_tui.core.scan.errors import ScanError

Choice = Literal["none", "accept", "reject", "all"]
CHOICES: Final[tuple[Choice, ...]] = ("none", "accept", "reject", "all")
Action = Literal["accept", "reject"]
ThirdParty = Literal["allow", "block"]

STATES: Final[dict[Choice, tuple[ConsentState, ...]]] = {
    "none": ("before-consent",),
    "accept": ("before-consent", "after-accept"),
    "reject": ("before-consent", "after-reject"),
    "all": ("before-consent", "after-accept", "after-reject"),
}
ACTIONS: Final[dict[ConsentState, Action | None]] = {
    "before-consent": None,
    "after-accept": "accept",
    "after-reject": "reject",
}
MAX_PAGES: Final = 1000
_BAD_CHARACTERS = re.compile(r"[\x00-\x20\x7f]")


@dataclass(frozen=True, slots=True)
class Options:
    """How to scan. Times are in seconds.

    ``autoconsent`` is the path of ``dist/autoconsent.playwright.js`` (or of the
    package folder); ``None`` with ``use_autoconsent`` looks in the environment
    and ``./node_modules``. ``browser`` is a Chromium to drive; ``None`` finds one.
    """

    urls: tuple[str, ...]
    pages: int = 10
    consent: Choice = "all"
    browser: str | None = None
    autoconsent: str | None = None
    use_autoconsent: bool = True
    browser_args: tuple[str, ...] = ()
    ignore_https_errors: bool = False
    third_party: ThirdParty = "allow"
    page_timeout: float = 30.0
    banner_timeout: float = 10.0
    timeout: float = 600.0
    wait: float = 1.0

    @property
    def states(self) -> tuple[ConsentState, ...]:
        return STATES[self.consent]

    @property
    def site(self) -> str:
        """The registrable domain every page visited is on."""
        host = urlsplit(self.urls[0]).hostname or ""
        return registrable(host)


def check_url(text: str) -> str:
    """``text`` as a URL to visit (fragment dropped), or :class:`ScanError` saying why not."""
    shown = text if len(text) <= 200 else text[:200] + "…"
    if not text or _BAD_CHARACTERS.search(text):
        raise ScanError(
            f"{shown!r} is not a URL: it is empty or holds spaces or control characters"
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise ScanError(f"{shown!r} is not a URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        hint = f" (did you mean https://{text}?)" if not parts.scheme or "://" not in text else ""
        raise ScanError(f"{shown!r} is not an http or https URL{hint}")
    if not parts.hostname or port == 0:
        raise ScanError(f"{shown!r} has no host to visit")
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def check_urls(texts: list[str]) -> tuple[str, ...]:
    """The URLs to start from, all on one site (registrable domain), without repeats."""
    urls = tuple(dict.fromkeys(check_url(t) for t in texts))
    if not urls:
        raise ScanError("name at least one URL to scan")
    site = registrable(urlsplit(urls[0]).hostname or "")
    for url in urls[1:]:
        other = registrable(urlsplit(url).hostname or "")
        if other != site:
            raise ScanError(
                f"{url} is on another site ({other}) than {urls[0]} ({site}): "
                "scan one site at a time"
            )
    return urls
