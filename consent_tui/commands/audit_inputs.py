"""``audit``'s evidence arguments read: every file tried, every error kept for one report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from consent_tui.commands.progress import ProgressBar
from consent_tui.core.evidence import EvidenceError, EvidenceFile, Options, read_path
from consent_tui.core.evidence.record import ConsentState
from consent_tui.core.values import printable


@dataclass
class Readings:
    """The evidence read, the files skipped in folders, and the errors (one line each)."""

    files: list[EvidenceFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_all(
    named: list[tuple[str, ConsentState | None]],
    input_format: str | None,
    recorded_at: dt.datetime | None,
    bar: ProgressBar,
) -> Readings:
    """Read every named path in order; errors are collected, not raised."""
    out = Readings()
    for path, state in named:
        bar.start(printable(path))
        options = Options(state, input_format, recorded_at, bar)
        try:
            reading = read_path(path, options)
        except EvidenceError as exc:
            bar.clear()
            out.errors.append(f"{printable(exc.location)}: error: {printable(exc.message)}")
            continue
        except MemoryError:
            bar.clear()
            out.errors.append(f"{printable(path)}: error: not enough memory to read it")
            continue
        out.files += reading.files
        out.skipped += reading.skipped
    return out


def notes(readings: Readings) -> list[str]:
    """Warnings about the evidence, for standard error."""
    lines = []
    for path, reason in readings.skipped:
        lines.append(f"{printable(path)}: note: skipped: {printable(reason)}")
    for found in readings.files:
        for note in found.notes:
            lines.append(f"note: {printable(note)}")
    return lines
