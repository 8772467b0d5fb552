"""Replace a file's content atomically: the old file stays whole if anything fails.

One writer for every file consent-tui writes (catalogues, exported documents,
schemas). The bytes go to a temporary file in the same folder, are flushed and
synced, then ``os.replace`` swaps it in and the folder is synced. An existing
file keeps its mode (and owner, when run as root); a new one gets the usual
``0o666 & ~umask``, not the temporary file's private ``0o600``. A symlink is
followed and its target written. The temporary file never stays behind; one
left by a process killed mid-write (its name holds the writer's process id)
is removed by the next write, or by :func:`remove_stale_temps`.

Only regular files are replaced: a target that is a device, a FIFO or a socket
is refused here (:func:`consent_tui.core.fileio.write_output` writes those by
opening them).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from consent_tui.core.fileio.processes import alive


class WriteError(OSError):
    """Writing failed and the file is unchanged.

    ``reason`` (also its ``strerror``) says at which step and why: ``cannot
    create a file in /x: Permission denied``.
    """

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(code, reason)
        self.reason = reason


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _failed(exc: OSError, step: str) -> WriteError:
    return WriteError(exc.errno or errno.EIO, f"{step}: {exc.strerror or exc}")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (its symlink target) or raise :class:`WriteError`."""
    real = Path(os.path.realpath(path))
    folder = real.parent
    try:
        before: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        before = None
    except OSError as exc:
        raise _failed(exc, "cannot read the file's details") from None
    if before is not None and stat.S_ISDIR(before.st_mode):
        raise WriteError(errno.EISDIR, "is a folder, not a file")
    if before is not None and not stat.S_ISREG(before.st_mode):
        raise WriteError(errno.EINVAL, "is not a regular file; it is never replaced")
    remove_stale_temps(real)
    try:
        fd, temp = tempfile.mkstemp(
            prefix=_temp_prefix(real, os.getpid()), suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise _failed(exc, f"cannot create a file in {folder}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if before is not None:
            os.chmod(temp, stat.S_IMODE(before.st_mode))
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                os.chown(temp, before.st_uid, before.st_gid)
        else:
            os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise _failed(exc, "cannot write the file") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _temp_prefix(real: Path, pid: int) -> str:
    return f".{real.name}.{pid}."


_STALE_AGE = 3600  # seconds: a temporary file without a process id is stale after this


def remove_stale_temps(path: Path) -> int:
    """Remove the temporary files that dead writers left beside ``path``; how many went.

    A temporary file is ``.NAME.PID.XXXX.tmp``: it is stale when no process
    ``PID`` runs. One without a process id (written by an older consent-tui) is
    stale when it is over an hour old.
    """
    real = Path(os.path.realpath(path))
    removed = 0
    try:
        names = [n for n in os.listdir(real.parent) if n.startswith(f".{real.name}.")]
    except OSError:
        return 0
    shape = re.compile(rf"\.{re.escape(real.name)}\.(?:(\d+)\.)?[a-z0-9_]{{8}}\.tmp")
    for name in names:
        match = shape.fullmatch(name)
        candidate = real.parent / name
        if match is None or not _is_stale(candidate, match.group(1) or ""):
            continue
        with contextlib.suppress(OSError):
            candidate.unlink()
            removed += 1
    return removed


def _is_stale(candidate: Path, pid_text: str) -> bool:
    if pid_text.isdigit():
        return not alive(int(pid_text))
    try:
        return time.time() - candidate.lstat().st_mtime > _STALE_AGE
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some systems cannot open or sync a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
