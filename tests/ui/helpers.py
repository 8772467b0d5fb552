"""Helpers for the editor's Pilot tests: open a copy of a sample, read the screen."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from consent_tui.core.session import Session
from consent_tui.ui.app import ConsentApp
from consent_tui.ui.screens.editor import EditorScreen
from tests.conftest import SAMPLES

SIZE = (120, 36)


def copy_sample(tmp_path: Path, name: str = "opendatasoft.toml") -> Path:
    target = tmp_path / name
    shutil.copyfile(SAMPLES / name, target)
    return target


def make_app(path: Path) -> ConsentApp:
    """The editor on ``path``, with recovery copies out of the way."""
    app = ConsentApp(Session.open(path))
    app.recovery_delay = 3600
    return app


def editor(app: Any) -> EditorScreen:
    screen = app.editor
    assert isinstance(screen, EditorScreen)
    return screen


def screen_text(app: Any) -> str:
    """What the terminal shows, as plain text (one line per row)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip if not seg.control) for strip in strips)


def raw_output(app: Any) -> str:
    """Every character sent for the current frame (to look for escape sequences)."""
    strips = app.screen._compositor.render_strips()
    return "".join(seg.text for strip in strips for seg in strip)


async def ready(pilot: Any) -> None:
    """Wait until the editor screen shows (or the app settles on another screen)."""
    for _ in range(500):
        await pilot.pause()
        if isinstance(pilot.app.screen, EditorScreen):
            break
        if not pilot.app.workers and len(pilot.app.screen_stack) > 1:
            break  # a dialog or the start screen, not on the way to the editor
        await pilot.pause(0.01)
    await pilot.pause()


def busy(app: Any) -> bool:
    """Whether a validation or preview render is scheduled or running, or a view scrolls."""
    if any(not worker.is_finished for worker in app.workers):
        return True
    if app.animator._animations or app.animator._scheduled:
        return True
    for screen in app.screen_stack:
        if getattr(screen, "pending", False):
            return True
        if any(view.pending for view in screen.query(".preview-view")):
            return True
    return False


async def settle(pilot: Any) -> None:
    """Wait until scheduled validation and preview renders, background workers,
    animations and the messages they post have all run (no fixed sleeps)."""
    app = pilot.app
    for _ in range(1000):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        if not busy(app):
            break
        await pilot.pause(0.02)
    await pilot.pause()
