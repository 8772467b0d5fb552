"""A whole scan: find the browser and autoconsent, record each state, within the time allowed."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from consent_tui.core.scan import autoconsent
from consent_tui.core.scan.browser import find_browser
from consent_tui.core.scan.errors import ScanError, SetupError
from consent_tui.core.scan.options import Options
from consent_tui.core.scan.state import Progress, Run, StateResult, record_state

_CLOSED: Final = ("Connection closed", "Target page, context or browser has been closed")
NO_PLAYWRIGHT: Final = (
    "consent-tui scan needs Playwright: pip install 'consent-tui[scan]' "
    "(it drives an installed Chromium; no browser is downloaded)"
)


@dataclass(frozen=True)
class Scan:
    """The states recorded, in order, and what recorded them."""

    options: Options
    states: tuple[StateResult, ...]
    autoconsent: autoconsent.Autoconsent | None
    executable: str | None


def find_autoconsent(options: Options, cwd: Path | None = None) -> autoconsent.Autoconsent | None:
    """autoconsent as the options ask (:class:`SetupError` for a path given but unusable)."""
    if not options.use_autoconsent:
        return None
    script = autoconsent.locate(options.autoconsent, cwd)
    return autoconsent.load(script) if script is not None else None


def scan(options: Options, progress: Progress | None = None) -> Scan:
    """Run the scan (Ctrl-C, SIGTERM and SIGHUP close the browser, remove its temporary
    profile and raise ``KeyboardInterrupt``).

    :class:`SetupError` when Playwright, the browser or autoconsent is missing,
    :class:`ScanError` when a page given does not load or time runs out.
    """
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        raise SetupError(NO_PLAYWRIGHT) from None
    package = find_autoconsent(options)
    try:
        return asyncio.run(_scan(options, package, progress))
    except asyncio.CancelledError:  # SIGTERM or SIGHUP: the browser is closed, as for Ctrl-C
        raise KeyboardInterrupt from None


def _quiet_when_closed(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """asyncio's report of an error nobody awaited, except Playwright's lost connection: after
    Ctrl-C, which reaches Chromium and Playwright's driver too, that is how they end."""
    problem = context.get("exception")
    if problem is not None and any(text in str(problem) for text in _CLOSED):
        return
    loop.default_exception_handler(context)


async def _scan(
    options: Options, package: autoconsent.Autoconsent | None, progress: Progress | None
) -> Scan:
    from playwright.async_api import async_playwright

    loop = asyncio.get_running_loop()
    loop.set_exception_handler(_quiet_when_closed)
    task = asyncio.current_task()
    for stop in (signal.SIGTERM, signal.SIGHUP):
        if task is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(stop, task.cancel)
    try:
        async with asyncio.timeout(options.timeout) as limit, async_playwright() as playwright:
            executable = find_browser(options.browser, playwright.chromium.executable_path)
            run = Run(playwright, executable, options, package, progress)
            states = [await record_state(run, state) for state in options.states]
            return Scan(options, tuple(states), package, executable)
    except TimeoutError:
        if not limit.expired():
            raise
        raise ScanError(
            f"the scan took longer than {options.timeout:g} s (--timeout) and was stopped"
        ) from None
