"""``consent-tui [edit] [FILE]``: open the catalogue in the terminal editor.

Without FILE the start screen offers recent files, a new catalogue and the
bundled example. A FILE that does not exist yet becomes a new catalogue; one
that cannot be parsed opens on the error, with the choice to fix the raw text.
Textual is imported only here, inside :func:`run`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from consent_tui.commands.common import error

EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="the catalogue (.toml); created when it does not exist; "
        "without it, a start screen lists recent files",
    )


def run(args: argparse.Namespace) -> int:
    path = Path(args.file) if args.file else None
    if path is not None and path.is_dir():
        error(f"{path}: is a folder, not a catalogue file")
        return EXIT_USAGE
    if path is not None and not path.parent.expanduser().is_dir():
        error(f"{path}: the folder {path.parent} does not exist")
        return EXIT_USAGE
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        error("the editor needs a terminal; use `consent-tui validate` or `export` in scripts")
        return EXIT_USAGE
    from consent_tui.ui.file_actions import run_editor

    return run_editor(path)
