"""docs/ci.md's GitHub Actions workflow: each step's ``consent-tui`` command, run on a sample site.

The workflow is read from the page, so the page cannot drift from what works. The
site is made by the test: the bundled opendatasoft catalogue as ``cookies.toml``, its
exports committed under ``public/`` and ``static/``, a HAR recorded on it (cookie values
are markers that no output may show), and a git history whose ``origin/main`` has the
catalogue before the pull request's change. A step whose sub-command this checkout does
not have yet (``audit``, ``diff``: other branches) is skipped, saying so.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from consent_tui.cli import main
from tests.conftest import ROOT, SAMPLES

BIN = Path(sys.executable).parent
MARKER = "SECRET-cookie-value-7f3a"
SITE = "https://kering-group.opendatasoft.com"


def _workflow() -> dict[str, Any]:
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```yaml\n(# \.github/workflows/.*?)```", page, re.S)
    workflow: dict[str, Any] = yaml.safe_load(block)
    return workflow


def _steps() -> list[dict[str, Any]]:
    """The steps that run consent-tui (not the one that installs it)."""
    [job] = _workflow()["jobs"].values()
    return [
        step
        for step in job["steps"]
        if "run" in step and re.search(r"^consent-tui ", step["run"], re.M)
    ]


def _har() -> dict[str, Any]:
    cookies = [
        ("sessionid", "Max-Age=1209600; HttpOnly; Secure; SameSite=Lax"),
        ("csrftoken", "Max-Age=31449600; Secure; SameSite=Lax"),
        ("django_language", "SameSite=Lax"),
        ("cookies_preferences", "Max-Age=15552000; SameSite=Lax"),
    ]
    headers = [{"name": "Set-Cookie", "value": f"{n}={MARKER}; Path=/; {a}"} for n, a in cookies]
    entry = {
        "startedDateTime": "2026-11-28T10:00:00.000Z",
        "time": 12,
        "request": {
            "method": "GET",
            "url": f"{SITE}/explore/",
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": [{"name": "Host", "value": SITE.removeprefix("https://")}],
            "queryString": [],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": 200,
            "statusText": "OK",
            "httpVersion": "HTTP/1.1",
            "cookies": [{"name": n, "value": MARKER, "path": "/"} for n, _ in cookies],
            "headers": headers,
            "content": {"size": 0, "mimeType": "text/html"},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": 0,
        },
        "cache": {},
        "timings": {"send": 1, "wait": 10, "receive": 1},
    }
    return {
        "log": {
            "version": "1.2",
            "creator": {"name": "consent-tui tests", "version": "1"},
            "pages": [],
            "entries": [entry],
        }
    }


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "gitconfig").write_text("[user]\n\tname = Test\n\temail = test@example.com\n")
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
    }


@pytest.fixture
def site(tmp_path: Path, env: dict[str, str]) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    catalogue = site / "cookies.toml"
    shutil.copyfile(SAMPLES / "opendatasoft.toml", catalogue)
    for git in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "policy"]):
        subprocess.run(["git", *git], cwd=site, env=env, check=True, capture_output=True)
    subprocess.run(
        ["git", "clone", "-q", "--bare", str(site), str(tmp_path / "origin.git")],
        env=env,
        check=True,
    )
    for git in (
        ["remote", "add", "origin", str(tmp_path / "origin.git")],
        ["fetch", "-q", "origin"],
        ["checkout", "-q", "-b", "pull-request"],
    ):
        subprocess.run(["git", *git], cwd=site, env=env, check=True, capture_output=True)
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace('duration = "6 months"', 'duration = "13 months"'))
    export = ["export", str(catalogue), "-f"]
    assert main([*export, "html", "--all-languages", "-o", str(site / "public")]) == 0
    assert main([*export, "klaro", "-o", str(site / "static" / "klaro-config.js")]) == 0
    (site / "evidence").mkdir()
    (site / "evidence" / "site.har").write_text(json.dumps(_har()), encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=site, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "longer"], cwd=site, env=env, check=True)
    return site


def test_the_workflow_is_a_github_workflow() -> None:
    workflow = _workflow()
    assert workflow["permissions"] == {
        "contents": "read",
        "security-events": "write",
        "pull-requests": "write",
    }
    [job] = workflow["jobs"].values()
    uses = [step["uses"] for step in job["steps"] if "uses" in step]
    assert all(re.fullmatch(r"[\w-]+/[\w/-]+@v\d+", u) for u in uses), uses
    names = [step.get("name") for step in _steps()]
    assert names == [
        "Validate the catalogue",
        "Committed exports are current",
        "Audit the recorded evidence for code scanning",
        "Audit the recorded evidence",
        "What this pull request changes",
    ]


def _missing_command(step: dict[str, Any]) -> str | None:
    """Why the step cannot run here: a sub-command this checkout lacks; else ``None``.

    ``consent-tui WORD --help`` exits 0 for any WORD that is no command (it is taken for
    a file to edit and the editor's help is shown), so the help must also be the command's.
    """
    for command in sorted(set(re.findall(r"^consent-tui (\w+)", step["run"], re.M))):
        done = subprocess.run(
            [str(BIN / "consent-tui"), command, "--help"], capture_output=True, text=True
        )
        if done.returncode != 0 or not done.stdout.startswith(f"usage: consent-tui {command} "):
            return (
                f"`consent-tui {command}` is not in this checkout yet (`consent-tui {command} "
                f"--help` exits {done.returncode}, without its usage); it is being merged "
                "from another branch"
            )
    return None


@pytest.mark.parametrize("step", _steps(), ids=lambda step: step["name"])
def test_each_step_runs_on_a_sample_site(
    step: dict[str, Any], site: Path, env: dict[str, str]
) -> None:
    missing = _missing_command(step)
    if missing is not None:
        pytest.skip(missing)
    done = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", step["run"]],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert MARKER not in output
    for made in (path for path in site.iterdir() if path.is_file()):  # audit.sarif, changes.md
        assert MARKER not in made.read_text(encoding="utf-8", errors="replace")
    name = step["name"]
    if name == "Committed exports are current":
        assert output.count(": up to date") == 3, output
    if name == "Audit the recorded evidence for code scanning":
        sarif = json.loads((site / "audit.sarif").read_text(encoding="utf-8"))
        assert sarif["version"] == "2.1.0"
    if name == "What this pull request changes":
        changes = (site / "changes.md").read_text(encoding="utf-8")
        assert "cookies_preferences" in changes


def test_a_stale_export_fails_its_step(site: Path, env: dict[str, str]) -> None:
    [step] = [s for s in _steps() if s["name"] == "Committed exports are current"]
    (site / "public" / "policy.fr.html").write_text("<p>old</p>\n", encoding="utf-8")
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=site, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "public/policy.fr.html: stale: " in done.stderr


def test_an_invalid_catalogue_annotates_and_fails(site: Path, env: dict[str, str]) -> None:
    [step] = [s for s in _steps() if s["name"] == "Validate the catalogue"]
    catalogue = site / "cookies.toml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace('"2 weeks"', '"2 weeeks"'))
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=site, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert re.search(r"^::error file=cookies\.toml,line=\d+,col=\d+,title=", done.stdout, re.M)
