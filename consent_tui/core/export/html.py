"""HTML: a standalone, printable page, or a fragment to embed in an existing page.

Every text is escaped by Jinja's autoescaping; only URLs that
:func:`~consent_tui.core.export.escape.safe_url` accepts (``http:``, ``https:``,
``mailto:``) become links. The page carries no script, and a Content Security
Policy that would block one anyway.
"""

from __future__ import annotations

from consent_tui.core.export import templating
from consent_tui.core.export.document import build
from consent_tui.core.export.escape import safe_url
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.model import Catalogue

TEMPLATE = "policy.html.j2"

FILTERS = {"safe_url": safe_url}


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    doc = build(catalogue, options.lang)
    env = templating.environment("html", options.template, options.templates_dir, FILTERS)
    text = templating.render(
        env, TEMPLATE, options.template, doc=doc, options=options, fragment=options.fragment
    )
    return ExportResult(text.rstrip() + "\n", doc.notes)


EXPORTER = Exporter(
    name="html",
    extension="html",
    description="the cookie policy as a web page (or a fragment with --fragment)",
    render=render,
    options=frozenset({"lang", "fragment", "template"}),
)
