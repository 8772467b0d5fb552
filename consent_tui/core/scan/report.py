"""A recorded state as consent-tui evidence (docs/audit.md), and one line about it."""

from __future__ import annotations

from typing import Any

from consent_tui import __version__
from consent_tui.core.evidence import own
from consent_tui.core.matching.domains import party
from consent_tui.core.scan.options import ACTIONS
from consent_tui.core.scan.run import Scan
from consent_tui.core.scan.state import StateResult


def evidence(scan: Scan, result: StateResult) -> dict[str, Any]:
    """The evidence document of one recorded state."""
    package = scan.autoconsent
    recorded = {
        "at": result.started.isoformat().replace("+00:00", "Z"),
        "tool": f"consent-tui {__version__}",
        "browser": result.browser,
        "third_party_cookies": result.third_party,
        "consent_action": ACTIONS[result.state] or "none",
        "banner": result.banner.record() if result.banner is not None else None,
        "autoconsent": package.version or "unknown" if package is not None else None,
        "pages_limit": scan.options.pages,
        "notes": list(result.notes),
    }
    return own.document(
        result.observations,
        state=result.state,
        recorded=recorded,
        site=scan.options.urls[0],
        pages=result.pages,
    )


def summary(scan: Scan, result: StateResult) -> str:
    """``3 pages, 5 cookies (2 third-party), 2 storage items``."""
    site = scan.options.site
    cookies = [o for o in result.observations if o.kind == "http_cookie"]
    third = sum(1 for o in cookies if party(o.host, site) == "third")
    storage = len(result.observations) - len(cookies)
    pages = len(result.pages)
    return (
        f"{pages} page{'s' * (pages != 1)}, {len(cookies)} cookie{'s' * (len(cookies) != 1)}"
        f" ({third} third-party), {storage} storage item{'s' * (storage != 1)}"
    )
