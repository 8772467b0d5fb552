"""``consent-tui export --check OUT``: 0 when the committed export is current, 1 stale, 2 errors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.commands.export_check import UPDATE, difference
from tests.conftest import DATA, ROOT, SAMPLES

GOLDEN = ROOT / "tests" / "golden" / "export"
ODS = str(SAMPLES / "opendatasoft.toml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _committed(tmp_path: Path, golden: str = "opendatasoft.en.html") -> Path:
    target = tmp_path / "public" / "cookies.html"
    target.parent.mkdir()
    shutil.copyfile(GOLDEN / golden, target)
    return target


def test_a_current_export_passes_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = _committed(tmp_path)
    before = os.stat(target)
    assert run(capsys, "export", ODS, "--check", str(target)) == (
        0,
        "",
        f"consent-tui: {target}: up to date\n",
    )
    assert os.stat(target).st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in target.parent.iterdir()) == ["cookies.html"]


def test_a_stale_export_fails_with_a_one_line_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = _committed(tmp_path)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Opendatasoft", "OldName", 1), encoding="utf-8")
    line = text[: text.index("Opendatasoft")].count("\n") + 1
    code, out, err = run(capsys, "export", ODS, "--check", str(target))
    assert (code, out) == (1, "")
    assert err == (
        f"consent-tui: {target}: stale: 1 line to add and 1 to remove, "
        f"the first difference at line {line}; {UPDATE}\n"
    )
    assert target.read_text(encoding="utf-8") != text  # left as it was


def test_the_format_and_options_are_those_of_the_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "policy.txt"
    shutil.copyfile(GOLDEN / "opendatasoft.w120.fr.txt", target)
    assert (
        run(capsys, "export", ODS, "--lang", "fr", "--width", "120", "--check", str(target))[0] == 0
    )
    assert run(capsys, "export", ODS, "--lang", "fr", "--check", str(target))[0] == 1  # width 80


def test_a_missing_export_is_stale(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "cookies.md"
    code, out, err = run(capsys, "export", ODS, "--check", str(target))
    assert (code, out, err) == (1, "", f"consent-tui: {target}: stale: missing; {UPDATE}\n")
    assert not target.exists()


def test_every_language_is_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_dir = tmp_path / "public"
    assert (
        run(capsys, "export", ODS, "-f", "markdown", "--all-languages", "-o", str(out_dir))[0] == 0
    )
    code, _, err = run(
        capsys, "export", ODS, "-f", "markdown", "--all-languages", "--check", str(out_dir)
    )
    assert code == 0
    assert err.splitlines() == [
        f"consent-tui: {out_dir / 'policy.en.md'}: up to date",
        f"consent-tui: {out_dir / 'policy.fr.md'}: up to date",
    ]
    (out_dir / "policy.fr.md").unlink()
    code, _, err = run(
        capsys, "export", ODS, "-f", "markdown", "--all-languages", "--check", str(out_dir)
    )
    assert code == 1
    assert (
        err.splitlines()[1] == f"consent-tui: {out_dir / 'policy.fr.md'}: stale: missing; {UPDATE}"
    )


def test_a_banner_export_holding_every_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "klaro-config.js"
    assert run(capsys, "export", ODS, "-f", "klaro", "-o", str(target))[0] == 0
    assert run(capsys, "export", ODS, "-f", "klaro", "--check", str(target))[0] == 0
    target.write_text(target.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    assert run(capsys, "export", ODS, "-f", "klaro", "--check", str(target))[0] == 1


@pytest.mark.parametrize(
    ("committed", "exported", "summary"),
    [
        (b"a\nb\n", b"a\nb\n", None),
        (b"a\r\nb\r\n", b"a\nb\n", "only its line ends differ (CRLF; the export writes LF: see "
         "git's core.autocrlf)"),
        (b"a\nb", b"a\nb\n", "only the line ends at its end differ"),
        (b"a\nc\n", b"a\nb\n", "1 line to add and 1 to remove, the first difference at line 2"),
        (b"a\n", b"a\nb\nc\n", "2 lines to add and 0 to remove, the first difference at line 2"),
        (b"b\na\n", b"a\nb\n", "the same lines in another order, the first difference at line 1"),
        (b"\xff\x00bin", b"a\n", "2 lines to add and 1 to remove, the first difference at line 1"),
        (b"", b"a\n", "1 line to add and 0 to remove, the first difference at line 1"),
    ],
)  # fmt: skip
def test_the_summary(committed: bytes, exported: bytes, summary: str | None) -> None:
    assert difference(committed, exported) == summary


def test_a_huge_file_is_stale_unread(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "cookies.md"
    with target.open("wb") as handle:
        handle.truncate(40 * 1024 * 1024)
    code, _, err = run(capsys, "export", ODS, "--check", str(target))
    assert code == 1
    assert err.startswith(f"consent-tui: {target}: stale: larger than 16 MiB; the export is ")


def test_what_cannot_be_read_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "cookies.md"
    folder.mkdir()
    assert run(capsys, "export", ODS, "--check", str(folder)) == (
        2,
        "",
        f"consent-tui: {folder}: is a folder, not a file; cannot check it\n",
    )
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "export", ODS, "--check", str(fifo))
    assert (code, err) == (
        2,
        f"consent-tui: {fifo}: is a pipe (FIFO), not a regular file; cannot check it\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--check", "a.md", "-o", "b.md"],
         "--check OUT compares with OUT: give it instead of -o, not both"),
        (["--check", "-"],
         "--check needs the file (or folder, with --all-languages) to compare with"),
        (["--check", "x.weird"], "cannot tell the format from 'x.weird': add --format"),
    ],
)  # fmt: skip
def test_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert run(capsys, "export", ODS, *args) == (2, "", f"consent-tui: {message}\n")


def test_a_catalogue_with_errors_or_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = _committed(tmp_path)
    code, _, err = run(
        capsys, "export", str(DATA / "validate" / "problems.toml"), "--check", str(target)
    )
    assert code == 1
    assert "nothing exported" in err and "up to date" not in err and "stale" not in err
    code, _, err = run(
        capsys, "export", str(DATA / "validate" / "broken.toml"), "--check", str(target)
    )
    assert code == 2 and "error" in err
