"""``init``'s work once its arguments are checked: read, draft, write, tell what is next."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys
from typing import TYPE_CHECKING

from consent_tui.commands import audit_inputs as inputs
from consent_tui.commands.progress import ProgressBar
from consent_tui.core.drafting import Draft, DraftError, draft, render
from consent_tui.core.fileio import FileError, check_not_input, write_output
from consent_tui.core.values import printable

if TYPE_CHECKING:
    from consent_tui.core.evidence import ConsentState
    from consent_tui.core.known import KnownIndex

EXIT_OK, EXIT_UNREADABLE = 0, 2


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def _error(message: str) -> int:
    _say(f"consent-tui init: error: {printable(message)}")
    return EXIT_UNREADABLE


def _index() -> tuple[KnownIndex | None, list[str]]:
    """The installed database, or ``None`` with the notes that say why and how to get one."""
    from consent_tui.core.known import KnownDataError, load_index

    try:
        index = load_index()
    except KnownDataError as exc:
        return None, [
            f"note: the installed known-cookie database cannot be read ({printable(str(exc))})",
            "note: drafting without it: every cookie is left to review",
        ]
    if index is None:
        return None, [
            "note: no known-cookie database is installed, so every cookie is left to review; "
            "`consent-tui known update` installs the Open Cookie Database (then draft again "
            "with --force)"
        ]
    return index, []


def draft_and_write(args: argparse.Namespace, recorded_at: dt.datetime | None) -> int:
    bar = ProgressBar()
    fmt = None if args.input_format == "auto" else args.input_format
    named: list[tuple[str, ConsentState | None]] = [(p, None) for p in args.evidence]
    named += [(p, "before-consent") for p in args.before_consent]
    named += [(p, "after-reject") for p in args.after_reject]
    named = list(dict.fromkeys(named))
    readings = inputs.read_all(named, fmt, recorded_at, bar)
    bar.clear()
    if readings.errors:
        for line in readings.errors:
            _say(line)
        return EXIT_UNREADABLE
    for line in inputs.notes(readings):
        _say(line)
    try:
        check_not_input(args.output, [p for p, _s in named] + [f.path for f in readings.files])
    except FileError as exc:
        return _error(f"{args.output}: {exc.reason}")
    index, known_notes = _index()
    try:
        drafted = draft(readings.files, site=args.site, lang=args.lang, index=index)
        text = render(drafted)
    except DraftError as exc:
        return _error(exc.message)
    try:
        write_output(args.output, text.encode("utf-8"))
    except FileError as exc:
        return _error(f"{args.output}: {exc.reason}")
    for line in [*known_notes, *_report(drafted, args.output)]:
        _say(line)
    return EXIT_OK


def _report(drafted: Draft, output: str) -> list[str]:
    from consent_tui.core.validation import counts, validate

    lines = [f"note: left out `{printable(name)}`: {why}" for name, why in drafted.skipped]
    if drafted.site.others:
        others = ", ".join(printable(o) for o in drafted.site.others)
        lines.append(
            f"note: the evidence was also recorded on {others}; drafted for "
            f"{printable(drafted.site.host)} (--site chooses)"
        )
    c = drafted.counts
    name = printable(output)
    shell = shlex.quote(output)
    found = counts(validate(drafted.catalogue))
    lines.append(
        f"consent-tui: wrote {name}: {c.services} services, {c.cookies} cookies and storage "
        f"items ({c.known} identified by the Open Cookie Database, {c.unreviewed} to "
        f"identify); {found['error']} errors, {found['warning']} warnings "
        f"({c.review} tables marked review = true)."
    )
    lines.append(
        f"Next: `consent-tui {printable(shell)}` opens it for review; `consent-tui validate "
        f"{printable(shell)}` "
        "lists what is left to check."
    )
    return lines
