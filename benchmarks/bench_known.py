"""Known-cookie lookups: every name of a whole database in one call, against a single lookup.

Both are whole ``consent-tui known`` processes (start, read the cached index, look up, print),
so the figure says what the per-name work adds to what every call pays. The database is the
one installed in the user's data folder when there is one of the real size, else a synthetic
one of 2,300 rows with the real one's mix (prefixes, shared names, domains, retention
spellings), installed with ``known update --from`` into a temporary data folder. The issue's
bar: at most 1.5x.
"""

from __future__ import annotations

import atexit
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.harness import Case

ROWS = 2_300
BAR = 1.5
HEADER = (
    "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,"
    "Data Controller,User Privacy & GDPR Rights Portals,Wildcard match"
)
_RETENTION = [
    "1 year",
    "session",
    "Session",
    "3 months",
    "2 years",
    "1 day",
    "13 months",
    "30 days",
    "1 Year",
    "30 minutes",
    "Unknown",
    "End of session (browser)",
    "Varies",
]
_CATEGORIES = (
    ["Functional"] * 43 + ["Marketing"] * 38 + ["Analytics"] * 17 + ["Security", "Necessary"]
)


def synthetic(rows: int = ROWS, seed: int = 14) -> str:
    """A CSV like the real database: ~350 platforms, 11% prefixes, some shared names."""
    rng = random.Random(seed)
    lines = [HEADER]
    names: list[str] = []
    for i in range(rows):
        platform = f"Platform {i % 350}"
        if names and rng.random() < 0.01:
            name = rng.choice(names)  # listed by another platform too
        else:
            name = f"_c{i}_{rng.randrange(10**6)}"
        names.append(name)
        domain = f"p{i % 350}.example (3rd party)" if rng.random() < 0.5 else ""
        text = "Stores an identifier used to tell visitors apart, " * rng.randint(1, 3)
        wildcard = "1" if rng.random() < 0.11 else "0"
        lines.append(
            f"{i:08d}-0000-4000-8000-000000000000,{platform},{rng.choice(_CATEGORIES)},{name},"
            f'{domain},"{text.strip()}",{rng.choice(_RETENTION)},Controller {i % 300},'
            f"https://p{i % 350}.example/privacy,{wildcard}"
        )
    return "\n".join(lines) + "\n"


def _command(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "consent_tui", "known", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )


def _names(env: dict[str, str]) -> list[str]:
    code = (
        "from consent_tui.core.known import load_index\n"
        "index = load_index()\n"
        "print('\\n'.join(e.name for e in index.entries) if index else '')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return [n for n in out.stdout.split("\n") if n]


def _database() -> tuple[dict[str, str], list[str]]:
    """The environment to run in and every name of its database."""
    env = dict(os.environ)
    real = _names(env)
    if len(real) >= 2_000:
        return env, real
    folder = Path(tempfile.mkdtemp(prefix="consent-bench-known-"))
    atexit.register(shutil.rmtree, folder, True)
    env |= {"XDG_DATA_HOME": str(folder / "data"), "XDG_CACHE_HOME": str(folder / "cache")}
    source = folder / "synthetic.csv"
    source.write_text(synthetic(), encoding="utf-8")
    done = _command(env, "update", "--from", str(source))
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode())
    return env, _names(env)


def cases(sizes: tuple[int, ...]) -> list[Case]:
    env, names = _database()
    first = names[0]

    def single() -> object:
        return _command(env, first).returncode

    def every() -> object:
        done = _command(env, *names)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode()[:500])
        return done.returncode

    every()  # the cache is written before the first measure
    return [
        Case(
            f"all {len(names):,} names in one call",
            len(names),
            single,
            every,
            repeats=15,
            bar=BAR,
            floor_name="one lookup's whole process",
            quick_repeats=7,
        )
    ]
