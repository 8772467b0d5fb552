"""Reading a database file safely: a regular file, of bounded size, as UTF-8 text.

A FIFO, a device or a folder is refused before anything is read (a FIFO is
opened without blocking), and no more than :data:`MAX_BYTES` are read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

from consent_tui.core.known.errors import KnownDataError

# The real database is about 0.6 MB (CSV) or 1.2 MB (JSON); far more is not it.
MAX_BYTES: Final = 32 * 1024 * 1024

_KINDS: Final = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def megabytes(size: int) -> str:
    """A size as people read it: "5,120 bytes" under a megabyte, "1.2 MB" above."""
    if size < 1024 * 1024:
        return f"{size:,} byte" + ("" if size == 1 else "s")
    return f"{size / (1024 * 1024):.1f} MB"


def too_big(size: int) -> str:
    limit = megabytes(MAX_BYTES)
    return f"too big for the Open Cookie Database ({megabytes(size)}; at most {limit})"


def read_file(path: Path) -> bytes:
    """The bytes of ``path``, or :class:`KnownDataError` saying why not."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise KnownDataError("no such file", path=name) from None
    except IsADirectoryError:
        raise KnownDataError("is a folder, not a file", path=name) from None
    except OSError as exc:
        raise KnownDataError(f"cannot open: {exc.strerror or exc}", path=name) from None
    try:
        info = os.fstat(fd)
        for test, what in _KINDS:
            if test(info.st_mode):
                raise KnownDataError(f"is {what}, not a regular file", path=name)
        if info.st_size > MAX_BYTES:
            raise KnownDataError(too_big(info.st_size), path=name)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise KnownDataError(f"cannot read: {exc.strerror or exc}", path=name) from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise KnownDataError(too_big(len(data)), path=name)
    return data


def decode(data: bytes, name: str) -> str:
    """``data`` as text: UTF-8 (a BOM allowed), not empty, not binary."""
    if not data.strip():
        raise KnownDataError(
            "the file is empty" if not data else "the file holds only blank space", path=name
        )
    if b"\x00" in data[:65536]:
        raise KnownDataError("a binary file, not a CSV or JSON text", path=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise KnownDataError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            path=name,
            line=line,
        ) from None
    return text.removeprefix("\ufeff")


def kind_of(text: str) -> str:
    """``"json"`` when the text starts like a JSON document, else ``"csv"``."""
    return "json" if text.lstrip()[:1] in ("{", "[") else "csv"
