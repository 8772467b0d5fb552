"""Export files are written atomically, with the usual permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from consent_tui.core.export.atomic import write_atomic


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


def test_a_failure_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "policy.md"
    target.write_text("old")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["policy.md"]
