"""The banner formats through ``consent-tui export``: same bytes as the goldens, notes on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consent_tui.cli import main
from tests.conftest import ROOT, SAMPLES

GOLDEN = ROOT / "tests" / "golden" / "banners"


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("klaro", "klaro-config.js"),
        ("cookieconsent", "cookieconsent-config.js"),
        ("tcf-disclosures", "deviceStorage.json"),
        ("consent-mode", "consent-mode.js"),
    ],
)
def test_export_writes_the_golden_file(
    fmt: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / name
    code = main(["export", str(SAMPLES / "news-site.toml"), "--format", fmt, "-o", str(out)])
    assert code == 0
    golden = next(GOLDEN.glob(f"news-site.{fmt}.*"))
    assert out.read_bytes() == golden.read_bytes()
    err = capsys.readouterr().err
    if fmt == "tcf-disclosures":
        assert "a pixel is not device storage" in err
    else:
        assert "note:" not in err  # the sample sets policy_url: nothing to say


def test_export_notes_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "klaro-config.js"
    code = main(["export", str(SAMPLES / "opendatasoft.toml"), "-f", "klaro", "-o", str(out)])
    assert code == 0
    captured = capsys.readouterr()
    assert "note: [banner] policy_url is not set" in captured.err
    assert captured.out == ""


def test_export_to_stdout_and_tcf_language(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["export", str(SAMPLES / "opendatasoft.toml"), "-f", "tcf-disclosures", "--lang", "fr"]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["disclosures"][0]["description"] == "Identifie votre session connectée."
