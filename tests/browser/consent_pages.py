"""Pages with Google tags, for the consent mode and storage tests of the banner exports.

The page's own ``gtag`` records every call, in order, as plain data (``window.__calls``),
before any consent-tui script runs; then come the banner's configuration (a classic
script for Klaro, the ES module for cookieconsent), optionally the standalone
``consent-mode`` snippet first, and a Google tag: one the page runs at once (consent
mode "advanced") or one the banner holds back until consent ("basic").
"""

from __future__ import annotations

from typing import Any

from tests.browser.banner_pages import COOKIECONSENT, KLARO, export_text, for_automation
from tests.browser.conftest import PageServer, require_package

RECORDER = """<script>
  window.__alerts = [];
  window.alert = (message) => { window.__alerts.push(String(message)); };
  window.__calls = [];
  window.gtag = function () { window.__calls.push(JSON.parse(JSON.stringify([...arguments]))); };
</script>"""
PAGE_TAG = '<script>gtag("js", "page"); gtag("config", "G-PAGE");</script>'


def klaro_tag_page(site: PageServer, catalogue: Any, lang: str, *, snippet: bool = False) -> str:
    """Klaro: the configuration loaded as a classic script (not deferred), a page tag, Klaro."""
    require_package(KLARO)
    site.put("/klaro-config.js", export_text("klaro", catalogue))
    head = [RECORDER]
    if snippet:
        head.append(f"<script>\n{export_text('consent-mode', catalogue)}</script>")
    head += [
        '<script src="/klaro-config.js"></script>',
        PAGE_TAG,
        '<script defer src="/node_modules/klaro/dist/klaro.js"></script>',
    ]
    return site.put("/klaro.html", _html(lang, head))


def cc_tag_page(
    site: PageServer, catalogue: Any, lang: str, *, snippet: bool = False, held: str = ""
) -> str:
    """cookieconsent: the snippet (and a page tag after it) when asked, then the module.

    ``held`` is a category whose Google tag the library runs only once it is accepted.
    """
    require_package(COOKIECONSENT)
    site.put("/cookieconsent-config.js", for_automation(export_text("cookieconsent", catalogue)))
    css = "/node_modules/vanilla-cookieconsent/dist/cookieconsent.css"
    head = [RECORDER, f'<link rel="stylesheet" href="{css}">']
    if snippet:
        head += [f"<script>\n{export_text('consent-mode', catalogue)}</script>", PAGE_TAG]
    head += [
        '<script type="importmap">{"imports": {"vanilla-cookieconsent": '
        f'"/node_modules/{COOKIECONSENT}"}}}}</script>',
        '<script type="module" src="/cookieconsent-config.js"></script>',
    ]
    if held:
        head.append(
            f'<script type="text/plain" data-category="{held}">gtag("config", "G-HELD");</script>'
        )
    return site.put("/cookieconsent.html", _html(lang, head))


def _html(lang: str, head: list[str]) -> str:
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        + "\n".join(head)
        + "\n</head>\n<body><main><h1>A page with Google tags</h1></main></body>\n</html>\n"
    )


def calls(page: Any) -> list[list[Any]]:
    """The page's gtag calls so far, in order."""
    found: list[list[Any]] = page.evaluate("() => window.__calls")
    return found


def consent_calls(page: Any, kind: str) -> list[dict[str, Any]]:
    """The arguments of the ``gtag('consent', kind, …)`` calls so far."""
    return [c[2] for c in calls(page) if c[:2] == ["consent", kind]]


def storage_keys(page: Any) -> tuple[set[str], set[str]]:
    """The page's localStorage and sessionStorage keys."""
    local, session = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]")
    return set(local), set(session)


def put_storage(page: Any, local: tuple[str, ...], session: tuple[str, ...]) -> None:
    """Store ``1`` under each key, as the services' own scripts would."""
    page.evaluate(
        "([l, s]) => { l.forEach(k => localStorage.setItem(k, '1'));"
        " s.forEach(k => sessionStorage.setItem(k, '1')); }",
        [list(local), list(session)],
    )
