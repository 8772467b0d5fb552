"""Writing outputs: atomically for regular files, by opening devices and FIFOs; never an input."""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from consent_tui.core.fileio.atomic import WriteError, write_atomic
from consent_tui.core.fileio.reading import FileError, _describe, _reason

FIFO_WAIT: Final = 1.5  # seconds to wait for a program to read a FIFO we write


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
