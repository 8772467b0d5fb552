"""Playwright is imported only when a scan runs: never by another command, by `scan --help`,
by a scan stopped for a bad URL, nor by importing the scanner's modules."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT, SAMPLES

PROBE = """
import sys
sys.argv = {argv!r}
{body}
print('LOADED:' + ','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'playwright')))
"""
RUN = (
    "from consent_tui.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
)


def _loaded(body: str, argv: list[str]) -> str:
    code = PROBE.format(argv=argv, body=body)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    line = [x for x in done.stdout.splitlines() if x.startswith("LOADED:")]
    assert line, done.stderr
    return line[-1].removeprefix("LOADED:")


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["scan", "--help"],
        ["scan", "ftp://bad.example/"],
        ["validate", str(SAMPLES / "opendatasoft.toml")],
        ["export", str(SAMPLES / "minimal.toml"), "--format", "klaro"],
        ["audit", str(SAMPLES / "minimal.toml"), str(ROOT / "tests/data/audit/before.har")],
        ["locate"],
        ["schema"],
    ],
)
def test_commands_do_not_import_playwright(argv: list[str]) -> None:
    assert _loaded(RUN, ["consent-tui", *argv]) == ""


def test_scanner_modules_do_not_import_playwright() -> None:
    body = "import pkgutil, importlib, consent_tui.core.scan as scan\n"
    body += "for m in pkgutil.walk_packages(scan.__path__, 'consent_tui.core.scan.'):\n"
    body += "    importlib.import_module(m.name)\n"
    body += "import consent_tui.commands.scan, consent_tui.commands.scan_output\n"
    assert _loaded(body, ["x"]) == ""


def test_the_probe_sees_playwright() -> None:
    assert "playwright" in _loaded("import playwright.async_api\n", ["x"])
