"""Old and new keys of a sequence lined up, and new tables placed among the old ones.

Shared by the catalogue planner (``patch_plan``: categories, purposes) and the
services planner (``patch_services``: services, cookies). Both hand in the plan
they work for as a :class:`Planner`, the part of ``patch_plan.Plan`` they use.
"""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any, Protocol

from consent_tui.core.store.chunks import ChunkIndex
from consent_tui.core.store.patch import Texts, Unusual
from consent_tui.core.store.patch_emit import Style
from consent_tui.core.store.tomlscan import Path


class Planner(Protocol):
    """What lining up and inserting need of a plan (``patch_plan.Plan`` is one)."""

    index: ChunkIndex
    texts: Texts
    lang: str

    def style(self, path: Path) -> Style: ...
    def block(self, path: Path) -> list[int]: ...
    def place_of(self, path: Path) -> list[int]: ...
    def blank_between(self, name: str, keys: list[str]) -> int: ...
    def end_of_file(self) -> int: ...
    def any_style(self) -> Style: ...


def line_up(old: list[Any], new: list[Any]) -> tuple[list[tuple[Any, Any]], set[Any]]:
    """Pairs ``(old key or None, new key)`` in the new order, and the keys that moved.

    Keys present in both lists stay in place when their order allows it; a key
    removed and another added at the same place count as a rename.
    """
    if old == new:
        return [(k, k) for k in new], set()
    old_set, new_set = set(old), set(new)
    placed: list[tuple[Any, Any]] = []
    moved: set[Any] = set()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            placed += [(old[i1 + k], new[j1 + k]) for k in range(i2 - i1)]
            continue
        gone, came = old[i1:i2], new[j1:j2]
        k = 0
        while k < min(len(gone), len(came)) and gone[k] not in new_set and came[k] not in old_set:
            placed.append((gone[k], came[k]))
            k += 1
        for key in came[k:]:
            placed.append((None, key))
            if key in old_set:
                moved.add(key)
    return placed, moved


class Inserter:
    """Places new tables of one sequence after the previous table kept in place.

    Before the first table kept in place, they go above it; with none kept,
    at ``fallback()`` (an offset, and whether the text goes before what is
    there). Offsets, styles and blank lines are only measured when a table is
    actually inserted.
    """

    def __init__(
        self,
        plan: Planner,
        style: Callable[[Any], Style],
        blank: Callable[[], int],
        fallback: Callable[[], tuple[int, bool]],
        *,
        array: bool = False,
    ) -> None:
        self.plan = plan
        self.style = style
        self.blank = blank
        self.fallback = fallback
        self.array = array
        self.last: Callable[[], list[int]] | None = None
        self.sibling: Any = None
        self.pending: list[tuple[Path, dict[str, Any], str | None]] = []

    def add(self, path: Path, data: dict[str, Any], raw: str | None) -> None:
        if self.last is None:
            self.pending.append((path, data, raw))
        else:
            at = self.plan.index.content_end(self.last()[-1])
            self._put(at, path, data, raw, before=False)

    def _put(
        self, at: int, path: Path, data: dict[str, Any], raw: str | None, *, before: bool
    ) -> None:
        if raw is None and self.plan.index.defined_above(path):
            raise Unusual(f"layout of {path}")
        style = self.style(self.sibling)
        self.plan.texts.insert(
            at, path, data, style, array=self.array, blank=self.blank(), before=before, raw=raw
        )

    def anchor(self, members: Callable[[], list[int]], key: Any) -> None:
        """A table kept in place (its headers, when asked): later insertions go after it."""
        self.sibling = key
        if self.pending:
            self._flush(self.plan.index.lead_start(members()[0]), before=True)
        self.last = members

    def finish(self) -> None:
        if self.pending:
            at, before = self.fallback()
            self._flush(at, before=before)

    def _flush(self, at: int, *, before: bool) -> None:
        for path, data, raw in self.pending:
            self._put(at, path, data, raw, before=before)
        self.pending = []


def fallback_place(plan: Planner, first: list[int] | None) -> tuple[int, bool]:
    """Above the first old table of a sequence, else at the end of the file."""
    if first:
        return plan.index.lead_start(first[0]), True
    return plan.end_of_file(), False
