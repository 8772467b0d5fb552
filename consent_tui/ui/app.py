"""The editor application: file actions, the editor screen, keys and theme.

``ConsentApp(session)`` edits an open session; ``ConsentApp()`` shows the start
screen (the file actions open what the user picks and call
:meth:`ConsentApp.show_session`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from consent_tui.core.session import Session
from consent_tui.ui import config
from consent_tui.ui.commands import editor_commands
from consent_tui.ui.file_actions import FileActions
from consent_tui.ui.keys import unknown_binding_ids
from consent_tui.ui.open_request import OpenRequest
from consent_tui.ui.screens.editor import EditorScreen
from consent_tui.ui.text import visible

if TYPE_CHECKING:
    from textual.command import Provider

STYLES = Path(__file__).parent / "styles"


def _mixin_bindings() -> list[BindingType]:
    """The file bindings, when Textual does not merge them itself (a plain mixin)."""
    from textual.dom import DOMNode

    if issubclass(FileActions, DOMNode):
        return []
    return list(FileActions.__dict__.get("BINDINGS", []))


def _jump_provider() -> type[Provider]:
    """The palette's jump provider, imported when the palette first opens."""
    from consent_tui.ui.jump import JumpProvider

    return JumpProvider


class ConsentApp(FileActions, App[None]):
    """consent-tui's editor."""

    TITLE = "consent-tui"
    CSS_PATH: ClassVar[list[str | PurePath]] = [*sorted(STYLES.glob("*.tcss"))]
    COMMANDS = App.COMMANDS | {_jump_provider}
    BINDINGS: ClassVar[list[BindingType]] = [
        *_mixin_bindings(),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            id="app.palette",
            show=False,
            priority=True,
            tooltip="Every action, and jump to anything by name",
        ),
    ]

    def __init__(self, session: Session | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.session = session
        if session is None and path is not None:
            self.startup = OpenRequest(Path(path))
        self.config = config.load()
        self._theme_ready = False

    def on_mount(self) -> None:
        self._apply_config()

    def _apply_config(self) -> None:
        cfg = self.config
        problems = list(cfg.problems)
        if cfg.keys:
            self.set_keymap(cfg.keys)
            unknown = unknown_binding_ids(cfg.keys, type(self))
            if unknown:
                problems.append("unknown binding ids in [keys]: " + ", ".join(unknown))
        if cfg.theme:
            if cfg.theme in self.available_themes:
                self.theme = cfg.theme
            else:
                problems.append(f"unknown theme {cfg.theme!r}; using {self.theme!r}")
        for problem in problems:
            self.notify(
                visible(problem), title="Config file", severity="warning", markup=False, timeout=8
            )
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        problem = config.save_theme(theme.name)
        if problem:
            self.notify(
                visible(problem), title="Theme not remembered", severity="warning", markup=False
            )

    # -- the open catalogue

    def show_session(self, session: Session) -> None:
        """Show ``session`` in a fresh editor screen (replacing the previous one)."""
        editor = EditorScreen(session)
        stack = self.screen_stack
        if any(isinstance(s, EditorScreen) for s in stack):
            while not isinstance(self.screen, EditorScreen):
                self.pop_screen()
            self.switch_screen(editor)
        else:
            self.push_screen(editor)

    @property
    def editor(self) -> EditorScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, EditorScreen):
                return screen
        return None

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from editor_commands(screen)
        yield from super().get_system_commands(screen)
