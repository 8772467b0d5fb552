"""The installed copy: the database file and ``source.json`` beside it, in the user's data folder.

``source.json`` records where the copy came from (URL or file), when, its
size, checksum, row, entry and platform counts, the licence, and what the
reader found; it names the data file, ``open-cookie-database-<sha256 prefix>.csv``
(or ``.json``). An update writes the new data file next to the old one, then
replaces ``source.json`` (the moment the new copy takes over), then removes
the old file: a failure at any step leaves the previous copy in use, and two
updates at once leave one whole copy, never a record without its file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from consent_tui import paths
from consent_tui.core.known.entry import ATTRIBUTION, LICENCE
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.files import read_file

if TYPE_CHECKING:
    from consent_tui.core.known.read import Database

FORMAT: Final = 1
META_NAME: Final = "source.json"
_DATA_NAME = re.compile(r"open-cookie-database-[0-9a-f]{12}\.(?:csv|json)")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What ``source.json`` says about the installed copy."""

    file: Path
    kind: str
    source: str
    retrieved: str  # ISO 8601, UTC
    sha256: str
    size: int
    rows: int
    entries: int
    platforms: int
    licence: str = LICENCE
    attribution: str = ATTRIBUTION
    last_modified: str | None = None  # the server's Last-Modified, for a download
    report: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "file": self.file.name,
            "kind": self.kind,
            "source": self.source,
            "retrieved": self.retrieved,
            "last_modified": self.last_modified,
            "sha256": self.sha256,
            "size": self.size,
            "rows": self.rows,
            "entries": self.entries,
            "platforms": self.platforms,
            "licence": self.licence,
            "attribution": self.attribution,
            "report": self.report,
        }


def meta_path() -> Path:
    return paths.known_dir() / META_NAME


def installed() -> SourceInfo | None:
    """The installed copy's record; ``None`` when there is none, an error when it is damaged."""
    where = meta_path()
    try:
        raw = read_file(where)
    except KnownDataError as exc:
        if exc.message == "no such file":
            return None
        raise
    try:
        doc = json.loads(raw)
        return _info(doc, where.parent)
    except (ValueError, TypeError, KeyError, RecursionError):
        raise KnownDataError(
            "this record of the installed database is damaged; "
            "run `consent-tui known update` to install it again",
            path=str(where),
        ) from None


def _info(doc: Any, folder: Path) -> SourceInfo:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("format")
    name = doc["file"]
    if not isinstance(name, str) or not _DATA_NAME.fullmatch(name):
        raise ValueError("file")  # nothing from the file reaches a path but this name
    strings = ("kind", "source", "retrieved", "sha256", "licence", "attribution")
    ints = ("size", "rows", "entries", "platforms")
    if not all(isinstance(doc[k], str) for k in strings):
        raise TypeError("strings")
    if not all(isinstance(doc[k], int) and not isinstance(doc[k], bool) for k in ints):
        raise TypeError("numbers")
    last = doc.get("last_modified")
    report = doc.get("report", {})
    return SourceInfo(
        file=folder / name,
        kind=doc["kind"],
        source=doc["source"],
        retrieved=doc["retrieved"],
        sha256=doc["sha256"],
        size=doc["size"],
        rows=doc["rows"],
        entries=doc["entries"],
        platforms=doc["platforms"],
        licence=doc["licence"],
        attribution=doc["attribution"],
        last_modified=last if isinstance(last, str) else None,
        report=report if isinstance(report, dict) else {},
    )


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def install(
    data: bytes, database: Database, source: str, *, last_modified: str | None = None
) -> SourceInfo:
    """Make ``data`` (already read as ``database``) the installed copy; see the module notes."""
    import hashlib

    from consent_tui.core.fileio import WriteError, write_atomic

    folder = paths.known_dir()
    digest = hashlib.sha256(data).hexdigest()
    target = folder / f"open-cookie-database-{digest[:12]}.{database.kind}"
    report = database.report
    info = SourceInfo(
        file=target,
        kind=database.kind,
        source=source,
        retrieved=now(),
        sha256=digest,
        size=len(data),
        rows=report.rows,
        entries=report.entries,
        platforms=report.platforms,
        last_modified=last_modified,
        report=report.summary(),
    )
    meta = json.dumps(info.as_dict(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    previous = _current_file()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except (OSError, WriteError) as exc:
        raise KnownDataError(
            f"cannot write the database: {_reason(exc)}", path=str(target)
        ) from None
    try:
        write_atomic(folder / META_NAME, meta)
    except (OSError, WriteError) as exc:
        if previous != target:
            with contextlib.suppress(OSError):
                target.unlink()
        raise KnownDataError(
            f"cannot record the new database: {_reason(exc)}", path=str(folder / META_NAME)
        ) from None
    _tidy(folder, target, previous)
    return info


def _tidy(folder: Path, target: Path, previous: Path | None) -> None:
    """Remove the previous copy, and copies a failed update left more than a day ago.

    Another update running at the same time may have just written its own copy:
    a recent file that ``source.json`` never named is left alone.
    """
    stale = time.time() - 86400
    for old in folder.iterdir():
        if old == target or not _DATA_NAME.fullmatch(old.name):
            continue
        with contextlib.suppress(OSError):
            if old == previous or old.stat().st_mtime < stale:
                old.unlink()


def _current_file() -> Path | None:
    try:
        info = installed()
    except KnownDataError:
        return None
    return info.file if info else None


def _reason(exc: OSError) -> str:
    return getattr(exc, "reason", None) or exc.strerror or str(exc)
