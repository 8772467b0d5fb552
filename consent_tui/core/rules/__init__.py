"""The validation rules: one module per family, gathered in a registry by id.

``FAMILIES`` lists the family modules in the order they run; each has
``RULES`` (its :class:`~consent_tui.core.rules.base.Rule` records) and, except
``files``, a ``check(ctx)`` function.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Final

from consent_tui.core.rules import (
    audit_keys,
    banner,
    baseline,
    changelog,
    consent,
    consentmode,
    document,
    duplicates,
    durations,
    files,
    known,
    layout,
    layout_values,
    lifetimes,
    references,
    required,
    review,
    transfers,
    translations,
    types,
    unknown,
    urls,
    values,
)
from consent_tui.core.rules.base import Context, Rule

CHECKED: Final = (
    required,
    types,
    values,
    document,
    layout,
    layout_values,
    references,
    duplicates,
    urls,
    durations,
    lifetimes,
    translations,
    transfers,
    consent,
    known,
    unknown,
    banner,
    consentmode,
    changelog,
    baseline,
    audit_keys,
    review,
)
FAMILIES: Final = (*CHECKED, files)

CHECKS: Final[tuple[Callable[[Context], None], ...]] = tuple(m.check for m in CHECKED)

# Rules a family reports besides its own (tests/core/test_validation_registry.py checks
# that no family reports any other), so that a family none of whose rules is wanted
# can be left out.
_BORROWED: Final = {document: (values.INVALID_VALUE,)}
PLAN: Final[tuple[tuple[Callable[[Context], None], frozenset[str]], ...]] = tuple(
    (m.check, frozenset(r.id for r in (*m.RULES, *_BORROWED.get(m, ())))) for m in CHECKED
)

_ALL: Final[tuple[Rule, ...]] = tuple(rule for m in FAMILIES for rule in m.RULES)
RULES: Final = MappingProxyType({rule.id: rule for rule in _ALL})


def get(rule_id: str) -> Rule:
    """The rule with this id; ``KeyError`` when there is none."""
    return RULES[rule_id]


def all_rules() -> list[Rule]:
    """Every rule, in documentation order (by family, then as declared)."""
    return list(_ALL)
