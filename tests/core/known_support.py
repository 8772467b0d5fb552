"""Helpers for the known-cookie tests: the fixture databases, installed in a test's data folder."""

from __future__ import annotations

from pathlib import Path

from consent_tui.core.known.index import KnownIndex
from consent_tui.core.known.installation import SourceInfo, install
from consent_tui.core.known.load import forget, load_index
from consent_tui.core.known.read import read_bytes
from tests.conftest import DATA

KNOWN = DATA / "known"
SMALL_CSV = KNOWN / "small.csv"
SMALL_JSON = KNOWN / "small.json"


def install_file(path: Path = SMALL_CSV) -> SourceInfo:
    """Install ``path`` as the user's database (the test's own data folder)."""
    data = path.read_bytes()
    info = install(data, read_bytes(data, str(path)), str(path))
    forget()
    return info


def installed_index(path: Path = SMALL_CSV) -> KnownIndex:
    install_file(path)
    index = load_index()
    assert index is not None
    return index
