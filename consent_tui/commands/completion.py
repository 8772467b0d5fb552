"""Shell completion through ``argcomplete`` (the ``completion`` extra), for bash, zsh and fish.

``consent-tui completion SHELL`` prints the hook a shell sources once
(``eval "$(consent-tui completion bash)"``). The hook runs ``consent-tui`` with
``_ARGCOMPLETE=1``, ``COMP_LINE`` and ``COMP_POINT`` set whenever tab is pressed:
:func:`answer` then builds the parser, hands it to ``argcomplete``, which writes the
completions (sub-commands, options, their choices, file names) and ends the process.
``argcomplete`` is imported only then, never by an ordinary run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

SHELLS = ("bash", "zsh", "fish")
EXTRA = "shell completion needs the completion extra: pip install 'consent-tui[completion]'"


def requested() -> bool:
    """Whether the shell's completion hook started this process."""
    return "_ARGCOMPLETE" in os.environ


def answer(build_parser: Callable[[], argparse.ArgumentParser]) -> int:
    """Write the completions for the shell's command line and end the process."""
    try:
        import argcomplete
    except ImportError:
        return 1  # no extra: no completions (the shell shows none, and says nothing)
    argcomplete.autocomplete(build_parser())  # exits when it has answered
    return 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print the shell code that completes consent-tui's commands, options and files: "
        'eval "$(consent-tui completion bash)" in ~/.bashrc (zsh: the same with zsh, '
        "in ~/.zshrc), consent-tui completion fish | source in fish's config."
    )
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help=", ".join(SHELLS))


def run(args: argparse.Namespace) -> int:
    try:
        from argcomplete.shell_integration import shellcode
    except ImportError:
        print(f"consent-tui: {EXTRA}", file=sys.stderr)
        return 2
    sys.stdout.write(shellcode(["consent-tui"], shell=args.shell))
    return 0
