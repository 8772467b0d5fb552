"""Pictures of the file dialogs and the start screen at 120x36.

Each test stages one screen on a bare app with fixed times, a fixed home
folder (paths show as ``~/projects/...``) and UTC, so the pictures are stable.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from consent_tui.core.errors import CatalogueError
from consent_tui.core.session import recent, recovery
from consent_tui.core.store import Fingerprint, load_text
from consent_tui.ui.dialogs.file_choice import ChangedOnDiskDialog, QuitDialog, ReplaceDialog
from consent_tui.ui.dialogs.file_open import OpenDialog
from consent_tui.ui.dialogs.file_parse_error import ParseErrorScreen
from consent_tui.ui.dialogs.file_recovery import RecoveryDialog
from consent_tui.ui.screens.start import StartScreen
from tests.conftest import SAMPLES

SIZE = (120, 36)
NOW = 1_796_000_000.0  # 2026-11-30 00:53 UTC, the time these pictures pretend it is


class Stage(App[None]):
    """An app that shows one screen on top of a plain background."""

    def __init__(self, make: Callable[[], Screen[object]]) -> None:
        super().__init__()
        self.make = make

    def compose(self) -> ComposeResult:
        yield Static("(the editor)")

    def on_mount(self) -> None:
        self.push_screen(self.make())


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home folder with a projects folder, UTC time, the cwd inside it."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    projects = tmp_path / "projects"
    projects.mkdir()
    monkeypatch.chdir(projects)
    yield projects
    monkeypatch.undo()
    time.tzset()


def _copy(folder: Path, name: str, as_name: str | None = None) -> Path:
    target = folder / (as_name or name)
    target.write_bytes((SAMPLES / name).read_bytes())
    os.utime(target, (NOW - 7200, NOW - 7200))
    return target


def test_quit_dialog(snap_compare: Callable[..., bool]) -> None:
    """Quitting with unsaved changes: Save (focused), Discard, Cancel."""
    assert snap_compare(Stage(lambda: QuitDialog("shop.toml")), terminal_size=SIZE)


def test_changed_on_disk_dialog(snap_compare: Callable[..., bool]) -> None:
    """Saving over a file changed by someone else: Reload, Overwrite, Cancel (focused)."""
    assert snap_compare(Stage(lambda: ChangedOnDiskDialog("shop.toml")), terminal_size=SIZE)


def test_recovery_dialog(snap_compare: Callable[..., bool], home: Path) -> None:
    """Unsaved work found: when, a note, the diff of what restoring changes."""
    target = _copy(home, "minimal.toml", "shop.toml")
    text = target.read_text(encoding="utf-8")
    changed = text.replace('"Example Bakery"', '"Example Bakery & Co"').replace(
        'duration = "session"', 'duration = "1 year"'
    )
    base = Fingerprint.of(target, target.read_bytes())
    copy = recovery.write(target, changed, base, now=NOW - 180)
    assert snap_compare(
        Stage(lambda: RecoveryDialog(copy, "shop.toml", text, now=NOW)), terminal_size=SIZE
    )


def test_open_dialog(snap_compare: Callable[..., bool], home: Path) -> None:
    """Open: the path input (completing from the folder) and the recent files."""
    shop = _copy(home, "minimal.toml", "shop.toml")
    news = _copy(home, "news-site.toml")
    recent.add(shop, now=NOW - 3 * 3600)
    recent.add(news, now=NOW - 120)
    assert snap_compare(
        Stage(lambda: OpenDialog(base=home, now=NOW)), terminal_size=SIZE, press=list("ne")
    )


def _broken() -> tuple[Path, str, CatalogueError]:
    text = (SAMPLES / "minimal.toml").read_text(encoding="utf-8")
    text = text.replace('site_name = "Example Bakery"', 'site_name = "Example Bakery')
    path = Path("shop.toml")
    try:
        load_text(text, str(path))
    except CatalogueError as exc:
        return path, text, exc
    raise AssertionError("the text should not parse")


def test_parse_error_screen(snap_compare: Callable[..., bool]) -> None:
    """A file that does not parse: where, the lines around, open the raw text or quit."""
    path, text, error = _broken()
    assert snap_compare(Stage(lambda: ParseErrorScreen(path, text, error)), terminal_size=SIZE)


def test_parse_error_raw_text(snap_compare: Callable[..., bool]) -> None:
    """The raw text with the error line highlighted and the live status line."""
    path, text, error = _broken()
    assert snap_compare(
        Stage(lambda: ParseErrorScreen(path, text, error)), terminal_size=SIZE, press=["o"]
    )


def test_start_screen(snap_compare: Callable[..., bool], home: Path) -> None:
    """consent-tui without a file: recent files (one with unsaved work), the actions."""
    shop = _copy(home, "minimal.toml", "shop.toml")
    news = _copy(home, "news-site.toml")
    recent.add(shop, now=NOW - 86400 * 2)
    recent.add(news, now=NOW - 600)
    recovery.write(shop, "unsaved", None, now=NOW - 300)
    recovery.write(home / "gone.toml", "unsaved", None, now=NOW - 300)
    assert snap_compare(Stage(lambda: StartScreen(now=NOW)), terminal_size=SIZE)


def test_start_screen_first_run(snap_compare: Callable[..., bool], home: Path) -> None:
    """The first run: no recent files yet; New catalogue is focused."""
    assert snap_compare(Stage(lambda: StartScreen(now=NOW)), terminal_size=SIZE)


def test_replace_dialog(snap_compare: Callable[..., bool]) -> None:
    """Save as over an existing file: Replace or Cancel (focused)."""
    assert snap_compare(Stage(lambda: ReplaceDialog("~/projects/shop.toml")), terminal_size=SIZE)


def test_changed_on_disk_deleted(snap_compare: Callable[..., bool]) -> None:
    """Saving a file that was deleted meanwhile: Overwrite or Cancel, no Reload."""
    assert snap_compare(
        Stage(lambda: ChangedOnDiskDialog("shop.toml", deleted=True)), terminal_size=SIZE
    )
