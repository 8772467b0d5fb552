"""Recovery copies on disk, and the background writer that keeps them current."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from consent_tui import paths
from consent_tui.core.model import replace
from consent_tui.core.session import Session, recovery
from consent_tui.core.session.recovery_writer import RecoveryWriter
from consent_tui.core.store import Fingerprint
from tests.conftest import SAMPLES


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    target = tmp_path / "site.toml"
    target.write_bytes((SAMPLES / "minimal.toml").read_bytes())
    return target


def _set_mtime(path: Path, seconds: float) -> None:
    os.utime(path, ns=(int(seconds * 1e9), int(seconds * 1e9)))


def test_write_read_and_metadata(catalogue_file: Path) -> None:
    base = Fingerprint(10, 20, "ab" * 32)
    copy = recovery.write(catalogue_file, "format_version = 1\n", base, now=1_000_000.5)
    assert copy.text_path.parent == paths.recovery_dir()
    assert copy.text_path.name == f"{recovery.key(catalogue_file)}.p{os.getpid()}.toml"
    meta = json.loads(copy.meta_path.read_text(encoding="utf-8"))
    assert meta["pid"] == os.getpid()
    assert meta["source"] == str(catalogue_file.absolute())
    assert meta["saved_at"] == 1_000_000.5
    assert meta["base"] == {"size": 10, "mtime_ns": 20, "sha256": "ab" * 32}
    again = recovery.read(catalogue_file)
    assert again == copy
    assert again is not None and again.text() == "format_version = 1\n"


def test_one_slot_per_absolute_path(
    tmp_path: Path, catalogue_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert recovery.key(Path("site.toml")) == recovery.key(catalogue_file)
    assert recovery.key(tmp_path / "other.toml") != recovery.key(catalogue_file)


def test_damaged_or_partial_copies_are_ignored(catalogue_file: Path) -> None:
    copy = recovery.write(catalogue_file, "x", None)
    copy.meta_path.write_text("{not json", encoding="utf-8")
    assert recovery.read(catalogue_file) is None
    copy = recovery.write(catalogue_file, "x", None)
    copy.text_path.unlink()
    assert recovery.find(catalogue_file) is None


def test_newer_than_file(catalogue_file: Path) -> None:
    _set_mtime(catalogue_file, 2_000_000)
    older = recovery.write(catalogue_file, "older", None, now=1_999_999)
    assert not older.newer_than_file()
    newer = recovery.write(catalogue_file, "newer", None, now=2_000_001)
    assert newer.newer_than_file()
    catalogue_file.unlink()
    assert older.newer_than_file()  # the file is gone: the copy is all there is


def test_pending_offers_differing_copies_and_drops_identical_ones(catalogue_file: Path) -> None:
    text = catalogue_file.read_text(encoding="utf-8")
    recovery.write(catalogue_file, text, None)
    assert recovery.pending(catalogue_file) is None
    assert recovery.find(catalogue_file) is None  # the identical copy was removed
    recovery.write(catalogue_file, text + "# more\n", None)
    offered = recovery.pending(catalogue_file)
    assert offered is not None and offered.text().endswith("# more\n")


def test_file_changed_since(catalogue_file: Path) -> None:
    data = catalogue_file.read_bytes()
    copy = recovery.write(catalogue_file, "x", Fingerprint.of(catalogue_file, data))
    assert not copy.file_changed_since()
    catalogue_file.write_bytes(data + b"\n")
    assert copy.file_changed_since()


def test_keep_sets_copies_aside_and_discard_cleans(catalogue_file: Path) -> None:
    recovery.write(catalogue_file, "first work", None, now=100)
    first = recovery.keep(catalogue_file)
    assert recovery.read(catalogue_file) is None
    assert first is not None and first.kept and first.text() == "first work"
    recovery.write(catalogue_file, "second work", None, now=200)
    found = recovery.find(catalogue_file)
    assert found is not None and not found.kept and found.text() == "second work"
    second = recovery.keep(catalogue_file)  # a second kept copy does not replace the first
    assert second is not None
    assert [c.text() for c in recovery.copies(catalogue_file)] == ["second work", "first work"]
    recovery.write(catalogue_file, "third work", None, now=300)
    recovery.discard(catalogue_file, kept=False)  # after a save: the kept copies stay
    assert recovery.copies(catalogue_file) == [second, first]
    recovery.remove(second)
    assert recovery.copies(catalogue_file) == [first]
    recovery.discard(catalogue_file)
    assert recovery.find(catalogue_file) is None
    assert recovery.all_copies() == []


def test_copies_of_other_files_are_apart(tmp_path: Path, catalogue_file: Path) -> None:
    recovery.write(catalogue_file, "mine", None)
    recovery.keep(catalogue_file)
    recovery.write(tmp_path / "other.toml", "other", None)
    assert [c.text() for c in recovery.copies(catalogue_file)] == ["mine"]
    recovery.discard(catalogue_file)
    assert [c.text() for c in recovery.all_copies()] == ["other"]


def test_all_copies_newest_first(tmp_path: Path) -> None:
    recovery.write(tmp_path / "a.toml", "a", None, now=1)
    recovery.write(tmp_path / "b.toml", "b", None, now=2)
    assert [c.source for c in recovery.all_copies()] == [tmp_path / "b.toml", tmp_path / "a.toml"]


# -- the background writer


def _edit(session: Session, provider: str) -> None:
    cat = session.catalogue
    service = replace(cat.services["cart"], provider=provider)
    session.apply(replace(cat, services={**cat.services, "cart": service}), "Edit")


def test_writer_writes_after_the_delay_in_a_thread(catalogue_file: Path) -> None:
    session = Session.open(catalogue_file)
    done = threading.Event()
    writer = RecoveryWriter(session, delay=0.01)
    original = writer._write

    def spy() -> recovery.RecoveryCopy | None:
        result = original()
        done.set()
        return result

    writer._write = spy  # type: ignore[method-assign]
    _edit(session, "Typed")
    assert done.wait(10)
    copy = recovery.read(catalogue_file)
    assert copy is not None and 'provider = "Typed"' in copy.text()
    assert copy.base == session.document.fingerprint
    assert not writer.pending
    writer.close()


def test_writer_flush_and_clean_when_undone(catalogue_file: Path) -> None:
    session = Session.open(catalogue_file)
    writer = RecoveryWriter(session, delay=3600)
    assert writer.flush() is None  # nothing to write while clean
    _edit(session, "Typed")
    assert writer.pending
    copy = writer.flush()
    assert copy is not None and 'provider = "Typed"' in copy.text()
    assert writer.flush() is None  # already written
    session.undo()
    assert recovery.find(catalogue_file) is None
    writer.close()


def test_writer_keeps_kept_copies_and_reports_errors(
    catalogue_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovery.write(catalogue_file, "set aside", None)
    recovery.keep(catalogue_file)
    session = Session.open(catalogue_file)
    errors: list[Exception] = []
    writer = RecoveryWriter(session, delay=3600, on_error=errors.append)
    _edit(session, "Typed")
    session.undo()
    assert [c.text() for c in recovery.copies(catalogue_file)] == ["set aside"]

    def refuse(*_args: object, **_kw: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(recovery, "write", refuse)
    _edit(session, "Again")
    assert writer.flush() is None
    assert isinstance(writer.last_error, PermissionError) and errors == [writer.last_error]
    writer.close()


def test_closed_writer_writes_nothing(catalogue_file: Path) -> None:
    session = Session.open(catalogue_file)
    writer = RecoveryWriter(session, delay=3600)
    writer.close()
    _edit(session, "Typed")
    assert writer.flush() is None and recovery.find(catalogue_file) is None


# -- two editors on one file -------------------------------------------------

OTHER_EDITOR = r"""
import sys, time
from pathlib import Path
from consent_tui.core.session import recovery
recovery.write(Path(sys.argv[1]), "other editor's work\n", None)
print("ready", flush=True)
sys.stdin.readline()  # runs until told to stop
"""


def _other_editor(catalogue_file: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", OTHER_EDITOR, str(catalogue_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    return proc


def test_each_editor_keeps_its_own_copy(catalogue_file: Path) -> None:
    """One editor's save removes its copy only; the other's stays, unoffered while it runs."""
    other = _other_editor(catalogue_file)
    try:
        recovery.write(catalogue_file, "my work\n", None)
        assert {c.text() for c in recovery.copies(catalogue_file)} == {
            "my work\n",
            "other editor's work\n",
        }
        recovery.discard(catalogue_file, kept=False)  # what a save does
        (left,) = recovery.copies(catalogue_file)
        assert left.text() == "other editor's work\n" and left.in_use
        assert recovery.pending(catalogue_file) is None  # its own editor still has it
        recovery.discard(catalogue_file)  # even "discard all" leaves a running editor's copy
        assert recovery.copies(catalogue_file) == [left]
    finally:
        other.kill()
        other.wait()
    offered = recovery.pending(catalogue_file)  # the other editor died: its work is offered
    assert offered is not None and offered.text() == "other editor's work\n"
    assert not offered.in_use


def test_a_reused_process_id_is_not_the_writer(catalogue_file: Path) -> None:
    copy = recovery.write(catalogue_file, "work\n", None)
    meta = json.loads(copy.meta_path.read_text(encoding="utf-8"))
    meta["pid"], meta["started"] = 1, 123  # pid 1 runs, but started at another time
    copy.meta_path.write_text(json.dumps(meta), encoding="utf-8")
    (again,) = recovery.copies(catalogue_file)
    assert not again.in_use
    assert recovery.pending(catalogue_file) == again


HOLDER = r"""
import sys
from pathlib import Path
from consent_tui.core.session.lock import EditLock
lock, holder = EditLock.take(Path(sys.argv[1]))
print("locked" if lock else f"held {holder}", flush=True)
sys.stdin.readline()
"""


def test_a_second_editor_is_told_who_has_the_file(catalogue_file: Path) -> None:
    from consent_tui.core.session.lock import EditLock, Holder

    other = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(catalogue_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "locked\n"
        lock, holder = EditLock.take(catalogue_file)
        assert lock is None and holder == Holder(other.pid)
    finally:
        other.kill()  # kill -9: the system releases the lock
        other.wait()
    lock, holder = EditLock.take(catalogue_file)
    assert lock is not None and lock.held and holder is None
    second, holder = EditLock.take(catalogue_file)  # the same process, another editor
    assert second is None and holder == Holder(os.getpid())
    lock.release()
    assert not lock.held
    again, _ = EditLock.take(catalogue_file)
    assert again is not None
    again.release()
