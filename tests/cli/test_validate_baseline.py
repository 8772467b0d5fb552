"""``validate --baseline``: material changes since the baseline need a raised revision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consent_tui.cli import main
from tests.core.changes_support import BASE
from tests.git_support import Repo

LONGER = BASE.replace('"6 months"', '"13 months"')


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    repo = Repo(tmp_path / "site", monkeypatch)
    repo.commit({"cookies.toml": BASE}, "first")
    monkeypatch.chdir(repo.root)
    return repo


def test_a_material_change_without_a_raised_revision_is_an_error(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--baseline", "git:HEAD", "cookies.toml")[0] == 0  # nothing changed yet
    (repo.root / "cookies.toml").write_text(LONGER, encoding="utf-8")
    code, out, _ = run(capsys, "--baseline", "git:HEAD", "cookies.toml")
    assert code == 1
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "revision-not-raised" in line)
    assert lines[at : at + 2] == [
        "cookies.toml:10:1: error[revision-not-raised]: 1 material change since the baseline "
        '(cookie `_st_id` of service `stats`: duration "6 months" → "13 months" (longer)), but '
        "[banner] revision is 2 (baseline: 2)",
        "    hint: raise [banner] revision to 3, or run consent-tui diff BASELINE FILE --bump",
    ]
    (repo.root / "cookies.toml").write_text(LONGER.replace("revision = 2", "revision = 3"), "utf-8")
    assert run(capsys, "--baseline", "git:HEAD", "cookies.toml")[0] == 0


def test_a_file_baseline_and_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.toml").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.toml").write_text(LONGER, encoding="utf-8")
    code, out, _ = run(capsys, "--baseline", "old.toml", "--format", "json", "new.toml")
    assert code == 1
    [problem] = [p for p in json.loads(out) if p["rule"] == "revision-not-raised"]
    assert (problem["entity"], problem["field"], problem["line"]) == ("banner", "revision", 10)


def test_informational_changes_need_no_revision(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.root / "cookies.toml").write_text(BASE.replace('"Connexion"', '"Login"'), "utf-8")
    assert run(capsys, "--baseline", "git:HEAD", "cookies.toml")[0] == 0


def test_an_unreadable_baseline_exits_2(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--baseline", "git:nope", "cookies.toml")
    assert code == 2
    assert out.startswith(
        "cookies.toml: error[unreadable-file]: the baseline nope:cookies.toml: "
        "unknown revision 'nope'"
    )
    code, out, _ = run(capsys, "--baseline", "missing.toml", "cookies.toml")
    assert code == 2 and "the baseline missing.toml: no such file" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--baseline", "git:HEAD", "-"], "cannot be used with - (stdin)"),
        (["--baseline", "git:", "cookies.toml"], "--baseline needs git:REV or a file"),
    ],
)
def test_usage(
    repo: Repo, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err


def test_the_rule_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--explain", "revision-not-raised"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("revision-not-raised (error, baseline)")
    assert "GDPR art. 4(11)" in out
