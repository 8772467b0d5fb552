"""A yes/no question before deleting, naming what goes and what refers to it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from consent_tui.core.store import Deletion
from consent_tui.ui.text import plain, visible


def describe(info: Deletion, limit: int = 8) -> str:
    """The confirmation text for ``info``."""

    def listing(items: tuple[str, ...]) -> str:
        shown = ", ".join(visible(i) for i in items[:limit])
        more = len(items) - limit
        return shown + (f" and {more} more" if more > 0 else "")

    lines = [f"Delete the {info.kind} {visible(info.name)}?"]
    if info.contains:
        n = len(info.contains)
        lines.append(f"Its {n} cookie{'s' if n != 1 else ''} go with it: {listing(info.contains)}.")
    if info.referred_by:
        one = len(info.referred_by) == 1
        if info.kind == "purpose":
            what = "lists it among its purposes" if one else "list it among their purposes"
            after = "it will be removed from " + ("them" if not one else "it")
        else:
            what = "is in it" if one else "are in it"
            after = ("it" if one else "they") + " will be left without a category"
        services = "1 service" if one else f"{len(info.referred_by)} services"
        lines.append(f"{services} {what}: {listing(info.referred_by)}; {after}.")
    elif info.kind in ("purpose", "category"):
        lines.append("No service refers to it.")
    lines.append("You can undo this with ctrl+z.")
    return "\n".join(lines)


class ConfirmDelete(ModalScreen[bool]):
    """Answers True to delete."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Delete", id="confirm.yes", tooltip="Delete it"),
        Binding("n,escape", "answer(False)", "Keep", id="confirm.no", tooltip="Keep it"),
    ]

    def __init__(self, info: Deletion) -> None:
        super().__init__()
        self.info = info

    def compose(self) -> ComposeResult:
        with Vertical(classes="confirm"):
            yield Static(plain(f"Delete {self.info.kind}"), classes="confirm-title")
            yield Static(plain(describe(self.info), multiline=True), id="confirm-text")
            with Horizontal(classes="confirm-buttons"):
                yield Button("Delete  y", variant="error", id="confirm-yes", compact=True)
                yield Button("Keep  n", id="confirm-no", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm-yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
