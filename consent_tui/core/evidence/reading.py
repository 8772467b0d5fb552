"""Read evidence files and folders: the format found by content, or named.

:func:`read_path` reads one file, or every evidence file of a folder (a
website-evidence-collector output folder is read as one recording). A file
that is not a recording is skipped inside a folder, and an error when named.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any, Final

from consent_tui.core.evidence import har, netscape, own, storage_state, wec
from consent_tui.core.evidence.bounded import Progress, check_path, read_bytes
from consent_tui.core.evidence.errors import EvidenceError, NotEvidenceError
from consent_tui.core.evidence.jsontext import loads
from consent_tui.core.evidence.record import ConsentState, EvidenceFile
from consent_tui.core.evidence.text import decode
from consent_tui.core.gcpause import paused

INPUT_FORMATS: Final = ("har", "storage-state", "cookies-txt", "wec", "consent-tui")
KNOWN: Final = (
    "HAR 1.2, a Playwright or Puppeteer storage state or cookie list, a Netscape cookies.txt, "
    "a website-evidence-collector folder, inspection.json, cookies.yml or local-storage.yml, "
    "or consent-tui evidence"
)
_HAR_START = re.compile(r'\s*\{\s*"log"\s*:')
_MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Options:
    """How to read: a consent state for every file, a forced format, a recording time."""

    state: ConsentState | None = None
    input_format: str | None = None
    recorded_at: dt.datetime | None = None
    progress: Progress | None = None


@dataclass
class Reading:
    """What a path gave: the evidence files, and the files skipped (path, reason)."""

    files: list[EvidenceFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def read_path(path: str, options: Options | None = None) -> Reading:
    """The evidence at ``path`` (a file or a folder), or :class:`EvidenceError`."""
    with paused():
        return _read_path(path, options or Options())


def _read_path(path: str, opts: Options) -> Reading:
    info = check_path(path)
    if not stat.S_ISDIR(info.st_mode):
        return Reading([read_file(path, opts)])
    reading = Reading()
    _folder(path, opts, reading, 0)
    if not reading.files:
        why = "; ".join(f"{os.path.basename(p)}: {r}" for p, r in reading.skipped[:5])
        raise EvidenceError(
            f"the folder holds no evidence file ({KNOWN})" + (f"; skipped {why}" if why else ""),
            path=path,
        )
    return reading


def _folder(path: str, opts: Options, reading: Reading, depth: int) -> None:
    try:
        names = sorted(os.listdir(path))
    except OSError as exc:
        raise EvidenceError(f"cannot list the folder: {exc.strerror or exc}", path=path) from None
    if wec.INSPECTION in names or wec.COOKIES_YAML in names or wec.STORAGE_YAML in names:
        reading.files.append(_wec_folder(path, names, opts))
        used = {wec.INSPECTION} if wec.INSPECTION in names else {wec.COOKIES_YAML, wec.STORAGE_YAML}
        for name in names:
            if name not in used and not name.startswith("."):
                reading.skipped.append((os.path.join(path, name), "beside the collector's output"))
        return
    for name in names:
        if name.startswith("."):
            continue
        full = os.path.join(path, name)
        try:
            info = os.lstat(full)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            if depth < _MAX_DEPTH:
                _folder(full, opts, reading, depth + 1)
            else:
                reading.skipped.append((full, "folder nested too deeply"))
            continue
        try:
            check_path(full)  # follows a symlink; refuses FIFOs and devices
            if stat.S_ISDIR(os.stat(full).st_mode):
                reading.skipped.append((full, "a link to a folder"))
                continue
            reading.files.append(read_file(full, opts))
        except NotEvidenceError as exc:
            reading.skipped.append((full, exc.message))


def _wec_folder(path: str, names: list[str], opts: Options) -> EvidenceFile:
    state = opts.state or "unknown"
    if wec.INSPECTION in names:
        full = os.path.join(path, wec.INSPECTION)
        data = _json(full, opts)
        if not wec.looks_like(data):
            raise EvidenceError("not a website-evidence-collector inspection.json", path=full)
        return wec.read_inspection(data, full, state)
    parts: list[Any] = []
    for name in (wec.COOKIES_YAML, wec.STORAGE_YAML):
        full = os.path.join(path, name)
        parts.append(_yaml(full, opts) if name in names else None)
    return wec.read_yaml_pair(parts[0], parts[1], path, state, (wec.COOKIES_YAML, wec.STORAGE_YAML))


def _text(path: str, opts: Options) -> tuple[str, list[str]]:
    return decode(read_bytes(path, opts.progress), path)


def _json(path: str, opts: Options) -> Any:
    text, _notes = _text(path, opts)
    return loads(text, path)


def _yaml(path: str, opts: Options) -> Any:
    text, _notes = _text(path, opts)
    return wec.load_yaml(text, path)


def _reference(path: str, opts: Options) -> dt.datetime | None:
    if opts.recorded_at is not None:
        return opts.recorded_at
    try:
        return dt.datetime.fromtimestamp(os.stat(path).st_mtime, tz=dt.UTC)
    except OSError:
        return None


def read_file(path: str, opts: Options) -> EvidenceFile:
    """One evidence file, its format found by content unless ``opts`` names it."""
    text, notes = _text(path, opts)
    found = _dispatch(text, path, opts)
    if notes:
        found = _with_notes(found, notes)
    return found


def _with_notes(found: EvidenceFile, notes: list[str]) -> EvidenceFile:
    from dataclasses import replace

    return replace(found, notes=(*notes, *found.notes))


def _dispatch(text: str, path: str, opts: Options) -> EvidenceFile:
    fmt = opts.input_format
    state: ConsentState = opts.state or "unknown"
    name = os.path.basename(path).lower()
    if fmt == "har" or (fmt is None and _HAR_START.match(text)):
        return har.read_har(text, path, state, opts.progress)
    if fmt == "cookies-txt":
        return netscape.read_netscape(text, path, state, _reference(path, opts))
    if name.endswith((".yml", ".yaml")) or (fmt == "wec" and text.lstrip()[:1] not in "{["):
        return _yaml_file(wec.load_yaml(text, path), path, name, state, fmt)
    if text.lstrip()[:1] in ("{", "["):
        return _json_file(loads(text, path), text, path, opts, fmt)
    if fmt is None and netscape.looks_like(text):
        return netscape.read_netscape(text, path, state, _reference(path, opts))
    raise NotEvidenceError(f"not an evidence file consent-tui reads ({KNOWN})", path=path)


def _json_file(data: Any, text: str, path: str, opts: Options, fmt: str | None) -> EvidenceFile:
    state: ConsentState = opts.state or "unknown"
    if fmt in (None, "consent-tui") and own.looks_like(data):
        return own.read_own(data, path, opts.state)
    if fmt == "consent-tui":
        raise EvidenceError(f'not consent-tui evidence: no "format": "{own.FORMAT_ID}"', path=path)
    if fmt is None and isinstance(data, dict) and "log" in data:
        return har.read_har(text, path, state, opts.progress)
    if fmt in (None, "wec") and wec.looks_like(data):
        return wec.read_inspection(data, path, state)
    if fmt == "wec":
        raise EvidenceError("not a website-evidence-collector inspection.json", path=path)
    if storage_state.looks_like(data) or (fmt == "storage-state" and isinstance(data, dict | list)):
        return storage_state.read_storage_state(data, path, state, _reference(path, opts))
    raise NotEvidenceError(f"is JSON, but not evidence consent-tui reads ({KNOWN})", path=path)


def _yaml_file(
    data: Any, path: str, name: str, state: ConsentState, fmt: str | None
) -> EvidenceFile:
    if fmt not in (None, "wec"):
        raise EvidenceError(f"is YAML, not {fmt}", path=path)
    if name.startswith("local-storage") or (isinstance(data, dict) and fmt is None):
        return wec.read_yaml_pair(None, data, path, state, (name, name))
    if isinstance(data, list):
        return wec.read_yaml_pair(data, None, path, state, (name, name))
    raise NotEvidenceError(
        "is YAML, but not the website-evidence-collector's cookies.yml or local-storage.yml",
        path=path,
    )
