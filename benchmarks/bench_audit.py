"""Audit benchmark: ``consent-tui audit`` of a generated HAR, whole process, against ``json.load``.

From the issue: the audit of a 20,000-entry HAR (about 100 MB with bodies) against the
10,000-cookie generated catalogue, as a ratio to ``json.load`` of the same HAR, whole
process both (a fresh interpreter each: start-up, reading, parsing, matching, output).
At each catalogue size N the HAR has 2N entries, so 10,000 cookies give the issue's
20,000 entries. The text report is the default output; SARIF (the CI upload) is measured
too. No bar is set by the issue; the figure goes in the closing note.

Run with the others (``python -m benchmarks.run --only audit``) or alone
(``python -m benchmarks.bench_audit [cookies]``).
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.generate_har import generate_har
from benchmarks.harness import Case, measure

_FLOOR = "import json, sys\nwith open(sys.argv[1], encoding='utf-8') as f:\n    json.load(f)\n"


def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="consent-tui-bench-audit-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _process(*argv: str) -> object:
    done = subprocess.run(
        [sys.executable, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    if done.returncode not in (0, 1):  # 1: findings, as expected of this recording
        raise RuntimeError(done.stderr.decode("utf-8", "replace")[-2000:])
    return done.returncode


def cases(sizes: tuple[int, ...]) -> list[Case]:
    folder = _folder()
    out: list[Case] = []
    for size in sizes:
        catalogue = folder / f"catalogue-{size}.toml"
        catalogue.write_text(generate(size), encoding="utf-8")
        har = folder / f"recording-{size}.har"
        har.write_text(generate_har(2 * size, size), encoding="utf-8")
        repeats = 5 if size <= 1_000 else 3

        def floor(har: Path = har) -> object:
            return _process("-c", _FLOOR, str(har))

        for fmt in ("text", "sarif"):

            def audit(catalogue: Path = catalogue, har: Path = har, fmt: str = fmt) -> object:
                return _process(
                    "-m", "consent_tui", "audit", str(catalogue), str(har), "--format", fmt
                )

            out.append(
                Case(
                    f"audit {2 * size:,}-entry HAR ({fmt})",
                    size,
                    floor,
                    audit,
                    repeats,
                    floor_name="json.load (process)",
                    quick_repeats=2,
                )
            )
    return out


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 10_000
    for case in cases((size,)):
        result = measure("audit", case)
        print(
            f"{size:>7,} {case.name:<34} {result.measured * 1000:8.1f} ms  "
            f"json.load {result.floor * 1000:7.1f} ms  {result.ratio:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
