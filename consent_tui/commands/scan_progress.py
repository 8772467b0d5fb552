"""The scan's progress line on standard error: the state, the page, the URL; only on a terminal."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TextIO

from consent_tui.core.values import printable


class ProgressLine:
    """Callable as the scan's progress callback: ``(state, done, total, url)``.

    ``done`` is 0 while the banner's choice is being made on ``url``.
    """

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
        self.enabled = enabled
        self._drawn = False

    def line(self, state: str, done: int, total: int, url: str, width: int) -> str:
        head = f"{state}: " + ("banner of " if done == 0 else f"page {done} of {total} ")
        room = max(width - len(head) - 1, 10)
        shown = printable(url)
        if len(shown) > room:
            shown = shown[: room - 1] + "…"
        return head + shown

    def __call__(self, state: str, done: int, total: int, url: str) -> None:
        if not self.enabled:
            return
        width = shutil.get_terminal_size((80, 24)).columns
        self.stream.write("\r\x1b[2K" + self.line(state, done, total, url, width))
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False
