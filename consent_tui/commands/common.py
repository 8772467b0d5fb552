"""Helpers shared by the sub-commands: loading with clear errors, writing output."""

from __future__ import annotations

import sys

from consent_tui.core.errors import CatalogueError
from consent_tui.core.store import Document, load
from consent_tui.core.values import printable


def error(message: str) -> None:
    """Print one error line to stderr, prefixed with the program name.

    Control characters (from file names, say) are written as escapes, so a
    message can neither spread over lines nor drive the terminal.
    """
    print(f"consent-tui: {printable(message)}", file=sys.stderr)


def load_or_report(path: str) -> Document | None:
    """Load ``path``; on failure print ``path:line:col: error: message`` and return None."""
    try:
        return load(path)
    except CatalogueError as exc:
        print(printable(f"{exc.location}: error: {exc.message}"), file=sys.stderr)
        return None
