"""Replace a file's content atomically: the old file stays whole if anything fails.

The bytes go to a temporary file in the same folder, are flushed and synced,
then ``os.replace`` swaps it in and the folder is synced. The file's mode (and
owner, when run as root) is kept; a symlink is followed and its target written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from consent_tui.core.errors import SaveError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (its symlink target) or raise :class:`SaveError`."""
    real = Path(os.path.realpath(path))
    folder = real.parent
    try:
        before: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        before = None
    except OSError as exc:
        raise SaveError(
            f"cannot read the file's details: {exc.strerror or exc}", path=str(path)
        ) from None
    if before is not None and stat.S_ISDIR(before.st_mode):
        raise SaveError("is a folder, not a catalogue file", path=str(path))
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SaveError(f"cannot create a file in {folder}: {reason}", path=str(path)) from None
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
        raise SaveError(f"cannot write the file: {exc.strerror or exc}", path=str(path)) from None
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
