"""Who else has a catalogue open: an advisory lock per file, held while an editor has it open.

The lock is ``<key>.lock`` in the recovery folder (the same key as the file's
recovery copies), locked with ``flock``: the system releases it when its
process ends, however it ends, so a crashed editor never leaves a stale lock.
The holder writes its process id into the file for the others' message. The
lock only warns: the store's check of the file on disk is what keeps one
editor's save from overwriting another's.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from consent_tui import paths
from consent_tui.core.session.recovery import key

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows: no lock, no warning
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Holder:
    """Another editor that has the file open."""

    pid: int | None  # None when it could not be read


class EditLock:
    """This editor's lock on one catalogue file; :meth:`release` it when the file is closed."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd: int | None = fd
        self.path = path

    @classmethod
    def take(cls, source: Path) -> tuple[EditLock | None, Holder | None]:
        """Lock ``source``: ``(lock, None)``, or ``(None, holder)`` when another editor has it.

        ``(None, None)`` when locking is not possible here (no ``flock``, a
        recovery folder that cannot be written): nothing to warn about.
        """
        if fcntl is None:
            return None, None
        path = cls.path_for(source)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError:
            return None, None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = Holder(_read_pid(fd))
            os.close(fd)
            return None, holder
        except OSError:
            os.close(fd)
            return None, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return cls(fd, path), None

    @staticmethod
    def path_for(source: Path) -> Path:
        """The lock file of ``source``."""
        return paths.recovery_dir() / f"{key(source)}.lock"

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the lock up (the file stays: removing it would race with a new holder)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)  # closing releases the flock


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
