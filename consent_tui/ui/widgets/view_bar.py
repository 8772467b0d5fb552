"""The row of view names under the header: one light widget instead of a tab set.

It shows ``1 Services  2 Cookies …`` with the current view highlighted; a click
on a name asks to show that view. The editor switches views with keys and a
``ContentSwitcher``; this bar only reflects and reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

GAP = "  "


class ViewBar(Widget):
    """Clickable view names; ``active`` is the id of the shown view."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"view-bar--active", "view-bar--key"}

    DEFAULT_CSS = """
    ViewBar {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        & > .view-bar--active { color: $foreground; background: $primary 40%; text-style: bold; }
        & > .view-bar--key { color: $accent; }
    }
    """

    active: reactive[str] = reactive("")

    class Selected(Message):
        """The user clicked the name of view ``pane``."""

        def __init__(self, pane: str) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, views: Sequence[tuple[str, str, str]], *, id: str | None = None) -> None:
        """``views``: (pane id, key, title) in display order."""
        super().__init__(id=id)
        self._views = list(views)
        self._labels = {pane: title for pane, _key, title in views}
        self.set_reactive(ViewBar.active, views[0][0] if views else "")

    def set_label(self, pane: str, title: str) -> None:
        self._labels[pane] = title
        self.refresh()

    def label(self, pane: str) -> str:
        return self._labels[pane]

    def _spans(self) -> list[tuple[str, int, int]]:
        """(pane, start, end) of each name, in cells from the content's left edge."""
        spans, x = [], 0
        for pane, key, _title in self._views:
            text = f" {key} {self._labels[pane]} "
            spans.append((pane, x, x + len(text)))
            x += len(text) + len(GAP)
        return spans

    def render(self) -> Text:
        active = self.get_component_rich_style("view-bar--active", partial=True)
        key_style = self.get_component_rich_style("view-bar--key", partial=True)
        text = Text(no_wrap=True, overflow="ellipsis")
        for n, (pane, key, _title) in enumerate(self._views):
            if n:
                text.append(GAP)
            start = len(text)
            text.append(" ")
            text.append(key, key_style)
            text.append(f" {self._labels[pane]} ")
            if pane == self.active:
                text.stylize(active, start, len(text))
        return text

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for pane, start, end in self._spans():
            if start <= offset.x < end:
                self.post_message(self.Selected(pane))
                return
