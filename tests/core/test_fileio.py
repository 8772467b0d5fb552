"""Safe reading and writing: bounded, no special file read or replaced, no input overwritten."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from consent_tui.core.fileio import FileError, check_not_input, read_limited, write_output
from consent_tui.core.fileio import writing as fileio


def test_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, 10) == b"x" * 10


def test_refuses_more_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"x" * 11)
    with pytest.raises(FileError, match="it is 11 bytes, larger than 10 bytes"):
        read_limited(path, 10)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: os.mkfifo(p), "is a pipe"),
        (lambda p: None, "no such file"),
        (lambda p: os.symlink(p, p), "too many levels of symbolic links"),
    ],
)
def test_refuses_what_is_not_a_regular_file(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x"
    make(path)
    started = time.monotonic()
    with pytest.raises(FileError, match=reason):
        read_limited(path, 1024)
    assert time.monotonic() - started < 2


def test_devices_are_refused_before_reading() -> None:
    started = time.monotonic()
    with pytest.raises(FileError, match="is a device"):
        read_limited("/dev/zero", 1024)
    assert time.monotonic() - started < 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    path.write_text("x")
    path.chmod(0)
    with pytest.raises(FileError, match="permission denied"):
        read_limited(path, 10)


def test_writes_a_new_and_an_existing_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "out.md"
    write_output(path, b"one")
    path.chmod(0o640)
    write_output(path, b"two")
    assert path.read_bytes() == b"two"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_device_is_written_not_replaced() -> None:
    before = os.stat("/dev/null")
    write_output("/dev/null", b"gone")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_fifo_is_written_to_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as stream:
            got.append(stream.read())

    thread = threading.Thread(target=reader)
    thread.start()
    write_output(fifo, b"policy")
    thread.join(5)
    assert got == [b"policy"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_nobody_reads_is_an_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileio, "FIFO_WAIT", 0.2)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(FileError, match="no program read"):
        write_output(fifo, b"policy")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="is a folder"):
        write_output(tmp_path, b"x")


def test_an_input_is_never_an_output(tmp_path: Path) -> None:
    source = tmp_path / "cat.toml"
    source.write_text("x")
    (tmp_path / "sub").mkdir()
    other = tmp_path / "sub" / ".." / "cat.toml"
    link = tmp_path / "link.toml"
    link.symlink_to(source)
    hard = tmp_path / "hard.toml"
    os.link(source, hard)
    for spelling in (source, other, link, hard):
        with pytest.raises(FileError, match="is the input"):
            check_not_input(spelling, [source])
    check_not_input(tmp_path / "new.md", [source])
