"""A view of one kind of entity: a filter line, a grid and a status line.

Each concrete view says which columns it has and how rows are built; the
actions (edit, add, duplicate, delete) are posted upward as a
:class:`TableView.RowAction` message, which the editor screen hands to its
edit flows (they open the forms and apply the result to the session).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from consent_tui.core.model import Catalogue
from consent_tui.ui.guard import guarded
from consent_tui.ui.problems import ProblemIndex
from consent_tui.ui.text import plain
from consent_tui.ui.widgets.grid import Column, Grid, Row

Verb = Literal["edit", "add", "duplicate", "delete"]


class TableView(Vertical):
    """Base of the table views; subclasses set the class variables and ``build_rows``."""

    class RowAction(Message):
        """The user asked to edit, add (after ``key``), duplicate or delete a row."""

        def __init__(self, verb: Verb, kind: str, key: str | None) -> None:
            super().__init__()
            self.verb: Verb = verb
            self.kind = kind
            self.key = key

    KIND: ClassVar[str] = ""
    NOUN: ClassVar[tuple[str, str]] = ("row", "rows")
    TITLE: ClassVar[str] = ""
    COLUMNS: ClassVar[tuple[Column, ...]] = ()
    HELP: ClassVar[str] = ""
    EMPTY: ClassVar[str] = "Nothing here yet."
    CAN_ADD: ClassVar[bool] = True
    CAN_EDIT: ClassVar[bool] = True
    ACTIVATE: ClassVar[str] = "Edit"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", id="view.filter", tooltip="Type to filter the rows"),
        Binding("e", "edit", "Edit", id="view.edit", tooltip="Edit the selected row in a form"),
        Binding("a", "add", "Add", id="view.add", tooltip="Add a new entry"),
        Binding(
            "c", "duplicate", "Duplicate", id="view.duplicate", tooltip="Copy the selected row"
        ),
        Binding("d", "delete", "Delete", id="view.delete", tooltip="Delete the selected row"),
        Binding(
            "down",
            "to_table",
            show=False,
            id="view.to_table",
            tooltip="From the filter to the rows",
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear",
            id="view.clear_filter",
            tooltip="Show every row again",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="table-view")
        self.stale = True
        self._had_row = False
        self._status: tuple[str, object] = ("", None)  # the status text and what showed it
        self.shown_columns = self.columns()

    def columns(self) -> tuple[Column, ...]:
        """The view's columns, fixed when it is made (``COLUMNS`` unless a view builds them)."""
        return self.COLUMNS

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder=f"/ filter {self.NOUN[1]} (every column, all words)",
            id=f"{self.KIND}-filter",
            classes="filter",
            compact=True,
        )
        grid = Grid(self.shown_columns, id=f"{self.KIND}-grid")
        grid.empty_text = self.EMPTY
        yield grid
        yield Static(id=f"{self.KIND}-status", classes="status", markup=False)

    @property
    def grid(self) -> Grid:
        return self.query_one(Grid)

    @property
    def filter_input(self) -> Input:
        return self.query_one(Input)

    # -- data

    def build_rows(self, catalogue: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
        raise NotImplementedError

    def refresh_data(self, catalogue: Catalogue, problems: ProblemIndex, lang: str) -> None:
        self.grid.set_rows(self.build_rows(catalogue, problems, lang))
        self.stale = False
        self.update_status()

    def update_status(self) -> None:
        grid = self.grid
        one, many = self.NOUN
        total = grid.total_count
        if grid.filter_text:
            text = f"{grid.row_count} of {total} {many} match “{grid.filter_text}”"
        else:
            text = f"{total} {one if total == 1 else many}"
        if grid.sort_column is not None:
            arrow = "▼" if grid.sort_reverse else "▲"
            text += f" · sorted by {self.shown_columns[grid.sort_column].label} {arrow}"
        status = self.query_one(".status", Static)
        if text == self._status[0] and status.content is self._status[1]:
            return  # shown already (a subclass may have shown something else since)
        content = plain(text)
        self._status = (text, content)
        # one line of fixed size: repainting it needs no new layout of the screen
        status.update(content, layout=False)

    @on(Grid.Updated)
    def _grid_updated(self) -> None:
        self.update_status()

    # -- filter

    def on_mount(self) -> None:
        # Filter as the value changes, not when Input.Changed arrives: the key, the rows
        # and their count are then painted in the same frame (a message handled after
        # the screen's next update waits a frame or two for the one after).
        self.watch(self.filter_input, "value", self._filter_to, init=False)

    def _filter_to(self, value: str) -> None:
        self.grid.set_filter(value)
        self.update_status()

    @on(Input.Changed, ".filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()  # handled by _filter_to already

    @on(Input.Submitted, ".filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.grid.focus()

    def action_filter(self) -> None:
        self.filter_input.focus()

    def action_to_table(self) -> None:
        self.grid.focus()

    def action_clear_filter(self) -> None:
        self.filter_input.value = ""
        self.grid.set_filter("")
        self.grid.focus()

    def show_row(self, key: str) -> bool:
        """Move the cursor to ``key``, clearing a filter that hides it."""
        grid = self.grid
        if grid.move_to(key):
            return True
        if grid.row(key) is not None and grid.filter_text:
            self.filter_input.value = ""
            grid.set_filter("")
            return grid.move_to(key)
        return False

    # -- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "duplicate", "delete") and not self.CAN_ADD:
            return False
        if action == "edit" and not self.CAN_EDIT:
            return False
        if action in ("edit", "duplicate", "delete") and self.grid.cursor_key is None:
            return None
        if action == "clear_filter":
            return bool(self.filter_input.value)
        return True

    @on(Grid.CursorMoved)
    def _cursor_moved(self, event: Grid.CursorMoved) -> None:
        # the footer is rebuilt only when a row appears or the last one goes (it is slow)
        has_row = event.key is not None
        if has_row != self._had_row:
            self._had_row = has_row
            self.refresh_bindings()
        self.cursor_moved()

    def cursor_moved(self) -> None:
        """The cursor is on another row (the problems view shows it in the status line)."""

    @on(Grid.Activated)
    def _activated(self, event: Grid.Activated) -> None:
        event.stop()
        self.activate(event.key)

    def activate(self, key: str) -> None:
        self.post_message(self.RowAction("edit", self.KIND, key))

    @guarded
    def action_edit(self) -> None:
        if (key := self.grid.cursor_key) is not None:
            self.activate(key)

    @guarded
    def action_add(self) -> None:
        self.post_message(self.RowAction("add", self.KIND, self.grid.cursor_key))

    @guarded
    def action_duplicate(self) -> None:
        if (key := self.grid.cursor_key) is not None:
            self.post_message(self.RowAction("duplicate", self.KIND, key))

    @guarded
    def action_delete(self) -> None:
        if (key := self.grid.cursor_key) is not None:
            self.post_message(self.RowAction("delete", self.KIND, key))
