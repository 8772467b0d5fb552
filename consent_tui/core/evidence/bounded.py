"""Read an evidence file safely: regular files only, a size cap, never a hang.

A FIFO, a device or a socket is refused before it is opened (``stat``), and
the file is opened non-blocking and checked again (``fstat``), so one swapped
in between cannot block the read. The size is capped before and during the
read (``st_size`` of special files says nothing), and the bytes are read
straight into one buffer, without a second copy.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

from consent_tui.core.evidence.errors import EvidenceError, NotEvidenceError

MAX_BYTES = 1024 * 1024 * 1024  # 1 GiB: a HAR of a long session with bodies stays below
CHUNK = 4 * 1024 * 1024

Progress = Callable[[str, int, int], None]  # (what, done, total)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _too_big(path: str, size: int, limit: int) -> EvidenceError:
    return EvidenceError(
        f"the file is too big ({size_text(size)}; evidence files above "
        f"{size_text(limit)} are not read)",
        path=path,
    )


def size_text(size: int) -> str:
    """``1,234 bytes`` or ``12.3 MiB``."""
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    return f"{size / 1024 / 1024:,.1f} MiB"


def _os_error(path: str, exc: OSError) -> EvidenceError:
    if isinstance(exc, FileNotFoundError):
        return EvidenceError("no such file or folder", path=path)
    if isinstance(exc, PermissionError):
        return EvidenceError("permission denied", path=path)
    return EvidenceError(f"cannot read it: {exc.strerror or exc}", path=path)


def check_path(path: str) -> os.stat_result:
    """``stat`` of ``path``, refusing what is neither a regular file nor a folder."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_error(path, exc) from None
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise NotEvidenceError(f"is {_kind(info.st_mode)}, not an evidence file", path=path)
    return info


def read_bytes(path: str, progress: Progress | None = None, limit: int | None = None) -> bytearray:
    """The bytes of the regular file ``path`` (at most ``limit``), or :class:`EvidenceError`."""
    cap = MAX_BYTES if limit is None else limit
    info = check_path(path)
    if stat.S_ISDIR(info.st_mode):
        raise EvidenceError("is a folder", path=path)
    if info.st_size > cap:
        raise _too_big(path, info.st_size, cap)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _os_error(path, exc) from None
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):
            raise NotEvidenceError(f"is {_kind(now.st_mode)}, not an evidence file", path=path)
        return _read_all(fd, now.st_size, cap, path, progress)
    except OSError as exc:
        raise _os_error(path, exc) from None
    finally:
        os.close(fd)


def _read_all(fd: int, expected: int, cap: int, path: str, progress: Progress | None) -> bytearray:
    total = max(expected, 1)
    buffer = bytearray(expected + 1)
    size = 0
    with memoryview(buffer) as view:
        while size < len(buffer):
            got = os.readv(fd, [view[size : size + CHUNK]])
            if not got:
                break
            size += got
            if progress is not None:
                progress("reading", min(size, total), total)
    while size == len(buffer):  # the file grew while it was read
        more = os.read(fd, CHUNK)
        if not more:
            break
        buffer += more
        size += len(more)
        if size > cap:
            raise _too_big(path, size, cap)
    if size > cap:
        raise _too_big(path, size, cap)
    del buffer[size:]
    return buffer
