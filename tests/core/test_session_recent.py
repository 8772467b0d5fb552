"""Recent files: most recent first, capped, missing files pruned, damage tolerated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consent_tui import paths
from consent_tui.core.session import recent


def _files(tmp_path: Path, n: int) -> list[Path]:
    out = []
    for i in range(n):
        path = tmp_path / f"c{i}.toml"
        path.write_text("format_version = 1\n", encoding="utf-8")
        out.append(path)
    return out


def test_most_recent_first_and_once(tmp_path: Path) -> None:
    a, b = _files(tmp_path, 2)
    recent.add(a, now=1)
    recent.add(b, now=2)
    recent.add(a, now=3)
    assert [(f.path, f.opened) for f in recent.load()] == [(a, 3.0), (b, 2.0)]
    data = json.loads(paths.recent_file().read_text(encoding="utf-8"))
    assert data == {
        "format": 1,
        "files": [{"path": str(a), "opened": 3.0}, {"path": str(b), "opened": 2.0}],
    }


def test_paths_are_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (a,) = _files(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    recent.add("c0.toml")
    assert [f.path for f in recent.load()] == [a]


def test_capped(tmp_path: Path) -> None:
    files = _files(tmp_path, recent.LIMIT + 3)
    for i, path in enumerate(files):
        recent.add(path, now=i)
    listed = [f.path for f in recent.load()]
    assert listed == list(reversed(files))[: recent.LIMIT]


def test_missing_files_are_pruned(tmp_path: Path) -> None:
    a, b = _files(tmp_path, 2)
    recent.add(a)
    recent.add(b)
    b.unlink()
    assert [f.path for f in recent.load()] == [a]
    data = json.loads(paths.recent_file().read_text(encoding="utf-8"))
    assert [f["path"] for f in data["files"]] == [str(a)]


def test_remove_and_clear(tmp_path: Path) -> None:
    a, b = _files(tmp_path, 2)
    recent.add(a)
    recent.add(b)
    recent.remove(b)
    assert [f.path for f in recent.load()] == [a]
    recent.clear()
    assert recent.load() == []


@pytest.mark.parametrize("content", ["{broken", "[1, 2]", '{"files": [3, {"x": 1}]}', ""])
def test_damaged_list_is_empty(content: str, tmp_path: Path) -> None:
    paths.recent_file().parent.mkdir(parents=True, exist_ok=True)
    paths.recent_file().write_text(content, encoding="utf-8")
    assert recent.load() == []
    (a,) = _files(tmp_path, 1)
    recent.add(a)
    assert [f.path for f in recent.load()] == [a]


def test_unwritable_state_folder_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    (a,) = _files(tmp_path, 1)
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))  # a file where a folder should be
    recent.add(a)
    assert recent.load() == []
