"""``consent-tui schema [--export] [-o FILE]``: print a published JSON Schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from consent_tui.commands.common import error
from consent_tui.core.schema import CATALOGUE, EXPORT, schema_text
from consent_tui.core.store import WriteError, write_atomic

EXIT_OK = 0
EXIT_UNAVAILABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print the JSON Schema of the catalogue format, for editors that check TOML against a "
        "schema (Taplo, Even Better TOML: add `#:schema PATH` as the file's first line), or "
        "with --export the schema of `consent-tui export --format json`."
    )
    parser.add_argument(
        "--export",
        action="store_true",
        help="the schema of the JSON export instead of the catalogue format",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the schema to FILE instead of standard output",
    )


def run(args: argparse.Namespace) -> int:
    name = EXPORT if args.export else CATALOGUE
    text = schema_text(name)
    if text is None:
        error(
            f"this consent-tui does not ship {name}: the JSON export schema is not available "
            "in this version"
        )
        return EXIT_UNAVAILABLE
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return EXIT_OK
    path = Path(args.output)
    if not path.parent.is_dir():
        error(f"{path}: cannot write: the folder {path.parent} does not exist")
        return EXIT_UNAVAILABLE
    try:
        write_atomic(path, text.encode("utf-8"))
    except WriteError as exc:
        error(f"{path}: {exc.reason}")
        return EXIT_UNAVAILABLE
    return EXIT_OK
