"""What changed between two catalogues, and whether visitors must be asked again.

``compare(old, new)`` returns a :class:`Comparison` of :class:`Change` records
in the new file's order (catalogue, policy, banner, categories, purposes, then
each service followed by its cookies). Each change names the
:class:`ChangeRule` that classes it **material** (needs fresh consent) or
**informational**; ``RULES`` lists them (docs/diff.md). Reordering, comments
and layout are no change: only what the catalogue means is compared.
"""

from __future__ import annotations

from consent_tui.core.changes.compare import compare
from consent_tui.core.changes.record import Change, ChangeEntity, Comparison, Kind
from consent_tui.core.changes.rules import IMPACTS, RULES, ChangeRule, Impact, all_rules

__all__ = [
    "IMPACTS",
    "RULES",
    "Change",
    "ChangeEntity",
    "ChangeRule",
    "Comparison",
    "Impact",
    "Kind",
    "all_rules",
    "compare",
]
