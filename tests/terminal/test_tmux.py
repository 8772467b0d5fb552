"""consent-tui in a real terminal (tmux): keys in, screen out, the file on disk.

The editing test navigates to the cookies view, edits a cookie's duration in
its form, saves and quits, then compares the file with the exact expected
text. The signal tests kill the editor with SIGTERM / SIGHUP right after an
edit and check that the recovery copy holds the edit and that the terminal
was given back in its normal state (cooked mode, main screen, no mouse
reporting).
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from consent_tui.core.session import recovery
from tests.conftest import SAMPLES
from tests.terminal.conftest import Terminal, consent_tui_command, shell_quote

ORIGINAL = (SAMPLES / "opendatasoft.toml").read_text(encoding="utf-8")
DURATION = 'duration = "2 weeks"   # Django\'s SESSION_COOKIE_AGE default'
EDITED = ORIGINAL.replace(DURATION, DURATION.replace("2 weeks", "3 weeks"))


def launch(terminal: Terminal, target: Path) -> None:
    """Start consent-tui on ``target``; after it exits, print its status and the tty mode."""
    run = shell_quote([*consent_tui_command(), str(target)])
    terminal.start(
        f"{run}; code=$?; printf '\\nexit=%s\\n' \"$code\"; "
        "stty -a | tr '\\n' ' '; printf '\\nEND\\n'; exec sleep 600"
    )
    terminal.wait_for("ods-auth")


def edit_the_session_cookie_duration(terminal: Terminal) -> None:
    """Cookies view, first cookie (sessionid), its form, Duration := 3 weeks, keep it."""
    terminal.keys("2")
    terminal.wait_for("sessionid")
    terminal.keys("e")
    terminal.wait_for("Edit cookie sessionid")
    # A key is routed to the widget focused when it arrives: wait for the form to focus
    # its first text field (Name) before pressing Tab, and for the cursor to reach the
    # Duration input before typing, as a person watching the screen would.
    terminal.wait_for("│ Duration ")
    lines = terminal.screen().splitlines()
    name_row = next(i for i, line in enumerate(lines) if "│ Name " in line)
    row = next(i for i, line in enumerate(lines) if "│ Duration " in line)
    terminal.wait_until(lambda: terminal.flag("cursor_y") == str(name_row), "focus on Name")
    terminal.keys("Tab", "Tab", "Tab", "Tab")  # type, domain, path, duration
    terminal.wait_until(lambda: terminal.flag("cursor_y") == str(row), "focus on Duration")
    terminal.keys("End", "C-u")
    # Textual runs a binding (ctrl+u) after the keys already queued: see the field empty
    # (its placeholder) before typing, or the clearing would land after the new text.
    terminal.wait_until(
        lambda: "session, 13 months" in terminal.screen().splitlines()[row], "clearing Duration"
    )
    terminal.type("3 weeks")
    terminal.wait_for("3 weeks")
    terminal.keys("C-s")  # the form's save: the change goes to the catalogue in memory
    terminal.wait_until(lambda: "Edit cookie" not in terminal.screen(), "closing the form")


def exited(terminal: Terminal) -> str:
    """Wait for the editor to end; the screen with wrapped lines joined."""
    terminal.wait_for("END")
    return terminal.screen(joined=True)


def assert_terminal_restored(terminal: Terminal, screen: str) -> None:
    stty = next(line for line in screen.splitlines() if line.startswith("speed "))
    words = set(stty.replace(";", " ").split())
    assert {"icanon", "echo", "icrnl"} <= words, stty  # cooked mode again
    assert terminal.flag("alternate_on") == "0"  # back on the main screen
    assert terminal.flag("mouse_any_flag") == "0"
    assert terminal.flag("mouse_standard_flag") == "0"
    assert terminal.flag("cursor_flag") == "1"  # the cursor is visible


def test_edit_a_duration_save_and_quit(terminal: Terminal, tmp_path: Path) -> None:
    target = tmp_path / "ods.toml"
    target.write_text(ORIGINAL, encoding="utf-8")
    launch(terminal, target)
    edit_the_session_cookie_duration(terminal)
    terminal.keys("C-s")
    terminal.wait_for("Saved ods.toml")
    assert target.read_text(encoding="utf-8") == EDITED
    terminal.keys("C-q")
    screen = exited(terminal)
    assert "exit=0" in screen
    assert target.read_text(encoding="utf-8") == EDITED
    assert_terminal_restored(terminal, screen)


def test_quit_guard_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    target = tmp_path / "ods.toml"
    target.write_text(ORIGINAL, encoding="utf-8")
    launch(terminal, target)
    edit_the_session_cookie_duration(terminal)
    terminal.keys("C-q")
    terminal.wait_for("has unsaved changes")
    terminal.keys("s")
    screen = exited(terminal)
    assert "exit=0" in screen
    assert target.read_text(encoding="utf-8") == EDITED


def _child_pid(terminal: Terminal) -> int:
    shell = terminal.pane_pid()
    children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
    assert len(children) == 1, children
    return int(children[0])


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_writes_the_recovery_copy_and_restores_the_terminal(
    terminal: Terminal, tmp_path: Path, signum: signal.Signals, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to find the editor's process")
    target = tmp_path / "ods.toml"
    target.write_text(ORIGINAL, encoding="utf-8")
    launch(terminal, target)
    edit_the_session_cookie_duration(terminal)
    os.kill(_child_pid(terminal), signum)  # at once: before the periodic copy is due
    screen = exited(terminal)
    assert f"exit={128 + signum}" in screen
    assert target.read_text(encoding="utf-8") == ORIGINAL
    monkeypatch.setenv("XDG_STATE_HOME", terminal.env["XDG_STATE_HOME"])
    (copy,) = recovery.copies(target)
    assert copy.text() == EDITED
    assert_terminal_restored(terminal, screen)


def test_closing_the_terminal_keeps_the_work(terminal: Terminal, tmp_path: Path) -> None:
    """The window goes away (tmux kills the session: SIGHUP, the tty closes)."""
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to follow the editor's process")
    target = tmp_path / "ods.toml"
    target.write_text(ORIGINAL, encoding="utf-8")
    launch(terminal, target)
    edit_the_session_cookie_duration(terminal)
    pid = _child_pid(terminal)
    terminal.tmux("kill-session", "-t", terminal.name)

    def ended() -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        return state in ("Z", "X")  # gone, or a zombie its vanished parent left

    terminal.wait_until(ended, "the editor's exit")
    assert target.read_text(encoding="utf-8") == ORIGINAL
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_STATE_HOME", terminal.env["XDG_STATE_HOME"])
        (copy,) = recovery.copies(target)
    assert copy.text() == EDITED


CRASHING = """
import sys
from pathlib import Path
from consent_tui.core.model import replace
from consent_tui.ui import launch

make = launch.open_app


def open_app(path):
    app = make(path)

    def edit_then_fail():
        session = app.session
        cat = session.catalogue
        service = cat.services["ods-auth"]
        cookie = replace(service.cookies[0], duration="3 weeks")
        service = replace(service, cookies=(cookie, *service.cookies[1:]))
        session.apply(replace(cat, services={**cat.services, "ods-auth": service}), "Edit")
        raise RuntimeError("a simulated [bold]bug[/]")

    app.call_after_refresh(lambda: app.set_timer(0.5, edit_then_fail))
    return app


launch.open_app = open_app
sys.exit(launch.run_editor(Path(sys.argv[1])))
"""


def test_a_crash_keeps_the_work_and_says_where(terminal: Terminal, tmp_path: Path) -> None:
    """An unexpected error: a short message (no traceback), the work in recovery, a log."""
    target = tmp_path / "ods.toml"
    target.write_text(ORIGINAL, encoding="utf-8")
    script = tmp_path / "crashing.py"
    script.write_text(CRASHING, encoding="utf-8")
    import sys

    run = shell_quote([sys.executable, str(script), str(target)])
    terminal.start(f"{run}; printf '\\nexit=%s\\nEND\\n' \"$?\"; exec sleep 600")
    screen = exited(terminal)
    state = Path(terminal.env["XDG_STATE_HOME"]) / "consent-tui"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_STATE_HOME", terminal.env["XDG_STATE_HOME"])
        (copy,) = recovery.copies(target)
    assert copy.text() == EDITED
    assert target.read_text(encoding="utf-8") == ORIGINAL
    assert "exit=1" in screen
    assert "Traceback" not in screen
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[:4] == [
        "consent-tui stopped on an unexpected error: a simulated [bold]bug[/]",
        f"Your unsaved work is kept in {copy.text_path};",
        "open the file again to restore it.",
        f"The details are in {state / 'crash.log'}.",
    ]
    log = (state / "crash.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: a simulated [bold]bug[/]" in log
