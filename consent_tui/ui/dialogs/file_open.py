"""Open a catalogue (ctrl+o): type a path (with completion) or pick a recent file.

A path that does not exist yet is accepted: it becomes a new catalogue made
from the starter and written on the first save. The result is the chosen path,
or ``None`` when the dialog is cancelled.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from consent_tui.core.session import recent
from consent_tui.ui.dialogs.file_recovery import ago
from consent_tui.ui.text import visible

MAX_ENTRIES = 2000


def display_path(path: Path) -> str:
    """``path`` with the home folder shortened to ``~``."""
    home = str(Path.home())
    text = str(path)
    if home not in ("", "/") and (text == home or text.startswith(home + os.sep)):
        return "~" + text[len(home) :]
    return text


def recent_option(entry: recent.RecentFile, now: float) -> Option:
    """A recent file as a list entry: name, folder, and when it was opened."""
    prompt = Content.assemble(
        (visible(entry.path.name), "bold"),
        "  ",
        (visible(display_path(entry.path.parent)), "$text-muted"),
        "  ",
        (ago(now - entry.opened) if entry.opened else "", "$text-muted italic"),
    )
    return Option(prompt, id=str(entry.path))


class PathSuggester(Suggester):
    """Completes the last part of a path from the folder's entries (folders end in /)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        head, sep, prefix = value.rpartition(os.sep)
        folder = Path(os.path.expanduser(head + sep)) if sep else Path(".")
        try:
            with os.scandir(folder) as entries:
                names = []
                for n, entry in enumerate(entries):
                    if n > MAX_ENTRIES:
                        break
                    if entry.name.startswith(prefix) and not entry.name.startswith("."):
                        is_dir = entry.is_dir()
                        if is_dir or entry.name.endswith(".toml"):
                            names.append(entry.name + (os.sep if is_dir else ""))
        except OSError:
            return None
        if not names or (prefix == "" and len(names) > 1):
            return None
        best = sorted(names, key=lambda name: (not name.endswith(".toml"), name))[0]
        return value[: len(value) - len(prefix)] + best


def check_path(value: str, base: Path) -> tuple[Path | None, str, bool]:
    """The path typed (relative to ``base``), a one-line hint, and whether it is an error."""
    if not value.strip():
        return None, "Type the path of a catalogue, or pick a recent file below.", False
    path = Path(os.path.expanduser(value.strip()))
    if not path.is_absolute():
        path = base / path
    if path.is_dir():
        if value.endswith(os.sep):
            hint = "Type the file name (→ accepts a completion), or pick a recent file."
            return None, hint, False
        return None, "That is a folder: add / and the file name.", True
    if value.endswith(os.sep) or not path.parent.is_dir():
        folder = path if value.endswith(os.sep) else path.parent
        return None, f"The folder {display_path(folder)} does not exist.", True
    if path.exists():
        return path, "Opens this catalogue.", False
    return path, "New file: a starter catalogue is created, written when you save.", False


class OpenDialog(ModalScreen[Path | None]):
    """Choose a catalogue to open (or create)."""

    DEFAULT_CSS = """
    OpenDialog { align: center middle; background: $background 60%; }
    OpenDialog > #dialog {
        width: 100;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        border-title-style: bold;
        background: $surface;
        padding: 1 2 0 2;
    }
    OpenDialog Label { margin-top: 1; text-style: bold; }
    OpenDialog #hint { color: $text-muted; padding-left: 1; }
    OpenDialog #hint.-error { color: $text-error; }
    OpenDialog #recent { height: auto; max-height: 14; border: round $panel; }
    OpenDialog #recent:focus { border: round $primary; }
    OpenDialog #buttons { height: auto; align-horizontal: right; margin-top: 1; }
    OpenDialog #buttons Button { margin-left: 2; min-width: 12; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("down", "to_recent", show=False),
    ]

    def __init__(
        self,
        *,
        base: Path | None = None,
        title: str = "Open a catalogue",
        now: float | None = None,
    ) -> None:
        super().__init__()
        self.now = now
        self.base = base or Path.cwd()
        self.title_text = title
        self.recent_files = recent.load()

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content(self.title_text)
            yield Label("File", classes="first")
            start = display_path(self.base) + os.sep
            yield Input(start, id="path", suggester=PathSuggester(), select_on_focus=False)
            yield Static(Content(""), id="hint")
            yield Label("Recent files")
            now = time.time() if self.now is None else self.now
            options = [recent_option(entry, now) for entry in self.recent_files]
            if not options:
                empty = Content("No recent files yet.").stylize("$text-muted")
                options = [Option(empty, disabled=True)]
            yield OptionList(*options, id="recent")
            with Horizontal(id="buttons"):
                yield Button("Open", variant="primary", id="open")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()
        self._update_hint(self.query_one("#path", Input).value)

    def _update_hint(self, value: str) -> Path | None:
        path, hint, error = check_path(value, Path.cwd())
        widget = self.query_one("#hint", Static)
        widget.update(Content(visible(hint)))
        widget.set_class(error, "-error")
        return path

    @on(Input.Changed, "#path")
    def _path_changed(self, event: Input.Changed) -> None:
        self._update_hint(event.value)

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        path = self._update_hint(self.query_one("#path", Input).value)
        if path is not None:
            self.dismiss(path)
        else:
            self.query_one("#path", Input).focus()

    @on(OptionList.OptionSelected, "#recent")
    def _pick(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(Path(event.option.id))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_to_recent(self) -> None:
        if self.query_one("#path", Input).has_focus and self.recent_files:
            self.query_one("#recent", OptionList).focus()
