"""``consent-tui [edit] [FILE]``: open the catalogue in the terminal editor.

Without FILE the start screen offers recent files, a new catalogue and the
bundled example. A FILE that does not exist yet becomes a new catalogue; one
that cannot be parsed opens on the error, with the choice to fix the raw text.

This is the one sub-command that lives in the UI package (``cli.py`` names it
beside the others in ``consent_tui.commands``): it stands above the app, which
it makes and runs. Textual is imported only inside :func:`run`, so that
building the command line for ``validate`` or ``export`` never loads it.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consent_tui.commands.common import error

if TYPE_CHECKING:
    from consent_tui.core.session import Session
    from consent_tui.ui.app import ConsentApp

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
    return run_editor(path)


def open_app(path: str | Path | None) -> ConsentApp:
    """The editor app, opening ``path`` (or showing the start screen) when it runs."""
    from consent_tui.ui.app import ConsentApp

    return ConsentApp(path=Path(path) if path is not None else None)


def run_editor(path: str | Path | None) -> int:
    """Run the editor on ``path``; returns the exit code (128+N after signal N)."""
    app = open_app(path)
    app.print_crash_message = True
    try:
        app.run()
    finally:
        keep_unsaved_work(app)
    if app.crash_message:
        print(app.crash_message, file=sys.stderr)
    return app.return_code or 0


def keep_unsaved_work(app: Any) -> None:
    """After the app stopped: unsaved work the user did not discard goes to recovery."""
    session: Session | None = getattr(app, "session", None)
    if session is None or not session.dirty or getattr(app, "_discarded", False):
        return
    from consent_tui.core.session import recovery, recovery_text

    with contextlib.suppress(Exception):
        text = recovery_text(session.document, session.catalogue)
        recovery.write(session.path, text, session.document.fingerprint)
