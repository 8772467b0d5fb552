"""Opening a catalogue in the editor: the file, a new one, a broken one, recovery.

The first part of the :class:`~consent_tui.ui.file_actions.FileActions` mixin:
it turns an :class:`OpenRequest` into a :class:`Session` (or the parse-error
screen), gives the session its recovery writer, and offers recovery copies
(restore, discard, keep for later).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consent_tui.core.errors import CatalogueError, ParseError
from consent_tui.core.fileio import read_limited
from consent_tui.core.session import Session, recent, recovery, starter
from consent_tui.core.session.lock import EditLock
from consent_tui.core.session.recovery_writer import RecoveryWriter
from consent_tui.core.store import MAX_BYTES, load_text, read_text
from consent_tui.ui.open_request import OpenRequest
from consent_tui.ui.text import visible

if TYPE_CHECKING:
    from textual.app import App

    from consent_tui.ui.dialogs.file_parse_error import ParseErrorScreen


class FileOpening:
    """Open files and offer their recovery copies (a mixin of the editor app)."""

    session: Session | None
    #: Seconds between an edit and its recovery copy.
    recovery_delay: float = 2.0
    #: What to open when the app starts (set by :func:`open_app`).
    startup: OpenRequest | None = None
    _writer: RecoveryWriter | None = None
    _lock: EditLock | None = None
    _discarded = False

    @property
    def _app(self) -> App[Any]:
        return self  # type: ignore[return-value]

    def _leave_then(self, proceed: Callable[[], None], leaving: str = "quitting") -> None:
        """Run ``proceed`` once unsaved work is saved or discarded (see FileActions)."""
        proceed()

    def show_start_screen(self) -> None:
        from consent_tui.ui.screens.start import StartScreen

        def chosen(request: OpenRequest | None) -> None:
            if request is None:
                self._app.exit()
            else:
                self.open_request(request, at_start=True)

        self._app.push_screen(StartScreen(), chosen)

    def show_session(self, session: Session) -> None:
        """Rebuild the views for ``session``: the editor's ``ConsentApp`` overrides this."""

    # -- opening

    def open_request(self, request: OpenRequest, *, at_start: bool = False) -> None:
        """Open ``request.path``: the catalogue, a new one, or the parse-error screen."""
        path = request.path.expanduser().absolute()
        try:
            if request.text is not None:
                session = Session.from_text(request.text, path)
            elif os.path.lexists(path):  # a broken or looping link is an error, not a new file
                session = Session.open(path)
            else:
                session = Session.from_text(starter.new_catalogue_text(path), path)
        except ParseError as exc:
            self._open_broken(path, exc, at_start)
            return
        except CatalogueError as exc:  # not a catalogue, unreadable, a folder ...
            if exc.path is None:
                exc.with_path(str(path))
            if path.is_file() and self._raw_text(path) is not None:
                self._open_broken(path, exc, at_start)
            else:
                self._report(exc, "Cannot open the file", at_start)
            return
        self._adopt(session)
        if session.is_new and request.text is None:
            self._app.notify(
                f"{visible(path.name)} does not exist yet: this is a starter catalogue. "
                "ctrl+s creates the file.",
                title="New catalogue",
                markup=False,
                timeout=8,
            )
        self._offer_recovery()

    def _raw_text(self, path: Path) -> str | None:
        try:
            return read_text(path)[0]
        except CatalogueError:
            try:  # not UTF-8: shown with replacement characters, within the size limit
                return read_limited(path, MAX_BYTES).decode("utf-8", errors="replace")
            except OSError:
                return None

    def _report(self, exc: CatalogueError, title: str, at_start: bool) -> None:
        self._app.notify(visible(str(exc)), title=title, severity="error", markup=False, timeout=10)
        if at_start and self.session is None:
            self.show_start_screen()

    def _open_broken(self, path: Path, error: CatalogueError, at_start: bool) -> None:
        text = self._raw_text(path)
        if text is None:
            self._report(error, "Cannot open the file", at_start)
            return

        def done(session: Session | None) -> None:
            if session is not None:
                self._adopt(session)
            elif self.session is None:
                self._app.exit(return_code=2)

        from consent_tui.ui.dialogs.file_parse_error import ParseErrorScreen  # TextArea: lazily

        screen = ParseErrorScreen(path, text, error)
        self._app.push_screen(screen, done)
        copy = recovery.pending(path)
        if copy is not None:
            self._offer_copy(path, copy, text, screen)

    def _adopt(self, session: Session) -> None:
        """Make ``session`` the open one: lock, recovery writer, recent files, the views."""
        if self._writer is not None and self._writer.session is not session:
            self._writer.close()
            self._writer = None
        self.session = session
        self.lock_file(session.path)
        self._discarded = False
        if self._writer is None:
            self._writer = RecoveryWriter(
                session, delay=self.recovery_delay, on_error=self._recovery_failed
            )
        if session.path is not None and session.path.exists():
            recent.add(session.path)
        self.show_session(session)

    def lock_file(self, path: Path | None) -> None:
        """Hold the edit lock of ``path`` (releasing the previous one); warn if another has it."""
        if self._lock is not None:
            if path is not None and self._lock.path == EditLock.path_for(path):
                return
            self._lock.release()
            self._lock = None
        if path is None:
            return
        self._lock, holder = EditLock.take(path)
        if holder is not None:
            who = f" (process {holder.pid})" if holder.pid else ""
            self._app.notify(
                visible(
                    f"{path.name} is already open in another consent-tui{who}. Each keeps "
                    "its own recovery copy; a save that would overwrite the other's saved "
                    "changes asks first."
                ),
                title="Open twice",
                severity="warning",
                markup=False,
                timeout=12,
            )

    def _recovery_failed(self, exc: Exception) -> None:
        message = f"The recovery copy cannot be written: {exc}"
        with contextlib.suppress(RuntimeError):  # from the writer's thread
            self._app.call_from_thread(self._warn, message)
            return
        self._warn(message)

    def _warn(self, message: str) -> None:
        self._app.notify(visible(message), severity="warning", markup=False, timeout=8)

    # -- recovery

    def _offer_recovery(self) -> None:
        session = self.session
        if session is None:
            return
        copy = recovery.pending(session.path)
        if copy is not None:
            self._offer_copy(session.path, copy, None if session.is_new else session.document.text)

    def _offer_copy(
        self,
        path: Path | None,
        copy: recovery.RecoveryCopy,
        text: str | None,
        broken: ParseErrorScreen | None = None,
    ) -> None:
        from consent_tui.ui.dialogs.file_recovery import RecoveryDialog

        name = path.name if path else "untitled.toml"

        def answer(choice: str | None) -> None:
            if choice == "restore":
                self._restore(copy, broken)
            elif choice == "discard":
                recovery.remove(copy)
                if broken is None:
                    self._offer_recovery()  # an older copy may be waiting too
            elif not copy.kept:
                recovery.keep(path)

        self._app.push_screen(RecoveryDialog(copy, name, text), answer)

    def _restore(self, copy: recovery.RecoveryCopy, broken: ParseErrorScreen | None) -> None:
        app = self._app
        path = copy.source
        try:
            text = copy.text()
            if broken is not None:
                broken.dismiss(Session.from_text(text, broken.path))
            else:
                assert self.session is not None
                self.session.apply(load_text(text, str(path)), "Restore unsaved work")
        except (CatalogueError, OSError) as exc:
            app.notify(
                visible(f"The recovery copy cannot be read: {exc}"),
                title="Not restored",
                severity="error",
                markup=False,
            )
            return
        self.write_recovery_now()
        if copy.kept:
            recovery.remove(copy)
        when = time.strftime("%H:%M", time.localtime(copy.saved_at))
        app.notify(f"Restored the unsaved work from {when}. Save it with ctrl+s.", markup=False)

    def write_recovery_now(self) -> recovery.RecoveryCopy | None:
        """Write the recovery copy at once (signals, crashes, before risky steps)."""
        writer = self._writer
        return writer.flush() if writer is not None else None
