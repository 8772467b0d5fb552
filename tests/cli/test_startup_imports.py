"""A command loads what it uses: ``validate`` no export code, ``export`` no validate output.

``cli`` builds only the running command's options, so the other commands'
modules (and everything they import) are never loaded; ``-X importtime`` shows
the rest. ``consent-tui --help`` still lists every command.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SAMPLES

SAMPLE = str(SAMPLES / "opendatasoft.toml")
PROBE = """
import json, sys
from consent_tui.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("MODULES:" + json.dumps(sorted(sys.modules)))
"""


def loaded(*argv: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=False
    )
    line = [x for x in done.stdout.splitlines() if x.startswith("MODULES:")]
    assert line, done.stderr
    return set(json.loads(line[-1].removeprefix("MODULES:")))


@pytest.mark.parametrize(
    ("argv", "absent"),
    [
        (
            ["validate", SAMPLE],
            [
                "consent_tui.commands.export",
                "consent_tui.core.export.registry",
                "consent_tui.commands.schema",
                "consent_tui.commands.known",
                "consent_tui.ui.launch",
                "jinja2",
                "tomlkit",
            ],
        ),
        (
            ["export", SAMPLE, "--format", "csv"],
            [
                "consent_tui.commands.validate",
                "consent_tui.commands.validate_output",
                "consent_tui.commands.schema",
                "consent_tui.ui.launch",
                "jinja2",
                "tomlkit",
            ],
        ),
    ],
)
def test_a_command_imports_no_other_command(argv: list[str], absent: list[str]) -> None:
    modules = loaded(*argv)
    assert [m for m in absent if m in modules] == []


def test_help_still_lists_every_command() -> None:
    from consent_tui.cli import COMMANDS

    done = subprocess.run(
        [sys.executable, "-m", "consent_tui", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0
    for name in COMMANDS:
        assert name in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "consent_tui", "validate", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "--ignore" in done.stdout
