"""Whole-process benchmarks: ``consent-tui validate`` and ``export``, as a user runs them.

Each case starts a fresh process of the installed ``consent-tui`` (start-up,
imports, reading, checking, writing the output to a null device) and compares it
with a fresh ``python -c "import tomllib; tomllib.load(open(F, 'rb'))"`` of the
same file, measured alternately in the same run. Both keep their compiled
bytecode between runs, as an installed program does.

Bars from issue 18, on the 10,000-cookie catalogue with many problems (every
cookie's description and every service's function untranslated: 11,869
problems, ``generate(..., problems=True)``): validate <= 2.5x, export to html,
markdown and csv <= 3.0x. The same commands on the plain catalogue are shown
beside them, with the same bars, and the many-problems ones once more as CPU time
(user + system of the child), which a busy machine disturbs less than wall time.

Run with the others (``python -m benchmarks.run --only cli``) or alone
(``python -m benchmarks.bench_cli [cookies]``).
"""

from __future__ import annotations

import atexit
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.harness import Case, measure

HERE = Path(__file__).resolve().parent
BARS = {"validate": 2.5, "export": 3.0}
BAR_FROM = 10_000  # the bars are set at this size
COMMANDS = (
    ("validate", ("validate",)),
    ("export html", ("export", "--format", "html")),
    ("export markdown", ("export", "--format", "markdown")),
    ("export csv", ("export", "--format", "csv")),
)
BYTECODE = Path(tempfile.gettempdir()) / "consent-tui-bench-pycache"
_FOLDER = Path(tempfile.mkdtemp(prefix="consent-bench-cli-"))
atexit.register(shutil.rmtree, _FOLDER, True)


def _env() -> dict[str, str]:
    """Children keep compiled bytecode (see ``bench_ui._child_env``), and no colour."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(BYTECODE)
    env["NO_COLOR"] = "1"
    return env


def program() -> list[str]:
    """The installed ``consent-tui`` beside this Python, else ``python -m consent_tui``."""
    script = Path(sys.executable).parent / "consent-tui"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "consent_tui"]


def _run(cmd: list[str]) -> None:
    done = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(), cwd=HERE.parent
    )
    if done.returncode not in (0, 1):  # 1: problems found, still a full run
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}")


def _cpu(cmd: list[str]) -> float:
    """Run ``cmd``; its CPU seconds (user + system): steadier than wall time under load."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    _run(cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def floor_for(path: Path) -> list[str]:
    return [sys.executable, "-c", f"import tomllib; tomllib.load(open({str(path)!r}, 'rb'))"]


def cases(sizes: tuple[int, ...]) -> list[Case]:
    out: list[Case] = []
    big = max(sizes)
    for size, problems in [(s, True) for s in sizes] + [(big, False)]:
        name = "many-problems" if problems else "plain"
        path = _FOLDER / f"{name}-{size}.toml"
        path.write_text(generate(size, problems=problems), encoding="utf-8")
        floor_cmd = floor_for(path)
        _run(floor_cmd)  # compile the bytecode once
        for label, args in COMMANDS:
            cmd = [*program(), args[0], str(path), *args[1:]]
            _run(cmd)
            bar = BARS[args[0]] if size >= BAR_FROM else None
            out.append(
                Case(
                    f"{label} ({name})",
                    size,
                    lambda floor_cmd=floor_cmd: _run(floor_cmd),  # type: ignore[misc]
                    lambda cmd=cmd: _run(cmd),  # type: ignore[misc]
                    repeats=7 if size >= BAR_FROM else 5,
                    bar=bar,
                    floor_name="tomllib.load process",
                    quick_repeats=3,
                )
            )
            if problems and size == big:  # the same, as CPU time (no bar: the bars are wall time)
                out.append(
                    Case(
                        f"{label} (m-p, CPU time)",
                        size,
                        lambda floor_cmd=floor_cmd: _cpu(floor_cmd),  # type: ignore[misc]
                        lambda cmd=cmd: _cpu(cmd),  # type: ignore[misc]
                        repeats=7,
                        metric="returned",
                        floor_name="tomllib.load process",
                        quick_repeats=3,
                    )
                )
    return out


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 10_000
    missed = False
    for case in cases((size,)):
        result = measure("cli", case)
        verdict = "" if result.ok is None else ("ok" if result.ok else "MISSED")
        print(
            f"{size:>7,} {case.name:<34} {result.measured * 1000:8.1f} ms  "
            f"floor {result.floor * 1000:7.1f} ms  {result.ratio:5.2f}x {verdict}"
        )
        missed = missed or result.ok is False
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
