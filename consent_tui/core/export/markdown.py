"""GitHub-flavoured Markdown: every text escaped, so nothing in the catalogue becomes markup.

In a Markdown template, each ``{{ value }}`` is escaped as a paragraph unless it
comes from one of the ``md_*`` filters (which return already-safe Markdown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from consent_tui.core.export import docrender, templating
from consent_tui.core.export.docmodel import Cell, Item, Table
from consent_tui.core.export.escape import (
    md_cell,
    md_code,
    md_inline,
    md_link_text,
    md_paragraph,
)
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.model import Catalogue

TEMPLATE = "policy.md.j2"


class MdSafe(str):
    """Markdown already escaped: templates output it as is."""

    __slots__ = ()


def md_item(item: Item) -> MdSafe:
    """One item: code names as code spans, safe URLs as links, the rest escaped."""
    out = []
    for span in item.spans:
        text = span.text.replace("\n", " ")
        if span.url is not None:
            target = span.url.replace("&", "&amp;")  # no "&copy;" read as an entity
            out.append(f"[{md_link_text(text)}](<{target}>)")
        elif span.code:
            out.append(md_code(text) or md_inline(text))
        else:
            out.append(md_inline(text))
    return MdSafe("".join(out))


def md_cell_filter(cell: Cell) -> MdSafe:
    """A table cell: its items separated by ``<br>``; never breaks the row."""
    return MdSafe("<br>".join(md_item(item) for item in cell.items))


def md_rows(table: Table) -> MdSafe:
    """The body rows of a table, one line each (tables per cookie have thousands)."""
    rows = ("|" + "".join(f" {md_cell_filter(c)} |" for c in row.cells) for row in table.rows)
    return MdSafe("\n".join(rows))


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, MdSafe):
        return value
    return md_paragraph(str(value))


FILTERS: dict[str, Callable[..., Any]] = {
    "md_item": md_item,
    "md_cell": md_cell_filter,
    "md_rows": md_rows,
    "md_inline": lambda text: MdSafe(md_inline(str(text).replace("\n", " "))),
    "md_text_cell": lambda text: MdSafe(md_cell(str(text))),
    "md_paragraph": lambda text: MdSafe(md_paragraph(str(text))),
    "md_raw": lambda text: MdSafe(str(text)),
}


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    catalogue = docrender.applied(catalogue, options.tables_only)
    return docrender.rendered(
        lambda: templating.render_policy(
            "markdown", TEMPLATE, FILTERS, catalogue, options, finalize=_finalize
        )
    )


EXPORTER = Exporter(
    name="markdown",
    extension="md",
    description="the cookie policy in GitHub-flavoured Markdown",
    render=render,
    options=frozenset({"lang", "template", "tables-only"}),
)
