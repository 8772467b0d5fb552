"""``consent-tui init``: golden drafts with and without a database, messages, bad input, -o."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.commands import init as init_command
from consent_tui.core import drafting
from consent_tui.core.evidence import INPUT_FORMATS
from consent_tui.core.known import installation
from consent_tui.core.store import load, load_text
from consent_tui.core.validation import validate
from tests.conftest import DATA, ROOT
from tests.core.evidence.support import AUDIT, MARK
from tests.core.known_support import install_file

GOLDEN = ROOT / "tests" / "golden" / "init"
SITE_EVIDENCE = [
    "accept.har",
    "cookies.txt",
    "wec",
    "wec-yaml",
    "scan.json",
    "../init/known.har",
    "--before-consent",
    "before.har",
    "--after-reject",
    "reject.json",
]
RECORDED = ["--recorded-at", "2026-03-01T10:00:00Z"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["init", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def in_site(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(AUDIT)


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(installation, "now", lambda: "2026-03-01T12:00:00Z")
    install_file()


def _golden(name: str, text: str) -> str:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    return golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "lang", "with_database"),
    [("site.toml", "en", False), ("site.known.toml", "en", True), ("site.fr.toml", "fr", True)],
)
def test_golden_drafts(
    name: str,
    lang: str,
    with_database: bool,
    tmp_path: Path,
    in_site: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if with_database:
        monkeypatch.setattr(installation, "now", lambda: "2026-03-01T12:00:00Z")
        install_file()
    out = tmp_path / name
    code, stdout, err = run(
        ["-o", str(out), "--lang", lang, *RECORDED, "--from", *SITE_EVIDENCE], capsys
    )
    assert code == 0, err
    assert stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text == _golden(name, text)
    assert MARK not in text and MARK not in err
    assert "\x1b" not in text and "\x1b" not in err
    catalogue = load_text(text)
    problems = validate(catalogue)
    assert [p for p in problems if p.severity == "error"] == []
    review = {p.entity_id for p in problems if p.rule == "needs-review"}
    assert review == {s.id for s in catalogue.services.values() if s.review} | {None}
    assert catalogue.languages == (lang,)
    lines = err.splitlines()
    assert lines[-2].startswith(f"consent-tui: wrote {out}: ")
    assert "0 errors" in lines[-2]
    assert lines[-1] == (
        f"Next: `consent-tui {out}` opens it for review; `consent-tui validate {out}` "
        "lists what is left to check."
    )
    missing = "note: no known-cookie database is installed"
    assert any(line.startswith(missing) for line in lines) is not with_database


def test_the_draft_validates_with_the_command(
    tmp_path: Path, in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site.toml"
    assert run(["--from", "accept.har", "-o", str(out)], capsys)[0] == 0
    assert main(["validate", str(out)]) == 0
    assert "needs-review" in capsys.readouterr().out


def test_no_database_means_everything_to_review(
    tmp_path: Path, in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site.toml"
    code, _out, err = run(["--from", "../init/known.har", "-o", str(out)], capsys)
    assert code == 0
    catalogue = load(out).catalogue
    assert all(sid.startswith("unreviewed") for sid in catalogue.services)
    assert all(s.review for s in catalogue.services.values())
    assert "`consent-tui known update` installs the Open Cookie Database" in err
    assert "(0 identified by the Open Cookie Database, 13 to identify)" in err


def test_a_damaged_database_is_a_note(
    tmp_path: Path, in_site: None, database: None, capsys: pytest.CaptureFixture[str]
) -> None:
    info = installation.installed()
    assert info is not None
    info.file.write_text("not the database\n")
    out = tmp_path / "site.toml"
    code, _out, err = run(["--from", "accept.har", "-o", str(out)], capsys)
    assert code == 0
    assert "note: the installed known-cookie database cannot be read" in err
    assert "note: drafting without it: every cookie is left to review" in err


def test_an_existing_output_needs_force(
    tmp_path: Path, in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site.toml"
    out.write_text("mine\n")
    code, _out, err = run(["--from", "accept.har", "-o", str(out)], capsys)
    assert code == 2
    assert err == (
        f"consent-tui init: error: {out}: exists; give --force to replace it (or another -o)\n"
    )
    assert out.read_text() == "mine\n"
    assert run(["--from", "accept.har", "-o", str(out), "--force"], capsys)[0] == 0
    assert out.read_text().startswith("# Cookie catalogue of www.petit-four.example")


def test_an_input_is_never_the_output(
    tmp_path: Path, in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    evidence = tmp_path / "accept.har"
    shutil.copyfile(AUDIT / "accept.har", evidence)
    before = evidence.read_bytes()
    code, _out, err = run(["--from", str(evidence), "-o", str(evidence), "--force"], capsys)
    assert code == 2
    assert "is the input" in err and err.count("\n") == 1
    assert evidence.read_bytes() == before
    folder = tmp_path / "scans"
    folder.mkdir()
    shutil.copyfile(AUDIT / "accept.har", folder / "a.har")
    code, _out, err = run(["--from", str(folder), "-o", str(folder / "a.har"), "--force"], capsys)
    assert code == 2 and "is the input" in err


def test_a_folder_is_no_output(tmp_path: Path, in_site: None, capsys: pytest.CaptureFixture[str]):
    code, _out, err = run(["--from", "accept.har", "-o", str(tmp_path)], capsys)
    assert code == 2
    assert (
        err
        == f"consent-tui init: error: {tmp_path}: is a folder; name the catalogue file to write\n"
    )


def test_a_device_is_written_not_replaced(
    in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(["--from", "accept.har", "-o", "/dev/null"], capsys)
    assert code == 0, err
    assert Path("/dev/null").is_char_device()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: _write(d / "empty.har", b""), "empty.har: error: the file is empty"),
        (lambda d: _write(d / "bin.har", b"\x00\x01\x02binary"), "bin.har: error:"),
        (lambda d: _write(d / "cut.har", b'{"log": {"version": "1.2", "entries": [{'), "cut.har"),
        (lambda d: d / "missing.har", "missing.har: error: no such file or folder"),
        (lambda d: (d / "nothing").mkdir() or d / "nothing", "nothing: error: the folder holds"),
    ],
)
def test_unreadable_evidence_exits_2(
    make: object,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    out = tmp_path / "out.toml"
    code, stdout, err = run(["--from", str(path), "-o", str(out)], capsys)
    assert code == 2 and stdout == ""
    assert message in err, err
    assert not out.exists()


def test_a_har_without_cookies_drafts_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    har = tmp_path / "plain.har"
    har.write_text(
        '{"log": {"version": "1.2", "creator": {"name": "x", "version": "1"}, "entries": ['
        '{"startedDateTime": "2026-03-01T10:00:00Z", "request": {"method": "GET", "url": '
        '"https://www.example.org/", "headers": []}, "response": {"status": 200, "headers": '
        "[]}}]}}"
    )
    out = tmp_path / "out.toml"
    code, _out, err = run(["--from", str(har), "-o", str(out)], capsys)
    assert code == 2 and not out.exists()
    assert err.splitlines()[-1] == (
        "consent-tui init: error: the evidence holds no cookie or storage item a catalogue "
        f"could declare ({har} holds no cookie data: Chrome and Edge leave cookies out of a "
        "HAR unless it is exported with sensitive data, see docs/audit.md)"
    )


def test_the_site_when_the_evidence_does_not_say(
    tmp_path: Path, in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.toml"
    code, _out, err = run(["--from", "reject.json", "-o", str(out), *RECORDED], capsys)
    assert code == 2
    assert err == (
        "consent-tui init: error: the evidence does not say which site it was recorded on "
        "(storage states and cookies.txt files do not); give it with --site https://…\n"
    )
    argv = ["--from", "reject.json", "-o", str(out), "--site", "https://www.petit-four.example"]
    assert run(argv, capsys)[0] == 0
    policy = load(out).catalogue.policy
    assert (policy.site_url, policy.site_name) == (
        "https://www.petit-four.example",
        "petit-four.example",
    )
    code, _out, err = run([*argv[:4], "--site", "petit-four.example", "--force"], capsys)
    assert code == 2 and "--site 'petit-four.example' has no scheme (https://)" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "x.toml"], "consent-tui init: error: name at least one evidence file or folder"),
        (["--from", "accept.har"], "the following arguments are required: -o/--output"),
        (["--from", "accept.har", "-o", "x.toml", "--lang", "de"], "invalid choice: 'de'"),
        (
            ["--from", "accept.har", "-o", "x.toml", "--recorded-at", "soon"],
            "--recorded-at 'soon' is not an ISO 8601 date or time",
        ),
    ],
)
def test_usage_errors(
    argv: list[str], message: str, in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(argv, capsys)
    assert code == 2 and message in err
    assert not Path("x.toml").exists()


def test_the_command_spells_out_the_cores_lists() -> None:
    assert init_command.LANGUAGES == drafting.LANGUAGES
    assert init_command.INPUT_FORMATS == INPUT_FORMATS


def test_the_known_fixture_is_what_its_script_writes() -> None:
    from tests.data.init import generate

    for name, data in generate.files().items():
        assert (DATA / "init" / name).read_bytes() == data, name
