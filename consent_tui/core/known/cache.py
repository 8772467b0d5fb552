"""The index's compact form: plain JSON in the user's cache folder, checked when read.

Reading the cache skips parsing the CSV and the retention texts again. It is
JSON, never pickle or marshal: a cache file is data anyone could have written,
so every row is checked field by field, and anything unexpected (another
format number, another source file, a field of the wrong type) means the
cache is rebuilt from the installed copy, silently: it is only a speed-up.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from consent_tui.core.known.entry import KnownEntry
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.files import read_file

FORMAT: Final = 1
# Field order of a row, and the type each holds (None: may be null).
_STR, _BOOL, _LIST, _OPT_STR, _OPT_BOOL = range(5)
_SHAPE: Final = (
    _STR,  # id
    _STR,  # platform
    _STR,  # category
    _STR,  # name
    _BOOL,  # prefix
    _LIST,  # domains
    _BOOL,  # third_party
    _STR,  # description
    _STR,  # retention
    _OPT_STR,  # duration
    _OPT_BOOL,  # refresh
    _STR,  # controller
    _STR,  # privacy_link
)


def dumps(entries: Sequence[KnownEntry], key: dict[str, Any]) -> bytes:
    """The cache file for ``entries`` read from the source ``key`` describes."""
    rows = [
        [
            e.id,
            e.platform,
            e.category,
            e.name,
            e.prefix,
            list(e.domains),
            e.third_party,
            e.description,
            e.retention,
            e.duration,
            e.refresh,
            e.controller,
            e.privacy_link,
        ]
        for e in entries
    ]
    data = {"format": FORMAT, "key": key, "entries": rows}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes, key: dict[str, Any]) -> list[KnownEntry] | None:
    """The entries of a cache file made for ``key``; ``None`` if it is not exactly that."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("key") != key:
        return None
    rows = doc.get("entries")
    if not isinstance(rows, list) or not rows:
        return None
    entries = []
    for row in rows:
        if not _valid(row):
            return None
        row[5] = tuple(row[5])
        entries.append(KnownEntry(*row))
    return entries


def _valid(row: object) -> bool:
    if type(row) is not list or len(row) != len(_SHAPE):
        return False
    for value, kind in zip(row, _SHAPE, strict=True):
        if kind == _STR:
            ok = type(value) is str
        elif kind == _BOOL:
            ok = type(value) is bool
        elif kind == _LIST:
            ok = type(value) is list and all(type(v) is str for v in value)
        elif kind == _OPT_STR:
            ok = value is None or type(value) is str
        else:
            ok = value is None or type(value) is bool
        if not ok:
            return False
    return True


def read(path: Path, key: dict[str, Any]) -> list[KnownEntry] | None:
    """The cached entries at ``path`` for ``key``, or ``None`` (missing, stale, damaged)."""
    try:
        data = read_file(path)  # a regular file of bounded size, never a FIFO
    except KnownDataError:
        return None
    return loads(data, key)


def write(path: Path, entries: Sequence[KnownEntry], key: dict[str, Any]) -> None:
    """Write the cache (atomically); a failure only costs speed next time."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temp.write_bytes(dumps(entries, key))
            os.replace(temp, path)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
