"""What the three document exporters do around their template: ``--tables-only``, and GC.

``--tables-only`` sets the layout key ``tables_only`` for one export. The cyclic
garbage collector is paused while a document is built and rendered: it makes
hundreds of thousands of small objects (a table per cookie of 10,000 cookies),
all trees, which the collections they would trigger walk again and again for
nothing (as the loader does while it builds the model).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from consent_tui.core.model import Catalogue, replace
from consent_tui.core.model.layout import EMPTY_LAYOUT


def applied(catalogue: Catalogue, tables_only: bool) -> Catalogue:
    """``catalogue`` with ``[policy.document] tables_only = true`` when asked, else itself."""
    document = catalogue.document
    layout = document.layout or EMPTY_LAYOUT
    if not tables_only or layout.tables_only:
        return catalogue
    document = replace(document, layout=replace(layout, tables_only=True))
    policy = replace(catalogue.policy, document=document)
    return replace(catalogue, policy=policy)


T = TypeVar("T")


@contextmanager
def _paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def rendered(render: Callable[[], T]) -> T:
    """``render()`` with the cyclic garbage collector paused."""
    with _paused():
        return render()
