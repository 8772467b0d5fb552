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
# The types of a row's fields, in order: id, platform, category, name, prefix, domains,
# third_party, description, retention, duration (or null), refresh (or null), controller,
# privacy_link. Every combination a sound row can have:
_NONE = type(None)
_SHAPES: Final = frozenset(
    (str, str, str, str, bool, list, bool, str, str, duration, refresh, str, str)
    for duration in (str, _NONE)
    for refresh in (bool, _NONE)
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
    if type(row) is not list or tuple(map(type, row)) not in _SHAPES:
        return False
    return all(type(v) is str for v in row[5])


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
