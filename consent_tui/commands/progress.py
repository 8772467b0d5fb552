"""A progress bar on standard error, drawn only on a terminal, at most ten times a second."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

_WIDTH = 24


class ProgressBar:
    """Callable as an evidence reader's progress callback: ``(what, done, total)``."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
        self.enabled = enabled
        self.label = ""
        self._last = 0.0
        self._drawn = False

    def start(self, label: str) -> None:
        """Name what is read next (a file name, already escaped)."""
        self.label = label if len(label) <= 40 else "…" + label[-39:]

    def __call__(self, what: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        share = min(max(done / total, 0.0), 1.0) if total else 1.0
        filled = round(share * _WIDTH)
        bar = "#" * filled + "-" * (_WIDTH - filled)
        self.stream.write(f"\r\x1b[2K{self.label} {what:<8} [{bar}] {share * 100:3.0f}%")
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        """Remove the bar from the terminal line."""
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False
