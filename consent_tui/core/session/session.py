"""An editing session: the open file, the current catalogue, undo and redo.

Pure Python (no UI): the editor holds one :class:`Session` and replaces the
catalogue through :meth:`Session.apply`; every version is kept for undo, and
unchanged parts are shared between versions, so history is cheap.

``dirty`` compares the current catalogue with the last saved one, so undoing
every change clears it again. A session whose text is not on disk yet (a new
file from the template, or raw text fixed after a parse error) starts dirty
or ``is_new``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from consent_tui.core import store
from consent_tui.core.errors import ChangedOnDiskError
from consent_tui.core.fileio import remove_stale_temps
from consent_tui.core.model import Catalogue

Listener = Callable[["Session"], None]


@dataclass(frozen=True, slots=True)
class Change:
    """One step of history: the catalogue after a change, and its label."""

    catalogue: Catalogue
    label: str


class Session:
    """The open catalogue: what is on disk, what is in memory, and the history."""

    def __init__(
        self, document: store.Document, *, history_limit: int = 500, unsaved: bool = False
    ) -> None:
        self.document = document
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._current = document.catalogue
        self._saved = document.catalogue
        self._unsaved_text = unsaved
        self._dirty = unsaved
        self._limit = history_limit
        self._listeners: list[Listener] = []
        # Undo depths right after each "Reload from disk", and whether an edit was made on a
        # version from before a reload: saving such a version overwrites what another program
        # wrote, so it needs the user's go-ahead like any change on disk.
        self._reload_depths: list[int] = []
        self._undid_reload = False

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Session:
        """Load ``path``; raises :class:`~consent_tui.core.errors.CatalogueError`.

        Temporary files that a save killed midway left beside it are removed.
        """
        session = cls(store.load(path))
        remove_stale_temps(Path(path))
        return session

    @classmethod
    def from_text(cls, text: str, path: str | os.PathLike[str]) -> Session:
        """A session for ``text`` that is meant for ``path`` but not written there yet."""
        document = store.from_text(text, path)
        on_disk = Path(path).exists()
        if on_disk:  # the text replaces the file: keep its fingerprint for the disk check
            document = _with_disk_fingerprint(document)
        return cls(document, unsaved=on_disk)

    # -- state

    @property
    def catalogue(self) -> Catalogue:
        return self._current

    @property
    def saved_catalogue(self) -> Catalogue:
        """The catalogue as it was last loaded or saved."""
        return self._saved

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def dirty(self) -> bool:
        """True while the catalogue differs from what was last loaded or saved."""
        return self._dirty

    @property
    def is_new(self) -> bool:
        """True while the file does not exist yet (it is written on the first save)."""
        path = self.path
        return path is not None and self.document.fingerprint is None and not path.exists()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(session)`` after every change, undo, redo, save or reload."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self) -> None:
        current, saved = self._current, self._saved
        # Unchanged parts are shared, so equality stops early on identical subtrees.
        self._dirty = self._unsaved_text or (current is not saved and current != saved)
        for listener in list(self._listeners):
            listener(self)

    # -- history

    def apply(self, catalogue: Catalogue, label: str) -> None:
        """Make ``catalogue`` current; ``label`` names the change ("Edit sessionid")."""
        if catalogue is self._current:
            return
        if self._predates_reload():
            self._undid_reload = True
            self._reload_depths.clear()
        self._undo.append(Change(self._current, label))
        self._trim()
        self._redo.clear()
        self._current = catalogue
        self._notify()

    def _trim(self) -> None:
        excess = len(self._undo) - self._limit
        if excess > 0:
            del self._undo[:excess]
            self._reload_depths = [d - excess for d in self._reload_depths if d - excess > 0]

    def _predates_reload(self) -> bool:
        return bool(self._reload_depths) and len(self._undo) < self._reload_depths[-1]

    @property
    def overwrites_disk_changes(self) -> bool:
        """True when the current version comes from before a reload of another program's changes.

        Undoing past "Reload from disk" brings back the version the other
        program's changes replaced; :meth:`save` then refuses, like a change on
        disk, unless forced.
        """
        return self._undid_reload or self._predates_reload()

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

    def save(self, *, force: bool = False, path: str | os.PathLike[str] | None = None) -> None:
        """Save through the store; raises ``ChangedOnDiskError`` / ``SaveError``.

        ``path`` saves to another file, which then becomes the session's file.
        A version from before a reload (see :attr:`overwrites_disk_changes`) is
        refused with ``ChangedOnDiskError`` unless ``force``.
        """
        if not force and path is None and self.overwrites_disk_changes:
            raise ChangedOnDiskError(
                "this version undoes the reload of changes another program made to the file; "
                "saving it overwrites them (save anyway to do so, or redo to get them back)",
                path=str(self.path),
            )
        self.document = store.save(self.document, self._current, force=force, path=path)
        self._saved = self._current
        self._unsaved_text = False
        self._reload_depths.clear()
        self._undid_reload = False
        self._notify()

    def reload(self) -> None:
        """Read the file again; the in-memory version stays one undo away.

        Raises :class:`~consent_tui.core.errors.CatalogueError` (and changes
        nothing) when the file cannot be read or parsed.
        """
        if self.path is None:
            raise ValueError("this session has no file to reload")
        document = store.load(self.path)
        if self._current is not document.catalogue:
            self._undo.append(Change(self._current, "Reload from disk"))
            self._trim()
            self._reload_depths.append(len(self._undo))
        self._undid_reload = False
        self._redo.clear()
        self.document = document
        self._current = self._saved = document.catalogue
        self._unsaved_text = False
        self._notify()

    def changed_on_disk(self) -> bool:
        """True when the file no longer matches what was loaded or saved."""
        fingerprint = self.document.fingerprint
        if self.path is None:
            return False
        if fingerprint is None:
            return self.path.exists() and not self._unsaved_text
        try:
            data = self.path.read_bytes()
        except OSError:
            return True
        return store.Fingerprint.of(self.path, data).sha256 != fingerprint.sha256

    def render(self) -> str:
        """The text a save would write now (see :func:`recovery_text`)."""
        return recovery_text(self.document, self._current)


def recovery_text(document: store.Document, catalogue: Catalogue) -> str:
    """The file's text for ``catalogue``: the store's rendering, else a plain dump.

    The plain dump loses comments and layout but never the data; it is what a
    recovery copy holds when the store cannot render (a bug must not lose work).
    """
    try:
        return store.render(document, catalogue)
    except Exception:
        import tomlkit

        from consent_tui.core.store import to_data

        return tomlkit.dumps(to_data(catalogue))


def _with_disk_fingerprint(document: store.Document) -> store.Document:
    path = document.path
    assert path is not None
    try:
        data = path.read_bytes()
        fingerprint = store.Fingerprint.of(path, data)
    except OSError:
        return document
    return store.Document(path, document.text, document.catalogue, fingerprint)
