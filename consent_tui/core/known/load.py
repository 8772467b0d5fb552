"""``load_index()``: the installed database as an index, read once per process and cached.

Nothing is read until it is called (the editor starts without it). It costs a
``stat`` of ``source.json`` when the index is already in memory, the cache file
when the copy was read before, and parsing the copy only after an update.
"""

from __future__ import annotations

import os
from typing import Any

from consent_tui import paths
from consent_tui.core.known import cache
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.index import KnownIndex
from consent_tui.core.known.installed import SourceInfo, installed, meta_path
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


def _entries(info: SourceInfo) -> Any:
    try:
        data = os.stat(info.file)
    except OSError:
        raise KnownDataError(
            "the installed database file is missing; run `consent-tui known update` "
            "to install it again",
            path=str(info.file),
        ) from None
    key = {
        "file": info.file.name,
        "size": data.st_size,
        "mtime_ns": data.st_mtime_ns,
        "sha256": info.sha256,
    }
    entries = cache.read(paths.known_cache(), key)
    if entries is None:
        entries = list(read_path(info.file).entries)
        cache.write(paths.known_cache(), entries, key)
    return entries


def forget() -> None:
    """Drop the index kept in memory (tests, and after an update in this process)."""
    _memo.clear()
