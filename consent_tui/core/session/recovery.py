"""Recovery copies: unsaved work written to the user state folder.

One slot per catalogue file and editor process, named by a hash of the file's
absolute path and the process id, in ``paths.recovery_dir()``:
``<key>.p<pid>.toml`` holds the text, ``<key>.p<pid>.json`` the metadata
(original path, time, the fingerprint of the file the work started from, the
writer's process id and start time). The metadata is written last, so a copy
without it is ignored. Two editors on one file thus keep a copy each: one's
save removes only its own. A copy whose writer still runs is that editor's
ongoing work and is not offered elsewhere; once the writer is gone (it
crashed, or was killed) the next editor offers it. A copy the user chose to
"keep for later" moves to a slot of its own, ``<key>.kept-<stamp>.*``, so that
new unsaved work does not overwrite it. (``<key>.toml``, without a process,
is a copy from an older consent-tui.)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consent_tui import paths
from consent_tui.core.fileio import own_start, process_alive
from consent_tui.core.store import Fingerprint, write_atomic

FORMAT = 1
KEPT = ".kept"
_LIVE = re.compile(r"\.p\d+")


def _live() -> str:
    """The slot of this process's live copy."""
    return f".p{os.getpid()}"


def key(source: Path | None) -> str:
    """The slot name for ``source``: a hash of its absolute path."""
    name = str(source.expanduser().absolute()) if source is not None else "<untitled>"
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class RecoveryCopy:
    """A recovery copy on disk and what it says about itself."""

    source: Path | None
    text_path: Path
    meta_path: Path
    saved_at: float
    base: Fingerprint | None
    pid: int | None = None  # the editor process that writes it (None: an older copy)
    started: int | None = None  # that process's start time, to tell a reused pid

    @property
    def kept(self) -> bool:
        """True for a copy the user set aside ("keep for later")."""
        return KEPT in self.meta_path.name

    @property
    def in_use(self) -> bool:
        """True while another editor process that writes this copy still runs."""
        if self.kept or self.pid is None or self.pid == os.getpid():
            return False
        return process_alive(self.pid, self.started)

    def text(self) -> str:
        return self.text_path.read_text(encoding="utf-8")

    def newer_than_file(self) -> bool:
        """True when the copy was written after the file was last modified."""
        if self.source is None:
            return True
        try:
            mtime_ns = self.source.stat().st_mtime_ns
        except OSError:
            return True  # the file is gone: the copy is all there is
        return int(self.saved_at * 1_000_000_000) > mtime_ns

    def file_changed_since(self) -> bool:
        """True when the file on disk is not the one this work started from."""
        if self.source is None or self.base is None:
            return self.source is not None and self.source.exists()
        try:
            data = self.source.read_bytes()
        except OSError:
            return True
        return hashlib.sha256(data).hexdigest() != self.base.sha256

    def differs_from_file(self) -> bool:
        """True unless the file already holds exactly this text."""
        if self.source is None:
            return True
        try:
            return self.source.read_text(encoding="utf-8") != self.text()
        except (OSError, UnicodeDecodeError):
            return True


def _slot(source: Path | None, which: str) -> tuple[Path, Path]:
    base = paths.recovery_dir() / (key(source) + which)
    return base.with_name(base.name + ".toml"), base.with_name(base.name + ".json")


def _atomic_write(path: Path, data: str) -> None:
    write_atomic(path, data.encode("utf-8"))


def write(
    source: Path | None, text: str, base: Fingerprint | None, *, now: float | None = None
) -> RecoveryCopy:
    """Write ``text`` as the recovery copy of ``source`` (atomically)."""
    text_path, meta_path = _slot(source, _live())
    text_path.parent.mkdir(parents=True, exist_ok=True)
    saved_at = time.time() if now is None else now
    meta: dict[str, Any] = {
        "format": FORMAT,
        "source": str(source.expanduser().absolute()) if source is not None else None,
        "saved_at": saved_at,
        "saved": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(saved_at)),
        "base": None
        if base is None
        else {"size": base.size, "mtime_ns": base.mtime_ns, "sha256": base.sha256},
        "pid": os.getpid(),
        "started": own_start(),
    }
    _atomic_write(text_path, text)
    _atomic_write(meta_path, json.dumps(meta, indent=2) + "\n")
    source_path = Path(meta["source"]) if meta["source"] else None
    return RecoveryCopy(
        source_path, text_path, meta_path, saved_at, base, os.getpid(), meta["started"]
    )


def _read(meta_path: Path, text_path: Path) -> RecoveryCopy | None:
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if not text_path.is_file() or meta.get("format") != FORMAT:
            return None
        base = meta.get("base")
        fingerprint = (
            Fingerprint(int(base["size"]), int(base["mtime_ns"]), str(base["sha256"]))
            if base
            else None
        )
        source = Path(meta["source"]) if meta.get("source") else None
        pid, started = meta.get("pid"), meta.get("started")
        return RecoveryCopy(
            source,
            text_path,
            meta_path,
            float(meta["saved_at"]),
            fingerprint,
            pid if isinstance(pid, int) else None,
            started if isinstance(started, int) else None,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def read(source: Path | None) -> RecoveryCopy | None:
    """This process's live recovery copy of ``source`` (the one it keeps current), or ``None``."""
    text_path, meta_path = _slot(source, _live())
    return _read(meta_path, text_path)


def copies(source: Path | None) -> list[RecoveryCopy]:
    """Every recovery copy of ``source`` (live and kept), newest first."""
    folder = paths.recovery_dir()
    if not folder.is_dir():
        return []
    name = key(source)
    found = []
    for meta_path in folder.glob(name + "*.json"):
        rest = meta_path.stem[len(name) :]
        if not rest or rest.startswith(KEPT) or _LIVE.fullmatch(rest):
            copy = _read(meta_path, meta_path.with_suffix(".toml"))
            if copy is not None:
                found.append(copy)
    return sorted(found, key=lambda c: c.saved_at, reverse=True)


def find(source: Path | None) -> RecoveryCopy | None:
    """The newest recovery copy of ``source`` (live or kept), or ``None``."""
    found = copies(source)
    return found[0] if found else None


def pending(source: Path | None) -> RecoveryCopy | None:
    """The copy to offer when ``source`` is opened, or ``None``.

    A copy that matches the file exactly is stale and removed. A copy older
    than the file is still offered (the dialog says the file is newer): work
    is never dropped silently. A copy another running editor is writing is
    its own ongoing work: it is left alone.
    """
    for copy in copies(source):
        if copy.in_use:
            continue
        if copy.differs_from_file():
            return copy
        remove(copy)
    return None


def keep(source: Path | None) -> RecoveryCopy | None:
    """Set the live copy aside so new work does not overwrite it; returns the kept copy."""
    live = read(source)
    if live is None:
        return None
    stamp = f"{KEPT}-{int(live.saved_at * 1000)}"
    text_path, meta_path = _slot(source, stamp)
    n = 1
    while meta_path.exists():
        n += 1
        text_path, meta_path = _slot(source, f"{stamp}-{n}")
    os.replace(live.text_path, text_path)
    os.replace(live.meta_path, meta_path)
    return RecoveryCopy(
        live.source, text_path, meta_path, live.saved_at, live.base, live.pid, live.started
    )


def remove(copy: RecoveryCopy) -> None:
    """Remove one recovery copy (metadata first, so a half-removed copy is ignored)."""
    for path in (copy.meta_path, copy.text_path):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def discard(source: Path | None, *, kept: bool | None = None) -> None:
    """Remove the recovery copies of ``source``: all, or only the kept / the live one.

    After a save only this process's live copy goes (``kept=False``): copies the
    user set aside, and other editors' copies, stay.
    """
    if kept is False:
        live = read(source)
        if live is not None:
            remove(live)
        return
    for copy in copies(source):
        if (kept is None and not copy.in_use) or copy.kept:
            remove(copy)


def all_copies() -> list[RecoveryCopy]:
    """Every readable recovery copy, newest first."""
    folder = paths.recovery_dir()
    if not folder.is_dir():
        return []
    copies = []
    for meta_path in folder.glob("*.json"):
        copy = _read(meta_path, meta_path.with_suffix(".toml"))
        if copy is not None:
            copies.append(copy)
    return sorted(copies, key=lambda c: c.saved_at, reverse=True)
