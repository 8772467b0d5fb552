"""Saving the open catalogue: save, save as, the changed-on-disk question, reload.

The second part of the :class:`~consent_tui.ui.file_actions.FileActions`
mixin. Saving goes through ``Session.save`` (the store: atomic, comments and
layout kept); every failure is a notification naming the file, never a
traceback, and leaves the work in memory and in the recovery copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from consent_tui.core.errors import CatalogueError, ChangedOnDiskError
from consent_tui.core.session import recent, recovery
from consent_tui.ui.file_opening import FileOpening
from consent_tui.ui.text import visible


class FileSaving(FileOpening):
    """Save, save as and reload (a mixin of the editor app)."""

    def action_save(self) -> None:
        self.save_session()

    def save_session(self, *, force: bool = False, then: Callable[[], None] | None = None) -> None:
        """Save; ask when the file changed on disk; run ``then`` after a successful save."""
        session = self.session
        app = self._app
        if session is None:
            return
        if not (force or session.dirty or session.is_new or session.changed_on_disk()):
            app.notify(f"No changes to save: {visible(session.name)} is up to date.", markup=False)
            if then is not None:
                then()
            return
        try:
            session.save(force=force)
        except ChangedOnDiskError:
            from consent_tui.ui.dialogs.file_choice import ChangedOnDiskDialog

            def answer(choice: str | None) -> None:
                if choice == "reload":
                    self.reload_session()
                elif choice == "overwrite":
                    self.save_session(force=True, then=then)

            deleted = session.path is not None and not session.path.exists()
            undone = session.overwrites_disk_changes
            dialog = ChangedOnDiskDialog(session.name, deleted=deleted, undone_reload=undone)
            app.push_screen(dialog, answer)
            return
        except (CatalogueError, OSError) as exc:
            app.notify(
                visible(str(exc)), title="Not saved", severity="error", markup=False, timeout=10
            )
            return
        if session.path is not None:
            recovery.discard(session.path, kept=False)
            recent.add(session.path)
        app.notify(f"Saved {visible(session.name)}", markup=False)
        if then is not None:
            then()

    def action_save_as(self) -> None:
        """Save to another file, which becomes the open one."""
        from consent_tui.ui.dialogs.file_choice import ReplaceDialog
        from consent_tui.ui.dialogs.file_open import OpenDialog

        session = self.session
        if session is None:
            return
        base = session.path.parent if session.path else None

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if path.exists() and path != session.path:

                def confirmed(choice: str | None) -> None:
                    if choice == "replace":
                        self._save_as(path)

                self._app.push_screen(ReplaceDialog(str(path)), confirmed)
            else:
                self._save_as(path)

        self._app.push_screen(OpenDialog(base=base, title="Save as"), chosen)

    def _save_as(self, path: Path) -> None:
        session = self.session
        assert session is not None
        old = session.path
        try:
            session.save(path=path, force=True)
        except (CatalogueError, OSError) as exc:
            self._app.notify(
                visible(str(exc)), title="Not saved", severity="error", markup=False, timeout=10
            )
            return
        if old is not None and old != path:
            recovery.discard(old, kept=False)
        self.lock_file(path)
        recent.add(path)
        self._app.notify(f"Saved as {visible(str(path))}", markup=False)

    def reload_session(self) -> None:
        """Read the file again; the in-memory version is kept (undo, recovery copy)."""
        session = self.session
        app = self._app
        if session is None or session.path is None:
            return
        kept = None
        if session.dirty:
            self.write_recovery_now()
            kept = recovery.keep(session.path)
        try:
            session.reload()
        except CatalogueError as exc:
            app.notify(visible(str(exc)), title="Cannot reload", severity="error", markup=False)
            return
        note = " Your version is one undo away (ctrl+z)"
        note += " and kept as a recovery copy." if kept else "."
        app.notify(f"Reloaded {visible(session.name)} from disk.{note}", markup=False)
