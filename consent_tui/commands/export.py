"""``consent-tui export FILE --format F``: write the cookie policy or a banner configuration.

Writes to standard output, or with ``-o`` atomically to a file; ``--all-languages``
writes one file per language (``policy.en.html``...). A catalogue with validation
errors is refused unless ``--force``. Exit codes as for ``validate``. ``--check OUT``
writes nothing: it compares the export with the file(s) at OUT (``export_check``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from consent_tui import paths
from consent_tui.commands.common import error, load_or_report
from consent_tui.core.errors import CatalogueError
from consent_tui.core.export import registry
from consent_tui.core.export.registry import Exporter, ExportOptions
from consent_tui.core.export.words import declared_language
from consent_tui.core.fileio import FileError, check_not_input, write_output
from consent_tui.core.model import Catalogue
from consent_tui.core.reference import langtags
from consent_tui.core.store import SourceMap
from consent_tui.core.validation import Problem, error_rules, validate
from consent_tui.core.values import printable

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
MAX_NOTES = 20
MIN_WIDTH = 20
SUFFIXES = {"md": "markdown", "markdown": "markdown", "htm": "html", "txt": "text"}
DOCUMENT_FORMATS = ("markdown", "html", "text", "json", "csv")  # named policy.*
# Extensions of exported files: with --all-languages, -o NAME.<one of these> is not a folder.
FILE_EXTENSIONS = frozenset({"md", "markdown", "html", "htm", "txt", "json", "csv", "js", "mjs"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write the cookie policy (markdown, html, text, csv, json) or a consent-banner "
        "configuration. Standard output by default."
    )
    parser.add_argument("file", metavar="FILE", help="the catalogue (.toml)")
    parser.add_argument(
        "-f",
        "--format",
        choices=registry.names(),
        metavar="F",
        help=f"{', '.join(registry.names())} (default: from the -o file's extension, "
        "else markdown)",
    )
    parser.add_argument("--lang", metavar="L", help="language (default: the catalogue's first)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT (a folder with --all-languages; - is standard output)",
    )
    parser.add_argument(
        "--all-languages",
        action="store_true",
        help="one file per language: policy.en.html, policy.fr.html... in -o OUT or beside FILE",
    )
    parser.add_argument(
        "--width", type=int, default=80, metavar="N", help="text: line width (default 80)"
    )
    parser.add_argument(
        "--fragment", action="store_true", help="html: an <article> to embed, not a whole page"
    )
    parser.add_argument(
        "--tables-only",
        action="store_true",
        help="markdown/html/text: only the section headings and tables, without the standard prose",
    )
    parser.add_argument(
        "--template", metavar="PATH", help="markdown/html/text: a Jinja2 template to use instead"
    )
    parser.add_argument(
        "--force", action="store_true", help="export even when the catalogue has errors"
    )
    parser.add_argument(
        "--check",
        metavar="OUT",
        help="write nothing: exit 1 when OUT (as for -o) is not what the export would write",
    )


def _format(args: argparse.Namespace) -> str | None:
    """The format asked for, or told by the output's extension; None when it cannot tell."""
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    if suffix in registry.names() and suffix in DOCUMENT_FORMATS:
        return suffix
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if suffix and not (args.all_languages and Path(args.output).is_dir()):
        return None
    return "markdown"


def _usage(args: argparse.Namespace, exporter: Exporter) -> str | None:
    """A usage error, or None; warns about options the format ignores."""
    if args.width < MIN_WIDTH:
        return f"--width must be at least {MIN_WIDTH}"
    if args.lang is not None and langtags.standard(args.lang) is None:
        hint = langtags.hint(args.lang)
        return f"--lang {args.lang!r} is not a language tag (BCP 47) such as en, fr or pt-BR" + (
            f"; {hint}" if hint else ""
        )
    if args.template is not None:
        if "template" not in exporter.options:
            return f"--template does not apply to the {exporter.name} format"
        if not Path(args.template).is_file():
            return f"{args.template}: no such template file"
    if args.lang is not None and args.all_languages:
        return "--lang and --all-languages cannot be used together"
    given = {
        "width": args.width != 80,
        "fragment": args.fragment,
        "tables-only": args.tables_only,
    }
    for option, used in given.items():
        if used and option not in exporter.options:
            error(f"warning: --{option} has no effect on the {exporter.name} format")
    if args.lang is not None and not exporter.per_language and "lang" not in exporter.options:
        error(f"warning: --lang has no effect: the {exporter.name} export holds every language")
    return None


def _language_problem(
    args: argparse.Namespace, exporter: Exporter, catalogue: Catalogue
) -> str | None:
    """Why ``--lang`` cannot be exported, or None: the catalogue must declare the language.

    A document in a language the catalogue has no texts in would be a document in
    another language under the wrong ``lang``; ``fr-CA`` is accepted for ``fr``.
    """
    if args.lang is None or "lang" not in exporter.options:
        return None
    if declared_language(catalogue, args.lang) is not None:
        return None
    declared = ", ".join(langtags.label(code) for code in catalogue.languages)
    return (
        f"--lang {args.lang!r}: the catalogue is written in {declared}; to export in "
        f"{langtags.label(args.lang)}, add it to [policy] languages and translate the texts"
    )


def _all_languages_problem(args: argparse.Namespace, exporter: Exporter) -> str | None:
    """Why ``--all-languages -o OUT`` cannot be written, or None.

    OUT is a folder (made when missing), or a name with the format's extension
    (``cookies.md`` gives ``cookies.en.md``...). An existing file, or a new name
    that looks like another format's file (``policy.html`` for markdown), is
    neither: say so instead of failing on ``OUT/policy.en.md``.
    """
    if not args.all_languages or not args.output:
        return None
    out = Path(args.output)
    suffix = out.suffix.lower().lstrip(".")
    if out.is_dir() or suffix == exporter.extension:
        return None
    if out.exists() or suffix in FILE_EXTENSIONS:
        what = "is a file" if out.exists() else "looks like a file name"
        ext = exporter.extension
        names = f" (NAME.en.{ext}, NAME.fr.{ext}...)" if exporter.per_language else ""
        return (
            f"--all-languages -o {args.output}: {args.output} {what}; give a folder to "
            f"write the {exporter.name} files in, or a name such as NAME.{ext}{names}"
        )
    return None


def _report(problems: list[Problem], path: str, forced: bool) -> None:
    """The errors in ``consent-tui validate``'s style: place, severity[rule], message, hint."""
    for problem in sorted(problems, key=lambda p: (p.line or 0, p.col or 0)):
        where = path if problem.line is None else f"{path}:{problem.line}:{problem.col or 1}"
        print(printable(f"{where}: error[{problem.rule}]: {problem.message}"), file=sys.stderr)
        if problem.hint:
            print(f"    hint: {problem.hint}", file=sys.stderr)
    count = f"{len(problems)} error{'s' if len(problems) != 1 else ''}"
    if forced:
        error(f"exporting despite {count} (--force)")
    else:
        error(f"{count}: nothing exported; fix them, or export anyway with --force")


def _notes(notes: list[str]) -> None:
    unique = list(dict.fromkeys(notes))
    for note in unique[:MAX_NOTES]:
        error(f"note: {note}")
    if len(unique) > MAX_NOTES:
        error(f"note: ... and {len(unique) - MAX_NOTES} more texts missing in this language")


def _targets(
    args: argparse.Namespace, exporter: Exporter, source: Path, langs: list[str | None]
) -> list[tuple[str | None, Path | None]]:
    """(language, output path or None for stdout) pairs."""
    if not args.all_languages:
        return [(langs[0], Path(args.output) if args.output else None)]
    stem = "policy" if exporter.name in DOCUMENT_FORMATS else exporter.name
    folder = source.parent
    if args.output:
        out = Path(args.output)
        if out.suffix.lower().lstrip(".") == exporter.extension and not out.is_dir():
            stem, folder = out.stem, out.parent
        else:
            folder = out
    if not exporter.per_language:
        return [(None, folder / f"{stem}.{exporter.extension}")]
    return [(lang, folder / f"{stem}.{lang}.{exporter.extension}") for lang in langs]


def _check_usage(args: argparse.Namespace) -> str | None:
    """With ``--check OUT``, OUT takes the place of ``-o``; a usage error, or None."""
    if args.check is None:
        return None
    if args.output is not None:
        return "--check OUT compares with OUT: give it instead of -o, not both"
    if args.check in ("", "-"):
        return "--check needs the file (or folder, with --all-languages) to compare with"
    args.output = args.check
    return None


def run(args: argparse.Namespace) -> int:
    problem = _check_usage(args)
    if problem is not None:
        error(problem)
        return EXIT_USAGE
    if args.output == "-":  # the usual spelling of standard output
        if args.all_languages:
            error("--all-languages writes files: give -o a folder, not -")
            return EXIT_USAGE
        args.output = None
    name = _format(args)
    if name is None:
        error(f"cannot tell the format from {args.output!r}: add --format")
        return EXIT_USAGE
    exporter = registry.get(name)
    problem = _usage(args, exporter) or _all_languages_problem(args, exporter)
    if problem is not None:
        error(problem)
        return EXIT_USAGE
    document = load_or_report(args.file)
    if document is None:
        return EXIT_USAGE
    catalogue = document.catalogue
    problem = _language_problem(args, exporter, catalogue)
    if problem is not None:
        error(problem)
        return EXIT_USAGE
    # only the rules that can refuse the export are run, and only their problems located
    found = validate(catalogue, SourceMap(document.text), only=error_rules())
    errors = [p for p in found if p.severity == "error"]
    if errors:
        _report(errors, args.file, args.force)
        if not args.force:
            return EXIT_PROBLEMS
    langs: list[str | None] = list(catalogue.languages) if args.all_languages else [args.lang]
    source = document.path or Path(args.file)
    outputs = []
    notes: list[str] = []
    for lang, target in _targets(args, exporter, source, langs):
        options = ExportOptions(
            lang=lang,
            width=args.width,
            fragment=args.fragment,
            tables_only=args.tables_only,
            template=Path(args.template) if args.template else None,
            templates_dir=paths.templates_dir(),
        )
        try:
            result = exporter.render(catalogue, options)
        except CatalogueError as exc:
            print(printable(f"{exc.location}: error: {exc.message}"), file=sys.stderr)
            return EXIT_USAGE
        notes += [f"{lang}: {n}" if args.all_languages and lang else n for n in result.notes]
        outputs.append((target, result.text))
    if args.check is not None:
        from consent_tui.commands import export_check

        return export_check.check([(path, text) for path, text in outputs if path is not None])
    _notes(notes)
    inputs = [source, *([Path(args.template)] if args.template else [])]
    return _write(outputs, inputs)


def _write(outputs: list[tuple[Path | None, str]], inputs: list[Path]) -> int:
    """Write each output; none may be one of ``inputs`` (checked before anything is written)."""
    for target, _text in outputs:
        if target is None:
            continue
        try:
            check_not_input(target, inputs)
        except FileError as exc:
            error(f"{target}: {exc.reason}; nothing written")
            return EXIT_USAGE
    for target, text in outputs:
        data = text.encode("utf-8")
        if target is None:
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None:  # a replaced stdout without bytes: write text
                sys.stdout.write(text)
                continue
            sys.stdout.flush()
            buffer.write(data)
            buffer.flush()
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_output(target, data)
        except FileError as exc:
            error(f"{target}: {exc.reason}")
            return EXIT_USAGE
        except OSError as exc:  # the folder could not be made
            error(f"{target}: cannot write: {exc.strerror or exc}")
            return EXIT_USAGE
        error(f"wrote {target}")
    return EXIT_OK
