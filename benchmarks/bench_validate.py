"""Validation benchmarks, against ``tomllib.loads`` of the same text.

Bar from the issue: validating the 10,000-cookie catalogue costs at most 0.25x
``tomllib.loads`` of its text. ``validate`` is measured on the loaded model (what
the editor does after each edit). Two more rows, without a bar, show what the
``validate`` command adds: the problems' lines and columns (a scan of the text,
paid only when there are problems) and the whole path from text to problems.

The synthetic catalogue is valid but not spotless: it yields a few hundred
warnings and notes (third parties in the necessary category, localStorage
declared "session"), so the position lookup is exercised. At the largest size
the many-problems catalogue (``generate(..., problems=True)``: 11,869 problems,
mostly untranslated texts) is measured too, without a bar (issue 18 sets its
bars on the whole process: ``bench_cli``), with export's check for errors.

Run with the others (``python -m benchmarks.run --only validate``) or alone
(``python -m benchmarks.bench_validate [cookies]``).
"""

from __future__ import annotations

import sys
import tomllib

from benchmarks.generate import generate
from benchmarks.harness import Case, measure
from consent_tui.core.store import load_text
from consent_tui.core.validation import error_rules, source_map, validate, validate_text

BAR = 0.25


def cases(sizes: tuple[int, ...]) -> list[Case]:
    out = []
    big = max(sizes)
    for size, problems in [(s, False) for s in sizes] + [(big, True)]:
        text = generate(size, problems=problems)
        catalogue = load_text(text)
        suffix = " (many-problems)" if problems else ""

        def floor(text: str = text) -> object:
            return tomllib.loads(text)

        out += [
            Case(
                "validate (model)" + suffix,
                size,
                floor,
                lambda catalogue=catalogue: validate(catalogue),  # type: ignore[misc]
                bar=None if problems else BAR,
            ),
            Case(
                "validate with positions" + suffix,
                size,
                floor,
                lambda c=catalogue, t=text: validate(c, source_map(t)),  # type: ignore[misc]
                repeats=3,
            ),
            Case(
                "text to problems (the CLI)" + suffix,
                size,
                floor,
                lambda text=text: validate_text(text),  # type: ignore[misc]
                repeats=3,
            ),
        ]
        if problems:  # what export checks: the error rules only, their problems located
            out.append(
                Case(
                    "errors only, with positions" + suffix,
                    size,
                    floor,
                    lambda c=catalogue, t=text: validate(  # type: ignore[misc]
                        c, source_map(t), only=error_rules()
                    ),
                    repeats=3,
                )
            )
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
