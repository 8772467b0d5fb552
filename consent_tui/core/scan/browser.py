"""Which Chromium to drive, how to launch it, and whether it lets third-party cookies be set.

Debian's Chromium under Playwright blocks third-party cookies by default. What
lets a cross-site cookie be set: a persistent profile whose
``Default/Preferences`` holds ``{"profile": {"cookie_controls_mode": 0}}``
before launch. Every consent state gets a fresh temporary profile of its own;
the site is then visited in an off-the-record context of that browser, which
keeps its cookies and storage in memory, so no value reaches the disk.
:func:`third_party_mode` checks what the browser really does.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from consent_tui.core.scan.errors import SetupError
from consent_tui.core.scan.options import ThirdParty

if TYPE_CHECKING:
    from playwright.async_api import Browser

ENV_BROWSER: Final = "CONSENT_TUI_CHROMIUM"
SYSTEM_BROWSERS: Final = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS: Final = (
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-quic",
    "--dns-prefetch-disable",
    "--password-store=basic",
    "--use-mock-keychain",
)
MAX_TEMP: Final = 60
COOKIE_MODES: Final[dict[ThirdParty, int]] = {"allow": 0, "block": 1}
Mode = Literal["allowed", "blocked", "unknown"]
_PROBE_TOP: Final = "https://site.consent-tui.invalid/"
_PROBE_FRAME: Final = "https://frame.consent-tui-probe.invalid/"
_NO_BROWSER: Final = (
    "no Chromium to drive: install one (Debian or Ubuntu: apt-get install chromium), "
    f"or name it with --browser PATH or {ENV_BROWSER}; consent-tui never downloads a browser"
)


def find_browser(explicit: str | None, playwright_own: str | None) -> str | None:
    """The Chromium executable to launch; ``None`` means Playwright's own browser.

    In order: ``--browser``, ``$CONSENT_TUI_CHROMIUM``, Playwright's own browser
    when it is installed, the system's Chromium. :class:`SetupError` when none is.
    """
    for given, what in ((explicit, "--browser"), (os.environ.get(ENV_BROWSER), ENV_BROWSER)):
        if given:
            found = shutil.which(given) if os.sep not in given else given
            if not found or not os.path.isfile(found) or not os.access(found, os.X_OK):
                raise SetupError(f"{what} {given}: no such program")
            return found
    if playwright_own and os.path.isfile(playwright_own):
        return None
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    for name in SYSTEM_BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise SetupError(_NO_BROWSER)


def temp_root() -> str:
    """Where the temporary profiles go: the temporary folder, or ``/tmp`` when its path is too
    long for Chromium, whose lock socket under it must fit a Unix socket's 107 bytes."""
    root = tempfile.gettempdir()
    if len(root) > MAX_TEMP and os.path.isdir("/tmp") and os.access("/tmp", os.W_OK | os.X_OK):
        return "/tmp"
    return root


def lock_folder(profile: Path) -> str | None:
    """The folder Chromium made for its lock socket (``SingletonSocket`` links to it), which
    it removes when it ends well, and leaves when Ctrl-C ends it."""
    try:
        target = Path(os.readlink(profile / "SingletonSocket")).parent
    except OSError:
        return None
    return str(target) if target.name.lstrip(".").startswith("org.chromium.") else None


def launch_flags(extra: tuple[str, ...]) -> list[str]:
    """Chromium's flags: quiet (no background traffic), no sandbox when run as root."""
    flags = list(FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.insert(0, "--no-sandbox")
    return flags + list(extra)


def prepare_profile(folder: Path, third_party: ThirdParty) -> None:
    """Write the profile's preferences before launch: third-party cookies allowed or blocked."""
    default = folder / "Default"
    default.mkdir(parents=True, exist_ok=True)
    prefs = {"profile": {"cookie_controls_mode": COOKIE_MODES[third_party]}}
    (default / "Preferences").write_text(json.dumps(prefs), encoding="utf-8")


async def third_party_mode(browser: Browser | None) -> Mode:
    """Whether a cross-site frame of this browser may set a cookie, tried on two made-up sites.

    Both pages are answered by the scan itself (nothing goes to the network): a
    top page on one site frames a page of another that sets a ``SameSite=None``
    cookie from script. A throwaway context is used, so the scan sees none of it.
    """
    if browser is None:
        return "unknown"
    from playwright.async_api import Error, Route

    frame = (
        "<script>document.cookie = 'consent_tui_probe=1; SameSite=None; Secure; Path=/'</script>"
    )

    async def answer(route: Route) -> None:
        body = (
            f"<iframe src='{_PROBE_FRAME}'></iframe>" if route.request.url == _PROBE_TOP else frame
        )
        await route.fulfill(status=200, content_type="text/html", body=body)

    try:
        context = await browser.new_context()
    except Error:
        return "unknown"
    try:
        await context.route(lambda url: url.startswith((_PROBE_TOP, _PROBE_FRAME)), answer)
        page = await context.new_page()
        await page.goto(_PROBE_TOP, wait_until="load", timeout=10_000)  # the frame's load too
        names = {cookie.get("name") for cookie in await context.cookies(_PROBE_FRAME)}
        return "allowed" if "consent_tui_probe" in names else "blocked"
    except Error:
        return "unknown"
    finally:
        with contextlib.suppress(Error):
            await context.close()
