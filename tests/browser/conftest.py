"""Headless Chromium and a local web server, for the HTML export and banner tests.

Debian's ``/usr/bin/chromium`` (or ``$CONSENT_TUI_CHROMIUM``) is driven by
Playwright; never ``playwright install``. Pages are served from 127.0.0.1 on a
free port by a threaded ``http.server``; ``/node_modules/…`` maps to the
project's npm packages (the real Klaro and vanilla-cookieconsent, installed by
``npm ci``). A missing tool skips the tests with the reason, except on CI
(``CI=true``), where it fails them: CI never passes by skipping.
"""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT

CHROMIUM = Path(os.environ.get("CONSENT_TUI_CHROMIUM", "/usr/bin/chromium"))
NODE_MODULES = ROOT / "node_modules"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
}


def chromium() -> str | None:
    """The Chromium to drive, or None when none is installed."""
    if CHROMIUM.exists():
        return str(CHROMIUM)
    return shutil.which("chromium")


def unavailable(reason: str) -> NoReturn:
    """Skip the test for ``reason``; on CI, fail it."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"the browser tests cannot run on CI: {reason}")
    pytest.skip(reason)


def require_package(package: str) -> None:
    """Skip (or on CI fail) unless ``node_modules/<package>`` is installed."""
    if not (NODE_MODULES / package).exists():
        unavailable(f"node_modules/{package} is missing; run `npm ci`")


class PageServer:
    """In-memory pages plus the npm packages, served over HTTP on 127.0.0.1."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {"/favicon.ico": b""}
        pages = self.pages

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = unquote(urlsplit(self.path).path)
                body = pages.get(path)
                if body is None and path.startswith("/node_modules/"):
                    file = (NODE_MODULES / path.removeprefix("/node_modules/")).resolve()
                    if file.is_relative_to(NODE_MODULES.resolve()) and file.is_file():
                        body = file.read_bytes()
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                kind = TYPES.get(Path(path).suffix, "application/octet-stream")
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def put(self, path: str, text: str) -> str:
        """Serve ``text`` at ``path``; return its full URL."""
        self.pages[path] = text.encode("utf-8")
        return self.base + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


@pytest.fixture
def site() -> Iterator[PageServer]:
    """A fresh local web server for one test."""
    server = PageServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module, never longer.

    Playwright's sync API keeps an event loop running while it is open, which
    breaks every later asyncio test (tests/ui): keep this fixture module-scoped.
    """
    executable = chromium()
    if executable is None:
        unavailable(f"Chromium is not installed ({CHROMIUM}); apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - a dev dependency
        unavailable("the playwright Python package is not installed (uv sync)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context (no cookies) and page; page errors fail the test."""
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(15_000)
    try:
        yield tab
    finally:
        context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"
