"""``consent-tui audit CATALOGUE [EVIDENCE ...]``: what the site stores against the catalogue."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING

from consent_tui.core.errors import CatalogueError

if TYPE_CHECKING:
    from consent_tui.core.evidence import ConsentState
    from consent_tui.core.store import Document

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
FORMATS = ("text", "json", "github", "sarif")
# consent_tui.core.evidence.INPUT_FORMATS, spelt out so that `--help` of other commands
# does not import the readers (a test keeps the two equal).
INPUT_FORMATS = ("har", "storage-state", "cookies-txt", "wec", "consent-tui")

EPILOG = textwrap.dedent(
    """\
    evidence (found by content, or named with --input-format):
      har            HAR 1.2 (devtools "Save all as HAR", Playwright record_har, Firefox)
      storage-state  Playwright storage state, Puppeteer or DevTools cookie lists
      cookies-txt    Netscape cookies.txt (curl, wget, browser extensions)
      wec            website-evidence-collector output (its folder, inspection.json,
                     cookies.yml, local-storage.yml)
      consent-tui    consent-tui's own evidence (written by consent-tui scan)
    A folder is read whole: every evidence file in it (the others are named as skipped).

    consent states: files after --before-consent were recorded before any choice on the
    banner, files after --after-reject after refusing; plain files after accepting, or
    in an unknown state (consent-tui evidence says its own state).

    exit status:
      0  no finding at or above --fail-on (default: error)
      1  findings at or above --fail-on
      2  the catalogue or an evidence file cannot be read, or a usage error

    examples:
      consent-tui audit cookies.toml recording.har
      consent-tui audit cookies.toml accept.har --before-consent before.har \
          --after-reject reject.json
      consent-tui audit cookies.toml scans/ --format sarif > audit.sarif

    Findings, evidence formats, the JSON and SARIF output: docs/audit.md."""
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = (
        "Compare what a browser recorded on the site (HAR, storage state, cookies.txt,\n"
        "website-evidence-collector output) with the catalogue: undeclared cookies and\n"
        "storage, cookies set before consent or kept after refusal, lifetimes longer than\n"
        "declared, wrong domains or parties, declared items never seen."
    )
    parser.epilog = EPILOG
    parser.add_argument("catalogue", metavar="CATALOGUE", help="the catalogue (TOML) file")
    parser.add_argument(
        "evidence", nargs="*", metavar="EVIDENCE", help="recordings after accepting, or unknown"
    )
    parser.add_argument(
        "--before-consent",
        action="extend",
        nargs="+",
        default=[],
        metavar="FILE",
        help="recordings made before any consent choice",
    )
    parser.add_argument(
        "--after-reject",
        action="extend",
        nargs="+",
        default=[],
        metavar="FILE",
        help="recordings made after refusing consent",
    )
    parser.add_argument(
        "--input-format",
        choices=("auto", *INPUT_FORMATS),
        default="auto",
        help="the evidence format (default: found by content)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output (default: text)")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="exit 1 on findings of this severity or above (default: error)",
    )
    parser.add_argument(
        "--recorded-at",
        metavar="TIME",
        help="when storage states and cookies.txt files were recorded (ISO 8601), to measure "
        "lifetimes from (default: each file's modification time)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default: auto, on a terminal without NO_COLOR)",
    )


def _usage(message: str) -> int:
    print(f"consent-tui audit: error: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def run(args: argparse.Namespace) -> int:
    from consent_tui.commands import audit_inputs as inputs
    from consent_tui.commands import audit_output as out
    from consent_tui.commands.progress import ProgressBar
    from consent_tui.core.evidence.dates import iso_date

    named: list[tuple[str, ConsentState | None]] = [
        (p, "before-consent") for p in args.before_consent
    ]
    named += [(p, "after-reject") for p in args.after_reject]
    named += [(p, None) for p in args.evidence]
    if not named:
        return _usage(
            "name at least one evidence file or folder (EVIDENCE, --before-consent or "
            "--after-reject)"
        )
    recorded_at = None
    if args.recorded_at:
        recorded_at = iso_date(args.recorded_at)
        if recorded_at is None:
            return _usage(f"--recorded-at {args.recorded_at!r} is not an ISO 8601 date or time")
    document = _load(args.catalogue)
    if document is None:
        return EXIT_UNREADABLE
    bar = ProgressBar()
    fmt = None if args.input_format == "auto" else args.input_format
    readings = inputs.read_all(list(dict.fromkeys(named)), fmt, recorded_at, bar)
    bar.clear()
    if readings.errors:
        for line in readings.errors:
            print(line, file=sys.stderr)
        return EXIT_UNREADABLE
    from consent_tui.commands.audit_known import note, with_known
    from consent_tui.core.audit import audit
    from consent_tui.core.store import SourceMap

    report, known = with_known(audit(document.catalogue, readings.files), document.catalogue)
    for line in inputs.notes(readings):
        print(line, file=sys.stderr)
    known_note = note(known) if args.format == "text" else None
    if known_note is not None:
        print(known_note, file=sys.stderr)
    body = document.text[1:] if document.has_bom else document.text
    context = out.Context(args.catalogue, report, SourceMap(body), readings.skipped, known)
    if args.format == "json":
        sys.stdout.write(out.as_json(context))
    elif args.format == "github":
        sys.stdout.write(out.github(context))
    elif args.format == "sarif":
        from consent_tui.commands.audit_sarif import sarif

        sys.stdout.write(sarif(context))
    else:
        from consent_tui.commands.validate_output import Painter, use_colour

        sys.stdout.write(out.text(context, Painter(use_colour(args.color, sys.stdout))))
    failing = {"error"} if args.fail_on == "error" else {"error", "warning"}
    return EXIT_FINDINGS if any(f.severity in failing for f in report.findings) else EXIT_OK


def _load(path: str) -> Document | None:
    from consent_tui.core.store import load

    try:
        return load(path)
    except CatalogueError as exc:
        print(f"{exc.location}: error: {exc.message}", file=sys.stderr)
        return None
