"""Validation problems indexed for the tables: counts per entity and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consent_tui.core.validation import Problem

_RANK = {"error": 0, "warning": 1, "info": 2}
_MARK = {"error": "✗", "warning": "⚠", "info": "·"}


class ProblemIndex:
    """Problems of one catalogue version, looked up by entity."""

    def __init__(self, problems: Sequence[Problem] = ()) -> None:
        self.problems = tuple(problems)
        self._by: dict[tuple[str, str], list[Problem]] = {}
        for problem in self.problems:
            key = (problem.entity, problem.entity_id or "")
            self._by.setdefault(key, []).append(problem)
            if problem.entity == "cookie" and problem.entity_id:
                service = problem.entity_id.rpartition("/")[0]
                self._by.setdefault(("service+", service), []).append(problem)
        self.counts = Counter(p.severity for p in self.problems)

    def of(self, entity: str, entity_id: str) -> list[Problem]:
        return self._by.get((entity, entity_id), [])

    def cell(self, entity: str, entity_id: str, *, with_cookies: bool = False) -> str:
        """A table cell: the worst severity's mark and the count, empty when none."""
        found = self.of(entity, entity_id)
        if with_cookies:
            found = found + self._by.get(("service+", entity_id), [])
        return mark_cell(found)

    def summary(self) -> str:
        """``2 errors · 1 warning``, or ``no problems``."""
        parts = []
        for severity in ("error", "warning", "info"):
            n = self.counts.get(severity, 0)
            if n:
                word = severity if severity != "info" else "note"
                parts.append(f"{n} {word}{'s' if n != 1 else ''}")
        return " · ".join(parts) if parts else "no problems"


def mark_cell(found: Sequence[Problem]) -> str:
    if not found:
        return ""
    worst = min(found, key=lambda p: _RANK.get(p.severity, 3)).severity
    return f"{_MARK.get(worst, '·')} {len(found)}"


def tone(cell: str) -> str | None:
    """The grid component class for a problems cell or a severity word."""
    if cell.startswith("✗") or cell == "error":
        return "grid--error"
    if cell.startswith("⚠") or cell == "warning":
        return "grid--warning"
    if cell.startswith("·") or cell == "info":
        return "grid--muted"
    return None


def severity_rank(problem: Problem) -> int:
    return _RANK.get(problem.severity, 3)
