"""``consent-tui validate``: output formats, exit codes, options, golden text output."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.commands import validate_output
from consent_tui.core.validation import all_rules
from tests.conftest import DATA, SAMPLES

HERE = DATA / "validate"


@pytest.fixture(autouse=True)
def _in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the fixtures' folder, so that outputs name files as users type them."""
    monkeypatch.chdir(HERE)
    monkeypatch.delenv("NO_COLOR", raising=False)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_golden_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "problems.toml")
    assert code == 1 and err == ""
    assert out == (HERE / "problems.expected.txt").read_text(encoding="utf-8")


def test_clean_samples_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    paths = sorted(str(p) for p in SAMPLES.glob("*.toml"))
    code, out, _ = _run(capsys, *paths)
    assert code == 0
    assert out == f"Checked {len(paths)} files: no problems.\n"


def test_warnings_pass_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "warnings.toml")
    assert code == 0
    assert out.endswith("Checked 1 file: 0 errors, 1 warning, 0 info.\n")
    code, out, _ = _run(capsys, "--strict", "warnings.toml")
    assert code == 1
    assert out.endswith("Checked 1 file: 0 errors, 1 warning, 0 info. (--strict: warnings fail)\n")


def test_invalid_toml_is_one_problem_with_a_place_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "broken.toml")
    assert code == 2 and err == ""
    assert out.splitlines()[0] == (
        "broken.toml:4:25: error[invalid-toml]: invalid TOML: illegal character '\\n'"
    )
    assert "Traceback" not in out


def test_unreadable_files_exit_2_but_others_are_still_checked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "missing.toml", "not-a-catalogue.toml", "problems.toml")
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == "missing.toml: error[unreadable-file]: no such file"
    assert lines[2].startswith("not-a-catalogue.toml: error[not-a-catalogue]: not a consent-tui")
    assert "problems.toml:6:1: error[invalid-url]" in out
    assert lines[-1].endswith("2 files could not be read as a catalogue.")


def test_non_utf8_and_folders(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'format_version = 1\n[policy]\nsite_name = "Caf\xe9"\n')
    code, out, _ = _run(capsys, str(bad), str(tmp_path))
    assert code == 2
    assert f"{bad}:3:17: error[invalid-encoding]: the file is not UTF-8 text" in out
    assert "a missing quote" not in out and "save the file as UTF-8" in out
    assert f"{tmp_path}: error[unreadable-file]: is a folder" in out


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])  # with and without a byte-order mark
def test_utf16_files_are_named_as_such(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, codec: str
) -> None:
    bad = tmp_path / "utf16.toml"
    bad.write_bytes((SAMPLES / "minimal.toml").read_text(encoding="utf-8").encode(codec))
    code, out, _ = _run(capsys, str(bad))
    assert code == 2
    assert f"{bad}:1:" in out and "error[invalid-encoding]" in out
    assert "hint: the file looks like UTF-16: save it as UTF-8" in out


def test_stdin_is_read_as_strictly_as_a_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = b'format_version = 1\n[policy]\nsite_name = "Caf\xe9"\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), errors="surrogateescape"))
    code, out, _ = _run(capsys, "-")
    assert code == 2
    assert out.startswith("<stdin>:3:17: error[invalid-encoding]: the file is not UTF-8 text")


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "json", "problems.toml", "broken.toml")
    assert code == 2
    items = json.loads(out)
    assert [(i["file"], i["rule"], i["line"]) for i in items][:2] == [
        ("problems.toml", "invalid-url", 6),
        ("problems.toml", "unused-category", 14),
    ]
    assert items[-1]["rule"] == "invalid-toml" and items[-1]["entity"] == "file"
    cookie = next(i for i in items if i["rule"] == "missing-duration")
    assert cookie == {
        "file": "problems.toml",
        "rule": "missing-duration",
        "severity": "error",
        "message": "the duration of cookie `cart_id` of service `cart` is not given",
        "hint": cookie["hint"],
        "line": 30,
        "col": 1,
        "entity": "cookie",
        "entity_id": "cart/0",
        "field": "duration",
        "language": None,
    }


def test_json_of_a_clean_file_is_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format=json", str(SAMPLES / "minimal.toml"))
    assert (code, json.loads(out)) == (0, [])


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "github", "problems.toml", "not-a-catalogue.toml")
    lines = out.splitlines()
    assert code == 2
    assert lines[0] == (
        "::error file=problems.toml,line=6,col=1,title=invalid-url::site_url of [policy] "
        '("shop.example") has no scheme (https://)%0Ahint: write `site_url = "https://shop.example"`'
    )
    assert lines[1].startswith("::notice file=problems.toml,line=14,col=1,title=unused-category::")
    assert any(
        x.startswith("::warning file=problems.toml,line=32,col=1,title=unknown-key::")
        for x in lines
    )
    assert lines[-1].startswith("::error file=not-a-catalogue.toml,title=not-a-catalogue::")


def test_github_escaping() -> None:
    report = validate_output.FileReport(
        "a,b:c%.toml",
        [validate_output.Problem("r", "error", "50% done\r\nnext", "file", line=1, col=2)],
    )
    assert validate_output.github([report]) == (
        "::error file=a%2Cb%3Ac%25.toml,line=1,col=2,title=r::50%25 done%0D%0Anext\n"
    )


def test_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--ignore", "invalid-url,missing-duration", "problems.toml")
    assert code == 0
    assert "invalid-url" not in out and "missing-duration" not in out
    code, _out, err = _run(capsys, "--ignore", "invalid-urls", "problems.toml")
    assert code == 2
    assert (
        err
        == "consent-tui validate: error: unknown rule 'invalid-urls'; did you mean invalid-url?\n"
    )


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys)
    assert code == 2 and "name at least one FILE" in err
    code, _out, err = _run(capsys, "--format", "xml", "problems.toml")
    assert code == 2 and "invalid choice" in err


def test_explain_and_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--explain", "missing-duration")
    assert code == 0
    assert out.startswith("missing-duration (error, lifetimes)\n")
    assert "Source: CJEU C-673/17 Planet49" in out and "Fixed:" in out
    code, out, _ = _run(capsys, "--list-rules")
    assert code == 0
    assert ["consent-lifetime-too-long", "warning"] in [x.split()[:2] for x in out.splitlines()]
    assert [line.split()[0] for line in out.splitlines()] == [r.id for r in all_rules()]


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO((HERE / "warnings.toml").read_text()))
    code, out, _ = _run(capsys, "-")
    assert code == 0
    assert out.startswith("<stdin>:3:1: warning[missing-contact]:")


def test_colour_only_when_asked_or_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _code, out, _ = _run(capsys, "warnings.toml")
    assert "\x1b[" not in out  # captured output is not a terminal
    _code, out, _ = _run(capsys, "--color", "always", "warnings.toml")
    assert "\x1b[1;33mwarning\x1b[0m" in out and out.endswith("\x1b[0m\n")

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert validate_output.use_colour("auto", Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not validate_output.use_colour("auto", Tty())
    assert validate_output.use_colour("always", Tty())
    monkeypatch.setenv("NO_COLOR", "")
    monkeypatch.setenv("TERM", "dumb")
    assert not validate_output.use_colour("auto", Tty())


def test_help_documents_formats_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    for words in (
        "--format {text,json,github}",
        "--strict",
        "exit status:",
        "NO_COLOR",
        "docs/rules.md",
        "2  a file cannot be read",
    ):
        assert words in out


def test_real_process() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "consent_tui", "validate", "problems.toml", "broken.toml"],
        cwd=HERE,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == ""
    assert proc.stdout.startswith("problems.toml:6:1: error[invalid-url]")
    assert "\nbroken.toml:4:25: error[invalid-toml]" in proc.stdout
    assert "\x1b[" not in proc.stdout
