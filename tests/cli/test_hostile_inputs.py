"""Every command against hostile input files: one clear message and exit 2, never a traceback.

Each command that reads a file is given, in its place: an empty file, binary
bytes, invalid UTF-8, UTF-16, a file over the size limit (sparse, so it costs
nothing to make), nesting deeper than any reader allows, a 4,301-digit integer,
a directory, a FIFO nobody writes to, ``/dev/zero``, a symbolic link loop, a
file it may not read (as root, the command runs without the capabilities that let
root read any file), and a name with control characters. Commands that write (``-o``) must leave no
output and no temporary file behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

HANG = 20  # seconds: far beyond any answer; reaching it means the command hangs

# What a file of each kind holds when it is not hostile by its bytes alone.
NESTED = {
    "toml": "format_version = 1\nx = " + "[" * 400 + "]" * 400 + "\n",
    "json": "[" * 100_000 + "]" * 100_000,
}
LONG_INT = {
    "toml": "format_version = 1\n[policy]\nsite_name = 1" + "0" * 4301 + "\n",
    "json": '{"log": {"version": "1.2", "entries": [' + "9" * 4301 + "]}}",
}


def _make_text(text: str) -> Callable[[Path, str], None]:
    return lambda path, kind: path.write_text(text, encoding="utf-8")


INPUTS: dict[str, Callable[[Path, str], None]] = {
    "empty": lambda path, kind: path.write_bytes(b""),
    "binary": lambda path, kind: path.write_bytes(bytes(range(256)) * 64),
    "invalid-utf8": lambda path, kind: path.write_bytes(b"format_version = 1\n\xff\xfe\xfa\n"),
    "utf16": lambda path, kind: path.write_bytes("format_version = 1 ∂\n".encode("utf-16")),
    "huge": lambda path, kind: os.truncate(_touch(path), 2**31),
    "nested": lambda path, kind: path.write_text(NESTED[kind], encoding="utf-8"),
    "long-int": lambda path, kind: path.write_text(LONG_INT[kind], encoding="utf-8"),
    "directory": lambda path, kind: path.mkdir(),
    "fifo": lambda path, kind: os.mkfifo(path),
    "dev-zero": lambda path, kind: path.symlink_to("/dev/zero"),
    "symlink-loop": lambda path, kind: path.symlink_to(path),
    "unreadable": lambda path, kind: _unreadable(path),
}


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _unreadable(path: Path) -> None:
    path.write_text("format_version = 1\n", encoding="utf-8")
    path.chmod(0)


def _command(name: str, hostile: Path, out: Path) -> tuple[list[str], str]:
    """The arguments that give ``hostile`` to command ``name``, and the kind of file it reads."""
    catalogue = str(SAMPLES / "minimal.toml")
    evidence = str(ROOT / "tests" / "data" / "audit" / "before.har")
    commands: dict[str, tuple[list[str], str]] = {
        "validate": (["validate", str(hostile)], "toml"),
        "export": (["export", str(hostile), "-f", "markdown", "-o", str(out)], "toml"),
        "export-template": (
            ["export", catalogue, "--template", str(hostile), "-o", str(out)],
            "toml",
        ),
        "audit-catalogue": (["audit", str(hostile), evidence], "toml"),
        "audit-evidence": (["audit", catalogue, str(hostile)], "json"),
        "diff-old": (["diff", str(hostile), catalogue], "toml"),
        "diff-new": (["diff", catalogue, str(hostile)], "toml"),
        "init": (["init", "--from", str(hostile), "-o", str(out)], "json"),
        "known-update": (["known", "update", "--from", str(hostile)], "json"),
        "import": (["import", str(hostile), "-o", str(out)], "json"),
        "import-klaro": (["import", "--from", "klaro", str(hostile), "-o", str(out)], "json"),
    }
    return commands[name]


# Inputs that are no hostile bytes for a command: a template may be empty or hold any text.
HARMLESS = {"export-template": {"empty", "nested", "long-int"}}

COMMANDS = [
    "validate",
    "export",
    "export-template",
    "audit-catalogue",
    "audit-evidence",
    "diff-old",
    "diff-new",
    "init",
    "known-update",
    "import",
    "import-klaro",
]


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder an unprivileged user can enter (pytest's own tmp folders are private)."""
    folder = Path(tempfile.mkdtemp(prefix="consent-tui-hostile-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# As root, file permissions bind only without these capabilities (dropped for the command).
DROP_ROOT_READ = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def _run(argv: list[str], env: dict[str, str], bound: bool) -> subprocess.CompletedProcess[str]:
    """Run consent-tui; ``bound``: as root, without the power to read any file."""
    prefix = DROP_ROOT_READ if bound and os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "consent_tui", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=HANG,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def _environment(place: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        folder = place / f"xdg-{name.lower()}"
        folder.mkdir(exist_ok=True)
        folder.chmod(0o777)
        env[f"XDG_{name}_HOME"] = str(folder)
    env["HOME"] = str(place)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@pytest.mark.parametrize("what", list(INPUTS))
@pytest.mark.parametrize("command", COMMANDS)
def test_a_hostile_input_is_one_clear_error(command: str, what: str, place: Path) -> None:
    hostile = place / f"hostile-{what}.in"
    out = place / "out" / "result.txt"
    out.parent.mkdir()
    out.parent.chmod(0o777)
    if what in HARMLESS.get(command, ()):
        pytest.skip(f"{what} is a valid input for {command}")
    argv, kind = _command(command, hostile, out)
    INPUTS[what](hostile, kind)
    done = _run(argv, _environment(place), bound=what == "unreadable")
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, (done.returncode, done.stdout[-500:], done.stderr[-500:])
    message = (done.stdout + done.stderr).strip()  # validate reports on stdout, like a compiler
    assert hostile.name in message, message
    assert len(message) < 4000, "a clear message, not a dump"
    assert list(out.parent.iterdir()) == [], "no output and no temporary file may be left"


@pytest.mark.parametrize("command", ["validate", "export", "diff-old", "audit-catalogue"])
def test_control_characters_in_the_path_are_escaped(command: str, place: Path) -> None:
    hostile = place / "evil\x1b[31m\x07\r.toml"
    hostile.write_text("format_version = = 1\n", encoding="utf-8")
    out = place / "out.md"
    argv, _kind = _command(command, hostile, out)
    done = _run(argv, _environment(place), bound=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    for stream in (done.stdout, done.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\r" not in stream
    assert "evil\\x1b[31m\\x07\\r.toml" in done.stdout + done.stderr
    assert not out.exists()


OUTPUTS: dict[str, Callable[[Path], None]] = {
    "fifo": lambda path: os.mkfifo(path),
    "directory": lambda path: path.mkdir(),
    "symlink-loop": lambda path: path.symlink_to(path),
}


def _writer(name: str, target: Path) -> list[str]:
    catalogue = str(SAMPLES / "minimal.toml")
    evidence = str(ROOT / "tests" / "data" / "audit" / "before.har")
    return {
        "export": ["export", catalogue, "-f", "markdown", "-o", str(target)],
        "schema": ["schema", "-o", str(target)],
        "init": ["init", "--from", evidence, "-o", str(target), "--force"],
    }[name]


@pytest.mark.parametrize("what", list(OUTPUTS))
@pytest.mark.parametrize("command", ["export", "schema", "init"])
def test_an_output_that_cannot_take_a_file_is_refused_and_kept(
    command: str, what: str, place: Path
) -> None:
    """-o onto a FIFO nobody reads, a folder or a looping link: exit 2, the target as it was."""
    target = place / "target"
    OUTPUTS[what](target)
    before = os.lstat(target)
    done = _run(_writer(command, target), _environment(place), bound=False)
    assert "Traceback" not in done.stderr
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "target" in done.stderr
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert sorted(p.name for p in place.iterdir() if not p.name.startswith("xdg-")) == ["target"]
