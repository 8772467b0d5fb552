"""Bounded reads of regular files only: a FIFO, a device or a folder is refused before reading."""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO, Final

MIB: Final = 1024 * 1024


class FileError(OSError):
    """A file cannot be read or written; ``reason`` is a sentence for the user."""

    def __init__(self, reason: str, code: int = errno.EIO) -> None:
        super().__init__(code, reason)
        self.reason = reason


def _describe(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (a link that points back to itself?)"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    return exc.strerror or str(exc)


def size_text(size: int) -> str:
    """``size`` bytes in MiB, KiB or bytes, rounded down."""
    if size >= MIB:
        return f"{size // MIB} MiB"
    return f"{size // 1024} KiB" if size >= 1024 else f"{size} bytes"


def _too_big(limit: int) -> str:
    return f"larger than {size_text(limit)}, the most consent-tui reads"


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else :class:`FileError`.

    Opened without blocking (a FIFO is refused, not waited on), checked to be a
    regular file on the open descriptor, and read up to ``limit + 1`` bytes, so
    neither a special file nor a file that grows while read can exceed it.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileError(_reason(exc), exc.errno or errno.EIO) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileError(_describe(info.st_mode), errno.EINVAL)
        raise FileError(f"it is {size_text(info.st_size)}, {_too_big(limit)}", errno.EFBIG)
    with os.fdopen(fd, "rb") as handle:  # read what the file holds, not the whole cap
        return _read_capped(handle, limit, info.st_size)


def read_start(path: str | os.PathLike[str], size: int) -> bytes | None:
    """The first ``size`` bytes of a regular file; ``None`` for anything else or on error."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        return os.read(fd, size) if stat.S_ISREG(os.fstat(fd).st_mode) else None
    except OSError:
        return None
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of a stream (standard input), else :class:`FileError`."""
    return _read_capped(stream, limit)


def _read_capped(handle: BinaryIO, limit: int, expected: int | None = None) -> bytes:
    """At most ``limit`` bytes (an error beyond), read in pieces: no buffer of the whole cap.

    ``expected`` (a regular file's size) is read in one go, plus one byte to see
    whether the file grew past the limit meanwhile.
    """
    chunks: list[bytes] = []
    total = 0
    first = min(expected + 1, limit + 1) if expected is not None else min(limit + 1, 1 << 16)
    size = first
    try:
        while total <= limit:
            chunk = handle.read(min(size, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            size = min(size * 2, 1 << 24)
    except OSError as exc:
        raise FileError(f"cannot read it: {_reason(exc)}", exc.errno or errno.EIO) from None
    if total > limit:
        raise FileError(f"it is {_too_big(limit)}", errno.EFBIG)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
