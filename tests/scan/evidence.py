"""Reading what a scan wrote, for the assertions of the scan tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.scan.conftest import CATALOGUE, run_cli
from tests.scan.site import MARK


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def cookie_names(doc: dict[str, Any]) -> set[str]:
    return {c["name"] for c in doc["cookies"]}


def storage_names(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(s["type"], s["name"]) for s in doc["storage"]}


def cookie(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found = [c for c in doc["cookies"] if c["name"] == name]
    assert len(found) == 1, (name, doc["cookies"])
    return found[0]


def assert_no_values(folder: Path, *texts: str) -> None:
    """No marker value in any file under ``folder`` nor in ``texts`` (stdout, stderr)."""
    for file in folder.rglob("*"):
        if file.is_file():
            assert MARK.encode() not in file.read_bytes(), f"a value was written to {file}"
    for text in texts:
        assert MARK not in text


def audit(*evidence: Path | str) -> tuple[int, list[tuple[str, str]]]:
    """`consent-tui audit --format json` of the catalogue: exit status and (rule, name) pairs."""
    done = run_cli(["audit", str(CATALOGUE), *map(str, evidence), "--format", "json"])
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    pairs = sorted(
        (f["rule"], (f["observed"] or {}).get("name") or f["declared_name"])
        for f in report["findings"]
    )
    assert MARK not in done.stdout + done.stderr
    return done.returncode, pairs
