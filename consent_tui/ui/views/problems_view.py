"""The problems panel: every validation problem; enter jumps to the row and field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message
from textual.widgets import Static

from consent_tui.core.model import Catalogue
from consent_tui.ui.problems import ProblemIndex, tone
from consent_tui.ui.text import plain, visible
from consent_tui.ui.views.table_view import TableView
from consent_tui.ui.widgets.grid import Column, Row

if TYPE_CHECKING:
    from consent_tui.core.validation import Problem

_SEVERITY_ORDER = {"error": "0", "warning": "1", "info": "2"}


def where(problem: Problem) -> str:
    """``cookie ods-auth/0`` style location of a problem in the model."""
    if problem.entity_id:
        return f"{problem.entity} {problem.entity_id}"
    return problem.entity


class ProblemsView(TableView):
    class JumpTo(Message):
        """The user asked to go to the entity and field of ``problem``."""

        def __init__(self, problem: Problem) -> None:
            super().__init__()
            self.problem = problem

    KIND = "problem"
    NOUN = ("problem", "problems")
    TITLE = "Problems"
    EMPTY = "No problems found. The catalogue passes every check."
    CAN_ADD = False
    ACTIVATE = "Go to"
    COLUMNS = (
        Column(
            "severity",
            "Severity",
            max_width=8,
            tone=tone,
            sort_key=lambda s: _SEVERITY_ORDER.get(s, "3"),
        ),
        Column("rule", "Rule", max_width=24, min_width=10),
        Column("where", "Where", max_width=30, min_width=10),
        Column("field", "Field", max_width=18),
        Column("message", "Message", max_width=200, grow=True),
        Column("line", "Line", numeric=True, max_width=6),
    )
    HELP = (
        "The problems `consent-tui validate` reports, updated a moment after each change. "
        "Enter (or e) jumps to the entity and opens its form on the field at fault; the "
        "line below the table shows how to fix the selected problem."
    )

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.problems: tuple[Problem, ...] = ()

    def build_rows(self, catalogue: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
        self.problems = problems.problems
        return [
            Row(
                str(n),
                (
                    p.severity,
                    visible(p.rule),
                    visible(where(p)),
                    visible(p.field),
                    visible(p.message),
                    "" if p.line is None else str(p.line),
                ),
            )
            for n, p in enumerate(self.problems)
        ]

    def selected(self) -> Problem | None:
        key = self.grid.cursor_key
        return None if key is None else self.problems[int(key)]

    def update_status(self) -> None:
        super().update_status()
        problem = self.selected()
        if problem is not None:
            text = visible(problem.message)
            if problem.hint:
                text += f" — {visible(problem.hint)}"
            self.query_one(".status", Static).update(plain(text))

    def cursor_moved(self) -> None:
        self.update_status()

    def activate(self, key: str) -> None:
        self.post_message(self.JumpTo(self.problems[int(key)]))
