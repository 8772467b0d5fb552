"""File actions of the editor (save, open, quit guard, recovery).

A placeholder owned by the session engineer, who replaces its body. The
editor's ``ConsentApp`` inherits :class:`FileActions`; when this class is not a
Textual ``DOMNode`` its ``BINDINGS`` are merged by ``ConsentApp`` explicitly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

if TYPE_CHECKING:
    from consent_tui.core.session import Session


class FileActions:
    """Bindings and actions that deal with the file on disk."""

    BINDINGS: list[Binding] = [
        Binding("ctrl+s", "save", "Save", id="save", tooltip="Save the catalogue to its file"),
    ]

    session: Session | None

    def action_save(self) -> None:
        """Save through the store and say so."""
        app: Any = self
        if self.session is None:
            return
        try:
            self.session.save()
        except Exception as exc:  # the session engineer replaces this with real dialogs
            app.notify(str(exc), title="Not saved", severity="error", markup=False)
            return
        app.notify(f"Saved {self.session.document.name}", markup=False)
