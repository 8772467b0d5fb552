"""Sources -> catalogue text and summary: what ``consent-tui import`` and the editor call.

:func:`import_sources` reads every source, finds its kind (a page, Markdown,
CSV, a Klaro or vanilla-cookieconsent configuration), imports it, writes the
catalogue's text with its comments, and validates that text for the summary.
Nothing is written to disk here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from consent_tui.core.importers import detect, writer
from consent_tui.core.importers.errors import SourceError
from consent_tui.core.importers.notes import Notes
from consent_tui.core.importers.reading import Source, read_source
from consent_tui.core.importers.summary import Summary
from consent_tui.core.importers.tables import SourceTable
from consent_tui.core.model import Catalogue


@dataclass(frozen=True)
class ImportOptions:
    """``kind``: ``table``, ``csv``, ``klaro``, ``cookieconsent`` or None (found by content);
    ``lang``: the sources' language; ``mapping``: header (folded) or column number -> role."""

    kind: str | None = None
    lang: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)


@dataclass
class ImportResult:
    """The catalogue's text (to write), its model, and the summary.

    ``tables`` are the source tables the catalogue reproduces (for a round-trip
    check: :func:`consent_tui.core.importers.compare.differences`), each language's.
    """

    text: str
    catalogue: Catalogue
    summary: Summary
    tables: dict[str, list[SourceTable]] = field(default_factory=dict)


def import_sources(
    specs: list[str], options: ImportOptions | None = None, texts: dict[str, str] | None = None
) -> ImportResult:
    """Import the sources named by ``specs`` (paths or URLs).

    ``texts`` gives the text of a source instead of reading it (the editor's
    paste box): ``{name: text}``, the name's extension telling its kind.
    """
    options = options or ImportOptions()
    sources = [
        Source(spec, texts[spec], PurePath(spec).suffix.lower())
        if texts and spec in texts
        else read_source(spec)
        for spec in specs
    ]
    kinds = [detect.kind(source, options.kind) for source in sources]
    configs = [k for k in kinds if k in ("klaro", "cookieconsent")]
    if configs and len(sources) > 1:
        raise SourceError(
            "a banner configuration is imported on its own, not with other sources",
            path=sources[kinds.index(configs[0])].name,
        )
    if configs:
        return _config(sources[0], configs[0], options)
    return _tables(sources, kinds, options)


def _tables(sources: list[Source], kinds: list[str], options: ImportOptions) -> ImportResult:
    from consent_tui.core.importers.tablesimport import import_tables, read_tables

    reads = [read_tables(source, kind) for source, kind in zip(sources, kinds, strict=True)]
    result = import_tables(reads, options.lang, options.mapping)
    services = result.data["services"]
    summary = Summary(
        sources=[s.name for s in sources],
        kind="tables",
        languages=result.languages,
        categories=len(result.data["categories"]),
        services=len(services),
        cookies=sum(len(s.get("cookies", ())) for s in services.values()),
        tables_found=result.found,
        tables_read=sum(1 + len(plan.others) for plan in result.plans),
        skipped=result.skipped,
        guesses=result.notes.guesses,
        reviews=result.notes.review_count(),
        remarks=result.notes.remarks,
        differences=result.differences,
    )
    what = f"{_n(summary.tables_read, 'table')}: {_n(summary.services, 'service')}, "
    what += _n(summary.cookies, "cookie")
    done = _finish(result.data, result.notes, result.catalogue, summary, sources, what)
    done.tables = {result.languages[0]: [plan.table for plan in result.plans]}
    for lang in result.languages[1:]:
        done.tables[lang] = [plan.others[lang] for plan in result.plans if lang in plan.others]
    return done


def _config(source: Source, kind: str, options: ImportOptions) -> ImportResult:
    from consent_tui.core.importers.banners import import_config
    from consent_tui.core.store import from_data

    data, notes = import_config(source, kind, options.lang)
    catalogue = from_data(data)
    services = data.get("services", {})
    summary = Summary(
        sources=[source.name],
        kind=kind,
        languages=catalogue.languages,
        categories=len(data.get("categories", {})),
        services=len(services),
        cookies=sum(len(s.get("cookies", ())) for s in services.values()),
        guesses=notes.guesses,
        reviews=notes.review_count(),
        remarks=notes.remarks,
    )
    what = f"{_n(summary.services, 'service')}, {_n(summary.cookies, 'cookie')}"
    return _finish(data, notes, catalogue, summary, [source], what)


def _finish(
    data: dict[str, Any],
    notes: Notes,
    catalogue: Catalogue,
    summary: Summary,
    sources: list[Source],
    what: str,
) -> ImportResult:
    from consent_tui.core.validation import source_map, validate

    names = ", ".join(PurePath(s.name).name if not s.url else s.name for s in sources)
    header = [
        f"Cookie catalogue imported by consent-tui from {names} ({what}).",
        'Comments say where each entry came from; "review:" marks what was guessed or',
        "is missing. `consent-tui validate` lists what to fill in; `consent-tui export`",
        "writes the document again.",
    ]
    text = writer.render(data, notes, header)
    summary.problems = validate(catalogue, source_map(text))
    return ImportResult(text, catalogue, summary)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
