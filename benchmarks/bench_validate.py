"""Validation benchmarks, against ``tomllib.loads`` of the same text.

Bar from the issue: validating the 10,000-cookie catalogue costs at most 0.25x
``tomllib.loads`` of its text. ``validate`` is measured on the loaded model (what
the editor does after each edit). Two more rows, without a bar, show what the
``validate`` command adds: the problems' lines and columns (a scan of the text,
paid only when there are problems) and the whole path from text to problems.

The synthetic catalogue is valid but not spotless: it yields a few hundred
warnings and notes (third parties in the necessary category, localStorage
declared "session"), so the position lookup is exercised.

Run with the others (``python -m benchmarks.run --only validate``) or alone
(``python -m benchmarks.bench_validate [cookies]``).
"""

from __future__ import annotations

import sys
import tomllib

from benchmarks.generate import generate
from benchmarks.harness import Case, measure
from consent_tui.core.store import load_text
from consent_tui.core.validation import source_map, validate, validate_text

BAR = 0.25


def cases(sizes: tuple[int, ...]) -> list[Case]:
    out = []
    for size in sizes:
        text = generate(size)
        catalogue = load_text(text)

        def floor(text: str = text) -> object:
            return tomllib.loads(text)

        out += [
            Case(
                "validate (model)",
                size,
                floor,
                lambda catalogue=catalogue: validate(catalogue),  # type: ignore[misc]
                bar=BAR,
            ),
            Case(
                "validate with positions",
                size,
                floor,
                lambda c=catalogue, t=text: validate(c, source_map(t)),  # type: ignore[misc]
                repeats=3,
            ),
            Case(
                "text to problems (the CLI)",
                size,
                floor,
                lambda text=text: validate_text(text),  # type: ignore[misc]
                repeats=3,
            ),
        ]
    return out


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 10_000
    missed = False
    for case in cases((size,)):
        result = measure("validate", case)
        bar = f" (bar {result.bar:.2f}x)" if result.bar is not None else ""
        print(
            f"{size:>7,} {case.name:<28} {result.measured * 1000:8.1f} ms  "
            f"tomllib {result.floor * 1000:7.1f} ms  {result.ratio:5.2f}x{bar}"
        )
        missed = missed or result.ok is False
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
