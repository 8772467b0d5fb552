"""Pictures of the editor's views at 120x36 (browse, filter, sort, problems, preview)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consent_tui.core.store import delete_category, rename_category, set_cookie_field
from tests.ui.helpers import settle
from tests.ui.snapshots import SIZE, stage, steps


def test_services_view(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The news site's services: id, provider, function, category, party, cookies,
    problems; the first row selected; the footer lists the table's keys."""
    app = stage(tmp_path, monkeypatch, "news-site.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps())


def test_cookies_view(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cookie and storage item of the news site with service, duration, type
    and domain; the cursor three rows down."""
    app = stage(tmp_path, monkeypatch, "news-site.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("2", "down", "down", "down"))


def test_cookies_filtered_and_sorted(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cookies filtered with "13 months" (every word in any column) and sorted by name
    descending; the status line says "… of 27 cookies match" and the sort."""
    app = stage(tmp_path, monkeypatch, "news-site.toml")
    keys = ("2", "slash", *"13 months", "enter", "s", "S")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*keys))


def test_purposes_view(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Purposes with title, legal basis and the services using each."""
    app = stage(tmp_path, monkeypatch, "news-site.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("3"))


def test_categories_view(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Categories with title, whether consent is required and how many services."""
    app = stage(tmp_path, monkeypatch, "news-site.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("4"))


def test_policy_view(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The policy settings, one per row, with the languages each text is written in."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("5"))


async def _break_two(pilot: Any) -> None:
    cat = pilot.app.session.catalogue
    cat = set_cookie_field(cat, "ods-csrf", 0, "duration", "forever")
    cat = rename_category(cat, "necessary", "essential")
    cat = delete_category(cat, "essential")
    pilot.app.session.apply(cat, "Break things")


def test_problems_view(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems after two edits (an unreadable duration, services left without a
    category): counted in the header and the tab, the selected one explained below."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("6", then=_break_two))


def test_services_with_problems(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The services table after the same edits: problem counts marked ✗ in red, the
    title marked ● for unsaved changes."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(then=_break_two))


def test_preview_view(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Markdown export of the opendatasoft catalogue in French, rendered in the
    terminal, scrolled to its end: the last rows of a cookie table (cells wrapped to fit),
    headings in the theme's colours, underlined links."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")

    async def french_then_end(pilot: Any) -> None:
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("end")

    assert snap_compare(app, terminal_size=SIZE, run_before=steps("7", then=french_then_end))
