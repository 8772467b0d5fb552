"""``consent-tui diff OLD NEW``: what changed between two catalogues, and whether it is material."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap

from consent_tui.commands import diff_output as out
from consent_tui.commands import diff_source as sources
from consent_tui.commands.validate_output import Painter, use_colour
from consent_tui.core.changes import Comparison, compare
from consent_tui.core.errors import CatalogueError

EXIT_OK, EXIT_MATERIAL, EXIT_ERROR = 0, 1, 2

EPILOG = textwrap.dedent(
    """\
    OLD and NEW are catalogue files, or git:REV for the file's version at a git
    revision (git:HEAD, git:main, git:v1.2~1; git:REV:PATH names the file too).
    --since REV FILE is short for git:REV FILE.

    output:
      text      the changes grouped by impact and entity, then what to do
      json      one object: revisions, counts, and each change (docs/diff.md)
      markdown  a summary and tables for a pull-request comment
      github    GitHub Actions annotations on the changed lines of NEW

    exit status:
      0  nothing material changed
      1  a material change: visitors must be asked again ([banner] revision)
      2  a file cannot be read, git failed, or a usage error

    examples:
      consent-tui diff --since main cookies.toml
      consent-tui diff git:HEAD~1 cookies.toml --format markdown
      consent-tui diff --since v2.0 cookies.toml --bump --changelog

    The rules that class each change are listed in docs/diff.md."""
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.usage = (
        "consent-tui diff [options] OLD NEW\n       consent-tui diff [options] --since REV FILE"
    )
    parser.description = (
        "Compare two catalogues by meaning (not text): services, cookies, purposes and\n"
        "categories added, removed, renamed or moved, and changed fields, each classed\n"
        "material (visitors must be asked again) or informational."
    )
    parser.epilog = EPILOG
    parser.add_argument(
        "sources", nargs="*", metavar="OLD NEW", help="catalogue files, or git:REV[:PATH]"
    )
    parser.add_argument("--since", metavar="REV", help="compare FILE with its version at REV")
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown", "github"),
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--bump",
        action="store_true",
        help="raise [banner] revision in NEW by one when a material change needs it",
    )
    parser.add_argument(
        "--changelog",
        action="store_true",
        help="draft a [[policy.changelog]] entry from the changes, written into NEW",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default: auto)",
    )


def _usage(message: str) -> int:
    print(f"consent-tui diff: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _specs(args: argparse.Namespace) -> tuple[sources.Spec, sources.Spec]:
    given: list[str] = args.sources
    if args.since is not None:
        if len(given) != 1:
            raise sources.UsageError("--since REV compares one FILE with REV: name one FILE")
        if given[0].startswith(sources.PREFIX):
            raise sources.UsageError("--since REV FILE: FILE must be a file, not git:REV")
        return sources.pair(f"{sources.PREFIX}{args.since}", given[0])
    if len(given) != 2:
        raise sources.UsageError("name OLD and NEW (files or git:REV), or --since REV FILE")
    return sources.pair(given[0], given[1])


def run(args: argparse.Namespace) -> int:
    try:
        old_spec, new_spec = _specs(args)
        if (args.bump or args.changelog) and new_spec.is_git:
            option = "--bump" if args.bump else "--changelog"
            raise sources.UsageError(f"{option} writes into NEW: NEW must be a file, not git:REV")
    except sources.UsageError as exc:
        return _usage(str(exc))
    try:
        old = sources.read(old_spec)
        new = sources.read(new_spec)
    except CatalogueError as exc:
        print(f"{exc.location}: error: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    comparison = compare(old.catalogue, new.catalogue)
    report = out.Report(
        old.name, new.name, new_spec.path or new.name, comparison, old.text, new.text
    )
    if args.bump or args.changelog:
        status = _write(args, old, new, comparison, report)
        if status is not None:
            return status
    if args.format == "json":
        sys.stdout.write(out.as_json(report))
    elif args.format == "markdown":
        sys.stdout.write(out.markdown(report))
    elif args.format == "github":
        sys.stdout.write(out.github(report))
    else:
        sys.stdout.write(out.text(report, Painter(use_colour(args.color, sys.stdout))))
    return EXIT_MATERIAL if comparison.is_material else EXIT_OK


def _write(
    args: argparse.Namespace,
    old: sources.Source,
    new: sources.Source,
    comparison: Comparison,
    report: out.Report,
) -> int | None:
    """--bump and --changelog: one save into NEW; an exit status when it fails."""
    from consent_tui.core.changes import draft
    from consent_tui.core.store import save

    catalogue = new.catalogue
    if args.bump:
        if comparison.needs_revision:
            catalogue = draft.bumped(catalogue, comparison.old_revision)
            report.bumped = (comparison.new_revision, catalogue.banner_settings.revision or 0)
        elif comparison.is_material:
            note(f"[banner] revision already raised in {new.name}; left as it is")
        else:
            note("no material change: [banner] revision left as it is")
    if args.changelog:
        if draft.has_new_entry(old.catalogue, new.catalogue):
            note(f"{new.name} already has a changelog entry newer than {old.name}'s: none drafted")
        else:
            entry = draft.draft(comparison, old.catalogue, new.catalogue, dt.date.today())
            if entry is None:
                note("no changes: no changelog entry drafted")
            else:
                catalogue = draft.with_entry(catalogue, entry)
                report.entry = entry
    if catalogue is new.catalogue:
        return None
    assert new.document is not None
    try:
        save(new.document, catalogue)
    except CatalogueError as exc:
        print(f"{exc.location}: error: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    if report.bumped is not None:
        before, after = report.bumped
        note(f"raised [banner] revision {before or 0} → {after} in {new.name}")
    if report.entry is not None:
        note(f"wrote a changelog entry dated {report.entry.date} into {new.name}: edit its text")
    return None


def note(message: str) -> None:
    print(f"consent-tui: note: {message}", file=sys.stderr)
