"""Browser recordings turned into one record type (:class:`Observation`), never values.

Readers: HAR 1.2, Playwright/Puppeteer storage state and cookie lists,
Netscape cookies.txt, the website-evidence-collector's output, and
consent-tui's own evidence format (:mod:`.own`). :func:`read_path` finds the
format by content and reads files and folders; every failure is an
:class:`EvidenceError` naming the file.
"""

from __future__ import annotations

from consent_tui.core.evidence.errors import EvidenceError, NotEvidenceError
from consent_tui.core.evidence.reading import INPUT_FORMATS, Options, Reading, read_file, read_path
from consent_tui.core.evidence.record import (
    CONSENT_STATES,
    FORMAT_NAMES,
    STORAGE_KINDS,
    ConsentState,
    EvidenceFile,
    Observation,
    StorageKind,
)

__all__ = [
    "CONSENT_STATES",
    "FORMAT_NAMES",
    "INPUT_FORMATS",
    "STORAGE_KINDS",
    "ConsentState",
    "EvidenceError",
    "EvidenceFile",
    "NotEvidenceError",
    "Observation",
    "Options",
    "Reading",
    "StorageKind",
    "read_file",
    "read_path",
]
