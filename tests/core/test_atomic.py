"""The one atomic writer: catalogues, exported documents and schemas all go through it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.core.fileio import WriteError, atomic, write_atomic
from consent_tui.core.schema import catalogue_schema_text
from tests.conftest import SAMPLES


def test_writes_a_new_file_with_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "out.html", b"<p>hi</p>")
    finally:
        os.umask(old)
    assert (tmp_path / "out.html").read_bytes() == b"<p>hi</p>"
    assert stat.S_IMODE((tmp_path / "out.html").stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_replacing_keeps_the_permissions(tmp_path: Path) -> None:
    target = tmp_path / "policy.md"
    target.write_text("old")
    target.chmod(0o604)
    write_atomic(target, b"new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_a_symlink_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_failure_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "policy.md"
    target.write_text("old")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, b"new")
    assert caught.value.reason == "cannot write the file: No space left on device"
    assert isinstance(caught.value, OSError) and caught.value.errno == 28
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["policy.md"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder"):
        write_atomic(tmp_path, b"new")


def test_an_export_through_a_symlink_writes_its_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "published" / "cookies.md"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "cookies.md"
    link.symlink_to(real)
    assert main(["export", str(SAMPLES / "minimal.toml"), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# ")
    capsys.readouterr()


def test_an_export_into_an_unwritable_folder_says_which_step_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(**_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    target = tmp_path / "cookies.md"
    assert main(["export", str(SAMPLES / "minimal.toml"), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == f"consent-tui: {target}: cannot create a file in {tmp_path}: Permission denied\n"


def test_a_new_schema_file_gets_the_usual_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "catalogue.schema.json"
    mask = os.umask(0o022)
    try:
        assert main(["schema", "-o", str(target)]) == 0
    finally:
        os.umask(mask)
    assert target.read_text(encoding="utf-8") == catalogue_schema_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert capsys.readouterr().err == ""


def test_temporary_files_of_dead_writers_are_removed(tmp_path: Path) -> None:
    """kill -9 during a save leaves .NAME.PID.XXXXXXXX.tmp; the next write removes it."""
    import subprocess
    import sys

    target = tmp_path / "cat.toml"
    target.write_text("old")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = tmp_path / f".cat.toml.{dead.stdout.strip()}.abcd1234.tmp"
    stale.write_text("half")
    live = tmp_path / f".cat.toml.{os.getpid()}.live5678.tmp"
    live.write_text("in progress")
    mine = tmp_path / ".cat.toml.notes.tmp"  # not a temporary file's shape: a user's file
    mine.write_text("keep")
    old_style = tmp_path / ".cat.toml.zz9_k2lq.tmp"
    old_style.write_text("old")
    os.utime(old_style, (0, 0))
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert not stale.exists() and not old_style.exists()
    assert live.exists() and mine.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["cat.toml", live.name, mine.name])


def test_a_special_file_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="not a regular file"):
        write_atomic(fifo, b"x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
