"""Browser fixtures for the banner tests: a local web server and headless Chromium.

Pages are served from 127.0.0.1 on a free port by a threaded ``http.server``;
``/node_modules/…`` maps to the project's npm packages (the real Klaro and
vanilla-cookieconsent, installed by ``npm ci``). Chromium is Debian's, driven by
Playwright. Without Chromium or the npm packages the tests skip, except on CI
(``CI=true``), where they fail.
"""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT

CHROMIUM = Path(os.environ.get("CONSENT_TUI_CHROMIUM", "/usr/bin/chromium"))
NODE_MODULES = ROOT / "node_modules"
PACKAGES = ("klaro/dist/klaro.js", "vanilla-cookieconsent/dist/cookieconsent.esm.js")
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


def missing_tools() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        return f"Chromium is not installed ({CHROMIUM}); apt-get install -y chromium"
    for package in PACKAGES:
        if not (NODE_MODULES / package).exists():
            return f"node_modules/{package} is missing; run `npm ci`"
    return None


def require_tools() -> None:
    reason = missing_tools()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run on CI: {reason}")
    pytest.skip(reason)


class Site:
    """In-memory pages plus the npm packages, served over HTTP on 127.0.0.1."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = unquote(urlsplit(self.path).path)
                body = site.pages.get(path)
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

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path: str, text: str) -> str:
        """Serve ``text`` at ``path``; return its full URL."""
        self.pages[path] = text.encode("utf-8")
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


@pytest.fixture(scope="module", name="banner_browser")
def banner_browser_fixture() -> Iterator[Any]:
    """One headless Chromium for a test module."""
    require_tools()
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if CHROMIUM.exists() else Path(shutil.which("chromium") or "")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(name="site")
def site_fixture() -> Iterator[Site]:
    server = Site()
    server.add("/favicon.ico", "")
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(name="page")
def page_fixture(banner_browser: Any) -> Iterator[Any]:
    """A fresh browser context (no cookies) and page; page errors fail the test."""
    context = banner_browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(15_000)
    try:
        yield tab
    finally:
        context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def cookie_names(page: Any) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies()}


def cookie_value(page: Any, name: str) -> str | None:
    for cookie in page.context.cookies():
        if cookie["name"] == name:
            return str(cookie["value"])
    return None


PAGES = Path(__file__).parent / "pages"


def export_text(fmt: str, catalogue: Any) -> str:
    from consent_tui.core.export import registry
    from consent_tui.core.export.registry import ExportOptions

    return registry.get(fmt).render(catalogue, ExportOptions()).text


def for_automation(module: str) -> str:
    """The cookieconsent module with ``hideFromBots: false`` (tests only): the library
    otherwise disables itself under browser automation."""
    anchor = "export const config = {\n"
    assert module.count(anchor) == 1
    return module.replace(anchor, anchor + "  hideFromBots: false,\n")


def klaro_page(site: Site, catalogue: Any, lang: str, *, inline: bool = False) -> str:
    """A page loading the catalogue's klaroConfig (inline or as a file) and klaro.js."""
    config = export_text("klaro", catalogue)
    if inline:
        tag = f"<script>\n{config}</script>"
    else:
        site.add("/klaro-config.js", config)
        tag = '<script defer src="/klaro-config.js"></script>'
    html = (PAGES / "klaro.html").read_text(encoding="utf-8")
    return site.add("/klaro.html", Template(html).substitute(lang=lang, config=tag))


def cookieconsent_page(site: Site, catalogue: Any, lang: str, *, inline: bool = False) -> str:
    """A page running the catalogue's cookieconsent module (inline or as a file)."""
    module = for_automation(export_text("cookieconsent", catalogue))
    if inline:
        tag = f'<script type="module">\n{module}</script>'
    else:
        site.add("/cookieconsent-config.js", module)
        tag = '<script type="module" src="/cookieconsent-config.js"></script>'
    html = (PAGES / "cookieconsent.html").read_text(encoding="utf-8")
    return site.add("/cookieconsent.html", Template(html).substitute(lang=lang, config=tag))
