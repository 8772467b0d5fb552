"""Run the benchmarks: ``uv run python -m benchmarks.run [--quick] [--only store,validate]``.

Every ``benchmarks/bench_*.py`` module exposing ``cases(sizes)`` is run. The
table shows, per size and operation, the median of the operation, the median
of its floor and their ratio; a JSON copy goes to ``benchmarks/results/``.
Exit status 1 when a ratio misses its bar.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import platform
import sys
from dataclasses import asdict
from pathlib import Path

from benchmarks.harness import Case, Result, measure

HERE = Path(__file__).resolve().parent
SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (100, 1_000)


def discover(only: set[str] | None) -> list[str]:
    names = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    return [n for n in names if only is None or n in only]


def _value(result: Result, value: float) -> str:
    if result.metric == "memory":
        return f"{value / (1024 * 1024):8.2f} MiB"
    return f"{value * 1000:8.2f} ms "


def bar_text(bar: float | None) -> str:
    """The bar as set, never rounded: 0.25 is "<= 0.25x", 2.0 is "<= 2x"."""
    return "" if bar is None else f"<= {repr(float(bar)).removesuffix('.0')}x"


def row(result: Result) -> str:
    verdict = {None: "", True: "ok", False: "MISSED"}[result.ok]
    bar = bar_text(result.bar)
    return (
        f"{result.size:>7,} {result.group:<9} {result.name:<34} {_value(result, result.measured)}"
        f" {_value(result, result.floor)} {result.ratio:6.2f}x {bar:<8} {verdict}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, fewer repeats")
    parser.add_argument("--only", help="comma-separated areas (store, validate, export, ui...)")
    parser.add_argument("--sizes", help="comma-separated cookie counts (default 100,1000,10000)")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    sizes: tuple[int, ...] = QUICK_SIZES if args.quick else SIZES
    if args.sizes:
        sizes = tuple(int(s) for s in args.sizes.split(","))
    groups = discover(only)
    if not groups:
        print("no benchmark modules matched", file=sys.stderr)
        return 2
    print(
        f"{'size':>7} {'area':<9} {'operation':<34} {'median':>12} {'floor':>12} "
        f"{'ratio':>7} {'bar':<8}"
    )
    results: list[Result] = []
    broken: list[str] = []
    for group in groups:
        try:
            module = importlib.import_module(f"benchmarks.bench_{group}")
            cases: list[Case] = module.cases(sizes)
            for case in cases:
                result = measure(group, case, case.repeats_for(args.quick))
                results.append(result)
                print(row(result), flush=True)
        except Exception as exc:  # one broken area must not hide the others' figures
            broken.append(group)
            print(f"{'':>7} {group:<9} FAILED: {type(exc).__name__}: {exc}", flush=True)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    payload = {
        "when": stamp,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "quick": args.quick,
        "results": [asdict(r) | {"ratio": r.ratio, "ok": r.ok} for r in results],
        "broken": broken,
    }
    for name in (f"{stamp}.json", "latest.json"):
        (out / name).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {out / (stamp + '.json')}")
    return 1 if broken or any(r.ok is False for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
