"""``consent-tui validate --known``: info problems from the installed database, only when asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consent_tui import paths
from consent_tui.cli import main
from tests.core.known_support import install_file
from tests.core.validation_support import compose

FRAGMENT = """\
[services.stats]
party = "third"
privacy_policy = "https://policies.google.com/privacy"
consent_mode = ["analytics_storage"]

[[services.stats.cookies]]
name = "_gid"
duration = "13 months"

[[services.site.cookies]]
name = "_ga"
duration = "session"
"""


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(compose(FRAGMENT), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["validate", "--color", "never", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_without_known_nothing_is_compared(
    capsys: pytest.CaptureFixture[str], catalogue: Path
) -> None:
    install_file()
    code, out, err = _run(capsys, str(catalogue))
    assert (code, out, err) == (0, "Checked 1 file: no problems.\n", "")


def test_known_adds_info_problems_and_keeps_the_exit_code(
    capsys: pytest.CaptureFixture[str], catalogue: Path
) -> None:
    install_file()
    plain, plain_out, _ = _run(capsys, str(catalogue))
    code, out, err = _run(capsys, "--known", str(catalogue))
    assert code == plain == 0 and err == ""
    assert out.endswith("Checked 1 file: 0 errors, 0 warnings, 3 info.\n")
    known = [line for line in out.splitlines() if "[known-" in line]
    assert known == [
        f"{catalogue}:44:1: info[known-category-differs]: cookie `_ga` of service `site` is in "
        "category `necessary`, but the Open Cookie Database lists it as Analytics (Google "
        "Analytics), which maps to `analytics` here",
        f"{catalogue}:45:1: info[known-lifetime-differs]: cookie `_ga` of service `site` lasts "
        '"session", but the Open Cookie Database gives 2 years (Google Analytics)',
        f"{catalogue}:59:1: info[known-lifetime-differs]: cookie `_gid` of service `stats` lasts "
        '"13 months", but the Open Cookie Database gives 24 hours (Google Analytics)',
    ]
    code, out, _ = _run(capsys, "--known", "--ignore", "known-lifetime-differs", str(catalogue))
    assert [line for line in out.splitlines() if "[known-" in line] == known[:1]
    _run(capsys, "--known", "--format", "json", str(catalogue))
    code, out, _ = _run(capsys, "--known", "--format", "json", str(catalogue))
    rules = [p["rule"] for p in json.loads(out) if p["rule"].startswith("known-")]
    assert rules == ["known-category-differs", "known-lifetime-differs", "known-lifetime-differs"]
    assert plain_out != out


def test_known_without_a_database_is_a_note(
    capsys: pytest.CaptureFixture[str], catalogue: Path
) -> None:
    plain, plain_out, _ = _run(capsys, str(catalogue))
    code, out, err = _run(capsys, "--known", str(catalogue))
    assert (code, out) == (plain, plain_out)
    assert err == (
        "consent-tui validate: note: --known compares nothing: no known-cookie database is "
        "installed (run `consent-tui known update`)\n"
    )


def test_known_with_a_damaged_database_exits_2(
    capsys: pytest.CaptureFixture[str], catalogue: Path
) -> None:
    install_file()
    (paths.known_dir() / "source.json").write_text("{", encoding="utf-8")
    from consent_tui.core.known.load import forget

    forget()
    code, out, err = _run(capsys, "--known", str(catalogue))
    assert (code, out) == (2, "")
    assert err.startswith("consent-tui validate: error: --known: ")
    assert "this record of the installed database is damaged" in err


def test_explain_and_list_rules_include_the_known_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--explain", "known-lifetime-differs")
    assert code == 0 and out.startswith("known-lifetime-differs (info, known)")
    assert "Runs only with `consent-tui validate --known`" in out
    code, out, _ = _run(capsys, "--list-rules")
    rows = {line.split()[0]: line.split()[1] for line in out.splitlines()}
    assert rows["known-category-differs"] == rows["known-lifetime-differs"] == "info"
    assert rows["invalid-known-category"] == rows["duplicate-known-category"] == "warning"
