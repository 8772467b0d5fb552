"""FileActions on a bare host app: recovery offer, quit guard, parse error, open, start.

The host is the smallest app that inherits the mixin, so these tests pin the
file lifecycle apart from the editor's views; the flows through the real
editor are in ``test_file_flows.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Static

from consent_tui.core.model import replace
from consent_tui.core.session import Session, recent, recovery
from consent_tui.ui.dialogs.file_choice import QuitDialog
from consent_tui.ui.dialogs.file_open import OpenDialog
from consent_tui.ui.dialogs.file_parse_error import ParseErrorScreen, RawTextArea
from consent_tui.ui.dialogs.file_recovery import RecoveryDialog
from consent_tui.ui.file_actions import FILE_BINDINGS, FileActions
from consent_tui.ui.screens.start import OpenRequest, StartScreen
from tests.conftest import SAMPLES

SIZE = (120, 36)


class Host(FileActions, App[None]):
    """The mixin on an app with one label showing the open file."""

    BINDINGS = FILE_BINDINGS

    def __init__(self, request: OpenRequest | None = None) -> None:
        super().__init__()
        self.session: Session | None = None
        self.startup = request
        self.shown: list[Session] = []

    def compose(self) -> ComposeResult:
        yield Static("no file", id="body")

    def show_session(self, session: Session) -> None:
        self.shown.append(session)
        self.query_one("#body", Static).update(session.name)


def copy_sample(tmp_path: Path, name: str = "minimal.toml") -> Path:
    target = tmp_path / name
    target.write_bytes((SAMPLES / name).read_bytes())
    return target


def edit_provider(session: Session, provider: str) -> None:
    cat = session.catalogue
    service = replace(cat.services["cart"], provider=provider)
    session.apply(replace(cat, services={**cat.services, "cart": service}), "Edit cart")


def older(path: Path, seconds: float = 60) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - int(seconds * 1e9)))


async def test_opens_the_file_and_remembers_it(tmp_path: Path) -> None:
    target = copy_sample(tmp_path)
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None and app.session.path == target
        assert app.shown == [app.session]
        assert not app.session.dirty
    assert [f.path for f in recent.load()] == [target]


# -- quit guard


@pytest.mark.parametrize("answer", ["c", "escape"])
async def test_quit_guard_cancel_keeps_working(tmp_path: Path, answer: str) -> None:
    target = copy_sample(tmp_path)
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        edit_provider(app.session, "Typed")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press(answer)
        await pilot.pause()
        assert not isinstance(app.screen, QuitDialog)
        assert app.is_running and app.session.dirty
        await pilot.press("ctrl+q")  # asks again
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("ctrl+q")  # a second ctrl+q does not skip the question
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, QuitDialog)
    assert target.read_bytes() == (SAMPLES / "minimal.toml").read_bytes()


async def test_quit_guard_discard_quits_and_removes_the_recovery_copy(tmp_path: Path) -> None:
    target = copy_sample(tmp_path)
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        edit_provider(app.session, "Typed")
        assert app.write_recovery_now() is not None
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert not app.is_running
    assert target.read_bytes() == (SAMPLES / "minimal.toml").read_bytes()
    assert recovery.find(target) is None


async def test_quit_without_changes_does_not_ask(tmp_path: Path) -> None:
    app = Host(OpenRequest(copy_sample(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


# -- recovery offer


def _recovered_text(target: Path) -> str:
    return target.read_text(encoding="utf-8").replace(
        'provider = "Example Bakery"', 'provider = "Recovered Bakery"'
    )


async def test_recovery_restore(tmp_path: Path) -> None:
    target = copy_sample(tmp_path)
    older(target)
    recovery.write(target, _recovered_text(target), None)
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        assert app.screen.added == 1 and app.screen.removed == 1
        await pilot.press("r")
        await pilot.pause()
        session = app.session
        assert session is not None and session.dirty
        assert session.catalogue.services["cart"].provider == "Recovered Bakery"
        assert session.undo_label == "Restore unsaved work"
        copy = recovery.find(target)
        assert copy is not None and 'provider = "Recovered Bakery"' in copy.text()
    assert target.read_bytes() == (SAMPLES / "minimal.toml").read_bytes()


async def test_recovery_discard(tmp_path: Path) -> None:
    target = copy_sample(tmp_path)
    recovery.write(target, _recovered_text(target), None)
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.session is not None and not app.session.dirty
        assert app.session.catalogue.services["cart"].provider == "Example Bakery"
        assert not isinstance(app.screen, RecoveryDialog)
    assert recovery.find(target) is None


async def test_recovery_keep_for_later_survives_new_work(tmp_path: Path) -> None:
    target = copy_sample(tmp_path)
    recovery.write(target, _recovered_text(target), None)
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # escape = keep for later
        await pilot.pause()
        assert app.session is not None and not app.session.dirty
        edit_provider(app.session, "New work")
        app.write_recovery_now()
    texts = sorted(c.text() for c in recovery.copies(target))
    assert len(texts) == 2
    assert any('"Recovered Bakery"' in t for t in texts)
    assert any('"New work"' in t for t in texts)


async def test_unreadable_recovery_copy_is_kept(tmp_path: Path) -> None:
    target = copy_sample(tmp_path)
    recovery.write(target, "format_version = = 1\n", None)
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert app.session is not None and not app.session.dirty
    assert recovery.find(target) is not None


# -- parse errors


BROKEN = 'format_version = 1\n\n[policy]\nsite_name = "Shop\n'


async def test_parse_error_quit(tmp_path: Path) -> None:
    target = tmp_path / "broken.toml"
    target.write_text(BROKEN, encoding="utf-8")
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ParseErrorScreen)
        assert (screen.error.line, screen.error.col) == (4, 18)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 2 and app.session is None


async def test_a_very_long_line_keeps_the_message_and_buttons_on_screen(tmp_path: Path) -> None:
    """A 10,000-character line is cut around the error: the frame, message and buttons fit 80x24."""
    target = tmp_path / "minified.toml"
    long_value = "x" * 5000 + '" = 1 oops ' + "y" * 5000
    target.write_text(
        f'format_version = 1\n[policy]\nsite_name = "{long_value}\n', encoding="utf-8"
    )
    app = Host(OpenRequest(target))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ParseErrorScreen)
        for widget_id in ("#headline", "#where", "#frame", "#raw-open", "#quit"):
            region = screen.query_one(widget_id).region
            assert region.height > 0 and region.bottom <= 24, (widget_id, region)
        frame = str(screen.query_one("#frame").render())
        assert "…" in frame and len(max(frame.splitlines(), key=len)) < 120
        caret_line = next(line for line in frame.splitlines() if line.strip() == "^")
        number_line = next(line for line in frame.splitlines() if line.startswith(">"))
        line, col = screen.error.line, screen.error.col
        assert line is not None and col is not None
        source = target.read_text(encoding="utf-8").splitlines()[line - 1]
        assert number_line[caret_line.index("^")] == source[col - 1]  # the caret is on the error


async def test_parse_error_fix_the_raw_text_and_continue(tmp_path: Path) -> None:
    target = tmp_path / "broken.toml"
    target.write_text(BROKEN, encoding="utf-8")
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ParseErrorScreen)
        area = screen.query_one(RawTextArea)
        assert area.has_focus and area.error_line == 3
        assert area.cursor_location == (3, 17)
        await pilot.press("f5")  # still broken: stays
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("end", "quotation_mark")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert area.error_line is None
        await pilot.press("f5")
        await pilot.pause()
        session = app.session
        assert session is not None and session.dirty and not session.is_new
        assert session.catalogue.policy.site_name == "Shop"
        assert session.document.text == BROKEN.replace('"Shop\n', '"Shop"\n')
    assert target.read_text(encoding="utf-8") == BROKEN  # nothing written without a save


async def test_parse_error_save_raw_text(tmp_path: Path) -> None:
    target = tmp_path / "broken.toml"
    target.write_text(BROKEN, encoding="utf-8")
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("end", "quotation_mark", "ctrl+s")
        await pilot.pause()
        fixed = BROKEN.replace('"Shop\n', '"Shop"\n')
        assert target.read_text(encoding="utf-8") == fixed
        await pilot.press("f5")
        await pilot.pause()
        assert app.session is not None and not app.session.dirty


async def test_parse_error_quit_with_fixed_text_asks(tmp_path: Path) -> None:
    target = tmp_path / "broken.toml"
    target.write_text(BROKEN, encoding="utf-8")
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("end", "quotation_mark", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
    assert target.read_text(encoding="utf-8") == BROKEN.replace('"Shop\n', '"Shop"\n')


async def test_parse_error_with_a_recovery_copy_offers_it_first(tmp_path: Path) -> None:
    target = tmp_path / "broken.toml"
    good = (SAMPLES / "minimal.toml").read_text(encoding="utf-8")
    target.write_text(BROKEN, encoding="utf-8")
    older(target)
    recovery.write(target, good, None)
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        await pilot.press("r")
        await pilot.pause()
        session = app.session
        assert session is not None and session.dirty and session.document.text == good
        assert not isinstance(app.screen, ParseErrorScreen)


async def test_valid_toml_that_is_not_a_catalogue(tmp_path: Path) -> None:
    target = tmp_path / "pyproject.toml"
    target.write_text('[project]\nname = "x"\n', encoding="utf-8")
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ParseErrorScreen)
        assert screen.error.message.startswith("not a consent-tui catalogue")
        assert not screen.query("#frame")  # no line to show


async def test_unreadable_path_is_reported(tmp_path: Path) -> None:
    app = Host(OpenRequest(tmp_path))  # a folder
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        (note,) = app._notifications
        assert note.title == "Cannot open the file"
        assert note.message == f"{tmp_path}: is a folder, not a catalogue file"


# -- new files, open dialog, start screen


async def test_new_file_from_the_starter(tmp_path: Path) -> None:
    target = tmp_path / "my-shop.toml"
    app = Host(OpenRequest(target))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None and session.is_new and not session.dirty
        assert session.catalogue.policy.site_name == "my shop"
        (note,) = app._notifications
        assert note.title == "New catalogue"
        assert note.message == (
            "my-shop.toml does not exist yet: this is a starter catalogue. ctrl+s creates the file."
        )
        await pilot.press("ctrl+q")  # an untouched new file is not written
        await pilot.pause()
        assert not app.is_running
    assert not target.exists()


async def test_open_dialog_types_a_path(tmp_path: Path) -> None:
    first = copy_sample(tmp_path)
    second = copy_sample(tmp_path, "news-site.toml")
    app = Host(OpenRequest(first))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, OpenDialog)
        assert dialog.query_one(Input).value == f"{tmp_path}{os.sep}"
        await pilot.press(*"news", "right", "enter")  # right accepts the completion
        await pilot.pause()
        assert app.session is not None and app.session.path == second
    assert [f.path for f in recent.load()] == [second, first]


async def test_open_dialog_asks_about_unsaved_work_first(tmp_path: Path) -> None:
    first = copy_sample(tmp_path)
    second = copy_sample(tmp_path, "news-site.toml")
    recent.add(second)
    app = Host(OpenRequest(first))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        edit_provider(app.session, "Typed")
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("down", "enter")  # the recent list, second entry is first now
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("c")
        await pilot.pause()
        assert app.session.path == first and app.session.dirty


async def test_start_screen_lists_recent_files_and_opens_one(tmp_path: Path) -> None:
    first = copy_sample(tmp_path)
    second = copy_sample(tmp_path, "news-site.toml")
    recent.add(first, now=1)
    recent.add(second, now=2)
    recovery.write(first, "unsaved", None)
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        options = screen.query_one("#recent", OptionList)
        assert [options.get_option_at_index(i).id for i in range(2)] == [str(second), str(first)]
        assert "unsaved work" in str(options.get_option_at_index(1).prompt)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.session is not None and app.session.path == first
        assert isinstance(app.screen, RecoveryDialog)


async def test_start_screen_example_and_quit(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        session = app.session
        assert session is not None and session.is_new
        assert session.path == tmp_path / "opendatasoft-example.toml"
        assert session.document.text == (SAMPLES / "opendatasoft.toml").read_text("utf-8")
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_start_screen_new_catalogue(tmp_path: Path) -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, OpenDialog)
        app.screen.query_one(Input).value = str(tmp_path / "fresh.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.is_new
        assert app.session.path == tmp_path / "fresh.toml"
