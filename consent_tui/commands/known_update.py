"""``consent-tui known update [--from FILE] [--url URL] [--force]``: install a new copy.

The new copy is downloaded (or read) whole, read by the same reader as every
lookup, and only then installed; any failure on the way leaves the installed
copy as it was, and says so.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from consent_tui.core.known.entry import SOURCE_URL
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.installation import SourceInfo, install, installed
from consent_tui.core.known.read import Database, read_bytes
from consent_tui.core.known.report import RowWarning

EXIT_OK, EXIT_FAILED = 0, 2
SHOWN_WARNINGS = 20
SHRINK = 0.5  # a copy with fewer than this share of the installed entries needs --force


def update(source_file: str | None, url: str | None, force: bool, form: str) -> int:
    try:
        current = installed()
    except KnownDataError:
        current = None  # a damaged record: any good copy is better
    try:
        data, source, name, modified = _fetch(source_file, url, form)
        database = read_bytes(data, name)
        _check_size(database, current, force)
        info = install(data, database, source, last_modified=modified)
    except KnownDataError as exc:
        print(f"consent-tui: {exc}", file=sys.stderr)
        kept = "the installed copy is unchanged" if current else "nothing was installed"
        print(f"consent-tui: {kept}", file=sys.stderr)
        return EXIT_FAILED
    from consent_tui.core.known.load import prime

    prime(info, database.entries)
    _warnings(database.report.warnings, name)
    if form == "json":
        doc = {
            "installed": {**info.as_dict(), "file": str(info.file)},
            "warnings": [_warning(w) for w in database.report.warnings],
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        from consent_tui.commands.known_report import describe

        sys.stdout.write(describe(info, "Installed the Open Cookie Database"))
    return EXIT_OK


def _fetch(
    source_file: str | None, url: str | None, form: str
) -> tuple[bytes, str, str, str | None]:
    """The new copy's bytes, where it came from (recorded), its name in messages, Last-Modified."""
    if source_file is not None:
        from consent_tui.core.known.files import read_file

        path = Path(source_file)
        return read_file(path), str(path.absolute()), source_file, None
    from consent_tui.core.known.download import download

    address = url or SOURCE_URL
    with _Bar(enabled=form == "text" and sys.stderr.isatty()) as bar:
        got = download(address, bar.advance if bar.enabled else None)
    return got.data, got.url, address, got.last_modified


def _check_size(database: Database, current: SourceInfo | None, force: bool) -> None:
    if force or current is None or current.entries <= 0:
        return
    new = database.report.entries
    if new < current.entries * SHRINK:
        raise KnownDataError(
            f"this copy has {new:,} entries, the installed one {current.entries:,}: it looks "
            "cut short or of another kind, so it does not replace it (--force installs it anyway)"
        )


def _warning(w: RowWarning) -> dict[str, Any]:
    return {"where": w.where, "kind": w.kind, "message": w.message}


def _warnings(warnings: list[RowWarning], name: str) -> None:
    for w in warnings[:SHOWN_WARNINGS]:
        print(f"{name}: {w.where}: warning[{w.kind}]: {w.message}", file=sys.stderr)
    if len(warnings) > SHOWN_WARNINGS:
        more = len(warnings) - SHOWN_WARNINGS
        note = f"{name}: … and {more:,} more warnings (--format json lists them all)"
        print(note, file=sys.stderr)


class _Bar:
    """A download progress bar on the terminal (rich), or nothing."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _Bar:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

            self._progress = Progress(
                TextColumn("downloading the Open Cookie Database"),
                BarColumn(),
                DownloadColumn(),
                console=Console(file=sys.stderr),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("download", total=None)
        return self

    def advance(self, done: int, total: int | None) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, total=total)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
