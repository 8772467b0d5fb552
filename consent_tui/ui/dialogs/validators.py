"""Input validators for the forms: each explains, at the field, what is wrong.

The checks themselves are the core's (:mod:`consent_tui.core.fields.checks`),
the same predicates validation uses, so a form never keeps a value that
``validate`` then calls an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.validation import ValidationResult, Validator

from consent_tui.core.fields import Field
from consent_tui.core.fields.checks import check_for, split_list
from consent_tui.core.store import id_problem

__all__ = ["Check", "field_check", "id_check", "split_list"]


class Check(Validator):
    """A validator from a function returning the problem, or ``None`` when fine."""

    def __init__(self, check: Callable[[str], str | None]) -> None:
        super().__init__()
        self._check = check

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        problem = self._check(value.strip())
        return self.success() if problem is None else self.failure(problem)


def id_check(taken: Iterable[str], current: str | None) -> Check:
    """A new id must be free and of the form validation asks for; ``current`` may stay."""
    used = frozenset(taken)
    return Check(lambda value: id_problem(value, used, current))


def field_check(field: Field, also: Iterable[str] = ()) -> list[Validator]:
    """The validators of a described field: its type's check, if it has one."""
    check = check_for(field, also)
    return [Check(check)] if check is not None else []
