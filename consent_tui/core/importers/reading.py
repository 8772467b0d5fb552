"""Sources as text: a file (bounded, regular files only) or a URL (fetched once), decoded.

Text must be UTF-8 (a byte-order mark is honoured, UTF-16 with one too), or
declare its encoding: an HTML page's ``<meta charset>``, a fetched page's
``Content-Type``. Empty, binary and compressed files are refused with the
reason, as are folders, FIFOs and devices (by :mod:`consent_tui.core.fileio`,
before anything is read) and files over :data:`MAX_BYTES`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Final

from consent_tui.core.fileio import MIB, FileError, read_limited
from consent_tui.core.importers.errors import SourceError

MAX_BYTES: Final = 32 * MIB
_MAGIC: Final = {
    b"\x1f\x8b": "gzip-compressed",
    b"PK\x03\x04": "a zip archive (a spreadsheet? save it as CSV)",
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\xd0\xcf\x11\xe0": "an old Office document (save it as CSV)",
}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Source:
    """One source as text: its name as given, its file extension, where it was fetched from."""

    name: str
    text: str
    extension: str = ""
    url: str | None = None
    content_type: str = ""


def is_url(spec: str) -> bool:
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", spec))


def read_source(spec: str) -> Source:
    """The source ``spec`` names: a URL (``http``/``https``) or a file."""
    if is_url(spec):
        from consent_tui.core.importers.fetch import fetch

        data, charset, content_type, final = fetch(spec, MAX_BYTES)
        text = decode(data, spec, charset)
        extension = PurePath(final.split("?", 1)[0].split("#", 1)[0]).suffix.lower()
        return Source(spec, text, extension, final, content_type)
    try:
        data = read_limited(spec, MAX_BYTES)
    except FileError as exc:
        raise SourceError(exc.reason, path=spec) from None
    return Source(spec, decode(data, spec), PurePath(spec).suffix.lower())


def decode(data: bytes, name: str, charset: str | None = None) -> str:
    """The text of ``data``; :class:`SourceError` when it is empty, binary or not text."""
    if not data.strip():
        raise SourceError("the file is empty", path=name)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise SourceError(f"is {what}, not text: a page, a configuration or CSV", path=name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceError("is not valid UTF-16 text", path=name) from None
    if b"\x00" in data[:65536]:
        raise SourceError("is a binary file (it holds NUL bytes), not text", path=name)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    declared = charset or _declared(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if declared and declared != "utf-8":
            try:
                return data.decode(declared, errors="strict")
            except (UnicodeDecodeError, LookupError):
                pass
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
            path=name,
            line=line,
            col=col,
        ) from None


def _declared(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    if found is None:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None
