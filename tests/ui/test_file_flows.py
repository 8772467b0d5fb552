"""The file lifecycle through the real editor: save, quit guard, changed on disk,
recovery, parse errors, the start screen and ctrl+o; asserting on the model and
on the saved file's exact text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from consent_tui.core.fileio import atomic
from consent_tui.core.model import replace
from consent_tui.core.session import Session, recent, recovery
from consent_tui.ui.app import ConsentApp
from consent_tui.ui.dialogs.file_choice import ChangedOnDiskDialog, QuitDialog, ReplaceDialog
from consent_tui.ui.dialogs.file_open import OpenDialog
from consent_tui.ui.dialogs.file_parse_error import ParseErrorScreen
from consent_tui.ui.dialogs.file_recovery import RecoveryDialog
from consent_tui.ui.launch import open_app
from consent_tui.ui.screens.editor import EditorScreen
from consent_tui.ui.screens.start import StartScreen
from tests.conftest import SAMPLES

SIZE = (120, 36)
ORIGINAL = (SAMPLES / "opendatasoft.toml").read_text(encoding="utf-8")
DURATION = 'duration = "2 weeks"   # Django\'s SESSION_COOKIE_AGE default'
EDITED = ORIGINAL.replace(DURATION, DURATION.replace("2 weeks", "3 weeks"))
THEIRS = ORIGINAL.replace('controller = "Opendatasoft"', 'controller = "Opendatasoft SAS"')


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    target = tmp_path / "ods.toml"
    target.write_text(ORIGINAL, encoding="utf-8")
    return target


def set_duration(session: Session, duration: str) -> None:
    cat = session.catalogue
    service = cat.services["ods-auth"]
    cookie = replace(service.cookies[0], duration=duration)
    service = replace(service, cookies=(cookie, *service.cookies[1:]))
    session.apply(replace(cat, services={**cat.services, "ods-auth": service}), "Edit sessionid")


def open_editor(path: Path) -> ConsentApp:
    app = open_app(path)
    assert isinstance(app, ConsentApp)
    return app


async def test_save_writes_exactly_the_change(catalogue: Path) -> None:
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.session is not None
        set_duration(app.session, "3 weeks")
        assert app.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty
        assert catalogue.read_text(encoding="utf-8") == EDITED
        assert [n.message for n in app._notifications] == ["Saved ods.toml"]
        await pilot.press("ctrl+s")  # nothing left to save
        await pilot.pause()
        assert [n.message for n in app._notifications][-1] == (
            "No changes to save: ods.toml is up to date."
        )
    assert recovery.find(catalogue) is None


async def test_save_failure_is_reported_and_nothing_changes(
    catalogue: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FullDisk:
        @staticmethod
        def mkstemp(**_kw: object) -> tuple[int, str]:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "tempfile", FullDisk)
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.session is not None
        set_duration(app.session, "3 weeks")
        await pilot.press("ctrl+s")
        await pilot.pause()
        note = list(app._notifications)[-1]
        assert (note.title, note.severity) == ("Not saved", "error")
        assert note.message == (
            f"{catalogue}: cannot create a file in {catalogue.parent}: No space left on device"
        )
        assert app.session.dirty
    assert catalogue.read_text(encoding="utf-8") == ORIGINAL


async def test_quit_guard_save(catalogue: Path) -> None:
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        set_duration(app.session, "3 weeks")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
    assert catalogue.read_text(encoding="utf-8") == EDITED
    assert recovery.find(catalogue) is None


async def test_quit_guard_discard(catalogue: Path) -> None:
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        set_duration(app.session, "3 weeks")
        app.write_recovery_now()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert not app.is_running
    assert catalogue.read_text(encoding="utf-8") == ORIGINAL
    assert recovery.find(catalogue) is None


async def test_quit_guard_cancel(catalogue: Path) -> None:
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        set_duration(app.session, "3 weeks")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, EditorScreen)
        assert app.session.dirty
        assert app.session.catalogue.services["ods-auth"].cookies[0].duration == "3 weeks"
    assert catalogue.read_text(encoding="utf-8") == ORIGINAL


async def _changed_on_disk(
    catalogue: Path, answer: str, check: Callable[[Session], None] | None = None
) -> ConsentApp:
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        set_duration(app.session, "3 weeks")
        catalogue.write_text(THEIRS, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChangedOnDiskDialog)
        await pilot.press(answer)
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        if check is not None:
            check(app.session)
    return app


async def test_changed_on_disk_cancel(catalogue: Path) -> None:
    app = await _changed_on_disk(catalogue, "escape")
    assert catalogue.read_text(encoding="utf-8") == THEIRS
    assert app.session is not None and app.session.dirty


async def test_changed_on_disk_overwrite(catalogue: Path) -> None:
    app = await _changed_on_disk(catalogue, "o")
    assert catalogue.read_text(encoding="utf-8") == EDITED
    assert app.session is not None and not app.session.dirty


async def test_changed_on_disk_reload_keeps_the_work(catalogue: Path) -> None:
    def check(session: Session) -> None:
        assert not session.dirty
        assert session.catalogue.policy.controller == "Opendatasoft SAS"
        assert session.catalogue.services["ods-auth"].cookies[0].duration == "2 weeks"
        (kept,) = recovery.copies(catalogue)
        assert kept.kept and kept.text() == EDITED
        assert session.undo() == "Reload from disk"
        assert session.catalogue.services["ods-auth"].cookies[0].duration == "3 weeks"

    await _changed_on_disk(catalogue, "r", check)
    assert catalogue.read_text(encoding="utf-8") == THEIRS


async def test_reload_undo_save_asks_before_overwriting_their_change(catalogue: Path) -> None:
    """Changed on disk, Reload, ctrl+z, ctrl+s: the save asks; cancel writes nothing."""
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        set_duration(app.session, "3 weeks")
        catalogue.write_text(THEIRS, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")  # reload
        await pilot.pause()
        await pilot.press("ctrl+z", "ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChangedOnDiskDialog)
        assert "from before you reloaded it" in str(dialog.query_one("#message").render())
        await pilot.press("escape")
        await pilot.pause()
        assert catalogue.read_text(encoding="utf-8") == THEIRS
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")  # overwrite, knowingly
        await pilot.pause()
    assert catalogue.read_text(encoding="utf-8") == EDITED


async def test_recovery_restore_then_save(catalogue: Path) -> None:
    recovery.write(catalogue, EDITED, None)
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.session is not None and app.session.dirty
        assert app.session.catalogue.services["ods-auth"].cookies[0].duration == "3 weeks"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert catalogue.read_text(encoding="utf-8") == EDITED
    assert recovery.find(catalogue) is None


async def test_parse_error_fix_continue_and_save(tmp_path: Path) -> None:
    target = tmp_path / "broken.toml"
    target.write_text(ORIGINAL.replace('site_name = "Kering', "site_name = Kering"), "utf-8")
    app = open_editor(target)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ParseErrorScreen)
        assert screen.error.line == 7
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("home", *["right"] * len("site_name = "), "quotation_mark")
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.session is not None and app.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert target.read_text(encoding="utf-8") == ORIGINAL


async def test_start_screen_opens_a_recent_file(catalogue: Path) -> None:
    recent.add(catalogue)
    app = ConsentApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.session is not None and app.session.path == catalogue


async def test_ctrl_o_opens_another_file(catalogue: Path) -> None:
    other = catalogue.with_name("minimal.toml")
    other.write_bytes((SAMPLES / "minimal.toml").read_bytes())
    recent.add(other)
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # to the list; the second recent file
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.session is not None and app.session.path == other
        assert app.session.catalogue.policy.site_name == "Example Bakery"


async def test_a_crash_writes_the_recovery_copy(catalogue: Path) -> None:
    app = open_editor(catalogue)

    def boom() -> None:
        raise RuntimeError("simulated bug")

    with pytest.raises(RuntimeError, match="simulated bug"):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.session is not None
            set_duration(app.session, "3 weeks")
            app.call_later(boom)
            await pilot.pause()
    copy = recovery.find(catalogue)
    assert copy is not None and copy.text() == EDITED
    assert catalogue.read_text(encoding="utf-8") == ORIGINAL


async def test_save_as_moves_the_session_and_keeps_the_original(catalogue: Path) -> None:
    copy = catalogue.with_name("copy.toml")
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        set_duration(app.session, "3 weeks")
        app.action_save_as()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, OpenDialog)
        dialog.query_one(Input).value = str(copy)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.path == copy and not app.session.dirty
    assert copy.read_text(encoding="utf-8") == EDITED
    assert catalogue.read_text(encoding="utf-8") == ORIGINAL
    assert [f.path for f in recent.load()][:2] == [copy, catalogue]


async def test_save_as_over_an_existing_file_asks(catalogue: Path) -> None:
    other = catalogue.with_name("other.toml")
    other.write_text("# keep me\n", encoding="utf-8")
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_save_as()
        await pilot.pause()
        app.screen.query_one(Input).value = str(other)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplaceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert other.read_text(encoding="utf-8") == "# keep me\n"
        app.action_save_as()
        await pilot.pause()
        app.screen.query_one(Input).value = str(other)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert app.session is not None and app.session.path == other
    assert other.read_text(encoding="utf-8") == ORIGINAL


async def test_file_commands_in_the_palette(catalogue: Path) -> None:
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Save", "Save as…", "Reload from disk", "Open…", "New catalogue…", "Quit"):
            assert title in titles
        assert titles.count("Save") == 1


async def test_opening_another_file_with_unsaved_work_says_so(catalogue: Path) -> None:
    app = open_editor(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        set_duration(app.session, "3 weeks")
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one(Input).value = str(catalogue.with_name("new.toml"))
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, QuitDialog)
        assert (
            dialog.message == "ods.toml has unsaved changes. Save them before opening another file?"
        )
        await pilot.press("d")
        await pilot.pause()
        assert app.session.path == catalogue.with_name("new.toml") and app.session.is_new
    assert catalogue.read_text(encoding="utf-8") == ORIGINAL
    assert recovery.find(catalogue) is None
