"""Shared by the evidence and audit tests: the fixture folder and reading helpers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from consent_tui.core.evidence import EvidenceFile, Options, read_path
from consent_tui.core.evidence.record import ConsentState
from tests.conftest import DATA

AUDIT = DATA / "audit"
MARK = "MARKER-VALUE"
RECORDED = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)


def read(
    path: Path | str, state: ConsentState | None = None, fmt: str | None = None
) -> list[EvidenceFile]:
    return read_path(str(path), Options(state, fmt, RECORDED)).files


def one(
    path: Path | str, state: ConsentState | None = None, fmt: str | None = None
) -> EvidenceFile:
    files = read(path, state, fmt)
    assert len(files) == 1
    return files[0]


def by_name(found: EvidenceFile) -> dict[str, list]:  # type: ignore[type-arg]
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for o in found.observations:
        out.setdefault(o.name, []).append(o)
    return out
