"""The SARIF output is SARIF 2.1.0 (validated against the OASIS schema) that code scanning reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from consent_tui.cli import main
from consent_tui.commands.audit_sarif import artifact_uri
from consent_tui.core.audit import RULES
from tests.cli.test_audit_cli import ALL
from tests.conftest import DATA
from tests.core.evidence.support import AUDIT

SCHEMA = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _sarif(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["audit", *argv, "--format", "sarif"])
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


@pytest.fixture
def report(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    monkeypatch.chdir(AUDIT)
    return _sarif(ALL, capsys)


def test_valid_against_the_sarif_2_1_0_schema(report: dict[str, Any]) -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    errors = [e.message for e in jsonschema.Draft4Validator(SCHEMA).iter_errors(report)]
    assert errors == []


def test_the_schema_catches_a_broken_report(report: dict[str, Any]) -> None:
    report["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft4Validator(SCHEMA).iter_errors(report))


def test_rule_metadata(report: dict[str, Any]) -> None:
    rules = report["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in RULES]
    for meta, rule in zip(rules, RULES, strict=True):
        assert meta["shortDescription"]["text"] == rule.title
        assert meta["defaultConfiguration"]["level"] == rule.severity
        assert rule.why in meta["help"]["text"] and rule.fix in meta["help"]["markdown"]


def test_every_result_has_a_place_and_a_fingerprint(report: dict[str, Any]) -> None:
    results = report["runs"][0]["results"]
    assert len(results) == 19 + 1  # the findings, and the ignored item as a suppressed result
    fingerprints = set()
    for result in results:
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": "site.toml", "uriBaseId": "%SRCROOT%"}
        assert physical["region"]["startLine"] >= 1
        fingerprint = result["partialFingerprints"]["consentTuiFinding/v1"]
        assert len(fingerprint) == 64
        fingerprints.add(fingerprint)
        rules = report["runs"][0]["tool"]["driver"]["rules"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert len(fingerprints) == len(results)
    undeclared = [r for r in results if r["ruleId"] == "undeclared" and "suppressions" not in r]
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in undeclared} == {1}
    [ignored] = [r for r in results if "suppressions" in r]
    assert ignored["suppressions"][0]["justification"].startswith("Bot protection of our CDN")


def test_fingerprints_do_not_follow_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(AUDIT)
    first = _sarif(ALL, capsys)
    moved = tmp_path / "site.toml"
    moved.write_text("# a comment that moves every line\n\n" + (AUDIT / "site.toml").read_text())
    second = _sarif([str(moved), *ALL[1:]], capsys)

    def prints(data: dict[str, Any]) -> list[str]:
        return [
            r["partialFingerprints"]["consentTuiFinding/v1"] for r in data["runs"][0]["results"]
        ]

    assert prints(first) == prints(second)
    lines = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in second["runs"][0]["results"]
    ]
    assert lines[0] == 97  # 95 + the two new lines


def test_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("cookies/site one.toml") == ("cookies/site%20one.toml", "%SRCROOT%")
    assert artifact_uri("/elsewhere/site.toml") == ("file:///elsewhere/site.toml", None)
