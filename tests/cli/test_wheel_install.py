"""The built wheel installs into a fresh virtual environment and runs there, offline.

``uv build`` makes the wheel from this checkout (its build backend from uv's cache);
``uv pip install --offline`` puts it into a new environment with its dependencies
from the same cache, as the README's ``uv tool install``/``pipx install`` of a wheel
would. Then the installed ``consent-tui`` is run from outside the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from consent_tui import __version__
from tests.conftest import ROOT, SAMPLES

UV = shutil.which("uv")


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the environment's bin folder)."""
    if UV is None:
        if os.environ.get("CI") == "true":
            pytest.fail("uv is needed to build the wheel (scripts/test installs it)")
        pytest.skip("uv is not installed")
    tmp = tmp_path_factory.mktemp("wheel")
    built = _run(UV, "build", "--wheel", "--offline", "--out-dir", tmp / "dist", cwd=ROOT)
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp / "dist").glob("consent_tui-*.whl")
    venv = tmp / "venv"
    made = _run(UV, "venv", "--offline", "--python", sys.executable, venv, cwd=tmp)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    added = _run(
        UV, "pip", "install", "--offline", "--python", python, f"{wheel}[completion]", cwd=tmp
    )
    assert added.returncode == 0, added.stderr
    return wheel, venv / "bin"


def test_the_version_is_the_project_version(installed: tuple[Path, Path], tmp_path: Path) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__
    wheel, bin_dir = installed
    assert wheel.name == f"consent_tui-{__version__}-py3-none-any.whl"
    done = _run(bin_dir / "consent-tui", "--version", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"consent-tui {__version__}\n", "")


def test_the_bundled_sample_validates_with_the_installed_package(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _, bin_dir = installed
    where = _run(
        bin_dir / "python",
        "-c",
        "import consent_tui, pathlib; print(pathlib.Path(consent_tui.__file__).parent)",
        cwd=tmp_path,
    )
    package = Path(where.stdout.strip())
    assert package.is_relative_to(bin_dir.parent), package  # not the checkout
    samples = sorted(p.name for p in (package / "samples").glob("*.toml"))
    assert samples == sorted(p.name for p in SAMPLES.glob("*.toml"))
    done = _run(
        bin_dir / "consent-tui", "validate", package / "samples" / "opendatasoft.toml", cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("no problems.")
    html = _run(
        bin_dir / "consent-tui",
        "export",
        package / "samples" / "opendatasoft.toml",
        "-f",
        "html",
        cwd=tmp_path,
    )
    assert html.returncode == 0 and '<html lang="en"' in html.stdout


def test_the_completion_extra_works_in_the_installed_environment(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _, bin_dir = installed
    done = _run(bin_dir / "consent-tui", "completion", "bash", cwd=tmp_path)
    assert done.returncode == 0 and "_python_argcomplete" in done.stdout


def test_the_wheel_holds_the_package_and_its_data_only(installed: tuple[Path, Path]) -> None:
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert all(n.startswith(("consent_tui/", "consent_tui-")) for n in names), names
    for data in (
        "consent_tui/core/reference/data/languages.tsv",
        "consent_tui/core/schema/catalogue.schema.json",
        "consent_tui/samples/opendatasoft.toml",
        "consent_tui/py.typed",
    ):
        assert data in names
    assert not [n for n in names if "/tests/" in n or "benchmarks" in n]
