"""Leaving safely: SIGTERM, SIGHUP and crashes write the recovery copy first.

:class:`SignalGuard` installs handlers for SIGTERM and SIGHUP (main thread
only). The handler itself does almost nothing: it schedules the app's
callback on the running event loop (``call_soon_threadsafe`` wakes it up), so
the recovery copy is written and the app exits through Textual's normal path,
which restores the terminal. A second signal while that is under way writes
the copy synchronously and lets the default action end the process, and a
watchdog thread (:func:`exit_soon`) writes the copy and ends the process if
the app has not exited a few seconds later (a shutdown that hangs on a
vanished terminal).
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from consent_tui import __version__, paths

TERMINATING: tuple[signal.Signals, ...] = tuple(
    sig for sig in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if sig
)


class SignalGuard:
    """Route SIGTERM/SIGHUP to ``on_signal(signum)`` on the event loop."""

    def __init__(self, on_signal: Callable[[int], None], emergency: Callable[[], object]) -> None:
        self.on_signal = on_signal
        self.emergency = emergency
        self.received: int | None = None
        self.grace = 3.0
        self.watchdog: threading.Timer | None = None
        self._previous: dict[signal.Signals, Any] = {}

    def install(self) -> bool:
        """Install the handlers; ``False`` when not in the main thread."""
        if threading.current_thread() is not threading.main_thread():
            return False
        for sig in TERMINATING:
            self._previous[sig] = signal.signal(sig, self._handle)
        return True

    def restore(self) -> None:
        """Put back the handlers that were there before."""
        if threading.current_thread() is not threading.main_thread():
            return
        for sig, previous in self._previous.items():
            signal.signal(sig, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.received is not None:  # asked twice: stop waiting for the app
            self.emergency()
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        self.received = signum
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is not None and loop.is_running():
            loop.call_soon_threadsafe(self.on_signal, signum)
            # If the loop is stuck (a shutdown blocked on a vanished terminal), a
            # watchdog thread writes the copy and ends the process.
            self.watchdog = exit_soon(128 + signum, self.grace, before=self.emergency)
        else:
            self.emergency()
            raise SystemExit(128 + signum)


def exit_soon(
    code: int, seconds: float = 3.0, *, before: Callable[[], object] | None = None
) -> threading.Timer:
    """End the process with ``code`` if it is still running ``seconds`` from now.

    After a hangup the terminal is gone and Textual's shutdown can block on
    output nobody reads (its writer thread dies on the first failed write and
    the queue to it stays full). ``before`` (writing the recovery copy; it is
    thread-safe) runs first, so ending the process then loses nothing.
    """

    def end() -> None:
        try:
            if before is not None:
                before()
        finally:
            os._exit(code)

    timer = threading.Timer(seconds, end)
    timer.daemon = True
    timer.start()
    return timer


def crash_log() -> Path:
    """Where the details of an unexpected error go."""
    return paths.crash_log()


def write_crash_log(error: BaseException) -> Path | None:
    """Write ``error``'s traceback to :func:`crash_log`; ``None`` if that fails."""
    target = crash_log()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        text = "".join(traceback.format_exception(error))
        target.write_text(f"consent-tui {__version__} crashed at {stamp}\n\n{text}", "utf-8")
    except OSError:
        return None
    return target
