"""``--tables-only``: the export option sets the layout key ``tables_only`` for one export."""

from __future__ import annotations

from consent_tui.core.layout import EMPTY_LAYOUT
from consent_tui.core.model import Catalogue, replace


def applied(catalogue: Catalogue, tables_only: bool) -> Catalogue:
    """``catalogue`` with ``[policy.document] tables_only = true`` when asked, else itself."""
    document = catalogue.document
    layout = document.layout or EMPTY_LAYOUT
    if not tables_only or layout.tables_only:
        return catalogue
    document = replace(document, layout=replace(layout, tables_only=True))
    policy = replace(catalogue.policy, document=document)
    return replace(catalogue, policy=policy)
