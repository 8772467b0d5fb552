"""`consent-tui schema`: prints or writes the published schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.commands import schema as command
from consent_tui.core.schema import EXPORT, catalogue_schema_text, schema_text


def test_prints_the_catalogue_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr()
    assert out.out == catalogue_schema_text()
    assert out.err == ""
    assert json.loads(out.out)["title"].startswith("consent-tui cookie catalogue")


def test_writes_the_schema_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "catalogue.schema.json"
    target.write_text("old")
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == catalogue_schema_text()
    assert capsys.readouterr().out == ""
    assert [p.name for p in tmp_path.iterdir()] == ["catalogue.schema.json"]  # no temp file left


def test_dash_means_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--output", "-"]) == 0
    assert capsys.readouterr().out == catalogue_schema_text()


def test_a_missing_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nope" / "schema.json"
    assert main(["schema", "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"consent-tui: {target}: cannot write: the folder {target.parent} does not exist\n"
    )


def test_export_schema_when_shipped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(command, "schema_text", lambda name: f"{{{name!r}: 1}}\n")
    assert main(["schema", "--export"]) == 0
    assert capsys.readouterr().out == f"{{{EXPORT!r}: 1}}\n"


def test_export_schema_missing_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(command, "schema_text", lambda name: None)
    assert main(["schema", "--export"]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("consent-tui: this consent-tui does not ship export.schema.json")


def test_the_real_export_schema_if_present_is_valid_json() -> None:
    text = schema_text(EXPORT)
    if text is None:
        pytest.skip("the JSON export schema is not written yet")
    json.loads(text)
