"""``consent-tui export FILE … --check OUT``: is a committed export what the catalogue exports now?

Nothing is written. Each file the export would write (one, or one per language
with ``--all-languages``) is compared byte for byte with the file there: exit 0
when all are equal, 1 when one is missing or differs (one line each saying how it
differs), 2 when one cannot be read (a folder, a FIFO, no permission). For
pre-commit hooks and CI: a stale policy page fails the commit, not the visitor.
"""

from __future__ import annotations

import errno
from collections import Counter
from pathlib import Path

from consent_tui.commands.common import error
from consent_tui.core.fileio import MIB, FileError, read_limited, size_text

EXIT_OK, EXIT_STALE, EXIT_UNREADABLE = 0, 1, 2
UPDATE = "run the command with -o instead of --check to update it"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def difference(committed: bytes, exported: bytes) -> str | None:
    """How ``committed`` differs from ``exported``, in one line; ``None`` when equal."""
    if committed == exported:
        return None
    if committed.replace(b"\r\n", b"\n") == exported:
        return "only its line ends differ (CRLF; the export writes LF: see git's core.autocrlf)"
    if committed.rstrip(b"\n") == exported.rstrip(b"\n"):
        return "only the line ends at its end differ"
    old = committed.decode("utf-8", errors="replace").split("\n")
    new = exported.decode("utf-8", errors="replace").split("\n")
    pairs = zip(old, new, strict=False)
    first = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(old), len(new)))
    added = sum((Counter(new) - Counter(old)).values())
    removed = sum((Counter(old) - Counter(new)).values())
    if not added and not removed:
        changed = "the same lines in another order"
    else:
        changed = f"{_plural(added, 'line')} to add and {removed} to remove"
    return f"{changed}, the first difference at line {first + 1}"


def _stale(target: Path, exported: bytes) -> str | None:
    """How the file at ``target`` differs from ``exported``; ``None`` when it is the same.

    :class:`FileError` when it cannot be read (a folder, a FIFO, no permission).
    """
    limit = max(4 * len(exported), 16 * MIB)  # larger than any export of it: stale, unread
    try:
        committed = read_limited(target, limit)
    except FileError as exc:
        if exc.errno == errno.ENOENT:
            return "missing"
        if exc.errno == errno.EFBIG:
            return f"larger than {size_text(limit)}; the export is {size_text(len(exported))}"
        raise
    return difference(committed, exported)


def check(outputs: list[tuple[Path, str]]) -> int:
    """Compare each (path, text) the export would write with the file at path."""
    status = EXIT_OK
    for target, text in outputs:
        try:
            stale = _stale(target, text.encode("utf-8"))
        except FileError as exc:
            error(f"{target}: {exc.reason}; cannot check it")
            return EXIT_UNREADABLE
        if stale is None:
            error(f"{target}: up to date")
        else:
            error(f"{target}: stale: {stale}; {UPDATE}")
            status = EXIT_STALE
    return status
