"""File-level problems: the file cannot be read or is not a catalogue.

These rules have no check of their own: the loader raises, and the CLI (or
the editor) turns the error into a problem with :func:`problem_for`.
"""

from __future__ import annotations

import re
from typing import Final

from consent_tui.core.errors import CatalogueError, NotACatalogueError, ParseError
from consent_tui.core.rules.base import Rule, as_hint
from consent_tui.core.rules.problem import Problem
from consent_tui.core.values import printable

FAMILY = "files"

UNREADABLE = Rule(
    "unreadable-file",
    "error",
    FAMILY,
    "The file cannot be read: it does not exist, is a folder, a pipe or a device rather than "
    "a regular file, is not readable, or is too big (over 64 MiB).",
    "Nothing can be checked in a file that cannot be opened.",
    "Check the path and the file's permissions; give a regular file (a pipe's content can be "
    "checked through standard input: `consent-tui validate - < pipe`).",
)
INVALID_TOML = Rule(
    "invalid-toml",
    "error",
    FAMILY,
    "The file is not valid TOML.",
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
INVALID_ENCODING = Rule(
    "invalid-encoding",
    "error",
    FAMILY,
    "The file is not UTF-8 text (it is in Latin-1, Windows-1252, UTF-16 or another encoding).",
    "A TOML file must be UTF-8; consent-tui does not guess another encoding, since a wrong "
    "guess would change names and texts without a word.",
    "Save the file as UTF-8 in your editor, or convert it: `iconv -f WINDOWS-1252 -t UTF-8 "
    "policy.toml > policy.utf8.toml` (name the encoding the file is in).",
    source="TOML v1.0.0 (a TOML file must be a valid UTF-8 encoded Unicode document)",
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

RULES: Final = (UNREADABLE, INVALID_TOML, INVALID_ENCODING, NOT_A_CATALOGUE)


# The loader's words for bytes that are not UTF-8 ("the file is not UTF-8 text (byte 0xe9 …").
_ENCODING: Final = "not UTF-8 text"
_UTF16: Final = re.compile(r"byte 0x(?:ff|fe)\b")
UTF16_HINT: Final = "the file looks like UTF-16: save it as UTF-8 (without a byte-order mark)"


def problem_for(error: CatalogueError, head: str | None = None) -> Problem:
    """The problem that stands for a load failure (with its line and column).

    ``head``, the start of the file's text when known, tells UTF-16 without a
    byte-order mark (ASCII letters with NUL characters between them, which are
    valid UTF-8 but never valid TOML) from a syntax error.
    """
    hint = None
    message = error.message
    if isinstance(error, ParseError) and _ENCODING in message:
        rule = INVALID_ENCODING
        if error.line == 1 and error.col == 1 and _UTF16.search(message):
            hint = UTF16_HINT
    elif isinstance(error, ParseError) and head is not None and "\x00" in head[:4096]:
        rule = INVALID_ENCODING
        message = "the file holds NUL characters: it is UTF-16 text, or not text, rather than UTF-8"
        hint = UTF16_HINT
    elif isinstance(error, ParseError):
        rule = INVALID_TOML
    elif isinstance(error, NotACatalogueError):
        rule = NOT_A_CATALOGUE
    else:
        rule = UNREADABLE
    return Problem(
        rule=rule.id,
        severity=rule.severity,
        message=printable(message),
        entity="file",
        hint=hint or as_hint(rule.fix),
        line=error.line,
        col=error.col,
    )
