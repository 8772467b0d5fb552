"""The command line's own robustness: typos of commands, terminals that lack characters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consent_tui.cli import main


@pytest.mark.parametrize(("typo", "meant"), [("exprot", "export"), ("valdate", "validate")])
def test_a_mistyped_command_is_named(
    typo: str,
    meant: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([typo, "x.toml"]) == 2
    assert f"did you mean {meant!r}?" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_like_a_command_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a word that is no file is taken for a typo."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exprot").write_text("")
    from consent_tui import cli

    assert cli._mistyped_command("exprot") is None
    assert cli._mistyped_command("shop.toml") is None


def test_an_ascii_terminal_gets_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "café.toml"
    path.write_text('format_version = 1\n[policy]\nsite_name = "Café “Noir”"\n', encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "consent_tui", "validate", str(path)],
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"caf?.toml" in done.stdout
    done.stdout.decode("ascii")


def _minimal(tmp_path: Path) -> Path:
    from tests.conftest import SAMPLES

    path = tmp_path / "cat.toml"
    path.write_bytes((SAMPLES / "minimal.toml").read_bytes())
    return path


@pytest.mark.parametrize(
    "spelling",
    ["cat.toml", "./cat.toml", "sub/../cat.toml", "link.toml", "hard.toml"],
)
def test_export_refuses_to_overwrite_its_catalogue(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    spelling: str,
) -> None:
    path = _minimal(tmp_path)
    original = path.read_bytes()
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.toml").symlink_to(path)
    os.link(path, tmp_path / "hard.toml")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "cat.toml", "-f", "markdown", "-o", spelling]) == 2
    assert "is the input" in capsys.readouterr().err
    assert path.read_bytes() == original


def test_export_refuses_to_overwrite_its_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _minimal(tmp_path)
    template = tmp_path / "t.j2"
    template.write_text("{{ doc.title }}\n")
    assert main(["export", str(path), "--template", str(template), "-o", str(template)]) == 2
    assert template.read_text() == "{{ doc.title }}\n"


@pytest.mark.parametrize("command", [["export", "-f", "markdown"], ["schema"]])
def test_output_onto_a_device_writes_it_and_keeps_it(tmp_path: Path, command: list[str]) -> None:
    before = os.stat("/dev/null")
    argv = [
        command[0],
        *([str(_minimal(tmp_path))] if command[0] == "export" else []),
        *command[1:],
    ]
    assert main([*argv, "-o", "/dev/null"]) == 0
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_rdev, after.st_mode) == (
        before.st_ino,
        before.st_rdev,
        before.st_mode,
    )


def test_output_onto_a_fifo_reaches_its_reader(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    thread.start()
    assert main(["export", str(_minimal(tmp_path)), "-f", "markdown", "-o", str(fifo)]) == 0
    thread.join(5)
    assert got and got[0].startswith(b"# Cookie policy")
    assert fifo.is_fifo()


def test_output_to_dev_stdout(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "consent_tui",
            "export",
            str(_minimal(tmp_path)),
            "-o",
            "/dev/stdout",
        ],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"# Cookie policy")


def test_control_characters_in_paths_are_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "nowhere\x1b[31m\n.toml"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "nowhere\\x1b[31m\\n.toml" in err
