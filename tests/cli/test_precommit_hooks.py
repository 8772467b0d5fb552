"""The pre-commit hooks of ``.pre-commit-hooks.yaml``, run by the real ``pre-commit``.

A temporary git repository (a site with ``cookies.toml`` and its committed export)
uses the hooks from this checkout (``repo: <the checkout>``). The checkout itself when
it has no uncommitted changes (as in CI); else a commit of its current files in a
temporary repository, so that what is tested is what is on disk.

pre-commit would install a ``language: python`` hook's environment with
``pip install .`` of the checkout, which needs the build backend (hatchling) and
the dependencies from the package index: not offline. The test's configuration
overrides ``language: unsupported`` (pre-commit's ``system``), its documented way to
run a hook's entry from the ``PATH``; the PATH starts with this environment's
``consent-tui``. The entry, ``files``, ``pass_filenames`` and arguments are the manifest's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from consent_tui.cli import main
from tests.conftest import ROOT, SAMPLES

BIN = Path(sys.executable).parent
HOOKS = ("consent-tui-validate", "consent-tui-export-check")
EXPORT_ARGS = ["cookies.toml", "-f", "html", "--check", "public/cookies.html"]


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _hooks_repo(tmp: Path) -> tuple[str, str]:
    """(repo, rev) holding this checkout's hooks as they are on disk."""
    if not _git(ROOT, "status", "--porcelain"):
        return str(ROOT), _git(ROOT, "rev-parse", "HEAD")
    snapshot = tmp / "consent-tui"
    listed = _git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, snapshot / name)
    _git(snapshot, "init", "-q")
    _git(snapshot, "add", "-A")
    _git(snapshot, "commit", "-q", "-m", "the checkout as it is on disk")
    return str(snapshot), _git(snapshot, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    return _hooks_repo(tmp_path_factory.mktemp("hooks"))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "gitconfig").write_text("[user]\n\tname = Test\n\temail = test@example.com\n")
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "PRE_COMMIT_COLOR": "never",
    }


@pytest.fixture
def site(tmp_path: Path, hooks_repo: tuple[str, str], env: dict[str, str]) -> Path:
    """A site's repository: the catalogue, its exported page, and a pre-commit config."""
    site = tmp_path / "site"
    (site / "public").mkdir(parents=True)
    shutil.copyfile(SAMPLES / "opendatasoft.toml", site / "cookies.toml")
    assert (
        main(["export", str(site / "cookies.toml"), "-o", str(site / "public/cookies.html")]) == 0
    )
    repo, rev = hooks_repo
    config = {
        "repos": [
            {
                "repo": repo,
                "rev": rev,
                "hooks": [
                    {"id": HOOKS[0], "language": "unsupported"},
                    {"id": HOOKS[1], "language": "unsupported", "args": EXPORT_ARGS},
                ],
            }
        ]
    }
    (site / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    subprocess.run(["git", "init", "-q"], cwd=site, env=env, check=True)
    subprocess.run(["git", "add", "-A"], cwd=site, env=env, check=True)
    return site


def _pre_commit(site: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "pre-commit"), *args], cwd=site, env=env, capture_output=True, text=True
    )


def _results(output: str) -> dict[str, str]:
    """Hook name -> Passed / Failed / Skipped, from pre-commit's report."""
    out = {}
    for line in output.splitlines():
        name, dots, result = line.rpartition("..")
        if dots and result.endswith(("Passed", "Failed", "Skipped")):
            out[name.rstrip(".")] = result
    return out


def test_the_manifest_names_both_hooks() -> None:
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in manifest] == list(HOOKS)
    assert all(hook["language"] == "python" for hook in manifest)
    assert manifest[1]["pass_filenames"] is False


def test_a_current_catalogue_and_export_pass(site: Path, env: dict[str, str]) -> None:
    done = _pre_commit(site, env, "run", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert _results(done.stdout) == {
        "consent-tui validate": "Passed",
        "consent-tui export --check": "Passed",
    }


def test_an_invalid_catalogue_fails_validate(site: Path, env: dict[str, str]) -> None:
    catalogue = site / "cookies.toml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace('languages = ["en", "fr"]', 'languages = ["en", "fr_fr"]'))
    subprocess.run(["git", "add", "-A"], cwd=site, env=env, check=True)
    done = _pre_commit(site, env, "run", "--all-files")
    assert done.returncode == 1
    assert _results(done.stdout)["consent-tui validate"] == "Failed"
    assert "error[invalid-language]" in done.stdout
    assert 'hint: write "fr-FR" (français)' in done.stdout


def test_a_stale_export_fails_the_commit_until_it_is_written(
    site: Path, env: dict[str, str]
) -> None:
    assert _pre_commit(site, env, "install").returncode == 0
    first = subprocess.run(
        ["git", "commit", "-m", "site"], cwd=site, env=env, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stdout + first.stderr
    catalogue = site / "cookies.toml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("Opendatasoft", "ODS"))
    subprocess.run(["git", "add", "-A"], cwd=site, env=env, check=True)
    refused = subprocess.run(
        ["git", "commit", "-m", "rename"], cwd=site, env=env, capture_output=True, text=True
    )
    assert refused.returncode == 1
    report = refused.stdout + refused.stderr  # git shows a hook's output on stderr
    assert _results(report) == {
        "consent-tui validate": "Passed",
        "consent-tui export --check": "Failed",
    }
    assert "consent-tui: public/cookies.html: stale: " in report
    assert main(["export", str(catalogue), "-o", str(site / "public/cookies.html")]) == 0
    subprocess.run(["git", "add", "-A"], cwd=site, env=env, check=True)
    done = subprocess.run(
        ["git", "commit", "-m", "rename"], cwd=site, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert _git(site, "log", "--format=%s") == "rename\nsite"


def test_only_files_named_cookies_toml_are_validated(site: Path, env: dict[str, str]) -> None:
    (site / "settings.toml").write_text("not = 'a catalogue'\n")
    subprocess.run(["git", "add", "-A"], cwd=site, env=env, check=True)
    done = _pre_commit(site, env, "run", HOOKS[0], "--files", "settings.toml")
    assert done.returncode == 0
    assert _results(done.stdout) == {"consent-tui validate": "(no files to check)Skipped"}
