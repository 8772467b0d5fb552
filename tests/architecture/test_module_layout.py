"""The bar of issue 11: no module over 450 lines, at most twelve modules side by side in core/."""

from __future__ import annotations

from pathlib import Path

from tests.architecture.layout import MAX_LINES, MAX_SIDE_BY_SIDE, side_by_side, too_long
from tests.conftest import ROOT

PACKAGE = ROOT / "consent_tui"


def test_no_module_is_over_450_lines() -> None:
    assert too_long(PACKAGE) == []


def test_core_holds_at_most_twelve_modules_side_by_side() -> None:
    found = side_by_side(PACKAGE / "core")
    assert len(found) <= MAX_SIDE_BY_SIDE, found


def test_room_is_left_for_two_more() -> None:
    """A new part of the core that needs one module still fits; a larger one is a package."""
    found = side_by_side(PACKAGE / "core")
    assert len(found) <= MAX_SIDE_BY_SIDE - 2, sorted(found)


# -- the checks themselves, on planted trees


def _module(path: Path, lines: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x = 1\n" * lines, encoding="utf-8")


def test_a_long_module_is_named_with_its_length(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    _module(root / "__init__.py", 1)
    _module(root / "short.py", MAX_LINES)
    _module(root / "deep" / "long.py", MAX_LINES + 1)
    assert too_long(root) == [f"pkg/deep/long.py: {MAX_LINES + 1} lines (at most {MAX_LINES})"]


def test_a_last_line_without_newline_counts(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    root.mkdir()
    (root / "m.py").write_text("x = 1\n" * MAX_LINES + "y = 2", encoding="utf-8")
    assert too_long(root) == [f"pkg/m.py: {MAX_LINES + 1} lines (at most {MAX_LINES})"]


def test_side_by_side_counts_modules_and_init_not_packages(tmp_path: Path) -> None:
    core = tmp_path / "core"
    for name in ["__init__.py", *(f"m{i}.py" for i in range(MAX_SIDE_BY_SIDE))]:
        _module(core / name, 1)
    _module(core / "store" / "__init__.py", 1)
    (core / "notes.txt").write_text("", encoding="utf-8")
    found = side_by_side(core)
    assert len(found) == MAX_SIDE_BY_SIDE + 1  # one too many: the bar test would fail
    assert "__init__.py" in found and "store" not in " ".join(found)
