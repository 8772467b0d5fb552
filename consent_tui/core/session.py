"""An editing session: the open file, the current catalogue, undo and redo.

Pure Python (no UI): the editor holds one :class:`Session` and replaces the
catalogue through :meth:`Session.apply`; every version is kept for undo, and
unchanged parts are shared between versions, so history is cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from consent_tui.core import store
from consent_tui.core.model import Catalogue

Listener = Callable[["Session"], None]


@dataclass(frozen=True, slots=True)
class Change:
    """One step of history: the catalogue after a change, and its label."""

    catalogue: Catalogue
    label: str


class Session:
    """The open catalogue: what is on disk, what is in memory, and the history."""

    def __init__(self, document: store.Document, *, history_limit: int = 500) -> None:
        self.document = document
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._current = document.catalogue
        self._saved = document.catalogue
        self._limit = history_limit
        self._listeners: list[Listener] = []

    # -- state

    @property
    def catalogue(self) -> Catalogue:
        return self._current

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def dirty(self) -> bool:
        """True while the catalogue differs from what was last loaded or saved."""
        return self._current is not self._saved

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(session)`` after every change, undo, redo, save or reload."""
        self._listeners.append(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener(self)

    # -- history

    def apply(self, catalogue: Catalogue, label: str) -> None:
        """Make ``catalogue`` current; ``label`` names the change ("Edit sessionid")."""
        if catalogue is self._current:
            return
        self._undo.append(Change(self._current, label))
        del self._undo[: -self._limit]
        self._redo.clear()
        self._current = catalogue
        self._notify()

    def undo(self) -> str | None:
        """Step back; returns the label of the undone change, or ``None``."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(Change(self._current, step.label))
        self._current = step.catalogue
        self._notify()
        return step.label

    def redo(self) -> str | None:
        """Step forward again; returns the label of the redone change, or ``None``."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(Change(self._current, step.label))
        self._current = step.catalogue
        self._notify()
        return step.label

    # -- disk

    def save(self, *, force: bool = False) -> None:
        """Save through the store; raises ``ChangedOnDiskError`` / ``SaveError``."""
        self.document = store.save(self.document, self._current, force=force)
        self._saved = self._current
        self._notify()
