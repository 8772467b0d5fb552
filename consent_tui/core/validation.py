"""Validation problems as data: one collector for the CLI and the editor.

``validate(catalogue, source=None)`` runs every rule family of
:mod:`consent_tui.core.rules` and returns the problems in model order
(policy, banner, categories, purposes, services each followed by its cookies),
which is deterministic. With ``source`` (a
:class:`~consent_tui.core.store.SourceMap` of the file's text) each
problem gets the line and column of its key, or of its entity's table header
when the key is missing; without it, no line is given rather than a wrong one.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Collection
from typing import TYPE_CHECKING

from consent_tui.core.model import Catalogue
from consent_tui.core.rules import PLAN, RULES, all_rules, get
from consent_tui.core.rules.base import Context, Rule
from consent_tui.core.rules.files import problem_for
from consent_tui.core.rules.problem import SEVERITIES, Problem, Severity
from consent_tui.core.store import SourceMap

if TYPE_CHECKING:
    from consent_tui.core.known.index import KnownIndex

__all__ = [
    "RULES",
    "SEVERITIES",
    "Problem",
    "Rule",
    "Severity",
    "all_rules",
    "counts",
    "error_rules",
    "get",
    "problem_for",
    "source_map",
    "validate",
    "validate_text",
]


def validate(
    catalogue: Catalogue,
    source: SourceMap | None = None,
    known: KnownIndex | None = None,
    baseline: Catalogue | None = None,
    *,
    only: Collection[str] | None = None,
) -> list[Problem]:
    """All problems of ``catalogue``, in a stable order.

    With ``known`` (a known-cookie index), declared cookies are also compared
    with it (the info rules of :mod:`consent_tui.core.rules.known`). With
    ``baseline`` (the catalogue as it was, e.g. at a git revision), material
    changes since then without a raised ``[banner] revision`` are an error too. With
    ``only`` (rule ids), only those rules' problems are kept, and a rule family
    none of them belongs to is not run: ``validate --ignore`` and ``export``'s
    check for errors pay only for what they report.
    """
    wanted = None if only is None else frozenset(only)
    paused = gc.isenabled()  # the problems made are no cycles: see ``store.loader.load_text``
    if paused:
        gc.disable()
    try:
        ctx = Context(catalogue, baseline, wanted)
        for check, reported in PLAN:
            if wanted is None or not reported.isdisjoint(wanted):
                check(ctx)
        if known is not None:
            from consent_tui.core.rules.known import check_known

            check_known(ctx, known)
        return ctx.problems(source)
    finally:
        if paused:
            gc.enable()


def source_map(text: str) -> SourceMap:
    """A source map of a file's text (a leading BOM does not shift columns)."""
    return SourceMap(text[1:] if text.startswith("\ufeff") else text)


def validate_text(
    text: str,
    path: str | None = None,
    known: KnownIndex | None = None,
    *,
    only: Collection[str] | None = None,
) -> list[Problem]:
    """Load ``text`` and validate it with positions; a load failure is one problem."""
    from consent_tui.core.errors import CatalogueError
    from consent_tui.core.store import load_text

    try:
        catalogue = load_text(text, path)
    except CatalogueError as exc:
        return [problem_for(exc, text)]
    return validate(catalogue, source_map(text), known, only=only)


def error_rules() -> frozenset[str]:
    """The ids of the rules whose problems are errors (those that refuse an export)."""
    return frozenset(rule_id for rule_id, rule in RULES.items() if rule.severity == "error")


def counts(problems: list[Problem]) -> dict[Severity, int]:
    """How many problems of each severity (every severity present, maybe 0)."""
    found = Counter(p.severity for p in problems)
    return {s: found.get(s, 0) for s in SEVERITIES}
