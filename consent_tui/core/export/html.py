"""HTML: a standalone, printable page, or a fragment to embed in an existing page.

The page's ``lang`` is the language the document is written in; a passage in
another language (a fallback) carries its own ``lang``. Every text is escaped
by Jinja's autoescaping; only URLs that
:func:`~consent_tui.core.export.escape.safe_url` accepts (``http:``, ``https:``,
``mailto:``) become links. The page carries no script, and a Content Security
Policy that would block one anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from consent_tui.core.export import docrender, templating
from consent_tui.core.export.docmodel import Cell, Item, Table, lang_of
from consent_tui.core.export.escape import safe_url
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.model import Catalogue

TEMPLATE = "policy.html.j2"
_PLAIN_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def lang_attr(text: object) -> Markup:
    """`` lang="…"`` for a text in another language than the document's, else nothing."""
    lang = lang_of(text)
    return Markup(f' lang="{escape(lang)}"') if lang else Markup("")


def html_item(item: Item) -> Markup:
    """An item as HTML: ``<code>`` names, links for safe URLs only, the rest escaped.

    A span in another language than the document's is marked with ``lang``.
    """
    out = []
    for span in item.spans:
        text = escape(span.text)
        lang = f' lang="{escape(span.lang)}"' if span.lang else ""
        href = safe_url(span.url)
        if href is not None:
            bare = ' class="bare"' if span.text in (href, href.removeprefix("mailto:")) else ""
            out.append(f'<a href="{escape(href)}" rel="noopener noreferrer"{bare}{lang}>{text}</a>')
        elif span.code:
            out.append(f"<code{lang}>{text}</code>")
        elif lang:
            out.append(f"<span{lang}>{text}</span>")
        else:
            out.append(str(text))
    return Markup("".join(out))


def html_cell(cell: Cell) -> Markup:
    """A cell: one item inline, several as a list."""
    if len(cell.items) == 1:
        return html_item(cell.items[0])
    if not cell.items:
        return Markup("")
    items = "".join(f"<li>{html_item(item)}</li>" for item in cell.items)
    return Markup(f'<ul class="items">{items}</ul>')


def html_rows(table: Table, tid: str) -> Markup:
    """The ``<tbody>`` rows of a table the layout changed (see ``laid_out_table``).

    Each cell names its column's header (``headers``) when the table has a header
    row; a cell covered by a spanning one above is left out; with spanning cells,
    each service's rows are a ``<tbody>`` of their own, its first cell a row-group
    header. Written here rather than in the template: a table per cookie has
    tens of thousands of cells.
    """
    labels = [escape(c.header or c.label) for c in table.columns]
    written: dict[int, str] = {}  # cells shared by several rows are written once
    out = ["<tbody>\n"]
    for number, row in enumerate(table.rows):
        if number and table.spans and row.first:
            out.append("</tbody>\n<tbody>\n")
        cells = []
        for index, cell in enumerate(row.cells):
            if not cell.span:
                continue
            attrs = f' rowspan="{cell.span}"' if cell.span > 1 else ""
            if table.header_row:
                attrs += f' headers="{escape(tid)}-c{index + 1}"'
            if labels[index]:
                attrs += f' data-label="{labels[index]}"'
            html = written.get(id(cell))
            if html is None:
                html = written[id(cell)] = html_cell(cell)
            if index == 0:
                scope = "rowgroup" if cell.span > 1 else "row"
                cells.append(f'<th scope="{scope}"{attrs}>{html}</th>')
            else:
                cells.append(f"<td{attrs}>{html}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>\n")
    out.append("</tbody>")
    return Markup("".join(out))


def html_id(value: str, fallback: object) -> str:
    """``value`` as an id fragment when it is a plain id (``necessary``), else ``fallback``."""
    slug = value.strip("_").replace("_", "-")
    return slug if _PLAIN_ID.fullmatch(slug) else str(fallback)


FILTERS: dict[str, Callable[..., Any]] = {
    "html_id": html_id,
    "safe_url": safe_url,
    "html_item": html_item,
    "html_cell": html_cell,
    "html_rows": html_rows,
    "lang_attr": lang_attr,
}


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    catalogue = docrender.applied(catalogue, options.tables_only)
    return docrender.rendered(
        lambda: templating.render_policy(
            "html", TEMPLATE, FILTERS, catalogue, options, fragment=options.fragment
        )
    )


EXPORTER = Exporter(
    name="html",
    extension="html",
    description="the cookie policy as a web page (or a fragment with --fragment)",
    render=render,
    options=frozenset({"lang", "fragment", "template", "tables-only"}),
)
