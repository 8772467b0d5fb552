"""Checks of a package's shape: module length, and how many modules share one folder."""

from __future__ import annotations

from pathlib import Path

MAX_LINES = 450
MAX_SIDE_BY_SIDE = 12


def line_count(file: Path) -> int:
    """Lines in ``file`` (a last line without a newline counts)."""
    return len(file.read_text(encoding="utf-8").splitlines())


def too_long(root: Path, limit: int = MAX_LINES) -> list[str]:
    """``path: N lines`` for every module under ``root`` longer than ``limit`` lines."""
    return [
        f"{file.relative_to(root.parent)}: {count} lines (at most {limit})"
        for file in sorted(root.rglob("*.py"))
        if (count := line_count(file)) > limit
    ]


def side_by_side(folder: Path) -> list[str]:
    """The modules directly in ``folder`` (``__init__.py`` included; sub-packages are not)."""
    return sorted(file.name for file in folder.glob("*.py"))
