"""benchmarks/compare_widgets.py runs each widget on a small catalogue and prints its figures."""

from __future__ import annotations

import pytest

from benchmarks import compare_widgets


def test_every_widget_is_measured(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        compare_widgets.main(["--rows", "30", "--markdown-rows", "10", "--lines-rows", "20"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["widget", "cookies", "show", "filter", "memory"]
    rows = [line.split() for line in lines[1:]]
    assert [(r[0], r[1]) for r in rows] == [
        ("datatable", "30"),
        ("grid", "30"),
        ("markdown", "10"),
        ("lines", "10"),
        ("lines", "20"),
    ]
    assert all(r[2].endswith("ms") and r[-1].endswith("MiB") for r in rows)
    assert rows[0][3].endswith("ms") and rows[1][3].endswith("ms")  # the two tables filter
