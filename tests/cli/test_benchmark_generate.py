"""``python -m benchmarks.generate``: a real command line, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate, main
from consent_tui.core.store import load_text
from tests.conftest import ROOT


def test_help_describes_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m benchmarks.generate")
    assert "--per-service" in out and "--output" in out


def test_help_through_python_m() -> None:
    """The audit's command: it printed a ValueError traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""
    assert "usage: python -m benchmarks.generate" in done.stdout


def test_writes_a_catalogue_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["25"]) == 0
    out = capsys.readouterr().out
    assert out == generate(25)
    assert load_text(out).cookie_count() == 25


def test_per_service_and_output_file(tmp_path: Path) -> None:
    target = tmp_path / "big.toml"
    assert main(["1_000", "--per-service", "50", "-o", str(target)]) == 0
    catalogue = load_text(target.read_text(encoding="utf-8"))
    assert catalogue.cookie_count() == 1_000 and len(catalogue.services) == 20


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lots"], "argument cookies: not a whole number: 'lots'"),
        (["-5"], "argument cookies: cannot be negative: -5"),
        (["10", "--per-service", "0"], "at least one cookie per service"),
    ],
)
def test_bad_arguments_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_an_unwritable_output_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["5", "-o", str(tmp_path / "missing" / "x.toml")])
    assert done.value.code == 2
    assert "cannot write" in capsys.readouterr().err


def test_problems_leaves_texts_untranslated(capsys: pytest.CaptureFixture[str]) -> None:
    """--problems: the same catalogue, its cookie descriptions, service functions and every
    other service's location in English only: one missing-translation warning each."""
    from collections import Counter

    from consent_tui.core.validation import validate

    assert main(["200", "--problems"]) == 0
    text = capsys.readouterr().out
    plain = validate(load_text(generate(200)))
    found = Counter(p.rule for p in validate(load_text(text)))
    assert found["missing-translation"] == 200 + 20 + 10
    assert sum(found.values()) == len(plain) + 230
    assert [p for p in validate(load_text(text)) if p.severity == "error"] == []
    assert text == generate(200, problems=True)
