"""The benchmark protocol: a case measures one operation against a floor.

A ``benchmarks/bench_<area>.py`` module exposes ``cases(sizes) -> list[Case]``;
``python -m benchmarks.run`` finds it, runs every case and reports the median
of the measured operation, the median of its floor (what the operation cannot
beat, e.g. ``tomllib.loads`` of the same text) and their ratio, measured in the
same run so machine load cancels out. ``bar`` is the ratio the issue allows.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

# "time": the call is timed; "memory": its peak allocation; "returned": the call times
# itself and returns seconds (e.g. the slowest of a run of keypresses).
Metric = Literal["time", "memory", "returned"]


@dataclass
class Case:
    """One operation at one size, measured against a floor."""

    name: str
    size: int
    floor: Callable[[], object]
    measured: Callable[[], object]
    repeats: int = 5
    setup: Callable[[], None] | None = None  # run (untimed) before each measured call
    metric: Metric = "time"
    bar: float | None = None  # highest acceptable ratio, when the issue sets one
    floor_name: str = "tomllib.loads"
    quick_repeats: int | None = None  # with --quick (default: at most 3 of ``repeats``)

    def repeats_for(self, quick: bool) -> int:
        """How many times to run: ``--quick`` keeps a slow case short, not a cheap one."""
        if not quick:
            return self.repeats
        return self.quick_repeats if self.quick_repeats is not None else min(self.repeats, 3)


@dataclass
class Result:
    group: str
    name: str
    size: int
    metric: Metric
    measured: float  # seconds, or bytes at peak
    floor: float
    floor_name: str
    bar: float | None

    @property
    def ratio(self) -> float:
        return self.measured / self.floor if self.floor else float("inf")

    @property
    def ok(self) -> bool | None:
        return None if self.bar is None else self.ratio <= self.bar


def _timed(call: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _peak(call: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        kept = call()  # keep the result alive until the peak is read
        peak = tracemalloc.get_traced_memory()[1]
        del kept
    finally:
        tracemalloc.stop()
    return float(peak)


def _returned(call: Callable[[], object]) -> float:
    gc.collect()
    value = call()
    assert isinstance(value, float), "a 'returned' case returns its seconds"
    return value


def measure(group: str, case: Case, repeats: int | None = None) -> Result:
    """Run floor and operation alternately ``repeats`` times; keep the medians."""
    probe = {"time": _timed, "memory": _peak, "returned": _returned}[case.metric]
    floors: list[float] = []
    values: list[float] = []
    for _ in range(repeats or case.repeats):
        floors.append(probe(case.floor))
        if case.setup is not None:
            case.setup()
        values.append(probe(case.measured))
    return Result(
        group,
        case.name,
        case.size,
        case.metric,
        statistics.median(values),
        statistics.median(floors),
        case.floor_name,
        case.bar,
    )
