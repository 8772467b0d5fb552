"""The shared browser fixtures: how long Chromium lives, what the local server serves."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import PageServer


def test_the_browser_lives_for_one_module_only(request: pytest.FixtureRequest) -> None:
    """Playwright's sync API keeps an event loop running while open: a browser kept for
    the session breaks every asyncio test that runs after it (tests/ui)."""
    definitions = request._fixturemanager.getfixturedefs("browser", request.node)
    assert definitions and definitions[-1].scope == "module"


def test_the_server_serves_pages_and_nothing_outside_node_modules(site: PageServer) -> None:
    url = site.put("/a page.html", "<p>hi</p>")
    with urllib.request.urlopen(url.replace(" ", "%20")) as response:
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert response.read() == b"<p>hi</p>"
    for path in ("/missing.html", "/node_modules/../pyproject.toml"):
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(site.base + path)
        assert caught.value.code == 404
