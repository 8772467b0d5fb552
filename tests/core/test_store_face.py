"""The store's face: every name it lists resolves, and importing it stays light."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from consent_tui.core import store
from tests.conftest import ROOT


@pytest.mark.parametrize("name", store.__all__)
def test_every_listed_name_resolves(name: str) -> None:
    assert getattr(store, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        store.no_such_thing  # noqa: B018


def test_the_face_gives_the_workings_own_objects() -> None:
    from consent_tui.core.fileio import atomic
    from consent_tui.core.store import edits, loader, serialize, tomlscan

    assert store.put_cookie is edits.put_cookie
    assert store.to_data is serialize.to_data
    assert store.write_atomic is atomic.write_atomic
    assert store.load_text is loader.load_text
    assert store.KeyPath == tomlscan.Path


def test_importing_the_face_loads_neither_the_editing_machinery_nor_tomlkit() -> None:
    """``validate`` and every command import the face: the save path is loaded on first use."""
    code = (
        "import json, sys, consent_tui.core.store\n"
        "names = [m for m in sys.modules if m.startswith(('consent_tui', 'tomlkit'))]\n"
        "print(json.dumps(sorted(names)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    loaded: list[str] = json.loads(done.stdout)
    inside = {m.rpartition(".")[2] for m in loaded if m.startswith("consent_tui.core.store.")}
    assert inside == {
        "builder",
        "fastparse",
        "field_reader",
        "loader",
        "nesting",
        "read_plan",
        "sourcemap",
        "store",
        "tomlscan",
    }
    assert not [m for m in loaded if m.startswith("tomlkit")]
