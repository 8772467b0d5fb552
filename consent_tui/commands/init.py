"""``consent-tui init --from EVIDENCE... -o FILE``: a first catalogue drafted from evidence."""

from __future__ import annotations

import argparse
import os
import stat
import sys
import textwrap

EXIT_OK, EXIT_UNREADABLE = 0, 2
# consent_tui.core.drafting.LANGUAGES, spelt out so that `--help` of other commands does not
# import the drafting (a test keeps the two equal).
LANGUAGES = ("en", "fr")
INPUT_FORMATS = ("har", "storage-state", "cookies-txt", "wec", "consent-tui")

EPILOG = textwrap.dedent(
    """\
    The draft holds the site (from the evidence, or --site), the four standard
    categories (necessary, preferences, statistics, marketing) and a purpose for each,
    every cookie the Open Cookie Database knows under a service named after its
    platform, and every other one under an Unreviewed service marked review = true.
    Comments say where each entry came from. Nothing is checked yet: validation warns
    (needs-review) until you have reviewed it, in the editor: consent-tui FILE.

    Without an installed database (consent-tui known update) every cookie is left to
    review. The evidence is what consent-tui audit reads: HAR, storage states,
    cookies.txt, website-evidence-collector output, consent-tui scan's files, folders.

    exit status:
      0  the draft was written
      2  no evidence, unreadable evidence, nothing to draft, FILE exists (without
         --force), or a usage error

    examples:
      consent-tui init --from recording.har -o cookies.toml
      consent-tui init --from scans/ -o cookies.toml --lang fr
      consent-tui init --from state.json --site https://www.example.org -o cookies.toml

    More: docs/init.md."""
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = (
        "Draft a complete, valid catalogue from what a browser recorded on the site,\n"
        "with the Open Cookie Database naming the cookies it knows; then review it."
    )
    parser.epilog = EPILOG
    parser.add_argument(
        "--from",
        dest="evidence",
        action="extend",
        nargs="+",
        default=[],
        metavar="EVIDENCE",
        help="recordings of the site: files or folders (at least one)",
    )
    parser.add_argument(
        "--before-consent",
        action="extend",
        nargs="+",
        default=[],
        metavar="FILE",
        help="more evidence, recorded before any consent choice (as in audit)",
    )
    parser.add_argument(
        "--after-reject",
        action="extend",
        nargs="+",
        default=[],
        metavar="FILE",
        help="more evidence, recorded after refusing consent (as in audit)",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the catalogue to write"
    )
    parser.add_argument(
        "--site",
        metavar="URL",
        help="the site's address (default: the first page the evidence names)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="the language of the standard texts (default: en)",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--input-format",
        choices=("auto", *INPUT_FORMATS),
        default="auto",
        help="the evidence format (default: found by content)",
    )
    parser.add_argument(
        "--recorded-at",
        metavar="TIME",
        help="when storage states and cookies.txt files were recorded (ISO 8601), to measure "
        "lifetimes from (default: each file's modification time)",
    )


def _error(message: str) -> int:
    from consent_tui.core.values import printable

    print(f"consent-tui init: error: {printable(message)}", file=sys.stderr)
    return EXIT_UNREADABLE


def _output_problem(path: str, force: bool) -> str | None:
    """Why ``path`` cannot be written, before anything is read; ``None`` when it can."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None if not os.path.islink(path) or force else f"{path}: exists (a link)"
    except OSError as exc:
        return f"{path}: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return f"{path}: is a folder; name the catalogue file to write"
    if stat.S_ISREG(mode) and not force:
        return f"{path}: exists; give --force to replace it (or another -o)"
    return None  # a new file, --force, or a device or FIFO (written, never replaced)


def run(args: argparse.Namespace) -> int:
    if not (args.evidence or args.before_consent or args.after_reject):
        return _error("name at least one evidence file or folder: --from EVIDENCE")
    problem = _output_problem(args.output, args.force)
    if problem is not None:
        return _error(problem)
    recorded_at = None
    if args.recorded_at:
        from consent_tui.core.evidence.dates import iso_date

        recorded_at = iso_date(args.recorded_at)
        if recorded_at is None:
            return _error(f"--recorded-at {args.recorded_at!r} is not an ISO 8601 date or time")
    from consent_tui.commands.init_run import draft_and_write

    return draft_and_write(args, recorded_at)
