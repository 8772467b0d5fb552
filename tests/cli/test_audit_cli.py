"""``consent-tui audit``: golden output in every format, exit codes, bad input, no values."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.commands import audit as audit_command
from consent_tui.commands.audit_known import NOT_INSTALLED
from consent_tui.commands.progress import ProgressBar
from consent_tui.core.evidence import INPUT_FORMATS
from tests.conftest import ROOT
from tests.core.evidence.support import AUDIT, MARK

GOLDEN = ROOT / "tests" / "golden" / "audit"
ALL = [
    "site.toml",
    "accept.har",
    "cookies.txt",
    "wec",
    "wec-yaml",
    "scan.json",
    "--before-consent",
    "before.har",
    "--after-reject",
    "reject.json",
    "--recorded-at",
    "2026-03-01T10:00:00Z",
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["audit", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def in_site(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(AUDIT)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_golden_output(fmt: str, in_site: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([*ALL, "--format", fmt, "--color", "never"], capsys)
    assert code == 1
    golden = GOLDEN / f"site.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert err.splitlines() == [
        "wec/inspection.yml: note: skipped: beside the collector's output",
        "note: before.har: 1 Set-Cookie header(s) a browser would refuse (a Domain the "
        "response's host is not in, or a public suffix) were left out",
        "note: cookies.txt:6:48: bytes that are not UTF-8 (the first is 0xe9) were replaced by "
        "U+FFFD",
        "note: cookies.txt:7: a line that is not a cookie was skipped",
        *([f"note: {NOT_INSTALLED}"] if fmt == "text" else []),
    ]
    assert MARK not in out and MARK not in err
    assert "\x1b" not in out and "\x1b" not in err


def test_json_is_what_docs_describe(in_site: None, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run([*ALL, "--format", "json"], capsys)
    data = json.loads(out)
    assert list(data) == [
        "format", "version", "catalogue", "site", "summary", "recordings", "skipped", "findings",
        "ignored", "known",
    ]  # fmt: skip
    assert (data["format"], data["version"]) == ("consent-tui-audit", 1)
    assert data["summary"] == {
        "errors": 18, "warnings": 1, "ignored": 1, "recordings": 7, "observations": 37,
        "matched": 27,
    }  # fmt: skip
    finding = data["findings"][0]
    assert list(finding) == [
        "rule", "severity", "title", "message", "hint", "file", "line", "col", "service",
        "cookie_index", "declared_name", "declared_lifetime_seconds", "observed", "evidence",
        "occurrences", "files", "suggested_pattern", "known",
    ]  # fmt: skip
    assert list(finding["evidence"]) == [
        "file", "where", "consent", "how", "url", "seen_at", "value_size"
    ]  # fmt: skip
    docs = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    assert data["known"] == {
        "installed": False, "used": False, "source": None, "retrieved": None, "entries": None,
        "licence": None, "attribution": None, "error": None,
    }  # fmt: skip
    keys = [*finding, *finding["evidence"], *finding["observed"], *data["summary"], *data["known"]]
    for key in keys:
        assert f"`{key}`" in docs, key


def test_exit_codes(tmp_path: Path, in_site: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["site.toml", "accept.har"], capsys)[0] == 1  # errors
    assert run(["site.toml", "scan.json"], capsys)[0] == 0  # only warnings: not seen
    assert run(["site.toml", "scan.json", "--fail-on", "warning"], capsys)[0] == 1
    clean = tmp_path / "clean.toml"
    clean.write_text(
        'format_version = 1\n[policy]\nsite_url = "https://www.petit-four.example"\n'
        '[categories.n]\nconsent = false\n[services.s]\ncategory = "n"\n'
        '[[services.s.cookies]]\nname = "pf_session"\nduration = "session"\n'
        '[[services.s.cookies]]\nname = "pf_offline"\ntype = "indexed_db"\n'
        'duration = "persistent"\n'
        '[[services.s.cookies]]\nname = "never"\nduration = "1 day"\n'
    )
    code, out, _ = run([str(clean), "scan.json"], capsys)
    assert code == 0 and "1 warning" in out  # `never` was not seen: a warning
    assert run([str(clean), "scan.json", "--fail-on", "warning"], capsys)[0] == 1
    clean.write_text(clean.read_text().rsplit('[[services.s.cookies]]\nname = "never"', 1)[0])
    code, out, _ = run([str(clean), "scan.json", "--fail-on", "warning"], capsys)
    assert code == 0 and out.endswith("No findings: the recordings match the catalogue.\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["site.toml"], "consent-tui audit: error: name at least one evidence file or folder"),
        (["missing.toml", "scan.json"], "missing.toml: error: no such file"),
        (["site.toml", "nope.har"], "nope.har: error: no such file or folder"),
        (
            ["site.toml", "scan.json", "--recorded-at", "soon"],
            "consent-tui audit: error: --recorded-at 'soon' is not an ISO 8601 date or time",
        ),
        (
            ["site.toml", "generate.py"],
            "generate.py: error: not an evidence file consent-tui reads",
        ),
        (["site.toml", "/dev/null"], "/dev/null: error: is a device, not an evidence file"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    argv: list[str], message: str, in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith(message)


def test_every_bad_evidence_is_named_before_exiting(
    tmp_path: Path, in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    cut = tmp_path / "cut.har"
    cut.write_text('{"log": {"version": "1.2", "entries": [{"request"')
    v2 = tmp_path / "v2.har"
    v2.write_text('{"log": {"version": "2.0", "entries": []}}')
    code, out, err = run(["site.toml", str(cut), "scan.json", str(v2)], capsys)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"{cut}:1:50: error: the JSON ends too early (is the file truncated?): "
        "expecting ':' delimiter",
        f"{v2}: error: is a HAR of version '2.0'; consent-tui reads HAR 1.2 (and 1.1)",
    ]


def test_a_fifo_does_not_hang_the_command(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.har"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "consent_tui", "audit", str(AUDIT / "site.toml"), str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == f"{fifo}: error: is a named pipe (FIFO), not an evidence file\n"
    assert "Traceback" not in done.stderr


def test_hostile_file_names_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x\x1b[2Jy.har"
    code, _out, err = run([str(AUDIT / "site.toml"), str(bad)], capsys)
    assert code == 2 and "\x1b" not in err and "x\\x1b[2Jy.har" in err


def test_the_command_spells_the_input_formats_of_the_core() -> None:
    assert audit_command.INPUT_FORMATS == INPUT_FORMATS


def test_progress_bar_on_a_terminal_only() -> None:
    import io

    stream = io.StringIO()
    bar = ProgressBar(stream, enabled=True)
    bar.start("big.har")
    bar("parsing", 50, 100)
    bar("parsing", 100, 100)
    bar.clear()
    text = stream.getvalue()
    assert "big.har parsing  [############------------]  50%" in text
    assert text.endswith("\r\x1b[2K") and "100%" in text
    quiet = io.StringIO()
    ProgressBar(quiet)("parsing", 1, 2)  # not a terminal: nothing drawn
    assert quiet.getvalue() == ""
