"""Audit benchmark: ``consent-tui audit`` of a generated HAR, whole process, against ``json.load``.

From the issue: the audit of a 20,000-entry HAR (about 100 MB with bodies) against the
10,000-cookie generated catalogue, as a ratio to ``json.load`` of the same HAR, whole
process both (a fresh interpreter each: start-up, reading, parsing, matching, output).
At each catalogue size N the HAR has 2N entries, so 10,000 cookies give the issue's
20,000 entries. The text report is the default output; SARIF (the CI upload) is measured
too. No bar is set by the issue; the figure goes in the closing note.

Each process runs with its own data and cache folders: without a known-cookie database
for the plain cases, and with a generated one of the real database's size (2,264 entries,
354 platforms, a hundred of the recording's undeclared names among them) for the
``known`` case, which looks every undeclared name up (once per distinct name).

Run with the others (``python -m benchmarks.run --only audit``) or alone
(``python -m benchmarks.bench_audit [cookies]``).
"""

from __future__ import annotations

import atexit
import csv
import io
import os
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


def _env(folder: Path, name: str) -> dict[str, str]:
    return os.environ | {
        "XDG_DATA_HOME": str(folder / name / "data"),
        "XDG_CACHE_HOME": str(folder / name / "cache"),
    }


def known_csv(entries: int = 2_264, platforms: int = 354) -> str:
    """A database of the real one's size; it knows ``undeclared_0``, ``_5`` … and ``tp_*``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "ID",
            "Platform",
            "Category",
            "Cookie / Data Key name",
            "Domain",
            "Description",
            "Retention period",
            "Data Controller",
            "User Privacy & GDPR Rights Portals",
            "Wildcard match",
        ]
    )
    names = [f"undeclared_{n}" for n in range(0, 500, 5)] + ["tp_"]
    names += [f"filler_{k}" for k in range(entries - len(names))]
    for k, name in enumerate(names):
        writer.writerow(
            [
                f"00000000-0000-4000-8000-{k:012d}",
                f"Platform {k % platforms}",
                ("Functional", "Analytics", "Marketing", "Personalization")[k % 4],
                name,
                "",
                f"What {name} does.",
                ("1 year", "Session", "13 months", "30 days")[k % 4],
                f"Company {k % platforms}",
                "https://company.example/privacy",
                "1" if name == "tp_" else "0",
            ]
        )
    return out.getvalue()


def _install(folder: Path, env: dict[str, str]) -> None:
    source = folder / "known.csv"
    source.write_text(known_csv(), encoding="utf-8")
    for argv in (["update", "--from", str(source)], ["_ga"]):  # install, then write the cache
        subprocess.run(
            [sys.executable, "-m", "consent_tui", "known", *argv],
            env=env,
            capture_output=True,
            check=False,
        )


def _process(*argv: str, env: dict[str, str] | None = None) -> object:
    done = subprocess.run(
        [sys.executable, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        env=env,
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

        plain, known = _env(folder, "plain"), _env(folder, "known")
        if size == sizes[0]:
            _install(folder, known)
        for fmt, env, label in (
            ("text", plain, "text"),
            ("sarif", plain, "sarif"),
            ("text", known, "text, known database"),
        ):

            def audit(
                catalogue: Path = catalogue,
                har: Path = har,
                fmt: str = fmt,
                env: dict[str, str] = env,
            ) -> object:
                return _process(
                    "-m",
                    "consent_tui",
                    "audit",
                    str(catalogue),
                    str(har),
                    "--format",
                    fmt,
                    env=env,
                )

            out.append(
                Case(
                    f"audit {2 * size:,}-entry HAR ({label})",
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
            f"{size:>7,} {case.name:<48} {result.measured * 1000:8.1f} ms  "
            f"json.load {result.floor * 1000:7.1f} ms  {result.ratio:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
