"""Plain text: paragraphs wrapped to a width, tables drawn with aligned, wrapped columns.

Widths are display widths: CJK and emoji count two columns. Templates get the
``wrap``, ``heading``, ``table`` and ``item`` filters and the ``width`` variable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from consent_tui.core.export import docrender, templating
from consent_tui.core.export.docmodel import Item, Table
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.export.texttable import render_table
from consent_tui.core.export.textwidth import width as display_width
from consent_tui.core.export.textwidth import wrap
from consent_tui.core.model import Catalogue

TEMPLATE = "policy.txt.j2"
MIN_WIDTH = 20


def item_text(item: Item) -> str:
    """An item as text; a link whose text is not its address shows the address too."""
    out = []
    for span in item.spans:
        out.append(span.text)
        if span.url and span.text not in (span.url, span.url.removeprefix("mailto:")):
            out.append(f" <{span.url}>")
    return "".join(out)


def wrap_filter(text: str, width: int, indent: str = "", first: str | None = None) -> str:
    """``text`` wrapped to ``width`` columns; lines after the first get ``indent``."""
    lead = indent if first is None else first
    room = max(1, width - max(display_width(lead), display_width(indent)))
    lines = wrap(" ".join(str(text).split("\n")), room)
    return "\n".join((lead if i == 0 else indent) + line for i, line in enumerate(lines))


def heading(text: str, width: int, char: str = "-") -> str:
    """A heading underlined with ``char`` as wide as its longest line."""
    lines = wrap(" ".join(str(text).split("\n")), width)
    rule = char * min(width, max((display_width(line) for line in lines), default=0))
    return "\n".join([*lines, rule])


def table_filter(table: Table, width: int) -> str:
    header = [column.header for column in table.columns]
    rows = [[[item_text(item) for item in cell.items] for cell in row.cells] for row in table.rows]
    return render_table(header, rows, width, header_row=table.header_row)


FILTERS: dict[str, Callable[..., Any]] = {
    "wrap": wrap_filter,
    "heading": heading,
    "table": table_filter,
    "item": item_text,
}


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    catalogue = docrender.applied(catalogue, options.tables_only)
    width = max(MIN_WIDTH, options.width)
    return docrender.rendered(
        lambda: templating.render_policy("text", TEMPLATE, FILTERS, catalogue, options, width=width)
    )


EXPORTER = Exporter(
    name="text",
    extension="txt",
    description="the cookie policy as plain text wrapped to a width (--width)",
    render=render,
    options=frozenset({"lang", "width", "template", "tables-only"}),
)
