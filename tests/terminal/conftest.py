"""A real terminal for end-to-end tests: consent-tui inside a private tmux server.

Each test gets its own tmux server (``tmux -L <name>``), its own config and
state folders, and helpers to type keys and wait for text on the screen with
a bounded wait. Without tmux the tests skip, except under ``CI=true`` where a
missing tmux fails the run (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

WIDTH, HEIGHT = 120, 36
WAIT = 30.0  # seconds: the longest any expected screen may take (slow shared machines)


def consent_tui_command() -> list[str]:
    """The installed ``consent-tui`` script of this environment, else ``python -m``."""
    script = Path(sys.executable).with_name("consent-tui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "consent_tui"]


class Terminal:
    """One tmux session on a private server."""

    def __init__(self, home: Path) -> None:
        self.server = f"consent-tui-test-{uuid.uuid4().hex[:8]}"
        self.name = "t"
        self.home = home
        self.env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        self.env.pop("TMUX", None)
        self.env.pop("CI", None)  # the editor does not behave differently under CI
        self.started = False

    def tmux(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.server, *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
            timeout=20,
        )
        if check and out.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {out.stderr.strip()}")
        return out.stdout

    def start(self, command: str) -> None:
        """Run ``command`` (a shell command line) in a 120x36 window."""
        self.tmux(
            "-f", "/dev/null",
            "new-session", "-d", "-s", self.name, "-x", str(WIDTH), "-y", str(HEIGHT),
            "-c", str(ROOT), command,
        )  # fmt: skip
        self.started = True
        self.tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def keys(self, *keys: str) -> None:
        """Send tmux key names (``Enter``, ``C-s``, ``Tab``) or literal text via ``-l``."""
        for key in keys:
            self.tmux("send-keys", "-t", self.name, key)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def screen(self, *, joined: bool = False) -> str:
        """The visible screen; ``joined`` joins lines the terminal wrapped."""
        return self.tmux("capture-pane", "-p", *(["-J"] if joined else []), "-t", self.name)

    def flag(self, name: str) -> str:
        """A tmux format variable of the pane (``alternate_on``, ``pane_dead`` ...)."""
        return self.tmux("display-message", "-p", "-t", self.name, f"#{{{name}}}").strip()

    def wait_for(self, text: str, timeout: float = WAIT) -> str:
        """Poll the screen until ``text`` shows; fail with the last screen if it does not."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear within {timeout:.0f}s; screen:\n{screen}")

    def wait_until(self, predicate: object, what: str, timeout: float = WAIT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if callable(predicate) and predicate():
                return
            time.sleep(0.1)
        raise AssertionError(f"{what} did not happen within {timeout:.0f}s:\n{self.screen()}")

    def pane_pid(self) -> int:
        return int(self.flag("pane_pid"))

    def close(self) -> None:
        if self.started:
            self.tmux("kill-server", check=False)


def shell_quote(parts: list[str]) -> str:
    return " ".join(shlex.quote(p) for p in parts)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tmux is required under CI=true (.ci/run installs it)")
        pytest.skip("tmux is not installed: the real-terminal tests need it")
    term = Terminal(tmp_path / "home")
    try:
        yield term
    finally:
        term.close()
