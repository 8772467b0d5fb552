"""Staging for the editor's snapshot tests: a sample copied into a fixed folder name."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from consent_tui.core.session import Session
from consent_tui.ui.app import ConsentApp
from tests.conftest import SAMPLES
from tests.ui.helpers import ready, settle

SIZE = (120, 36)
Steps = Callable[[Any], Awaitable[None]]


def stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: str) -> ConsentApp:
    """The editor on a copy of ``sample``, opened by a relative path (no tmp path shown)."""
    folder = tmp_path / "site"
    folder.mkdir()
    shutil.copyfile(SAMPLES / sample, folder / sample)
    monkeypatch.chdir(folder)
    app = ConsentApp(Session.open(Path(sample)))
    app.recovery_delay = 3600
    return app


def steps(*keys: str, then: Steps | None = None) -> Steps:
    """``run_before``: wait for the editor, press ``keys``, run ``then``, settle, no blink."""

    async def run(pilot: Any) -> None:
        await ready(pilot)
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if then is not None:
            await then(pilot)
        await settle(pilot)
        for widget in pilot.app.screen.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause()

    return run
