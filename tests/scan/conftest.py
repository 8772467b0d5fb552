"""Fixtures of the scan tests: a certificate, the banners exported from the catalogue, the site.

The tests drive the real ``consent-tui scan`` (Playwright and Debian's Chromium)
against the local HTTPS site of :mod:`tests.scan.site`. A missing Chromium,
``openssl`` or npm package skips them with the reason, except on CI
(``CI=true``), where it fails them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.browser.banner_pages import for_automation
from tests.browser.conftest import chromium, require_package, unavailable
from tests.conftest import ROOT
from tests.scan.site import TestSite

CATALOGUE = Path(__file__).parent / "catalogue.toml"
AUTOCONSENT = "@duckduckgo/autoconsent/dist/autoconsent.playwright.js"
HOSTS = "--host-resolver-rules=MAP *.test 127.0.0.1"


def browser() -> str:
    """The Chromium the tests drive (skips, or fails on CI, without one or without Playwright)."""
    found = chromium()
    if found is None:
        unavailable("Chromium is not installed (/usr/bin/chromium); apt-get install -y chromium")
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:  # pragma: no cover - a dev dependency
        unavailable("the playwright Python package is not installed (uv sync)")
    return found


def base_args(out: Path | str, *extra: str) -> list[str]:
    """The scan's arguments for the test site: quick waits, the host names, any certificate."""
    return [
        "-o", str(out), "--browser", browser(), "--ignore-https-errors",
        f"--browser-arg={HOSTS}", "--wait", "0.2", "--banner-timeout", "6",
        "--page-timeout", "15", "--timeout", "120", *extra,
    ]  # fmt: skip


class Done(NamedTuple):
    """A finished ``consent-tui`` process, and what it left in its temporary folder."""

    returncode: int
    stdout: str
    stderr: str
    leftovers: list[str]


def run_cli(args: list[str], timeout: float = 180) -> Done:
    """``consent-tui ARGS`` in a new process, in the project folder (its node_modules), with a
    temporary folder of its own (short: Chromium's lock socket lives under it)."""
    temp = Path(tempfile.mkdtemp(prefix="ctui-test-", dir="/tmp"))
    env = {**os.environ, "TMPDIR": str(temp), "NO_COLOR": "1"}
    env.pop("CONSENT_TUI_AUTOCONSENT", None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "consent_tui", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
        left = sorted(p.name for p in temp.iterdir() if not p.name.startswith("uv-"))
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return Done(done.returncode, done.stdout, done.stderr, left)


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for site.test and tracker.test, made with ``openssl``."""
    openssl = shutil.which("openssl")
    if openssl is None:
        unavailable("openssl is not installed (apt-get install -y openssl)")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=site.test", "-keyout", str(key), "-out", str(cert),
         "-addext", "subjectAltName=DNS:site.test,DNS:tracker.test"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="session")
def configs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The catalogue's Klaro and vanilla-cookieconsent configurations, by `consent-tui export`."""
    from consent_tui.cli import main

    folder = tmp_path_factory.mktemp("banners")
    out: dict[str, str] = {}
    for fmt in ("klaro", "cookieconsent"):
        target = folder / f"{fmt}.js"
        assert main(["export", str(CATALOGUE), "--format", fmt, "-o", str(target)]) == 0
        out[f"{fmt}.js"] = target.read_text(encoding="utf-8")
    out["cookieconsent.js"] = for_automation(out["cookieconsent.js"])
    return out


@pytest.fixture
def site(tls: tuple[Path, Path], configs: dict[str, str]) -> Iterator[TestSite]:
    require_package("klaro/dist/klaro.js")
    require_package("vanilla-cookieconsent/dist/cookieconsent.esm.js")
    server = TestSite(*tls, configs)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def autoconsent() -> None:
    """Skip (fail on CI) unless the autoconsent npm package is installed."""
    require_package(AUTOCONSENT)
