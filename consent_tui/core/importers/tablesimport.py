"""Published tables -> a catalogue that exports them again: read, map, build, check, settle.

Every table that looks like a cookie table (a column of names and another
known column) is read, in page order. Sources in several languages whose
tables have the same shape and the same names are one catalogue with several
languages. The catalogue is built, its document is checked against the
tables (:mod:`verify`), and a column that does not come out as the page
shows it is shown as written instead; what still differs is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from consent_tui.core.importers import build as building
from consent_tui.core.importers import columns as cols
from consent_tui.core.importers import language, layoutdata, verify
from consent_tui.core.importers.csvreader import read_csv
from consent_tui.core.importers.errors import SourceError
from consent_tui.core.importers.htmlreader import PageInfo, read_html
from consent_tui.core.importers.mdreader import read_markdown
from consent_tui.core.importers.notes import Notes
from consent_tui.core.importers.plan import TablePlan, make_plan
from consent_tui.core.importers.reading import Source
from consent_tui.core.importers.tables import Slot, SourceCell, SourceTable, grid, normalise
from consent_tui.core.model import Catalogue

ROUNDS = 3  # build and check; a column that differs is shown as written, then again


@dataclass
class TablesResult:
    data: dict[str, Any]
    notes: Notes
    plans: list[TablePlan]
    catalogue: Catalogue
    differences: list[str]
    found: int  # tables in the sources
    skipped: list[str] = field(default_factory=list)
    languages: tuple[str, ...] = ()


@dataclass
class _Read:
    source: Source
    tables: list[SourceTable]
    page: PageInfo | None


def read_tables(source: Source, kind: str) -> _Read:
    """The tables of one source of ``kind`` (html, markdown, csv, tsv)."""
    if kind == "html":
        result = read_html(source.text, source.name)
        return _Read(source, result.tables, result.page)
    if kind == "markdown":
        return _Read(source, read_markdown(source.text, source.name), None)
    tables = read_csv(source.text, source.name, tab=kind == "tsv")
    return _Read(source, [_csv_header(t) for t in tables], None)


def _csv_header(table: SourceTable) -> SourceTable:
    """The first row is the header when its words name columns."""
    if not table.rows:
        return table
    if cols.looks_like_header(table.rows[0]):
        from dataclasses import replace

        return replace(table, header=table.rows[0], rows=table.rows[1:])
    return table


def _source_language(read: _Read, forced: str | None, notes: Notes) -> str:
    """The language of a source: ``--lang``, its page's ``lang``, else guessed from its tables."""
    if forced:
        return forced
    declared = language.standard(read.page.lang if read.page else None)
    if declared:
        return declared
    guessed = language.guess(read.tables)
    if guessed:
        notes.guess(f"{read.source.name}: in {guessed!r}, from its words (--lang sets it)")
        return guessed
    notes.guess(f"{read.source.name}: no language declared or recognised: 'en' (--lang sets it)")
    return "en"


def _language(table: SourceTable, default: str, forced: str | None) -> str:
    """A table's language: its own ``lang`` (a part of a page in another language), else the
    source's."""
    return forced or language.standard(table.lang) or default


def _same_shape(a: SourceTable, b: SourceTable, name: int) -> str | None:
    if a.width != b.width or len(a.rows) != len(b.rows):
        return f"{len(b.rows)} rows of {b.width} columns against {len(a.rows)} of {a.width}"
    ga, gb = grid(a.rows, a.width), grid(b.rows, b.width)
    for r, (ra, rb) in enumerate(zip(ga, gb, strict=True)):
        if normalise(ra[name].cell.text) != normalise(rb[name].cell.text):
            return f"row {r + 1} names {rb[name].cell.text!r}, not {ra[name].cell.text!r}"
    return None


def _translations(
    groups: dict[str, list[tuple[SourceTable, list[cols.Column]]]],
) -> list[tuple[SourceTable, list[cols.Column], dict[str, SourceTable]]]:
    """The tables of the first language, each with the same table in the others."""
    langs = list(groups)
    first = groups[langs[0]]
    out: list[tuple[SourceTable, list[cols.Column], dict[str, SourceTable]]] = [
        (table, columns, {}) for table, columns in first
    ]
    for lang in langs[1:]:
        others = groups[lang]
        if len(others) != len(first):
            raise SourceError(
                f"the sources in {lang!r} have {len(others)} cookie tables, those in "
                f"{langs[0]!r} {len(first)}: import each language on its own, or give --lang",
                path=others[0][0].source if others else first[0][0].source,
            )
        for (table, columns, more), (other, _) in zip(out, others, strict=True):
            name = next(c.index for c in columns if c.role == "name")
            why = _same_shape(table, other, name)
            if why is not None:
                raise SourceError(
                    f"{other.where} ({lang}) is not {table.where} ({langs[0]}) translated: {why}",
                    path=other.source,
                )
            more[lang] = other
    return out


def site_of(reads: list[_Read]) -> tuple[str | None, str | None]:
    """The site's address and name, from a fetched page or what a page says about itself."""
    for read in reads:
        for url in (read.source.url, read.page.url if read.page else None):
            if url:
                parts = urlsplit(url)
                if parts.scheme in ("http", "https") and parts.hostname:
                    name = read.page.site_name if read.page else None
                    return f"{parts.scheme}://{parts.hostname}", name
    for read in reads:
        if read.page and read.page.site_name:
            return None, read.page.site_name
    return None, None


def import_tables(
    reads: list[_Read], forced_lang: str | None, overrides: dict[str, str]
) -> TablesResult:
    notes = Notes()
    groups: dict[str, list[tuple[SourceTable, list[cols.Column]]]] = {}
    found = 0
    skipped: list[str] = []
    empty: list[tuple[SourceTable, list[str], str]] = []
    order: list[SourceTable] = []  # the tables read, in the sources' order
    cells: dict[int, list[list[Slot]]] = {}  # each table's grid, made once
    for read in reads:
        source_lang = _source_language(read, forced_lang, notes) if read.tables else "en"
        parts = [part for table in read.tables for part in _sections(table, notes)]
        found += len(read.tables)
        for table in parts:
            table, notices = _without_notices(table)
            cells[id(table)] = grid(table.rows, table.width)
            columns = cols.assign(table, overrides, cells[id(table)])
            if not table.rows and notices and cols.is_cookie_table(columns, headers_only=True):
                empty.append((table, notices, _language(table, source_lang, forced_lang)))
                groups.setdefault(empty[-1][2], [])
                order.append(table)
                continue
            if notices:
                notes.remark(f"{table.where}: {len(notices)} rows span the whole table: not read")
            if not table.rows or not cols.is_cookie_table(columns):
                skipped.append(_why_skipped(table, columns))
                continue
            lang = _language(table, source_lang, forced_lang)
            groups.setdefault(lang, []).append((table, columns))
            order.append(table)
            for note in table.notes:
                notes.remark(f"{table.where}: {note}")
    groups = {lang: tables for lang, tables in groups.items() if tables}
    if not groups:
        first = skipped[0] if skipped else "no table at all"
        where = reads[0].source.name if reads else "the sources"
        raise SourceError(f"no cookie table found ({first})", path=where)
    aligned = _translations(groups)
    languages = tuple(groups)
    site_url, site_name = site_of(reads)
    from consent_tui.core.matching.domains import host_of

    host = host_of(site_url)
    plans = []
    for table, columns, others in aligned:
        plan = make_plan(table, columns, languages[0], cells[id(table)])
        plan.others = others
        plan.other_cells = {lang: cells[id(t)] for lang, t in others.items()}
        plans.append(plan)
    group_by = "none" if len(plans) == 1 and plans[0].column("category") else "category"
    result: TablesResult | None = None
    by_table = {id(plan.table): plan for plan in plans}
    blank = {id(table): (table, notices, lang) for table, notices, lang in empty}
    for round_number in range(ROUNDS):
        ctx = building.Context(languages, host, group_by, site_name)
        built = []
        for table in order:
            if id(table) in by_table:
                plan = by_table[id(table)]
                built.append((plan, building.build_plan(plan, ctx)))
            elif id(table) in blank and languages[0] == blank[id(table)][2]:
                building.empty_table(*blank[id(table)], ctx)
        data = _catalogue_data(ctx, built, site_url, site_name)
        from consent_tui.core.store import from_data

        catalogue = from_data(data)
        check = verify.check(plans, catalogue)
        result = TablesResult(data, ctx.notes, plans, catalogue, check.sentences, found, skipped)
        result.languages = languages
        changed = False
        for number, columns_differing in check.columns.items():
            for index in columns_differing:
                column = plans[number].columns[index]
                if not column.as_written and round_number < ROUNDS - 1:
                    column.as_written, changed = True, True
        if not changed:
            break
    assert result is not None
    result.notes.guesses[:0] = notes.guesses
    for remark in notes.remarks:
        result.notes.remark(remark)
    for table, notices, _lang in empty:
        result.notes.remark(
            f"{table.where} lists no cookies ({notices[0]!r}): its category is kept, and the "
            "export writes that sentence instead of a table"
        )
    for plan in plans:
        for note in plan.notes:
            result.notes.remark(f"{plan.table.where}: {note}")
        for column in plan.columns:
            if column.as_written and column.role is not None:
                result.notes.remark(
                    f"{plan.table.where}: column {column.header or column.index + 1!r} is shown "
                    f"as written (own column {column.own!r}); its {column.role} is read too"
                )
    return result


def _is_notice(row: tuple[SourceCell, ...], width: int) -> bool:
    return width > 1 and len(row) == 1 and row[0].colspan >= width and bool(row[0].text)


def _sections(table: SourceTable, notes: Notes) -> list[SourceTable]:
    """A table whose rows are cut by rows across it ("Analytics") as one table per section.

    The rows before the first such row keep the table's heading; each section is
    headed by its row's text. A table whose across rows come last, or are its only
    rows, is left whole (those are notices: "No cookies to show").
    """
    width = table.width
    marks = [r for r, row in enumerate(table.rows) if _is_notice(row, width)]
    if not marks or all(r >= len(table.rows) - len(marks) for r in marks):
        return [table]
    from dataclasses import replace

    out: list[SourceTable] = []
    if marks[0] > 0:
        out.append(replace(table, rows=table.rows[: marks[0]]))
    for index, start in enumerate(marks):
        end = marks[index + 1] if index + 1 < len(marks) else len(table.rows)
        heading = table.rows[start][0].text.replace("\n", " ")
        out.append(
            replace(
                table,
                rows=table.rows[start + 1 : end],
                heading=heading,
                heading_shared=False,
                intro=(),
                caption=None,
            )
        )
    notes.remark(
        f"{table.where}: rows across the table head {len(marks)} sections; each is a category, "
        "and the export writes a table under a heading for each"
    )
    return [part for part in out if part.rows]


def _without_notices(table: SourceTable) -> tuple[SourceTable, list[str]]:
    """The table without its notice rows (one cell across the table: "No cookies to show")."""
    width = table.width
    if width < 2:
        return table, []
    notices = [row[0].text for row in table.rows if len(row) == 1 and row[0].colspan >= width]
    if not notices:
        return table, []
    from dataclasses import replace

    kept = tuple(row for row in table.rows if not (len(row) == 1 and row[0].colspan >= width))
    return replace(table, rows=kept), notices


def _why_skipped(table: SourceTable, columns: list[cols.Column]) -> str:
    if not table.rows:
        return f"{table.where} has no rows"
    headers = [c.header for c in columns if c.header]
    if headers:
        shown = ", ".join(repr(h) for h in headers[:6])
        return f"{table.where} has no column of cookie names (its headers: {shown})"
    return f"{table.where} has no header row and no column that looks like cookie names"


def _catalogue_data(
    ctx: building.Context,
    built: list[tuple[TablePlan, list[str]]],
    site_url: str | None,
    site_name: str | None,
) -> dict[str, Any]:
    policy: dict[str, Any] = {}
    host = ctx.site_host
    if site_name or host:
        policy["site_name"] = site_name or host
        if not site_name:
            ctx.notes.review(("policy",), "site_name", "the site's host name: its name?")
    else:
        ctx.notes.review(("policy",), "site_name", "the tables do not say: fill it in")
    if site_url:
        policy["site_url"] = site_url
    else:
        ctx.notes.review(("policy",), "site_url", "the tables do not say: fill it in")
    ctx.notes.review(("policy",), "controller", "who answers for the site: fill it in")
    policy["languages"] = list(ctx.languages)
    policy["document"] = layoutdata.document(built, ctx)
    data: dict[str, Any] = {"format_version": 1, "policy": policy}
    data["categories"] = ctx.categories
    data["purposes"] = ctx.purposes
    data["services"] = ctx.services
    return data
