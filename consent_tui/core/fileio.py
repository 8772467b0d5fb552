"""Reading and writing files safely: bounded reads, no special files, nothing replaced blindly.

Every file consent-tui reads from a user (catalogues, templates, the config,
evidence, known-cookie data) goes through :func:`read_limited`: it refuses what
is not a regular file *before* reading it (a FIFO would hang, ``/dev/zero``
never ends, a device's size says nothing), and reads at most the limit.

Every file it writes for a user goes through :func:`write_output`: a regular
file (or a new one) is replaced atomically; a device, a FIFO or standard
output (``/dev/stdout``) is opened and written, never replaced; and an output
that is one of the command's own inputs (the same file by device and inode,
whatever its spelling) is refused.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Final

MIB: Final = 1024 * 1024
FIFO_WAIT: Final = 5.0  # seconds to wait for a program to read a FIFO we write


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
    with os.fdopen(fd, "rb") as handle:
        return _read_capped(handle, limit)


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


def _read_capped(handle: BinaryIO, limit: int) -> bytes:
    try:
        data = handle.read(limit + 1)
    except OSError as exc:
        raise FileError(f"cannot read it: {_reason(exc)}", exc.errno or errno.EIO) from None
    if len(data) > limit:
        raise FileError(f"it is {_too_big(limit)}", errno.EFBIG)
    return data


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one existing file (by device and inode)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_not_input(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Refuse an output that is one of the inputs (:class:`FileError` naming it)."""
    for source in inputs:
        if same_file(output, source):
            raise FileError(f"is the input {source}; writing there would destroy it", errno.EEXIST)


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``: atomically for a regular file, by opening it otherwise.

    A device, FIFO or terminal (``/dev/null``, ``/dev/stdout``) is written
    through an ordinary open and never replaced by a regular file.
    """
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise FileError(_reason(exc), exc.errno or errno.EIO) from None
    if mode is None or stat.S_ISREG(mode):
        from consent_tui.core.atomic import WriteError, write_atomic

        try:
            write_atomic(Path(path), data)
        except WriteError as exc:
            raise FileError(exc.reason, exc.errno or errno.EIO) from None
        return
    if stat.S_ISDIR(mode):
        raise FileError("is a folder, not a file", errno.EISDIR)
    if stat.S_ISSOCK(mode):
        raise FileError(_describe(mode), errno.EINVAL)
    _write_special(path, data, fifo=stat.S_ISFIFO(mode))


def _write_special(path: str | os.PathLike[str], data: bytes, *, fifo: bool) -> None:
    if str(path) in ("/dev/stdout", "/proc/self/fd/1") and hasattr(sys.stdout, "buffer"):
        sys.stdout.flush()
    fd = _open_for_writing(path, fifo)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            return
        raise FileError(f"cannot write it: {_reason(exc)}", exc.errno or errno.EIO) from None
    finally:
        os.close(fd)


def _open_for_writing(path: str | os.PathLike[str], fifo: bool) -> int:
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
    if not fifo:
        try:
            return os.open(path, flags)
        except OSError as exc:
            raise FileError(_reason(exc), exc.errno or errno.EIO) from None
    deadline = time.monotonic() + FIFO_WAIT
    while True:  # a FIFO opens for writing only once a reader has it open
        try:
            fd = os.open(path, flags | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise FileError(_reason(exc), exc.errno or errno.EIO) from None
            if time.monotonic() > deadline:
                raise FileError(
                    f"is a pipe (FIFO) that no program read within {FIFO_WAIT:g} seconds",
                    errno.ENXIO,
                ) from None
            time.sleep(0.05)
            continue
        os.set_blocking(fd, True)
        return fd
