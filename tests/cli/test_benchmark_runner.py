"""``python -m benchmarks.run``: the table shows each bar exactly as the benchmark sets it."""

from __future__ import annotations

import pytest

from benchmarks.harness import Result
from benchmarks.run import bar_text, row


@pytest.mark.parametrize(
    ("bar", "text"),
    [(0.25, "<= 0.25x"), (1.0, "<= 1x"), (1.5, "<= 1.5x"), (2, "<= 2x"), (None, "")],
)
def test_bars_are_printed_exactly(bar: float | None, text: str) -> None:
    assert bar_text(bar) == text


def test_a_row_shows_its_bar_and_verdict() -> None:
    result = Result("ui", "keypress", 1_000, "time", 0.003, 0.01, "bare Input key", 0.25)
    line = row(result)
    assert "   0.30x <= 0.25x MISSED" in line
