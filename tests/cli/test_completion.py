"""Shell completion: argcomplete's protocol (the shell hook's environment and fd 8), and the hooks.

The hooks of all three shells run ``consent-tui`` with ``_ARGCOMPLETE=1``, ``COMP_LINE``
and ``COMP_POINT`` set, its stdout and stderr muted, and read the completions from file
descriptor 8, separated by ``_ARGCOMPLETE_IFS`` (a vertical tab unless set): that is
what :func:`complete` does, through bash's redirections. The bash hook is also sourced in
a real bash.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.commands import completion

BIN = Path(sys.executable).parent
CONSENT_TUI = str(BIN / "consent-tui")


def complete(line: str, cwd: Path | None = None, point: int | None = None) -> list[str]:
    """The completions consent-tui offers for ``line`` with the cursor at ``point`` (its end).

    Run as the hooks run it: the environment below, and ``8>&1 9>&2 1>/dev/null 2>&1``.
    """
    env = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_SHELL": "bash",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line) if point is None else point),
        "COMP_TYPE": "9",
    }
    env.pop("_ARGCOMPLETE_IFS", None)
    done = subprocess.run(
        ["bash", "-c", f"'{CONSENT_TUI}' 8>&1 9>&2 1>/dev/null 2>&1 </dev/null"],
        env=env,
        cwd=cwd,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return sorted(filter(None, (word.strip() for word in done.stdout.decode().split("\v"))))


def test_sub_commands_complete() -> None:
    assert {"edit", "validate", "export", "schema", "locate", "known", "completion"} <= set(
        complete("consent-tui ")
    )
    assert complete("consent-tui ex") == ["export"]
    assert complete("consent-tui val") == ["validate"]


def test_options_and_their_choices_complete() -> None:
    assert complete("consent-tui --v") == ["--version"]
    assert complete("consent-tui export --f") == ["--force", "--format", "--fragment"]
    assert complete("consent-tui export x.toml --che") == ["--check"]
    assert complete("consent-tui export x.toml --format kl") == ["klaro"]
    assert complete("consent-tui validate --format ") == ["github", "json", "text"]
    assert complete("consent-tui completion ") == ["--help", "-h", "bash", "fish", "zsh"]


def test_the_cursor_inside_the_line() -> None:
    line = "consent-tui val cookies.toml"
    assert complete(line, point=len("consent-tui val")) == ["validate"]


def test_file_names_complete(tmp_path: Path) -> None:
    (tmp_path / "cookies.toml").write_text("")
    (tmp_path / "public").mkdir()
    assert complete("consent-tui validate coo", cwd=tmp_path) == ["cookies.toml"]
    assert complete("consent-tui export cookies.toml --check pub", cwd=tmp_path) == ["public/"]


def test_the_bash_hook_in_a_real_bash() -> None:
    script = (
        'eval "$(consent-tui completion bash)"\n'
        'COMP_LINE="consent-tui export x.toml --format kl"; COMP_POINT=${#COMP_LINE}\n'
        "COMP_WORDS=(consent-tui export x.toml --format kl); COMP_CWORD=4\n"
        "_python_argcomplete consent-tui\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
        "complete -p consent-tui\n"
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].strip() == "klaro"
    assert lines[1].startswith("complete ") and lines[1].endswith(" consent-tui")


@pytest.mark.parametrize(
    ("shell", "marks"),
    [
        ("bash", ["complete -o nospace -o default -o bashdefault -F _python_argcomplete"]),
        ("zsh", ["#compdef consent-tui", 'COMP_LINE="$BUFFER"']),
        ("fish", ["complete --command consent-tui", "set -lx _ARGCOMPLETE 1"]),
    ],
)
def test_the_hook_of_each_shell(
    capsys: pytest.CaptureFixture[str], shell: str, marks: list[str]
) -> None:
    assert main(["completion", shell]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    for mark in marks:
        assert mark in out
    assert "consent-tui" in out


def test_without_the_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "argcomplete", None)  # import argcomplete fails
    monkeypatch.setitem(sys.modules, "argcomplete.shell_integration", None)
    assert main(["completion", "bash"]) == 2
    assert capsys.readouterr() == ("", f"consent-tui: {completion.EXTRA}\n")
    monkeypatch.setenv("_ARGCOMPLETE", "1")
    assert completion.answer(lambda: pytest.fail("no parser without argcomplete")) == 1


def test_an_ordinary_run_never_imports_argcomplete() -> None:
    code = (
        "import sys\nfrom consent_tui.cli import main\nmain(['schema'])\n"
        "print('argcomplete' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stderr.strip() == "False"
