"""``consent-tui [edit] FILE``: clear refusals before the terminal UI starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_tui.cli import main


def test_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == 2
    assert (
        capsys.readouterr().err == f"consent-tui: {tmp_path}: is a folder, not a catalogue file\n"
    )


def test_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "nowhere" / "policy.toml"
    assert main(["edit", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == f"consent-tui: {target}: the folder {target.parent} does not exist\n"


def test_without_a_terminal_the_editor_says_what_to_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "policy.toml"  # pytest captures stdin/stdout: not a terminal
    assert main(["edit", str(target)]) == 2
    assert "the editor needs a terminal" in capsys.readouterr().err
    assert not target.exists()
