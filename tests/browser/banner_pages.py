"""Pages that run a catalogue's banner configuration in the real Klaro or vanilla-cookieconsent.

The libraries come from the project's npm packages (``npm ci``), served by the
``site`` fixture under ``/node_modules/``; the page templates are in ``pages/``.
"""

from __future__ import annotations

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
    config = export_text("klaro", catalogue)
    if inline:
        tag = f"<script>\n{config}</script>"
    else:
        site.put("/klaro-config.js", config)
        tag = '<script defer src="/klaro-config.js"></script>'
    html = (PAGES / "klaro.html").read_text(encoding="utf-8")
    return site.put("/klaro.html", Template(html).substitute(lang=lang, config=tag))


def cookieconsent_page(site: PageServer, catalogue: Any, lang: str, *, inline: bool = False) -> str:
    """A page running the catalogue's cookieconsent module (inline or as a file)."""
    require_package(COOKIECONSENT)
    module = for_automation(export_text("cookieconsent", catalogue))
    if inline:
        tag = f'<script type="module">\n{module}</script>'
    else:
        site.put("/cookieconsent-config.js", module)
        tag = '<script type="module" src="/cookieconsent-config.js"></script>'
    html = (PAGES / "cookieconsent.html").read_text(encoding="utf-8")
    return site.put("/cookieconsent.html", Template(html).substitute(lang=lang, config=tag))
