"""Exported documents never include the known-cookie database's texts unless the catalogue has them.

The database is never read by an export, installed or not: the texts in an export are
the catalogue's own, including those `consent-tui init` copied in (marked in comments)
and the user kept.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from consent_tui.core.export import registry
from consent_tui.core.known import read_path
from consent_tui.core.store import load_text
from tests.conftest import ROOT
from tests.core.known_support import SMALL_CSV, install_file

DRAFT = ROOT / "tests" / "golden" / "init" / "site.known.toml"
_SCRIPT = """\
import sys
from consent_tui.cli import main
for name in sys.argv[2:]:
    code = main(["export", sys.argv[1], "--format", name, "-o", "/dev/null"])
    assert code == 0, name
print(sorted(m for m in sys.modules if m.startswith("consent_tui.core.known")))
"""


def test_an_export_reads_nothing_of_the_database(tmp_path: Path) -> None:
    install_file()  # in this test's data folder, which the child process inherits
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(DRAFT), *registry.names()],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert done.stdout == "[]\n"  # not even the known-cookie package was imported


def test_only_the_texts_the_catalogue_holds_are_exported() -> None:
    texts = {e.description for e in read_path(SMALL_CSV).entries if len(e.description) > 12}
    drafted = DRAFT.read_text(encoding="utf-8")
    without = re.sub(r"(?m)^description = .*\n", "", drafted.split("[services.", 1)[1])
    bare = load_text(drafted.split("[services.", 1)[0] + "[services." + without)
    kept = load_text(drafted)
    for name in registry.names():
        exporter = registry.get(name)
        text = exporter.render(bare, registry.ExportOptions()).text
        assert not [t for t in texts if t in text], name
    # What init copied in is the catalogue's own now, and exported as such (the JSON
    # export holds every cookie description; the documents show them when asked to).
    full = registry.get("json").render(kept, registry.ExportOptions()).text
    assert "Tells visitors apart for the statistics." in full
