"""``consent-tui known NAME…``, ``known update [--from FILE]``, and ``known`` (the copy)."""

from __future__ import annotations

import argparse
import sys
import textwrap

EXIT_OK, EXIT_UNKNOWN, EXIT_UNREADABLE = 0, 1, 2

EPILOG = textwrap.dedent(
    """\
    forms:
      consent-tui known NAME [NAME ...]   what the Open Cookie Database says about each name
      consent-tui known update            download the current database (about 0.6 MB)
      consent-tui known update --from F   install a CSV or JSON copy of it from a file
      consent-tui known                   which copy is installed, and what its reader found

    A name is looked up exactly, then by the longest wildcard prefix the database lists
    (_hjSessionUser_123 is found as _hjSessionUser_). A cookie literally named "update"
    is looked up with --name update.

    exit status:
      0  every name is known (update: installed)
      1  some name is not in the database
      2  no database is installed, it cannot be read, the update failed (the installed
         copy is then unchanged), or a usage error

    The data, the update, the category mapping and the licence: docs/known.md."""
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = (
        "Look up cookie and storage names in the Open Cookie Database (Apache-2.0), or\n"
        "install or update the copy consent-tui reads."
    )
    parser.epilog = EPILOG
    parser.add_argument("names", nargs="*", metavar="NAME", help="cookie or storage names")
    parser.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="NAME",
        dest="more_names",
        help="one more name to look up, even one spelt like a sub-command (repeatable)",
    )
    parser.add_argument(
        "--domain",
        help="the domain the cookies were set on, to tell apart platforms that share a name",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output (default: text)"
    )
    update = parser.add_argument_group("update")
    update.add_argument(
        "--from",
        dest="source_file",
        metavar="FILE",
        help="install this CSV or JSON copy instead of downloading one",
    )
    update.add_argument("--url", help="download from this http(s) URL instead of the project's")
    update.add_argument(
        "--force",
        action="store_true",
        help="install a copy even when it has far fewer entries than the installed one",
    )


def _usage(message: str) -> int:
    print(f"consent-tui known: error: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def run(args: argparse.Namespace) -> int:
    names: list[str] = list(args.names)
    updating = bool(names) and names[0] == "update"
    if updating:
        if len(names) > 1 or args.more_names:
            return _usage(
                "`known update` takes no names (look up a cookie named update with --name update)"
            )
        if args.domain:
            return _usage("--domain is for lookups, not for `known update`")
        from consent_tui.commands.known_update import update

        return update(args.source_file, args.url, args.force, args.format)
    options = (("--from", args.source_file), ("--url", args.url), ("--force", args.force))
    for option, value in options:
        if value:
            return _usage(f"{option} goes with `known update`")
    from consent_tui.commands.known_lookup import lookup, status

    names += args.more_names
    if not names:
        return status(args.format)
    return lookup(names, args.domain, args.format)
