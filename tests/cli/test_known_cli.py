"""``consent-tui known``: lookups as text and JSON, exit codes, the installed copy, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consent_tui import paths
from consent_tui.cli import main
from consent_tui.core.known import installation
from tests.core.known_support import KNOWN, SMALL_CSV, SMALL_JSON


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(installation, "now", lambda: "2026-01-31T12:00:00Z")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["known", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _install(capsys: pytest.CaptureFixture[str], source: Path = SMALL_CSV) -> None:
    code, _out, err = _run(capsys, "update", "--from", str(source))
    assert (code, err) == (0, "")


def test_no_database_yet_says_how_to_get_one(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["_ga"], [], ["--format", "json", "_ga"]):
        code, out, err = _run(capsys, *argv)
        assert code == 2 and out == ""
        assert err == (
            "consent-tui: no known-cookie database is installed yet. Run `consent-tui known "
            "update` to download the Open Cookie Database (Apache-2.0), or `consent-tui known "
            "update --from FILE` to install a CSV or JSON copy of it (docs/known.md).\n"
        )


def test_golden_text_lookup(capsys: pytest.CaptureFixture[str]) -> None:
    _install(capsys)
    names = ["_ga", "_hjSessionUser_1", "sid", "_pk_ses.1", "zt_opt", "shop_px", "nope"]
    code, out, err = _run(capsys, *names)
    assert (code, err) == (1, "")  # one name is unknown
    assert out == (KNOWN / "lookup.expected.txt").read_text(encoding="utf-8")


def test_every_name_known_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    _install(capsys)
    code, out, _ = _run(capsys, "_ga", "_gid", "_hjSessionUser_123", "_fbp")
    assert code == 0
    assert out.count("(exact name)") == 3 and "(by prefix _hjSessionUser_)" in out


def test_domain_tells_shared_names_apart(capsys: pytest.CaptureFixture[str]) -> None:
    _install(capsys)
    code, out, _ = _run(capsys, "--domain", "forum.beta.example", "sid")
    assert code == 0
    assert out.splitlines()[:2] == ["sid (exact name)", "  Beta Forum"]


def test_json_lookup(capsys: pytest.CaptureFixture[str]) -> None:
    _install(capsys)
    code, out, _ = _run(capsys, "--format", "json", "_ga_X1", "nope")
    assert code == 1
    doc = json.loads(out)
    assert doc["database"] == {
        "source": str(SMALL_CSV),
        "retrieved": "2026-01-31T12:00:00Z",
        "licence": "Apache-2.0",
        "attribution": "Open Cookie Database (jkwakman and contributors), "
        "https://github.com/jkwakman/Open-Cookie-Database",
    }
    found, missing = doc["results"]
    assert missing == {"name": "nope", "found": False, "by_prefix": None, "entries": []}
    assert (found["name"], found["found"], found["by_prefix"]) == ("_ga_X1", True, True)
    [entry] = found["entries"]
    assert entry == {
        "id": "00000000-0000-4000-8000-000000000002",
        "platform": "Google Analytics",
        "category": "Analytics",
        "name": "_ga_",
        "prefix": True,
        "domains": [],
        "third_party": False,
        "retention": "2 years",
        "duration": "2 years",
        "refresh": None,
        "controller": "Google",
        "privacy_link": "https://policies.google.com/privacy",
        "description": "Keeps the session state of one measurement property.",
    }


def test_names_spelt_like_a_sub_command(capsys: pytest.CaptureFixture[str]) -> None:
    _install(capsys)
    code, out, _ = _run(capsys, "--name", "update", "_ga")
    assert code == 1
    assert out.startswith("_ga (exact name)") and "update: not in the Open Cookie Database" in out


def test_unprintable_names_and_texts_are_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = SMALL_CSV.read_text(encoding="utf-8").splitlines()[0]
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(
        header + '\nid1,Evil\x1b[31m,Marketing,x,,"two\nlines \u202e",1 year,C,,0\n',
        encoding="utf-8",
    )
    _install(capsys, hostile)
    code, out, _ = _run(capsys, "x", "bad\x1b[2J")
    assert code == 1
    assert "\x1b" not in out and "\u202e" not in out
    assert "  Evil\\x1b[31m" in out and "two\\nlines \\u202e" in out
    assert "bad\\x1b[2J: not in the Open Cookie Database" in out


def test_texts_without_line_breaks_are_escaped_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = SMALL_CSV.read_text(encoding="utf-8").splitlines()[0]
    hostile = tmp_path / "tabs.csv"
    hostile.write_text(
        header + "\nid1,P,Marketing,x,,\u200dID\tlike \x85this,1 year,C\x1b]0;t\x07,,0\n",
        encoding="utf-8",
    )
    _install(capsys, hostile)
    code, out, _ = _run(capsys, "x")
    assert code == 0
    assert "    description  \\u200dID\\tlike \\x85this\n" in out
    assert "    controller   C\\x1b]0;t\\x07\n" in out
    assert out.count("\n") == 8  # no line added, none split


def test_status_of_the_installed_copy(capsys: pytest.CaptureFixture[str]) -> None:
    _install(capsys, SMALL_JSON)
    code, out, err = _run(capsys)
    assert (code, err) == (0, "")
    expected = (KNOWN / "status.expected.txt").read_text(encoding="utf-8")
    assert out == expected.replace("{DATA}", str(paths.known_dir())).replace(
        "{SOURCE}", str(SMALL_JSON)
    )
    code, out, _ = _run(capsys, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["kind"] == "json" and doc["entries"] == 24
    assert doc["file"].startswith(str(paths.known_dir()))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["update", "_ga"],
            "`known update` takes no names (look up a cookie named update with --name update)",
        ),
        (
            ["update", "--name", "x"],
            "`known update` takes no names (look up a cookie named update with --name update)",
        ),
        (["update", "--domain", "a.example"], "--domain is for lookups, not for `known update`"),
        (["--from", "x.csv", "_ga"], "--from goes with `known update`"),
        (["--url", "https://a.example/x.csv"], "--url goes with `known update`"),
        (["--force", "_ga"], "--force goes with `known update`"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, out, err = _run(capsys, *argv)
    assert (code, out, err) == (2, "", f"consent-tui known: error: {message}\n")


def test_locate_names_the_data_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["locate", "known"]) == 0
    assert capsys.readouterr().out == f"{paths.known_dir()}\n"
    assert str(paths.known_dir()).endswith("consent-tui/known")
