"""The user config file: a broken one is reported, never a crash."""

from __future__ import annotations

from pathlib import Path

from consent_tui.ui import config


def test_deeply_nested_config_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("x = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    loaded = config.load(path)
    assert loaded.keys == {}
    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{path}:1:")


def test_invalid_config_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[keys\n', encoding="utf-8")
    loaded = config.load(path)
    assert loaded.problems == [loaded.problems[0]]
    assert loaded.problems[0].startswith(f"{path}:2:")
