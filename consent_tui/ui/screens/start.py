"""The start screen of ``consent-tui`` run without a file.

Recent files (with a mark when unsaved work waits for them), unsaved work of
files not in the list, a new catalogue, any file, or the bundled example. The
result is an :class:`OpenRequest`, or ``None`` to quit.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from consent_tui import __version__
from consent_tui.core.session import recent, recovery, starter
from consent_tui.ui.dialogs.file_open import OpenDialog, display_path
from consent_tui.ui.dialogs.file_recovery import ago
from consent_tui.ui.open_request import OpenRequest as OpenRequest
from consent_tui.ui.text import visible

EXAMPLE_COPY = "opendatasoft-example.toml"


def file_option(path: Path, note: str, *, unsaved: bool = False) -> Option:
    parts: list[str | tuple[str, str]] = [
        (visible(path.name), "bold"),
        "  ",
        (visible(display_path(path.parent)), "$text-muted"),
        "  ",
        (note, "$text-muted italic"),
    ]
    if unsaved:
        parts += ["  ", ("● unsaved work", "$text-warning")]
    return Option(Content.assemble(*parts), id=str(path))


class StartScreen(Screen["OpenRequest | None"]):
    """Pick what to open."""

    DEFAULT_CSS = """
    StartScreen { align: center top; }
    StartScreen #start {
        width: 100; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
    }
    StartScreen #brand { text-style: bold; color: $primary; }
    StartScreen #tagline { color: $text-muted; margin-bottom: 1; }
    StartScreen Label { text-style: bold; margin-top: 1; }
    StartScreen OptionList { height: auto; max-height: 14; border: round $panel; }
    StartScreen OptionList:focus { border: round $primary; }
    StartScreen #actions { height: auto; margin-top: 1; }
    StartScreen #actions Button { margin-right: 2; }
    StartScreen #none { color: $text-muted; padding-left: 1; }
    StartScreen #tip { color: $text-muted; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New catalogue", id="start.new"),
        Binding("o", "open", "Open a file", id="start.open"),
        Binding("e", "example", "Open the example", id="start.example"),
        Binding("q", "quit_start", "Quit", id="start.quit", show=False),
    ]

    def __init__(self, *, now: float | None = None) -> None:
        super().__init__()
        self.now = now
        self.recent_files = recent.load()
        self.unsaved = {c.source for c in recovery.all_copies() if c.source is not None}

    def compose(self) -> ComposeResult:
        now = time.time() if self.now is None else self.now
        with VerticalScroll(id="start"):
            yield Static(Content(f"consent-tui {__version__}"), id="brand")
            yield Static(
                Content("Edit, check and publish the cookie catalogue of your website."),
                id="tagline",
            )
            listed = {entry.path for entry in self.recent_files}
            yield Label("Recent files")
            if self.recent_files:
                options = [
                    file_option(e.path, ago(now - e.opened), unsaved=e.path in self.unsaved)
                    for e in self.recent_files
                ]
                yield OptionList(*options, id="recent")
            else:
                yield Static(Content("No recent files yet."), id="none")
            others = sorted(p for p in self.unsaved if p not in listed)
            if others:
                yield Label("Unsaved work of other files")
                yield OptionList(*(file_option(p, "", unsaved=True) for p in others), id="unsaved")
            with Horizontal(id="actions"):
                yield Button(self._label("New catalogue…", 0), id="new", variant="primary")
                yield Button(self._label("Open a file…", 0), id="open")
                yield Button(self._label("Open the example", 9), id="example")
                yield Button(self._label("Quit", 0), id="quit")
            yield Static(
                Content.assemble(
                    "Tip: ",
                    ("consent-tui FILE", "bold"),
                    " opens a catalogue directly; ",
                    ("consent-tui --help", "bold"),
                    " lists the other commands.",
                ),
                id="tip",
            )
        yield Footer()

    @staticmethod
    def _label(text: str, key_at: int) -> Content:
        return Content(text).stylize("underline", key_at, key_at + 1)

    def on_mount(self) -> None:
        lists = self.query(OptionList)
        if lists:
            lists.first().focus()
        else:
            self.query_one("#new", Button).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(OpenRequest(Path(event.option.id)))

    @on(Button.Pressed, "#new")
    def action_new(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.dismiss(OpenRequest(path))

        self.app.push_screen(OpenDialog(title="New catalogue: where to save it"), chosen)

    @on(Button.Pressed, "#open")
    def action_open(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.dismiss(OpenRequest(path))

        self.app.push_screen(OpenDialog(), chosen)

    @on(Button.Pressed, "#example")
    def action_example(self) -> None:
        """Open a copy of the example in the current folder (written when saved)."""
        source = starter.example()
        if source is None:
            self.notify("The bundled example is missing from this installation.", severity="error")
            return
        target = Path.cwd() / EXAMPLE_COPY
        if target.exists():
            self.dismiss(OpenRequest(target))
        else:
            self.dismiss(OpenRequest(target, source.read_text(encoding="utf-8")))

    @on(Button.Pressed, "#quit")
    def action_quit_start(self) -> None:
        self.dismiss(None)
