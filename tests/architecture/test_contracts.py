"""The import-linter contracts of pyproject.toml hold, and each catches what it is for.

The contracts (``[tool.importlinter]``): the editor above the commands above the core;
inside the core, what uses the store above the store's face above the model; outside the
store only its face is imported; inside the editor, screens above views and dialogs above
widgets; the core never imports Textual or Rich; no ring between sibling packages.
Each is shown broken by one planted import, in a copy of the package.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

from tests.conftest import ROOT

LINT = """\
import sys
from importlinter.cli import lint_imports
sys.exit(lint_imports(config_filename="pyproject.toml", no_cache=True, no_logo=True,
                      limit_to_contracts=tuple(sys.argv[1:])))
"""


def test_the_contracts_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    out = capsys.readouterr().out
    assert code == 0, out
    assert re.search(r"Contracts: [1-9]\d* kept, 0 broken\.", out), out


def _planted(tmp_path: Path, plants: dict[str, str], contract: str) -> tuple[int, str]:
    """Run one contract on a copy of the package with ``plants`` appended to its modules."""
    shutil.copytree(
        ROOT / "consent_tui", tmp_path / "consent_tui", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for module, text in plants.items():
        with (tmp_path / "consent_tui" / module).open("a", encoding="utf-8") as file:
            file.write("\n" + text)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", LINT, contract],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def _lazy(statement: str) -> str:
    """``statement`` inside a function: lazy imports count too."""
    return f"def _planted() -> None:\n    {statement}\n"


LAZY_UI = _lazy("from consent_tui.ui import text")

CASES = {
    "layers": ({"core/model.py": LAZY_UI}, "consent_tui.core.model -> consent_tui.ui.text"),
    "core-layers": (
        {"core/store/loader.py": "from consent_tui.core.rules import base\n"},
        "consent_tui.core.store.loader -> consent_tui.core.rules.base",
    ),
    "store-face": (
        {"core/validation.py": "from consent_tui.core.store.loader import decode\n"},
        "consent_tui.core.validation -> consent_tui.core.store.loader",
    ),
    "ui-layers": (
        {"ui/widgets/grid.py": _lazy("from consent_tui.ui.screens import editor")},
        "consent_tui.ui.widgets.grid -> consent_tui.ui.screens.editor",
    ),
    "core-pure": (
        {"core/durations.py": "import rich.text\n"},
        "consent_tui.core.durations -> rich",
    ),
    "no-cycles": (
        {
            "core/durations.py": "from consent_tui.core import errors\n",
            "core/errors.py": _lazy("from consent_tui.core import durations"),
        },
        "No cycles are allowed in consent_tui.core.",
    ),
}


@pytest.mark.parametrize("contract", sorted(CASES))
def test_a_planted_import_breaks_its_contract(tmp_path: Path, contract: str) -> None:
    plants, named = CASES[contract]
    code, out = _planted(tmp_path, plants, contract)
    assert code == 1, out
    assert "BROKEN" in out and named in out, out


def test_the_copy_without_plants_is_kept(tmp_path: Path) -> None:
    """The planted runs fail because of the plants: the same copy without them passes."""
    code, out = _planted(tmp_path, {}, "layers")
    assert code == 0, out


def test_type_checking_imports_do_not_count(tmp_path: Path) -> None:
    plant = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from consent_tui.ui import app\n"
    )
    code, out = _planted(tmp_path, {"core/model.py": plant}, "layers")
    assert code == 0, out
