"""``consent-tui scan``: what a site stores, recorded by a real Chromium in each consent state.

The face of the scanner (the command and tests import only this):

- :class:`Options`, :data:`CHOICES`, :data:`STATES`, :func:`check_urls`: what to scan;
- :func:`scan` → :class:`Scan` (one :class:`StateResult` per state);
- :func:`evidence` (the state as consent-tui evidence, ``core.evidence.own``),
  :func:`summary`;
- :class:`ScanError`, :class:`SetupError`.

Playwright is imported only when a scan runs (the ``scan`` extra); importing
this package imports none of it. The modules: :mod:`.browser` (which
Chromium, its flags and profile, the third-party cookie check), :mod:`.state`
(one state), :mod:`.recorder` (cookies and storage, values turned into
lengths), :mod:`.crawl` (which pages), :mod:`.autoconsent` and
:mod:`.autoconsent_driver` (the banner by DuckDuckGo's rules),
:mod:`.textclick` and :mod:`.words` (the banner by its button texts).
"""

from __future__ import annotations

from consent_tui.core.scan.banner import Banner
from consent_tui.core.scan.errors import ScanError, SetupError
from consent_tui.core.scan.options import CHOICES, STATES, Options, check_url, check_urls
from consent_tui.core.scan.report import evidence, summary
from consent_tui.core.scan.run import Scan, scan
from consent_tui.core.scan.state import StateResult

__all__ = [
    "CHOICES",
    "STATES",
    "Banner",
    "Options",
    "Scan",
    "ScanError",
    "SetupError",
    "StateResult",
    "check_url",
    "check_urls",
    "evidence",
    "scan",
    "summary",
]
