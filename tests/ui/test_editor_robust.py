"""Robustness: errors become notifications; 10,000 cookies stay plain rows, not widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher

from benchmarks.generate import generate
from consent_tui.core.session import Session
from consent_tui.ui import flows
from consent_tui.ui.app import ConsentApp
from tests.ui.helpers import SIZE, copy_sample, editor, make_app, ready, screen_text, settle


async def test_an_unexpected_error_is_a_notification(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(flows, "duplicate_service", broken)
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        before = app.session.catalogue
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(app)
        assert "Something went wrong" in text and "RuntimeError: simulated bug" in text
        assert app.is_running and app.session.catalogue is before
        await pilot.press("2", "c")  # the editor still works
        await pilot.pause()
        assert app.session.catalogue is not before


async def test_ten_thousand_cookies_are_rows_not_widgets(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text(generate(10_000), encoding="utf-8")
    app = ConsentApp(Session.open(path))
    app.recovery_delay = 3600
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2")
        ed = editor(app)
        grid = ed.view("cookies").grid
        assert grid.total_count == 10_000
        assert len(list(app.screen.query("*"))) < 200  # no widget per row or cell
        await pilot.press("slash", *"service-00042")
        assert grid.row_count == 10
        await pilot.press("enter", "end")
        assert grid.cursor_key == "service-00042/9"
        await pilot.press("escape")
        assert grid.row_count == 10_000 and grid.cursor_key == "service-00042/9"
        await pilot.press("c")  # an edit rebuilds only the edited service's rows
        await pilot.pause()
        assert grid.total_count == 10_001
        assert grid.cursor_key == "service-00042/10"


async def test_no_view_is_mounted_once_the_screen_is_closing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting right after opening: the views still to mount are skipped (was a
    MountError from the background mounting, written to the crash log)."""
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await settle(pilot)
        ed = editor(app)
        await ed.query_one("#preview-view").remove()
        ed._mounting.pop("preview", None)
        assert ed.view("preview") is None
        monkeypatch.setattr(ContentSwitcher, "is_attached", property(lambda self: False))
        assert await ed.ensure_view("preview") is None
        await ed.action_show("preview")  # nothing to show, no error
        assert ed.view("preview") is None
