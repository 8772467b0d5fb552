"""Pages that run a catalogue's banner configuration in the real Klaro or vanilla-cookieconsent.

The libraries come from the project's npm packages (``npm ci``), served by the
``site`` fixture under ``/node_modules/``; the page templates are in ``pages/``.
"""

from __future__ import annotations

import time
from pathlib import Path
from string import Template
from typing import Any

from tests.browser.conftest import PageServer, require_package

PAGES = Path(__file__).parent / "pages"
KLARO = "klaro/dist/klaro.js"
COOKIECONSENT = "vanilla-cookieconsent/dist/cookieconsent.esm.js"


def cookie_names(page: Any) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies()}


def cookie_value(page: Any, name: str) -> str | None:
    for cookie in page.context.cookies():
        if cookie["name"] == name:
            return str(cookie["value"])
    return None


def set_cookies(page: Any, *names: str) -> None:
    """Set a cookie (value ``1``, path ``/``) for each name, as a page script would."""
    page.evaluate("names => { for (const n of names) document.cookie = n + '=1; path=/'; }", names)


def days_left(page: Any, name: str) -> float:
    """How many days the cookie ``name`` has left to live."""
    cookie = next(c for c in page.context.cookies() if c["name"] == name)
    return float(cookie["expires"] - time.time()) / 86400


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


def klaro_page(site: PageServer, catalogue: Any, lang: str, *, inline: bool = False) -> str:
    """A page loading the catalogue's klaroConfig (inline or as a file) and klaro.js."""
    require_package(KLARO)
    return _page(site, "klaro", export_text("klaro", catalogue), lang, inline=inline)


def cookieconsent_page(site: PageServer, catalogue: Any, lang: str, *, inline: bool = False) -> str:
    """A page running the catalogue's cookieconsent module (inline or as a file)."""
    require_package(COOKIECONSENT)
    module = for_automation(export_text("cookieconsent", catalogue))
    return _page(site, "cookieconsent", module, lang, inline=inline, module=True)


def _page(
    site: PageServer, name: str, script: str, lang: str, *, inline: bool, module: bool = False
) -> str:
    """``pages/<name>.html`` with the configuration ``script`` inline or as a file beside it."""
    kind = ' type="module"' if module else ""
    if inline:
        tag = f"<script{kind}>\n{script}</script>"
    else:
        site.put(f"/{name}-config.js", script)
        tag = f'<script{kind or " defer"} src="/{name}-config.js"></script>'
    html = (PAGES / f"{name}.html").read_text(encoding="utf-8")
    return site.put(f"/{name}.html", Template(html).substitute(lang=lang, config=tag))
