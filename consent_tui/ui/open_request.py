"""What to open: a path, or a new file with its starting text.

A module of its own so that the app can name it without importing the start
screen and its dialogs before the first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """Open ``path``; with ``text``, as a new file holding that text."""

    path: Path
    text: str | None = None
