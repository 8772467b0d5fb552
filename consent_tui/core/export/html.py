"""HTML: a standalone, printable page, or a fragment to embed in an existing page.

Every text is escaped by Jinja's autoescaping; only URLs that
:func:`~consent_tui.core.export.escape.safe_url` accepts (``http:``, ``https:``,
``mailto:``) become links. The page carries no script, and a Content Security
Policy that would block one anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from consent_tui.core.export import templating
from consent_tui.core.export.docmodel import Cell, Item
from consent_tui.core.export.escape import safe_url
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.model import Catalogue

TEMPLATE = "policy.html.j2"
_PLAIN_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def html_item(item: Item) -> Markup:
    """An item as HTML: ``<code>`` names, links for safe URLs only, the rest escaped."""
    out = []
    for span in item.spans:
        text = escape(span.text)
        href = safe_url(span.url)
        if href is not None:
            bare = ' class="bare"' if span.text in (href, href.removeprefix("mailto:")) else ""
            out.append(f'<a href="{escape(href)}" rel="noopener noreferrer"{bare}>{text}</a>')
        elif span.code:
            out.append(f"<code>{text}</code>")
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


def html_id(value: str, fallback: object) -> str:
    """``value`` as an id fragment when it is a plain id (``necessary``), else ``fallback``."""
    slug = value.strip("_").replace("_", "-")
    return slug if _PLAIN_ID.fullmatch(slug) else str(fallback)


FILTERS: dict[str, Callable[..., Any]] = {
    "html_id": html_id,
    "safe_url": safe_url,
    "html_item": html_item,
    "html_cell": html_cell,
}


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    return templating.render_policy(
        "html", TEMPLATE, FILTERS, catalogue, options, fragment=options.fragment
    )


EXPORTER = Exporter(
    name="html",
    extension="html",
    description="the cookie policy as a web page (or a fragment with --fragment)",
    render=render,
    options=frozenset({"lang", "fragment", "template"}),
)
