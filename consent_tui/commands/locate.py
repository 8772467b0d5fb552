"""``consent-tui locate [config|templates|state|recovery|recent|crash-log|known]``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from consent_tui import paths

WHAT: dict[str, Callable[[], Path]] = {
    "config": paths.config_file,
    "templates": paths.templates_dir,
    "state": paths.state_dir,
    "recovery": paths.recovery_dir,
    "recent": paths.recent_file,
    "crash-log": paths.crash_log,
    "known": paths.known_dir,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "what",
        nargs="?",
        choices=sorted(WHAT),
        help="which path to print; all of them, one per line, when left out",
    )


def run(args: argparse.Namespace) -> int:
    if args.what:
        print(WHAT[args.what]())
    else:
        for name, where in WHAT.items():
            print(f"{name}: {where()}")
    return 0
