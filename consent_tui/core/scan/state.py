"""One consent state recorded in a fresh browser: visit, click the banner if asked, record.

Each state launches Chromium on a fresh temporary profile (third-party
cookies allowed or blocked by its preferences), checks what the browser does
with third-party cookies, and visits the site in a new off-the-record context.
``before-consent`` visits the pages and touches nothing; ``after-accept`` and
``after-reject`` first open the first page, make the choice on its banner
(autoconsent, then the button texts), then visit every page again, the first
included, so what the site stores once it knows the choice is seen.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consent_tui.core.evidence.record import ConsentState, Observation
from consent_tui.core.scan import browser as chromium
from consent_tui.core.scan.autoconsent import Autoconsent
from consent_tui.core.scan.autoconsent_driver import Driver
from consent_tui.core.scan.banner import Banner
from consent_tui.core.scan.crawl import LINKS, Frontier, on_site
from consent_tui.core.scan.errors import ScanError, SetupError
from consent_tui.core.scan.options import ACTIONS, Action, Options
from consent_tui.core.scan.recorder import Recorder, now
from consent_tui.core.scan.textclick import click_by_text

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page, Playwright

Progress = Callable[[str, int, int, str], None]  # state, page (0: the banner), pages, URL
_CALLER = re.compile(r"^[A-Za-z]+\.[A-Za-z_]+: ")  # "Page.goto: net::ERR_…"


@dataclass
class StateResult:
    """What one state recorded; ``recorded`` is false when the asked choice could not be made."""

    state: ConsentState
    recorded: bool
    started: dt.datetime
    browser: str
    third_party: chromium.Mode
    banner: Banner | None = None
    pages: list[dict[str, Any]] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Run:
    """What every state of one scan shares."""

    playwright: Playwright
    executable: str | None
    options: Options
    package: Autoconsent | None
    progress: Progress | None = None
    pages: list[str] = field(
        default_factory=list
    )  # found by the first state, visited by the others


def reason(exc: BaseException) -> str:
    """The first line of a Playwright error, without the URL it repeats."""
    text = str(getattr(exc, "message", None) or exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    line = _CALLER.sub("", line.split(" at http", 1)[0].strip())
    return line[:300]


@contextlib.contextmanager
def _removed(folder: str) -> Iterator[list[str]]:
    """Remove ``folder`` (and the folders added to the list given) at the end, for sure: after
    Ctrl-C, Chromium may still be writing while it ends, and a first removal leaves what it
    wrote since, and its lock folder."""
    also: list[str] = []
    try:
        yield also
    finally:
        for _ in range(20):
            left = [f for f in (folder, *also) if os.path.exists(f)]
            if not left:
                break
            time.sleep(0.1)
            for path in left:
                shutil.rmtree(path, ignore_errors=True)


async def _same(context: BrowserContext) -> BrowserContext:
    return context


async def _close(thing: Any) -> None:
    with contextlib.suppress(Exception):
        await thing.close()


async def record_state(run: Run, state: ConsentState) -> StateResult:
    """Launch, record ``state`` and close the browser, whatever happens."""
    from playwright.async_api import Error

    options = run.options
    root = chromium.temp_root()
    temp = tempfile.TemporaryDirectory(prefix="consent-tui-", dir=root, ignore_cleanup_errors=True)
    with _removed(temp.name) as also_remove, temp as tmp:
        chromium.prepare_profile(Path(tmp), options.third_party)
        try:
            persistent = await run.playwright.chromium.launch_persistent_context(
                tmp,
                executable_path=run.executable,
                args=chromium.launch_flags(options.browser_args),
                headless=True,
                ignore_https_errors=options.ignore_https_errors,
                env={**os.environ, "TMPDIR": root},
                timeout=60_000,
            )
        except Error as exc:
            what = run.executable or "Playwright's Chromium"
            raise SetupError(f"cannot start {what}: {reason(exc)}") from None
        lock = chromium.lock_folder(Path(tmp))
        if lock is not None:
            also_remove.append(lock)
        try:
            browser = persistent.browser
            version = f"Chromium {browser.version}" if browser is not None else "Chromium"
            ignore = options.ignore_https_errors
            opening = (
                browser.new_context(ignore_https_errors=ignore) if browser else _same(persistent)
            )
            # the third-party cookie check runs in a context of its own, beside the scan's
            mode, context = await asyncio.gather(chromium.third_party_mode(browser), opening)
            result = StateResult(state, True, now(), version, mode)
            try:
                await _record(run, context, result)
            finally:
                if context is not persistent:
                    await _close(context)
            return result
        finally:
            await _close(persistent)


async def _record(run: Run, context: BrowserContext, result: StateResult) -> None:
    action = ACTIONS[result.state]
    recorder = Recorder(result.state)
    recorder.attach(context)
    driver = Driver(run.package, action) if action and run.package else None
    if driver is not None:
        await driver.attach(context)
    page = await context.new_page()
    page.set_default_timeout(run.options.page_timeout * 1000)
    crawl = not run.pages
    urls = run.pages or list(run.options.urls)
    if action is not None:
        if run.progress is not None:
            run.progress(result.state, 0, len(urls), urls[0])
        await _visit(page, urls[0], run.options, result, seed=True, listed=False)
        result.banner = await choose(page, action, driver, run.options.banner_timeout)
        if not result.banner.clicked:
            result.recorded = False
            return
        with contextlib.suppress(Exception):
            await page.wait_for_load_state("load", timeout=run.options.page_timeout * 1000)
        await asyncio.sleep(max(run.options.wait, 0.5))
    frontier = Frontier(tuple(urls), run.options.site, run.options.pages if crawl else len(urls))
    done = 0
    while (url := frontier.next()) is not None:
        done += 1
        if run.progress is not None:
            run.progress(result.state, done, frontier.limit if crawl else len(urls), url)
        seed = url in run.options.urls if crawl else done == 1
        if not await _visit(page, url, run.options, result, seed=seed):
            continue
        await asyncio.sleep(run.options.wait)
        await recorder.snapshot(page)
        if crawl and on_site(page.url, run.options.site):
            with contextlib.suppress(Exception):
                frontier.add_links(await page.eval_on_selector_all("a[href]", LINKS))
        if crawl:
            run.pages.append(url)
    result.observations = recorder.observations()


async def _visit(
    page: Page, url: str, options: Options, result: StateResult, *, seed: bool, listed: bool = True
) -> bool:
    """Open ``url``; a page that does not load stops the scan when it was given, else is noted.
    ``listed`` is false for the visit that makes the consent choice: ``pages`` lists those
    visited with the choice made."""
    from playwright.async_api import Error
    from playwright.async_api import TimeoutError as PageTimeout

    at = now()
    try:
        response = await page.goto(url, wait_until="load", timeout=options.page_timeout * 1000)
    except PageTimeout:
        problem = f"{url}: did not load within {options.page_timeout:g} s (--page-timeout)"
    except Error as exc:
        problem = f"{url}: cannot be loaded ({reason(exc)})"
    else:
        status = response.status if response is not None else None
        if listed:
            stamp = at.isoformat().replace("+00:00", "Z")
            result.pages.append({"url": url, "at": stamp, "status": status})
        if status is not None and status >= 400:
            result.notes.append(f"{url}: HTTP status {status}")
        return True
    if seed:
        raise ScanError(problem)
    result.notes.append(problem)
    return False


async def choose(page: Page, action: Action, driver: Driver | None, seconds: float) -> Banner:
    """Make the choice on the banner: autoconsent first, then the button texts, in ``seconds``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    banner: Banner | None = None
    if driver is not None:
        banner = await driver.wait(seconds, grace=min(3.0, seconds / 2))
        if banner.clicked:
            return banner
    fallback = await click_by_text(page, action, max(deadline - loop.time(), 1.0))
    if banner is None:
        return fallback
    return Banner(
        fallback.found or banner.found,
        fallback.clicked,
        fallback.method if fallback.found else banner.method,
        banner.cmp,
        fallback.button,
        (*banner.tried, *fallback.tried),
        banner.detected,
    )
