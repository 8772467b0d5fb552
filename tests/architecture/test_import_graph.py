"""No import circle in consent_tui, at any length, lazy imports included (TYPE_CHECKING aside)."""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest

from tests.architecture.import_graph import Edge, cycles, edges, graph
from tests.conftest import ROOT


def _rings(root: Path, package: str) -> list[str]:
    """Each cycle as ``a -> b -> a``, with the lines of its imports."""
    found = edges(root, package)
    lines: dict[tuple[str, str], list[int]] = {}
    for edge in found:
        lines.setdefault((edge.source, edge.target), []).append(edge.line)
    out = []
    for ring in cycles(graph(found)):
        steps = [
            f"{a} (line {', '.join(map(str, lines[a, b]))})" for a, b in itertools.pairwise(ring)
        ]
        out.append(" -> ".join([*steps, ring[-1]]))
    return out


def test_consent_tui_has_no_import_circle() -> None:
    rings = _rings(ROOT / "consent_tui", "consent_tui")
    assert not rings, "import circles:\n" + "\n".join(rings)


def test_the_graph_sees_the_whole_package() -> None:
    """A sanity check on the real package: known edges, lazy ones among them, are found."""
    found = {(e.source, e.target) for e in edges(ROOT / "consent_tui", "consent_tui")}
    assert ("consent_tui.core.session.session", "consent_tui.core.store") in found
    # a function-level import: the store face loads the edit functions on first use
    assert ("consent_tui.core.store", "consent_tui.core.store.edits") in found
    # the editor command imports the app inside a function
    assert ("consent_tui.ui.launch", "consent_tui.ui.app") in found


# -- the checker itself, on planted packages


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_a_module_level_pair_is_a_circle(tmp_path: Path) -> None:
    root = _package(tmp_path, {"a.py": "from pkg import b\n", "b.py": "import pkg.a\n"})
    assert _rings(root, "pkg") == ["pkg.a (line 1) -> pkg.b (line 1) -> pkg.a"]


def test_a_lazy_import_closes_a_long_ring(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "a.py": "from pkg.b import thing\n",
            "b.py": "from pkg.sub.c import other\nthing = 1\n",
            "sub/__init__.py": "",
            "sub/c.py": """\
                other = 2


                class K:
                    def method(self):
                        from ..a import x  # relative, inside a method
                        return x
            """,
        },
    )
    assert _rings(root, "pkg") == [
        "pkg.a (line 1) -> pkg.b (line 1) -> pkg.sub.c (line 6) -> pkg.a"
    ]


def test_type_checking_imports_are_left_out_but_not_their_else(tmp_path: Path) -> None:
    typing_only = textwrap.dedent(
        """\
        from typing import TYPE_CHECKING
        import typing
        if TYPE_CHECKING:
            from pkg.a import A
        if typing.TYPE_CHECKING:
            import pkg.a
        """
    )
    root = _package(tmp_path, {"a.py": "import pkg.b\n", "b.py": typing_only})
    assert _rings(root, "pkg") == []
    with_else = typing_only + "else:\n    from pkg import a\n"
    root = _package(tmp_path, {"a.py": "import pkg.b\n", "b.py": with_else})
    assert _rings(root, "pkg") == ["pkg.a (line 1) -> pkg.b (line 8) -> pkg.a"]


def test_from_package_import_name_points_at_the_package_unless_a_module(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": "from pkg.a import f\n",
            "a.py": "from pkg import b\ndef f():\n    from pkg import VALUE\n",
            "b.py": "",
        },
    )
    assert edges(root, "pkg") == [
        Edge("pkg", "pkg.a", 1),
        Edge("pkg.a", "pkg.b", 1),
        Edge("pkg.a", "pkg", 3),
    ]
    assert _rings(root, "pkg") == ["pkg (line 1) -> pkg.a (line 3) -> pkg"]


def test_imports_from_outside_the_package_are_no_edges(tmp_path: Path) -> None:
    root = _package(tmp_path, {"a.py": "import os\nfrom json import dumps\nimport pkgx.a\n"})
    assert edges(root, "pkg") == []


@pytest.mark.parametrize("size", [2, 3, 50])
def test_every_ring_length_is_found(tmp_path: Path, size: int) -> None:
    files = {f"m{i}.py": f"import pkg.m{(i + 1) % size}\n" for i in range(size)}
    (ring,) = cycles(graph(edges(_package(tmp_path, files), "pkg")))
    assert len(ring) == size + 1 and ring[0] == ring[-1] == "pkg.m0"
