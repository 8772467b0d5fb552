"""``consent-tui diff`` benchmarks: two catalogues differing in 100 places.

Bar from the issue: for two 10,000-cookie catalogues, the whole ``consent-tui diff OLD
NEW`` process (start-up, reading, loading and comparing both files, the text report)
costs at most 1.5x a process that only loads both files with ``tomllib``. Smaller sizes
are shown without the bar: there the start-up of the command (its imports) outweighs the
files. Two rows without a bar show the parts in process: loading both and comparing,
and the comparison alone.

NEW is OLD with 100 edits spread over the file: 40 longer lifetimes, 20 reworded French
descriptions, 10 renamed cookies, 10 removed, 10 added, 10 services moved to another
category. Run with the others (``python -m benchmarks.run --only diff``) or alone
(``python -m benchmarks.bench_diff [cookies]``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.harness import Case, measure
from consent_tui.core.changes import compare
from consent_tui.core.store import load_text

BAR = 1.5
EDITS = 100
HERE = Path(__file__).resolve().parent
_COOKIE = re.compile(r'^name = "(cookie_\d+)', re.MULTILINE)


def edited(text: str, edits: int = EDITS) -> str:
    """``text`` with ``edits`` changes of six kinds, spread evenly over its cookies."""
    blocks = text.split("\n\n")
    cookies = [i for i, block in enumerate(blocks) if block.startswith("[[services.")]
    services = [i for i, block in enumerate(blocks) if block.startswith("[services.")]
    step = max(1, len(cookies) // edits)
    chosen = cookies[::step][:edits]
    plan = ["longer"] * 40 + ["reworded"] * 20 + ["renamed"] * 10
    plan += ["removed"] * 10 + ["added"] * 10 + ["moved"] * 10
    moved = iter(services[1 :: max(1, len(services) // 10)])
    for at, kind in zip(chosen, plan, strict=False):
        block = blocks[at]
        if kind == "longer":
            block = re.sub(r'duration = "[^"]*"', 'duration = "25 months"', block)
        elif kind == "reworded":
            block = block.replace("Cookie numéro", "Témoin numéro")
        elif kind == "renamed":
            block = _COOKIE.sub(lambda m: f'name = "{m.group(1)}x', block)
        elif kind == "removed":
            block = ""
        elif kind == "added":
            header = block.split("\n", 1)[0]
            block += f'\n\n{header}\nname = "added_{at}"\nduration = "1 day"'
        else:
            service = next(moved, None)
            if service is not None:
                blocks[service] = re.sub(
                    r'category = "(\w+)"',
                    lambda m: (
                        'category = "marketing"'
                        if m.group(1) != "marketing"
                        else 'category = "statistics"'
                    ),
                    blocks[service],
                )
            continue
        blocks[at] = block
    return "\n\n".join(b for b in blocks if b)


def _env() -> dict[str, str]:
    """Child processes keep compiled bytecode, as an installed consent-tui does."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "consent-tui-bench-pycache")
    env["NO_COLOR"] = "1"
    return env


def _run(args: list[str], ok: tuple[int, ...]) -> None:
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, cwd=HERE.parent, env=_env(), check=False
    )
    if done.returncode not in ok:
        raise RuntimeError(f"{args[:2]} exited {done.returncode}: {done.stderr[-500:]!r}")


def cases(sizes: tuple[int, ...]) -> list[Case]:
    out = []
    folder = Path(tempfile.gettempdir()) / "consent-tui-bench-diff"  # reused by every run
    folder.mkdir(exist_ok=True)
    for size in sizes:
        old_text = generate(size)
        new_text = edited(old_text)
        old_path, new_path = folder / f"old-{size}.toml", folder / f"new-{size}.toml"
        old_path.write_text(old_text, encoding="utf-8")
        new_path.write_text(new_text, encoding="utf-8")
        load_both = (
            "import tomllib,sys\n"
            "for p in sys.argv[1:]:\n"
            "    f = open(p, 'rb'); tomllib.load(f); f.close()\n"
        )

        def floor_process(a: Path = old_path, b: Path = new_path, code: str = load_both) -> None:
            _run(["-c", code, str(a), str(b)], ok=(0,))

        def diff_process(a: Path = old_path, b: Path = new_path) -> None:
            _run(["-m", "consent_tui", "diff", str(a), str(b)], ok=(0, 1))

        def floor(a: str = old_text, b: str = new_text) -> object:
            return tomllib.loads(a), tomllib.loads(b)

        def in_process(a: str = old_text, b: str = new_text) -> object:
            return compare(load_text(a), load_text(b))

        old_model, new_model = load_text(old_text), load_text(new_text)

        def compare_only(a: object = old_model, b: object = new_model) -> object:
            return compare(a, b)  # type: ignore[arg-type]

        repeats = 5 if size <= 1_000 else 3
        both = "tomllib of both"
        out += [
            Case(
                "diff, whole process",
                size,
                floor_process,
                diff_process,
                repeats,
                bar=BAR if size >= 10_000 else None,
                floor_name="python loading both with tomllib",
            ),
            Case("load both + compare", size, floor, in_process, repeats, floor_name=both),
            Case("compare (models)", size, floor, compare_only, repeats, floor_name=both),
        ]
    return out


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 10_000
    missed = False
    for case in cases((size,)):
        result = measure("diff", case)
        bar = f" (bar {result.bar:.2f}x)" if result.bar is not None else ""
        print(
            f"{size:>7,} {case.name:<22} {result.measured * 1000:8.1f} ms  "
            f"floor {result.floor * 1000:7.1f} ms  {result.ratio:5.2f}x{bar}"
        )
        missed = missed or result.ok is False
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
