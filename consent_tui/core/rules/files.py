"""File-level problems: the file cannot be read or is not a catalogue.

These rules have no check of their own: the loader raises, and the CLI (or
the editor) turns the error into a problem with :func:`problem_for`.
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.errors import CatalogueError, NotACatalogueError, ParseError
from consent_tui.core.rules.base import Rule, as_hint, printable
from consent_tui.core.rules.problem import Problem

FAMILY = "files"

UNREADABLE = Rule(
    "unreadable-file",
    "error",
    FAMILY,
    "The file cannot be read: it does not exist, is a folder, is not readable, or is too big.",
    "Nothing can be checked in a file that cannot be opened.",
    "Check the path and the file's permissions.",
)
INVALID_TOML = Rule(
    "invalid-toml",
    "error",
    FAMILY,
    "The file is not valid TOML (or not UTF-8 text).",
    "A catalogue is a TOML file; a syntax error stops every tool that reads it.",
    "Fix the syntax at the line and column given (a missing quote, bracket or comma is the "
    "usual cause).",
    source="TOML v1.0.0",
    bad="""\
[policy]
site_name = "Example
""",
    good="""\
[policy]
site_name = "Example"
""",
)
NOT_A_CATALOGUE = Rule(
    "not-a-catalogue",
    "error",
    FAMILY,
    "The file is valid TOML but not a consent-tui catalogue: no format_version, a newer "
    "format version, or a table where a value is expected (or the reverse).",
    "Its structure cannot be mapped to the catalogue format.",
    "Add `format_version = 1` at the top and follow docs/format.md; a file from a newer "
    "version needs a newer consent-tui.",
)

RULES: Final = (UNREADABLE, INVALID_TOML, NOT_A_CATALOGUE)


def problem_for(error: CatalogueError) -> Problem:
    """The problem that stands for a load failure (with its line and column)."""
    if isinstance(error, ParseError):
        rule = INVALID_TOML
    elif isinstance(error, NotACatalogueError):
        rule = NOT_A_CATALOGUE
    else:
        rule = UNREADABLE
    return Problem(
        rule=rule.id,
        severity=rule.severity,
        message=printable(error.message),
        entity="file",
        hint=as_hint(rule.fix),
        line=error.line,
        col=error.col,
    )
