"""The :class:`Problem` record shared by the rules, the CLI and the editor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from consent_tui.core.model import EntityKind

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
ProblemEntity = EntityKind | Literal["catalogue", "banner", "file"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: which rule, how bad, where, and how to fix it.

    ``entity``/``entity_id``/``field`` place it in the model (``entity_id`` of a
    cookie is ``"<service id>/<index>"``); ``line``/``col`` place it in the file
    when the source gives them, never invented. ``language`` names the
    translation a problem is about, when it is about one.
    """

    rule: str
    severity: Severity
    message: str
    entity: ProblemEntity
    entity_id: str | None = None
    field: str | None = None
    hint: str | None = None
    line: int | None = None
    col: int | None = None
    language: str | None = None

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready mapping with every field (``None`` kept)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "line": self.line,
            "col": self.col,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "field": self.field,
            "language": self.language,
        }
