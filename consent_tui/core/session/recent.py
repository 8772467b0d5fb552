"""Recently opened catalogues, remembered in ``paths.recent_file()`` (JSON).

Most recent first, at most :data:`LIMIT` entries; files that no longer exist
are dropped when the list is read. A damaged list is treated as empty.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consent_tui import paths

LIMIT = 12
FORMAT = 1


@dataclass(frozen=True, slots=True)
class RecentFile:
    """A catalogue opened before, and when (seconds since the epoch)."""

    path: Path
    opened: float


def _absolute(path: str | os.PathLike[str]) -> Path:
    return Path(path).expanduser().absolute()


def _read() -> list[RecentFile]:
    try:
        data: Any = json.loads(paths.recent_file().read_text(encoding="utf-8"))
        entries = data["files"] if isinstance(data, dict) else []
        return [
            RecentFile(Path(str(entry["path"])), float(entry.get("opened", 0)))
            for entry in entries
            if isinstance(entry, dict) and entry.get("path")
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _write(files: list[RecentFile]) -> None:
    target = paths.recent_file()
    data = {"format": FORMAT, "files": [{"path": str(f.path), "opened": f.opened} for f in files]}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass  # remembering recent files is a convenience, never an error


def load() -> list[RecentFile]:
    """The recent files that still exist, most recent first."""
    files = _read()
    existing = [f for f in files if f.path.is_file()]
    if len(existing) != len(files):
        _write(existing)
    return existing


def add(path: str | os.PathLike[str], *, now: float | None = None) -> list[RecentFile]:
    """Put ``path`` first in the list (once) and return the new list."""
    target = _absolute(path)
    entry = RecentFile(target, time.time() if now is None else now)
    files = [entry, *(f for f in _read() if f.path != target)][:LIMIT]
    _write(files)
    return files


def remove(path: str | os.PathLike[str]) -> None:
    """Forget ``path``."""
    target = _absolute(path)
    files = _read()
    kept = [f for f in files if f.path != target]
    if len(kept) != len(files):
        _write(kept)


def clear() -> None:
    with contextlib.suppress(OSError):
        paths.recent_file().unlink()
