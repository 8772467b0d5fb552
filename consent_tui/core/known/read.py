"""Read a database in either format: bytes in, entries and a report out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from consent_tui.core.known.entry import KnownEntry
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.files import decode, kind_of, read_file
from consent_tui.core.known.report import ReadReport


@dataclass(frozen=True, slots=True)
class Database:
    """A database as read: its entries in file order, what the reader found, and its format."""

    entries: tuple[KnownEntry, ...]
    report: ReadReport
    kind: str  # "csv" or "json"


def read_bytes(data: bytes, name: str) -> Database:
    """Read ``data`` (CSV or JSON, told apart by content); :class:`KnownDataError` if unusable."""
    text = decode(data, name)
    kind = kind_of(text)
    if kind == "json":
        from consent_tui.core.known.json_reader import read_json

        entries, report = read_json(text, name)
    else:
        from consent_tui.core.known.csv_reader import read_csv

        entries, report = read_csv(text, name)
    if not entries:
        raise KnownDataError(
            f"no entries in this {kind.upper()} file ({report.rows} row"
            f"{'' if report.rows == 1 else 's'}, all skipped)"
            if report.rows
            else f"no entries in this {kind.upper()} file",
            path=name,
        )
    return Database(tuple(entries), report, kind)


def read_path(path: Path) -> Database:
    """Read a database file (see :func:`read_bytes`)."""
    return read_bytes(read_file(path), str(path))


__all__ = ["Database", "KnownDataError", "read_bytes", "read_path"]
