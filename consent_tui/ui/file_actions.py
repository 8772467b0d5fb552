"""File actions of the editor: open, save, quit guard, recovery, start screen.

:class:`FileActions` is a mixin the editor's ``ConsentApp`` inherits, listed
*before* ``App`` so that its ``action_quit`` replaces Textual's. It is not a
``DOMNode``, so ``ConsentApp`` merges :data:`FILE_BINDINGS` into its own
``BINDINGS``. Textual calls the mixin's ``_on_mount``/``_on_unmount`` besides
the app's own handlers (handlers are looked up class by class along the MRO).

What the app provides: the ``session`` attribute (``None`` until a file is
open) and ``show_session(session)``, called after a session is opened or
replaced, to rebuild the views. :func:`open_app` makes the app for a path (or
the start screen) and :func:`run_editor` runs it and returns the exit code.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text as RichText
from textual.binding import Binding, BindingType

from consent_tui.core import recent, recovery, starter
from consent_tui.core.errors import CatalogueError, ChangedOnDiskError, ParseError
from consent_tui.core.loader import load_text
from consent_tui.core.recovery_writer import RecoveryWriter
from consent_tui.core.session import Session, recovery_text
from consent_tui.core.store import read_text
from consent_tui.ui.dialogs.file_choice import ChangedOnDiskDialog, QuitDialog
from consent_tui.ui.dialogs.file_open import OpenDialog
from consent_tui.ui.dialogs.file_parse_error import ParseErrorScreen
from consent_tui.ui.dialogs.file_recovery import RecoveryDialog
from consent_tui.ui.file_signals import SignalGuard, crash_log, write_crash_log
from consent_tui.ui.screens.start import OpenRequest, StartScreen
from consent_tui.ui.text import visible

if TYPE_CHECKING:
    from textual.app import App

FILE_BINDINGS: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="file.save", tooltip="Save the catalogue to its file"),
    Binding("ctrl+o", "open", "Open", id="file.open", tooltip="Open another catalogue"),
    Binding(
        "ctrl+q",
        "quit",
        "Quit",
        id="file.quit",
        priority=True,
        tooltip="Quit (asks first when there are unsaved changes)",
    ),
]


class FileActions:
    """Bindings and actions that deal with the file on disk."""

    BINDINGS: ClassVar[list[BindingType]] = FILE_BINDINGS

    session: Session | None
    #: Seconds between an edit and its recovery copy.
    recovery_delay: float = 2.0
    #: What to open when the app starts (set by :func:`open_app`).
    startup: OpenRequest | None = None
    _writer: RecoveryWriter | None = None
    _discarded = False
    _signals: SignalGuard | None = None

    @property
    def _app(self) -> App[Any]:
        return self  # type: ignore[return-value]

    # -- lifecycle

    def _on_mount(self) -> None:
        app = self._app
        if not app.is_headless:
            self._signals = SignalGuard(self._terminated, self.write_recovery_now)
            self._signals.install()
        if getattr(self, "session", None) is None:
            app.call_after_refresh(self._start)
        else:
            assert self.session is not None
            self._adopt(self.session)
            app.call_after_refresh(self._offer_recovery)

    def _on_unmount(self) -> None:
        if self._signals is not None:
            self._signals.restore()

    def _start(self) -> None:
        request, self.startup = self.startup, None
        if request is not None:
            self.open_request(request, at_start=True)
        else:
            self.show_start_screen()

    def show_session(self, session: Session) -> None:
        """Rebuild the views for ``session``: the editor's ``ConsentApp`` overrides this."""

    # -- opening

    def show_start_screen(self) -> None:
        def chosen(request: OpenRequest | None) -> None:
            if request is None:
                self._app.exit()
            else:
                self.open_request(request, at_start=True)

        self._app.push_screen(StartScreen(), chosen)

    def action_open(self) -> None:
        """Ask for a file and open it (after the quit guard's questions)."""
        base = self.session.path.parent if self.session and self.session.path else None

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._leave_then(lambda: self.open_request(OpenRequest(path)))

        self._app.push_screen(OpenDialog(base=base), chosen)

    def open_request(self, request: OpenRequest, *, at_start: bool = False) -> None:
        """Open ``request.path``: the catalogue, a new one, or the parse-error screen."""
        path = request.path.expanduser().absolute()
        try:
            if request.text is not None:
                session = Session.from_text(request.text, path)
            elif path.exists():
                session = Session.open(path)
            else:
                session = Session.from_text(starter.new_catalogue_text(path), path)
        except ParseError as exc:
            self._open_broken(path, exc, at_start)
            return
        except CatalogueError as exc:
            if exc.path is None:
                exc.with_path(str(path))
            text = self._raw_text(path)
            if text is None or not isinstance(exc, CatalogueError) or exc.line is None:
                self._report(exc, "Cannot open the file", at_start)
                return
            self._open_broken(path, exc, at_start)
            return
        self._adopt(session)
        self._offer_recovery()

    def _raw_text(self, path: Path) -> str | None:
        try:
            return read_text(path)[0]
        except CatalogueError:
            try:
                return path.read_bytes().decode("utf-8", errors="replace")
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

        screen = ParseErrorScreen(path, text, error)
        self._app.push_screen(screen, done)
        copy = recovery.pending(path)
        if copy is not None:
            self._offer_copy(path, copy, text, screen)

    def _adopt(self, session: Session) -> None:
        """Make ``session`` the open one: recovery writer, recent files, the views."""
        if self._writer is not None and self._writer.session is not session:
            self._writer.close()
            self._writer = None
        self.session = session
        self._discarded = False
        if self._writer is None:
            self._writer = RecoveryWriter(
                session, delay=self.recovery_delay, on_error=self._recovery_failed
            )
        if session.path is not None and session.path.exists():
            recent.add(session.path)
        self.show_session(session)

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

    # -- saving

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

            def answer(choice: str | None) -> None:
                if choice == "reload":
                    self.reload_session()
                elif choice == "overwrite":
                    self.save_session(force=True, then=then)

            deleted = session.path is not None and not session.path.exists()
            app.push_screen(ChangedOnDiskDialog(session.name, deleted=deleted), answer)
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

    # -- quitting

    async def action_quit(self) -> None:
        """Quit; with unsaved changes ask first (save, discard, cancel)."""
        self._leave_then(self._quit_now)

    def _leave_then(self, proceed: Callable[[], None]) -> None:
        """Run ``proceed`` once the open work is saved or discarded (or there is none)."""
        app = self._app
        screen = app.screen
        if isinstance(screen, QuitDialog):
            return
        if isinstance(screen, ParseErrorScreen) and screen.modified:

            def raw_answer(choice: str | None) -> None:
                if choice == "save":
                    screen.action_save_text()
                    if not screen.modified:
                        proceed()
                elif choice == "discard":
                    proceed()

            app.push_screen(QuitDialog(screen.path.name), raw_answer)
            return
        session = self.session
        if session is None or not session.dirty:
            proceed()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.save_session(then=proceed)
            elif choice == "discard":
                if self._writer is not None:
                    self._writer.close()
                    self._writer = None
                recovery.discard(session.path, kept=False)
                self._discarded = True
                proceed()

        app.push_screen(QuitDialog(session.name), answer)

    def _quit_now(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._app.exit()

    # -- signals and crashes

    def _terminated(self, signum: int) -> None:
        self.write_recovery_now()
        if self._writer is not None:
            self._writer.close()
        self._app.exit(return_code=128 + signum)

    def _handle_exception(self, error: Exception) -> None:
        try:
            session = self.session
            copy = None
            if session is not None and session.dirty:
                copy = self.write_recovery_now() or recovery.read(session.path)
        except Exception:
            copy = None
        log = write_crash_log(error)
        super()._handle_exception(error)  # type: ignore[misc]
        app = self._app
        if not app.is_headless and log is not None:
            lines = [f"consent-tui stopped on an unexpected error: {visible(str(error))}"]
            if copy is not None:
                lines.append(f"Your unsaved work is kept in {copy.text_path};")
                lines.append("open the file again to restore it.")
            lines.append(f"The details are in {crash_log()}.")
            # The traceback went to the log; the terminal gets a short, literal message.
            app._exit_renderables[:] = [RichText("\n".join(lines))]


def open_app(path: str | Path | None) -> App[Any]:
    """The editor app, opening ``path`` (or showing the start screen) when it runs."""
    from consent_tui.ui.app import ConsentApp

    app: Any = ConsentApp(path=Path(path) if path is not None else None)
    return app  # type: ignore[no-any-return]


def run_editor(path: str | Path | None) -> int:
    """Run the editor on ``path``; returns the exit code (128+N after signal N)."""
    app = open_app(path)
    try:
        app.run()
    finally:
        keep_unsaved_work(app)
    return app.return_code or 0


def keep_unsaved_work(app: Any) -> None:
    """After the app stopped: unsaved work the user did not discard goes to recovery."""
    session: Session | None = getattr(app, "session", None)
    if session is None or not session.dirty or getattr(app, "_discarded", False):
        return
    with contextlib.suppress(Exception):
        text = recovery_text(session.document, session.catalogue)
        recovery.write(session.path, text, session.document.fingerprint)
