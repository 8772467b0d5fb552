"""The user config file: a broken one is reported, never a crash."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from consent_tui.ui import config


def test_deeply_nested_config_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("x = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    loaded = config.load(path)
    assert loaded.keys == {}
    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{path}:1:")


def test_invalid_config_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[keys\n', encoding="utf-8")
    loaded = config.load(path)
    assert loaded.problems == [loaded.problems[0]]
    assert loaded.problems[0].startswith(f"{path}:2:")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_text("x = " + "9" * 4301 + "\n"), "more than 4,300 digits"),
        (lambda p: os.mkfifo(p), "is a pipe"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b"theme = '\xff'\n"), "not UTF-8"),
        (lambda p: p.write_bytes(b"#" * (2 * 1024 * 1024)), "larger than 1 MiB"),
        (lambda p: os.symlink(p, p), "symbolic links"),
    ],
)
def test_a_hostile_config_is_a_problem_never_a_crash_or_a_hang(
    tmp_path: Path, make: Callable[[Path], object], reason: str
) -> None:
    path = tmp_path / "config.toml"
    make(path)
    loaded = config.load(path)
    assert loaded.keys == {} and loaded.theme is None
    assert len(loaded.problems) == 1 and reason in loaded.problems[0], loaded.problems
