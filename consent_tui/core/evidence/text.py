"""Evidence bytes as text: encodings, binary and compressed files, undecodable bytes.

Recordings are UTF-8 (JSON requires it); a UTF-8 or UTF-16 byte-order mark is
honoured. A file with NUL bytes (outside UTF-16) is binary, a gzip or zip file
is refused with a hint. Bytes that are not UTF-8 are replaced (U+FFFD) rather
than refused, with a note naming the first one's line and column: a name or
value with a stray byte must not hide the rest of the recording.
"""

from __future__ import annotations

import re

from consent_tui.core.evidence.errors import EvidenceError, NotEvidenceError

_NOT_BLANK = re.compile(rb"[^\s]")

_MAGIC = {
    b"\x1f\x8b": "gzip-compressed",
    b"PK\x03\x04": "a zip archive",
    b"\x28\xb5\x2f\xfd": "zstd-compressed",
    b"BZh": "bzip2-compressed",
    b"\xfd7zXZ\x00": "xz-compressed",
}


def decode(data: bytes | bytearray, path: str) -> tuple[str, list[str]]:
    """The text of ``data`` and notes about it; :class:`EvidenceError` when it is no text."""
    if _NOT_BLANK.search(data) is None:
        raise NotEvidenceError("the file is empty", path=path)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise NotEvidenceError(f"is {what}; unpack it first", path=path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return str(data, "utf-16"), []
        except UnicodeDecodeError:
            raise EvidenceError("is not valid UTF-16 text", path=path) from None
    if b"\x00" in data[:65536]:
        raise NotEvidenceError("is a binary file, not a recording (it holds NUL bytes)", path=path)
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return str(memoryview(data)[start:], "utf-8"), []
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        line, col = _place(data, offset, start)
        note = (
            f"{path}:{line}:{col}: bytes that are not UTF-8 (the first is "
            f"0x{data[offset]:02x}) were replaced by U+FFFD"
        )
        return str(memoryview(data)[start:], "utf-8", "replace"), [note]


def _place(data: bytes | bytearray, offset: int, start: int) -> tuple[int, int]:
    line = data.count(b"\n", start, offset) + 1
    line_start = data.rfind(b"\n", start, offset) + 1 or start
    return line, len(str(memoryview(data)[line_start:offset], "utf-8", "replace")) + 1
