"""Does the catalogue export the page's tables again? Checked on the export's document model.

The policy document the exporters render (:func:`consent_tui.core.export.document.build`)
is built in each language and each of its tables compared with its source
table (:mod:`compare`). A column whose cells differ is what the import then
shows as written, in a user column; what still differs is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consent_tui.core.export import document
from consent_tui.core.export.docmodel import CategorySection
from consent_tui.core.importers.compare import Shape, compare, shape
from consent_tui.core.importers.plan import TablePlan
from consent_tui.core.importers.tables import SourceCell, SourceTable
from consent_tui.core.model import Catalogue
from consent_tui.core.model.layout import ALL_TABLE


@dataclass
class Check:
    """What differs: per table (its index among the plans), the columns and the sentences."""

    columns: dict[int, set[int]] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)


def as_table(section: CategorySection, like: SourceTable) -> SourceTable:
    """A table of the document model as a page would show it."""
    table = section.table
    header = tuple(SourceCell(c.header) for c in table.columns) if table.header_row else None
    rows = tuple(
        tuple(SourceCell(cell.text, max(cell.span, 1)) for cell in row.cells if cell.span)
        for row in table.rows
    )
    return SourceTable(
        like.source,
        like.number,
        rows,
        header,
        heading=section.title or None,
        heading_shared=not section.title,
        caption=table.caption or None,
    )


def _columns(page: Shape, export: Shape, kept: list[int]) -> set[int]:
    """The source columns (by index) whose cells differ."""
    out: set[int] = set()
    for mine, theirs in zip(page.cells, export.cells, strict=False):
        for position, (want, got) in enumerate(zip(mine, theirs, strict=False)):
            if want != got:
                out.add(kept[position])
    if page.header and export.header:
        for position, (want, got) in enumerate(zip(page.header, export.header, strict=False)):
            if want != got:
                out.add(kept[position])
    for _row, c, *_ in page.merged ^ export.merged:
        if c < len(kept):
            out.add(kept[c])
    return out


def check(plans: list[TablePlan], catalogue: Catalogue) -> Check:
    found = Check()
    for lang in catalogue.languages:
        sections = {s.id: s for s in document.build(catalogue, lang).categories}
        for number, plan in enumerate(plans):
            source = plan.table if lang == plan.lang else plan.others.get(lang)
            section = sections.get(plan.category or ALL_TABLE)
            if source is None or section is None:
                continue
            skip = frozenset(c.index for c in plan.columns if c.ignored)
            kept = [c.index for c in plan.columns if not c.ignored]
            page = shape(source, skip)
            export = shape(as_table(section, source))
            where = source.where + (f" ({lang})" if len(catalogue.languages) > 1 else "")
            sentences = compare(page, export, where)
            if sentences:
                found.sentences += sentences
                found.columns.setdefault(number, set()).update(_columns(page, export, kept))
    return found
