"""The core and the non-editor commands never import the terminal UI libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import DATA, ROOT, SAMPLES

PROBE = """
import sys, runpy
sys.argv = {argv!r}
{body}
leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))
print('LEAKED:' + ','.join(leaked))
"""


def _leaked(body: str, argv: list[str] | None = None) -> str:
    code = PROBE.format(argv=argv or ["consent-tui"], body=body)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    line = [x for x in out.stdout.splitlines() if x.startswith("LEAKED:")]
    assert line, out.stderr
    return line[-1].removeprefix("LEAKED:")


def test_core_imports_no_ui() -> None:
    body = "import pkgutil, importlib, consent_tui.core as core\n"
    body += "for m in pkgutil.walk_packages(core.__path__, 'consent_tui.core.'):\n"
    body += "    importlib.import_module(m.name)\n"
    assert _leaked(body) == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["locate"],
        ["validate", str(SAMPLES / "opendatasoft.toml")],
        ["export", str(SAMPLES / "opendatasoft.toml"), "--format", "markdown"],
        ["schema"],
        ["known", "update", "--from", str(DATA / "known" / "small.csv")],
        ["known", "_ga", "_fbp"],
        ["validate", "--known", str(SAMPLES / "news-site.toml")],
        ["audit", str(SAMPLES / "minimal.toml"), str(ROOT / "tests/data/audit/before.har")],
        ["export", str(SAMPLES / "opendatasoft.toml"), "--check", str(SAMPLES / "minimal.toml")],
        ["completion", "bash"],
        ["init", "--from", str(ROOT / "tests/data/init/known.har"), "-o", "/dev/null"],
    ],
)
def test_non_editor_commands_import_no_ui(argv: list[str]) -> None:
    body = "from consent_tui.cli import main\n"
    body += "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    assert _leaked(body, ["consent-tui", *argv]) == ""


def test_guard_detects_a_leak() -> None:
    """The probe itself works: importing textual is seen."""
    assert "textual" in _leaked("import textual.app\n")
