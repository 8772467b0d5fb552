# PYTHON_ARGCOMPLETE_OK (argcomplete's global completion looks for this mark)
"""The ``consent-tui`` command line: sub-commands, exit codes, no tracebacks.

Exit codes: 0 success; 1 problems found; 2 the file cannot be read or parsed,
or a usage error. Only the ``edit`` command (``consent_tui.ui.launch``) imports the terminal UI.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from consent_tui import __version__

# name -> (module, one-line help). Each module has add_arguments() and run().
COMMANDS: dict[str, tuple[str, str]] = {
    "edit": ("consent_tui.ui.launch", "open a catalogue in the editor (the default)"),
    "validate": ("consent_tui.commands.validate", "check catalogues; exit 1 on problems"),
    "export": ("consent_tui.commands.export", "write the cookie policy or banner configuration"),
    "diff": ("consent_tui.commands.diff", "compare two catalogues; exit 1 on material changes"),
    "audit": ("consent_tui.commands.audit", "compare what a browser recorded with the catalogue"),
    "init": ("consent_tui.commands.init", "draft a first catalogue from what a browser recorded"),
    "scan": ("consent_tui.commands.scan", "record what a site stores, before and after consent"),
    "import": ("consent_tui.commands.import_", "write a catalogue from a published cookie table"),
    "schema": ("consent_tui.commands.schema", "print the JSON Schema of the catalogue format"),
    "locate": ("consent_tui.commands.locate", "print where consent-tui keeps its files"),
    "known": ("consent_tui.commands.known", "look up cookie names in the Open Cookie Database"),
    "completion": ("consent_tui.commands.completion", "print the shell code for tab completion"),
}

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...
    def run(self, args: argparse.Namespace) -> int: ...


def _command(name: str) -> Command:
    return cast(Command, importlib.import_module(COMMANDS[name][0]))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every sub-command; with ``only``, that one's options alone.

    ``only`` is the command that runs: the other commands' modules (and what they
    import) are then not loaded at all, so a command starts as fast as it can.
    """
    parser = argparse.ArgumentParser(
        prog="consent-tui",
        description="Edit, validate and export a website's cookie catalogue.",
        epilog="`consent-tui FILE` is short for `consent-tui edit FILE`. "
        "Exit codes: 0 ok, 1 problems found, 2 unreadable file or usage error.",
    )
    parser.add_argument("--version", action="version", version=f"consent-tui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            _command(name).add_arguments(sub_parser)
    return parser


def _tolerant_output() -> None:
    """Characters the terminal's encoding lacks become replacement characters, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
            reconfigure(errors="replace")


def _mistyped_command(word: str) -> str | None:
    """The command ``word`` was probably meant to be, when it is no file and looks like one."""
    if os.path.sep in word or "." in word or os.path.lexists(word):
        return None
    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def main(argv: Sequence[str] | None = None) -> int:
    from consent_tui.commands import completion

    if argv is None and completion.requested():  # the shell asks for completions
        return completion.answer(build_parser)
    _tolerant_output()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in COMMANDS and not args[0].startswith("-"):
        meant = _mistyped_command(args[0])
        if meant is not None:
            print(
                f"consent-tui: {args[0]!r} is not a command; did you mean {meant!r}? "
                f"(to open a new catalogue with that name, give it a .toml extension)",
                file=sys.stderr,
            )
            return EXIT_USAGE
    if not args or (args[0] not in COMMANDS and not args[0].startswith("-")):
        args.insert(0, "edit")
    parser = build_parser(args[0] if args[0] in COMMANDS else None)
    try:
        ns = parser.parse_args(args)
    except SystemExit as exc:  # argparse: --help/--version exit 0, errors exit 2
        return int(exc.code or 0)
    try:
        return _command(ns.command).run(ns)
    except KeyboardInterrupt:
        print("consent-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line for the user, the details in the crash log
        return _internal_error(ns.command, exc)


EXIT_INTERNAL = 70  # EX_SOFTWARE: not the input's fault; never mistaken for 1 or 2


def _internal_error(command: str, exc: Exception) -> int:
    """Say that consent-tui failed (not the input), and where the details are."""
    import traceback

    from consent_tui import paths
    from consent_tui.core.values import printable

    where = paths.crash_log()
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        with open(where, "a", encoding="utf-8") as log:
            log.write(f"--- consent-tui {__version__} {command}\n")
            log.write("".join(traceback.format_exception(exc)))
        details = f"details in {where}"
    except OSError:
        details = "the crash log could not be written"
    message = printable(f"{type(exc).__name__}: {exc}")[:300]
    print(
        f"consent-tui {command}: internal error, a bug in consent-tui: {message} ({details}; "
        "please report it)",
        file=sys.stderr,
    )
    return EXIT_INTERNAL
