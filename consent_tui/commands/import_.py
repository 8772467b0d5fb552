"""``consent-tui import SOURCE… -o CATALOGUE.toml``: a catalogue from a published policy.

Reads cookie tables (an HTML page or fragment, a URL, Markdown, CSV/TSV) or a
Klaro or vanilla-cookieconsent configuration, writes a commented catalogue
that exports the tables again, and prints a summary. Exit codes: 0 written;
2 a source cannot be imported, the output cannot be written, or a usage error.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import textwrap

EXIT_OK, EXIT_USAGE = 0, 2
# consent_tui.core.importers.MAP_TARGETS, spelt out so that `--help` of other commands does
# not import the importers (a test keeps the two equal).
MAP_TARGETS = (
    *("name", "provider", "description", "duration", "type", "party", "domain", "category"),
    *("privacy_policy", "path", "country", "own", "ignore"),
)
KINDS = ("table", "csv", "klaro", "cookieconsent")
# Column ids and words people write for a field, accepted by --map.
ALIASES = {
    "cookies": "name",
    "cookie": "name",
    "purpose": "description",
    "purposes": "description",
    "cookie_description": "description",
    "service_description": "description",
    "function": "description",
    "expiry": "duration",
    "lifetime": "duration",
    "storage": "type",
    "skip": "ignore",
}

EPILOG = textwrap.dedent(
    """\
    sources:
      page.html, https://…   a page or fragment with cookie tables (Cookiebot, CookieYes,
                             OneTrust or written by hand), saved or fetched once
      cookies.md, cookies.csv, cookies.tsv
      config.js, klaro.json  a Klaro configuration (klaroConfig)
      cookieconsent.js       a vanilla-cookieconsent 3 configuration (CookieConsent.run)
    Several pages in different languages with the same tables make one catalogue in
    those languages.

    --map HEADER=FIELD says what a column holds when the guess is wrong: FIELD is one of
    name, provider, description, duration, type, party, domain, category, privacy_policy,
    path, country, own (a column of your own, shown as written) or ignore. HEADER is the
    column's header (case and accents ignored) or its number (1 is the first).

    exit status:
      0  the catalogue was written (the summary lists what to review and fill in)
      2  a source cannot be imported, the output exists (without --force) or cannot be
         written, or a usage error

    The guesses, the layout written and the round trip: docs/import.md."""
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = (
        "Write a catalogue from a published cookie policy: the cookie tables of a page\n"
        "(a file or a URL), Markdown or CSV, or a Klaro or vanilla-cookieconsent\n"
        "configuration. The catalogue exports the page's tables again, cell for cell."
    )
    parser.epilog = EPILOG
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="files or http(s) URLs")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="CATALOGUE",
        help="the catalogue to write (- is stdout)",
    )
    parser.add_argument(
        "--from", dest="kind", choices=KINDS, help="the sources' kind (default: found by content)"
    )
    parser.add_argument("--lang", metavar="L", help="the sources' language (default: as declared)")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="what a column holds (repeatable)",
    )
    parser.add_argument("--force", action="store_true", help="replace CATALOGUE if it exists")


def _usage(message: str) -> int:
    from consent_tui.commands.common import error

    error(f"import: {message}")
    return EXIT_USAGE


def parse_map(items: list[str]) -> dict[str, str]:
    """``--map`` values as folded header (or column number) -> field; ValueError when wrong."""
    from consent_tui.core.importers.vocabulary import fold

    out: dict[str, str] = {}
    for item in items:
        header, sep, field = item.rpartition("=")
        field = ALIASES.get(field.strip().lower(), field.strip().lower())
        if not sep or not header.strip():
            raise ValueError(f"--map {item!r}: write HEADER=FIELD, e.g. --map 'Ablauf=duration'")
        if field not in MAP_TARGETS:
            raise ValueError(f"--map {item!r}: {field!r} is none of {', '.join(MAP_TARGETS)}")
        key = header.strip()
        out[key if key.isdigit() else fold(key)] = field
    return out


def _output_problem(path: str, sources: list[str], force: bool) -> str | None:
    from consent_tui.core.fileio import FileError, check_not_input

    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"{path}: {exc.strerror or exc}"
    if stat.S_ISDIR(info.st_mode):
        return f"{path} is a folder; name the catalogue file to write"
    if not stat.S_ISREG(info.st_mode):
        return f"{path} is not a regular file (a device, FIFO or socket); write to a file"
    try:
        check_not_input(path, [s for s in sources if "://" not in s])
    except FileError as exc:
        return f"{path} {exc.reason}"
    if not force:
        return f"{path} exists; --force replaces it"
    return None


def run(args: argparse.Namespace) -> int:
    from consent_tui.commands.common import error
    from consent_tui.core.reference import langtags

    lang = None
    if args.lang:
        lang = langtags.standard(args.lang)
        if lang is None:
            hint = langtags.hint(args.lang)
            return _usage(
                f"--lang {args.lang!r} is not a language tag" + (f": {hint}" if hint else "")
            )
    try:
        mapping = parse_map(args.map)
    except ValueError as exc:
        return _usage(str(exc))
    to_stdout = args.output == "-"
    if not to_stdout:
        problem = _output_problem(args.output, args.sources, args.force)
        if problem is not None:
            return _usage(problem)
    from consent_tui.core.fileio import FileError, write_output
    from consent_tui.core.importers import ImportOptions, SourceError, import_sources

    try:
        result = import_sources(args.sources, ImportOptions(args.kind, lang, mapping))
    except SourceError as exc:
        error(f"import: {exc}")
        return EXIT_USAGE
    name = "-" if to_stdout else args.output
    if to_stdout:
        sys.stdout.write(result.text)
        sys.stdout.flush()
    else:
        try:
            write_output(args.output, result.text.encode("utf-8"))
        except FileError as exc:
            error(f"import: {args.output}: {exc.reason}")
            return EXIT_USAGE
    from consent_tui.core.values import printable

    stream = sys.stderr if to_stdout else sys.stdout
    for line in result.summary.lines(name):
        print(printable(line), file=stream)
    return EXIT_OK
