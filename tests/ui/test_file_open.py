"""The open dialog's path hints and its completion of file names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from consent_tui.ui.dialogs.file_open import PathSuggester, check_path, display_path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "shop.toml").write_text("format_version = 1\n", encoding="utf-8")
    (tmp_path / "shop-old.toml").write_text("format_version = 1\n", encoding="utf-8")
    (tmp_path / "sites").mkdir()
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    (tmp_path / ".hidden.toml").write_text("", encoding="utf-8")
    return tmp_path


def test_hints(tree: Path) -> None:
    sep = os.sep
    assert check_path("", tree) == (
        None,
        "Type the path of a catalogue, or pick a recent file below.",
        False,
    )
    assert check_path("shop.toml", tree) == (tree / "shop.toml", "Opens this catalogue.", False)
    assert check_path("new.toml", tree) == (
        tree / "new.toml",
        "New file: a starter catalogue is created, written when you save.",
        False,
    )
    assert check_path(f"{tree}{sep}", tree)[1:] == (
        "Type the file name (→ accepts a completion), or pick a recent file.",
        False,
    )
    assert check_path("sites", tree) == (None, "That is a folder: add / and the file name.", True)
    missing = tree / "nowhere"
    assert check_path("nowhere/x.toml", tree) == (
        None,
        f"The folder {display_path(missing)} does not exist.",
        True,
    )
    assert check_path(f"nowhere{sep}", tree)[2] is True


def test_home_is_shortened(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert display_path(tmp_path / "a" / "b.toml") == f"~{os.sep}a{os.sep}b.toml"
    assert display_path(Path("/elsewhere/b.toml")) == "/elsewhere/b.toml"


async def test_completion(tree: Path) -> None:
    suggest = PathSuggester()
    sep = os.sep
    assert await suggest.get_suggestion(f"{tree}{sep}sh") == f"{tree}{sep}shop-old.toml"
    assert await suggest.get_suggestion(f"{tree}{sep}shop.") == f"{tree}{sep}shop.toml"
    assert await suggest.get_suggestion(f"{tree}{sep}si") == f"{tree}{sep}sites{sep}"
    assert await suggest.get_suggestion(f"{tree}{sep}no") is None  # only .toml and folders
    assert await suggest.get_suggestion(f"{tree}{sep}.h") is None  # hidden files stay hidden
    assert await suggest.get_suggestion(f"{tree}{sep}") is None  # several: no guess
    assert await suggest.get_suggestion(f"{tree}{sep}missing{sep}x") is None
