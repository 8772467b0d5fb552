"""Small modal questions about the file: unsaved changes on quit, changed on disk.

Each dialog is a ``ModalScreen[str]`` whose result is the chosen value
(``"save"``, ``"discard"``, ``"cancel"`` ...). Every choice is a button and a
key (the underlined letter); escape always means the safe answer. File names
are shown literally, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from consent_tui.ui.text import plain


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer: its result value, button label, access key and look."""

    value: str
    label: str
    key: str
    variant: str = "default"

    def button_label(self) -> Content:
        """The label with its access key underlined (when the key is in it)."""
        at = self.label.lower().find(self.key)
        label = Content(self.label)
        return label.stylize("underline", at, at + 1) if at >= 0 else label


class ChoiceDialog(ModalScreen[str]):
    """A question with a few answers; escape gives ``cancel_value``."""

    DEFAULT_CSS = """
    ChoiceDialog {
        align: center middle;
        background: $background 60%;
    }
    ChoiceDialog > #dialog {
        width: 76;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        border-title-style: bold;
        background: $surface;
        padding: 1 2 0 2;
    }
    ChoiceDialog.-warning > #dialog { border: thick $warning; }
    ChoiceDialog #message { width: 1fr; }
    ChoiceDialog .note { color: $text-muted; margin-top: 1; }
    ChoiceDialog #buttons {
        height: auto;
        width: 1fr;
        align-horizontal: right;
        margin-top: 1;
    }
    ChoiceDialog #buttons Button { margin-left: 2; min-width: 12; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    title_text = "Question"
    choices: tuple[Choice, ...] = ()
    cancel_value = "cancel"
    default_value = "cancel"

    def __init__(self, message: str, notes: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.message = message
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content(self.title_text)
            yield Static(plain(self.message), id="message")
            for note in self.notes:
                yield Static(plain(note), classes="note")
            yield from self.compose_body()
            with Horizontal(id="buttons"):
                for choice in self.choices:
                    yield Button(
                        choice.button_label(),
                        variant=choice.variant,  # type: ignore[arg-type]
                        id=f"choice-{choice.value}",
                    )

    def compose_body(self) -> ComposeResult:
        """Extra content between the message and the buttons."""
        yield from ()

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.default_value}", Button).focus()

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button_id = event.button.id or ""
        self.dismiss(button_id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_value)


class QuitDialog(ChoiceDialog):
    """Quitting with unsaved changes: save, discard or cancel."""

    title_text = "Unsaved changes"
    choices: tuple[Choice, ...] = (
        Choice("save", "Save", "s", "primary"),
        Choice("discard", "Discard", "d", "error"),
        Choice("cancel", "Cancel", "c"),
    )
    default_value = "save"

    def __init__(self, name: str, *, leaving: str = "quitting") -> None:
        verb = "quits" if leaving == "quitting" else "goes on"
        super().__init__(
            f"{name} has unsaved changes. Save them before {leaving}?",
            (f"Discard {verb} without saving and removes the recovery copy.",),
        )


class ReplaceDialog(ChoiceDialog):
    """Saving under the name of a file that exists: replace it or cancel."""

    title_text = "Replace the file?"
    choices: tuple[Choice, ...] = (
        Choice("replace", "Replace", "r", "error"),
        Choice("cancel", "Cancel", "c"),
    )
    default_value = "cancel"

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} already exists. Replace it with this catalogue?")


class ChangedOnDiskDialog(ChoiceDialog):
    """Saving over a file someone else changed: reload, overwrite or cancel."""

    title_text = "File changed on disk"
    choices: tuple[Choice, ...] = (
        Choice("reload", "Reload", "r", "primary"),
        Choice("overwrite", "Overwrite", "o", "error"),
        Choice("cancel", "Cancel", "c"),
    )
    default_value = "cancel"

    def __init__(self, name: str, *, deleted: bool = False, undone_reload: bool = False) -> None:
        notes: tuple[str, ...]
        if undone_reload:
            message = (
                f"This version of {name} is from before you reloaded it: saving it replaces "
                "the changes another program made."
            )
            notes = (
                "Overwrite replaces them with this version.",
                "Cancel, then redo (ctrl+y), to get their changes back.",
            )
            self.choices = tuple(c for c in self.choices if c.value != "reload")
        elif deleted:
            message = f"{name} was deleted or moved since you opened it."
            notes = ("Overwrite writes your version to it again.",)
            self.choices = tuple(c for c in self.choices if c.value != "reload")
        else:
            message = f"{name} changed on disk since you opened it (another program saved it)."
            notes = (
                "Reload reads the file again; your changes stay one undo away (ctrl+z) "
                "and are kept as a recovery copy.",
                "Overwrite replaces the file with your version.",
            )
        super().__init__(message, notes)

    def on_mount(self) -> None:
        self.add_class("-warning")
        super().on_mount()
