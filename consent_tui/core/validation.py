"""Validation problems as data: one collector for the CLI and the editor.

CONTRACT (the rules are being written): ``validate(catalogue, source=None)``
returns problems in a deterministic order; ``source`` (the file's text, via a
:class:`~consent_tui.core.tomlscan.SourceMap`) gives them lines and columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from consent_tui.core.model import Catalogue, EntityKind
from consent_tui.core.tomlscan import SourceMap

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: which rule, how bad, where, and how to fix it.

    ``entity``/``entity_id``/``field`` place it in the model (``entity_id`` of a
    cookie is ``"<service id>/<index>"``); ``line``/``col`` place it in the file
    when the source gives them, never invented.
    """

    rule: str
    severity: Severity
    message: str
    entity: EntityKind | Literal["catalogue", "banner"]
    entity_id: str | None = None
    field: str | None = None
    hint: str | None = None
    line: int | None = None
    col: int | None = None


def validate(catalogue: Catalogue, source: SourceMap | None = None) -> list[Problem]:
    """All problems of ``catalogue``, in a stable order."""
    return []
