"""``load_index()``: the installed database as an index, read once per process and cached.

Nothing is read until it is called (the editor starts without it). It costs a
``stat`` of ``source.json`` when the index is already in memory, the cache file
when the copy was read before, and parsing the copy only after an update.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from typing import Any

from consent_tui import paths
from consent_tui.core.known import cache
from consent_tui.core.known.entry import KnownEntry
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.index import KnownIndex
from consent_tui.core.known.installation import SourceInfo, installed, meta_path
from consent_tui.core.known.read import read_path

_memo: dict[tuple[Any, ...], KnownIndex] = {}


def load_index() -> KnownIndex | None:
    """The installed database's index; ``None`` when none is installed.

    Raises :class:`KnownDataError` when the installed copy is damaged (say,
    edited by hand into something unreadable).
    """
    try:
        meta = os.stat(meta_path())
    except OSError:
        return None
    memo_key = (str(meta_path()), meta.st_mtime_ns, meta.st_size, meta.st_ino)
    found = _memo.get(memo_key)
    if found is not None:
        return found
    info = installed()
    if info is None:
        return None
    index = KnownIndex(_entries(info), info)
    _memo.clear()
    _memo[memo_key] = index
    return index


def _key(info: SourceInfo) -> dict[str, Any]:
    """What the cache must have been made from: this file, as it is now."""
    try:
        data = os.stat(info.file)
    except OSError:
        raise KnownDataError(
            "the installed database file is missing; run `consent-tui known update` "
            "to install it again",
            path=str(info.file),
        ) from None
    return {
        "file": info.file.name,
        "size": data.st_size,
        "mtime_ns": data.st_mtime_ns,
        "sha256": info.sha256,
    }


def _entries(info: SourceInfo) -> Any:
    key = _key(info)
    entries = cache.read(paths.known_cache(), key)
    if entries is None:
        entries = list(read_path(info.file).entries)
        cache.write(paths.known_cache(), entries, key)
    return entries


def prime(info: SourceInfo, entries: Sequence[KnownEntry]) -> None:
    """Write the cache of a copy just installed, from the entries already read."""
    _memo.clear()
    with contextlib.suppress(KnownDataError):  # the file just written is gone: no cache
        cache.write(paths.known_cache(), entries, _key(info))


def forget() -> None:
    """Drop the index kept in memory (tests, and after an update in this process)."""
    _memo.clear()
