"""Replace a file's content atomically: the old file stays whole if anything fails.

One writer for every file consent-tui writes (catalogues, exported documents,
schemas). The bytes go to a temporary file in the same folder, are flushed and
synced, then ``os.replace`` swaps it in and the folder is synced. An existing
file keeps its mode (and owner, when run as root); a new one gets the usual
``0o666 & ~umask``, not the temporary file's private ``0o600``. A symlink is
followed and its target written. The temporary file never stays behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


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
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
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
