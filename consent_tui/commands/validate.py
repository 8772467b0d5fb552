"""``consent-tui validate FILE [FILE ...]``: check catalogues like a compiler would."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING

from consent_tui.commands import validate_output as out
from consent_tui.core.errors import CatalogueError
from consent_tui.core.fileio import FileError, read_start, read_stream
from consent_tui.core.model import Catalogue
from consent_tui.core.rules.base import did_you_mean
from consent_tui.core.store import MAX_BYTES, decode, load
from consent_tui.core.validation import (
    RULES,
    Problem,
    all_rules,
    problem_for,
    source_map,
    validate,
    validate_text,
)

if TYPE_CHECKING:
    from consent_tui.core.known.index import KnownIndex

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2

EPILOG = textwrap.dedent(
    """\
    output:
      text    path:line:col: severity[rule-id]: message, then an indented hint, then a
              summary line; coloured on a terminal unless NO_COLOR is set
      json    a JSON list of problem objects (file, rule, severity, message, hint, line,
              col, entity, entity_id, field, language)
      github  GitHub Actions annotations (::error file=…,line=…,col=…,title=…::message)

    exit status:
      0  no errors (warnings and info do not fail, unless --strict)
      1  errors found (or warnings, with --strict)
      2  a file cannot be read or is not a valid catalogue, or a usage error

    examples:
      consent-tui validate sample_policies/*.toml
      consent-tui validate --strict --format github policy.toml
      consent-tui validate --explain lifetime-over-13-months
      consent-tui validate --known policy.toml    (compare with the Open Cookie Database)
      consent-tui validate --baseline git:origin/main policy.toml

    Every rule, with its reason and its source, is in docs/rules.md."""
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = (
        "Check catalogues for missing or malformed fields, broken references, duplicate\n"
        "cookies, missing translations, and what regulators expect (ePrivacy, GDPR, CNIL,\n"
        "Planet49, IAB TCF)."
    )
    parser.epilog = EPILOG
    parser.add_argument("files", nargs="*", metavar="FILE", help="catalogue files; - reads stdin")
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, not only errors"
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE[,RULE]",
        help="do not report these rule ids (repeatable)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default: auto, on a terminal without NO_COLOR)",
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="list every rule id with its severity, and exit"
    )
    parser.add_argument("--explain", metavar="RULE", help="explain one rule, and exit")
    parser.add_argument(
        "--known",
        action="store_true",
        help="also compare declared cookies with the installed Open Cookie Database "
        "(info: known-category-differs, known-lifetime-differs; see docs/known.md)",
    )
    parser.add_argument(
        "--baseline",
        metavar="REF",
        help="git:REV or a file: material changes since it need a raised [banner] revision",
    )


def _usage(message: str) -> int:
    print(f"consent-tui validate: error: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def _unknown_rule(rule_id: str) -> int:
    guess = did_you_mean(rule_id, RULES)
    extra = f"; did you mean {guess}?" if guess else "; see --list-rules"
    return _usage(f"unknown rule {rule_id!r}{extra}")


def _check(
    path: str,
    known: KnownIndex | None = None,
    baseline_ref: str | None = None,
    only: frozenset[str] | None = None,
) -> out.FileReport:
    """The problems of one file; with ``only``, of those rules alone (the others not run)."""
    if path == "-":
        name = "<stdin>"
        try:
            text = _read_stdin(name)
        except CatalogueError as exc:
            return out.FileReport(name, [problem_for(exc)], unreadable=True)
        problems = validate_text(text, name, known, only=only)
    else:
        name = path
        try:
            document = load(path)
        except CatalogueError as exc:
            return out.FileReport(name, [problem_for(exc, _head(path))], unreadable=True)
        baseline = None
        if baseline_ref is not None:
            try:
                baseline = _baseline(path, baseline_ref)
            except CatalogueError as exc:
                return out.FileReport(name, [_baseline_problem(exc)], unreadable=True)
        problems = validate(
            document.catalogue, source_map(document.text), known, baseline, only=only
        )
    unreadable = any(p.entity == "file" for p in problems)
    return out.FileReport(name, problems, unreadable=unreadable)


def _baseline(path: str, ref: str) -> Catalogue:
    """The catalogue to compare ``path`` with: its version at ``git:REV``, or a file."""
    if ref.startswith("git:"):
        from consent_tui.core import gitfile
        from consent_tui.core.store import load_text

        rev = ref.removeprefix("git:")
        return load_text(gitfile.read_at(path, rev), gitfile.label(path, rev))
    return load(ref).catalogue


def _baseline_problem(exc: CatalogueError) -> Problem:
    """A baseline that cannot be read: a problem of the file checked, without a place in it."""
    return Problem(
        rule="unreadable-file",
        severity="error",
        message=f"the baseline {exc.location}: {exc.message}",
        entity="file",
        hint="check the --baseline revision or file",
    )


def _read_stdin(name: str) -> str:
    """Standard input, decoded strictly as UTF-8 like a file (text when it has no bytes)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return sys.stdin.read()
    try:
        data = read_stream(stream, MAX_BYTES)
    except FileError as exc:
        raise CatalogueError(f"standard input: {exc.reason}", path=name) from None
    return decode(data, name)


def _head(path: str) -> str | None:
    """The start of a file that failed to load, to tell an encoding from a syntax error."""
    start = read_start(path, 4096)
    return None if start is None else start.decode("utf-8", "replace")


def run(args: argparse.Namespace) -> int:
    if args.list_rules:
        sys.stdout.write(out.rule_table(all_rules()))
        return EXIT_OK
    if args.explain:
        if args.explain not in RULES:
            return _unknown_rule(args.explain)
        sys.stdout.write(out.explain(RULES[args.explain]))
        return EXIT_OK
    if not args.files:
        return _usage("name at least one FILE to check (or - for stdin)")
    ignored = {r.strip() for item in args.ignore for r in item.split(",") if r.strip()}
    for rule_id in sorted(ignored):
        if rule_id not in RULES:
            return _unknown_rule(rule_id)
    if args.baseline is not None and "-" in args.files:
        return _usage("--baseline compares files: it cannot be used with - (stdin)")
    if args.baseline is not None and args.baseline in ("", "git:"):
        return _usage("--baseline needs git:REV or a file")
    known: KnownIndex | None = None
    if args.known:
        from consent_tui.core.known.errors import KnownDataError

        try:
            known = _known_index()
        except KnownDataError as exc:
            print(f"consent-tui validate: error: --known: {exc}", file=sys.stderr)
            return EXIT_UNREADABLE
    only = frozenset(RULES) - ignored if ignored else None
    reports = []
    for path in args.files:
        report = _check(path, known, args.baseline, only)
        if ignored:  # a file that cannot be read is one problem, never ignored
            kept = [p for p in report.problems if p.rule not in ignored or p.entity == "file"]
            report = out.FileReport(report.path, kept, report.unreadable)
        reports.append(report)
    if args.format == "json":
        sys.stdout.write(out.as_json(reports))
    elif args.format == "github":
        sys.stdout.write(out.github(reports))
    else:
        paint = out.Painter(out.use_colour(args.color, sys.stdout))
        sys.stdout.write(out.text(reports, paint, args.strict))
    return _exit_code(reports, args.strict)


def _known_index() -> KnownIndex | None:
    """The installed index for ``--known``; ``None``, with a note, when there is none."""
    from consent_tui.core.known.load import load_index

    index = load_index()
    if index is None:
        print(
            "consent-tui validate: note: --known compares nothing: no known-cookie database is "
            "installed (run `consent-tui known update`)",
            file=sys.stderr,
        )
    return index


def _exit_code(reports: list[out.FileReport], strict: bool) -> int:
    if any(r.unreadable for r in reports):
        return EXIT_UNREADABLE
    failing = {"error", "warning"} if strict else {"error"}
    if any(p.severity in failing for r in reports for p in r.problems):
        return EXIT_PROBLEMS
    return EXIT_OK
