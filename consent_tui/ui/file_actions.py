"""File actions of the editor: open, save, quit guard, recovery, start screen.

:class:`FileActions` is a mixin the editor's ``ConsentApp`` inherits, listed
*before* ``App`` so that its ``action_quit`` replaces Textual's. It is not a
``DOMNode``, so ``ConsentApp`` merges :data:`FILE_BINDINGS` into its own
``BINDINGS``. Textual calls the mixin's ``_on_mount``/``_on_unmount`` besides
the app's own handlers (handlers are looked up class by class along the MRO).

What the app provides: the ``session`` attribute (``None`` until a file is
open) and ``show_session(session)``, called after a session is opened or
replaced, to rebuild the views. ``ui.launch`` makes the app for a path (or the
start screen), runs it and returns the exit code.

The mixin is built in layers: ``file_opening`` (open, recovery offer),
``file_saving`` (save, save as, reload), and this module (keys, quit guard,
command palette, signals and crashes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text as RichText
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from consent_tui.core.session import recovery
from consent_tui.ui.file_saving import FileSaving
from consent_tui.ui.file_signals import SignalGuard, crash_log, write_crash_log
from consent_tui.ui.open_request import OpenRequest
from consent_tui.ui.text import visible

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


class FileActions(FileSaving):
    """Bindings and actions that deal with the file on disk."""

    BINDINGS: ClassVar[list[BindingType]] = FILE_BINDINGS

    _signals: SignalGuard | None = None
    #: Set after a crash: what happened and where the work and the details are.
    crash_message: str | None = None
    #: ``run_editor`` prints ``crash_message`` itself, after the terminal is restored.
    print_crash_message = False

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

    # -- opening

    def action_open(self) -> None:
        """Ask for a file and open it (after the quit guard's questions)."""
        from consent_tui.ui.dialogs.file_open import OpenDialog

        base = self.session.path.parent if self.session and self.session.path else None

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._leave_then(
                    lambda: self.open_request(OpenRequest(path)), "opening another file"
                )

        self._app.push_screen(OpenDialog(base=base), chosen)

    # -- quitting

    async def action_quit(self) -> None:
        """Quit; with unsaved changes ask first (save, discard, cancel)."""
        self._leave_then(self._quit_now)

    def _leave_then(self, proceed: Callable[[], None], leaving: str = "quitting") -> None:
        """Run ``proceed`` once the open work is saved or discarded (or there is none)."""
        from consent_tui.ui.dialogs.file_choice import QuitDialog

        app = self._app
        screen = app.screen
        if isinstance(screen, QuitDialog):
            return
        if getattr(screen, "raw_text_modified", False):  # the parse-error screen's raw text
            from consent_tui.ui.dialogs.file_parse_error import ParseErrorScreen

            assert isinstance(screen, ParseErrorScreen)

            def raw_answer(choice: str | None) -> None:
                if choice == "save":
                    screen.action_save_text()
                    if not screen.modified:
                        proceed()
                elif choice == "discard":
                    proceed()

            app.push_screen(QuitDialog(screen.path.name, leaving=leaving), raw_answer)
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

        app.push_screen(QuitDialog(session.name, leaving=leaving), answer)

    def _quit_now(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._app.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the save keys while no catalogue is open (the start screen)."""
        if action in ("save", "save_as") and self.session is None:
            return False
        return super().check_action(action, parameters)  # type: ignore[misc, no-any-return]

    # -- command palette

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The file commands, then the app's (the editor adds its own before these)."""
        session = self.session
        if session is not None:
            yield SystemCommand("Save", "Save the catalogue to its file (ctrl+s)", self.action_save)
            yield SystemCommand(
                "Save as…", "Save to another file, which becomes the open one", self.action_save_as
            )
            if session.path is not None and session.path.exists():
                yield SystemCommand(
                    "Reload from disk",
                    "Read the file again (your version stays one undo away)",
                    self.reload_session,
                )
        yield SystemCommand("Open…", "Open another catalogue (ctrl+o)", self.action_open)
        yield SystemCommand(
            "New catalogue…", "Start a new catalogue from the starter", self.action_new
        )
        yield from super().get_system_commands(screen)  # type: ignore[misc]

    def action_new(self) -> None:
        """Ask where the new catalogue goes, then open the starter there."""
        from consent_tui.ui.dialogs.file_open import OpenDialog

        base = self.session.path.parent if self.session and self.session.path else None

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._leave_then(
                    lambda: self.open_request(OpenRequest(path)), "starting a new catalogue"
                )

        self._app.push_screen(
            OpenDialog(base=base, title="New catalogue: where to save it"), chosen
        )

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
        if app.is_headless or log is None:
            return
        lines = [f"consent-tui stopped on an unexpected error: {visible(str(error))}"]
        if copy is not None:
            lines.append(f"Your unsaved work is kept in {copy.text_path};")
            lines.append("open the file again to restore it.")
        lines.append(f"The details are in {crash_log()}.")
        # The traceback went to the log; the terminal gets a short, literal message:
        # printed by run_editor after the terminal is restored (whole lines, paths
        # unbroken), or by Textual (wrapped to the width) when run another way.
        self.crash_message = "\n".join(lines)
        app._exit_renderables[:] = (
            [] if self.print_crash_message else [RichText(self.crash_message)]
        )
