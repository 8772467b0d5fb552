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
    """Wait until the editor screen shows."""
    for _ in range(100):
        await pilot.pause()
        if isinstance(pilot.app.screen, EditorScreen):
            break
    await pilot.pause()


async def settle(pilot: Any) -> None:
    """Let timers fire and background workers (validation, preview) finish."""
    for _ in range(3):
        await pilot.pause(0.35)
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
