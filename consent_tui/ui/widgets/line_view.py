"""A scrolling view of pre-rendered lines (the Line API: only what is visible)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LineView(ScrollView, can_focus=True):
    """Shows a list of strips; scrolls with the keyboard and the mouse."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", show=False, id="lines.up", tooltip="Scroll up"),
        Binding("down,j", "scroll_down", show=False, id="lines.down", tooltip="Scroll down"),
        Binding("pageup", "page_up", show=False, id="lines.page_up", tooltip="Page up"),
        Binding(
            "pagedown,space", "page_down", show=False, id="lines.page_down", tooltip="Page down"
        ),
        Binding("home", "scroll_home", show=False, id="lines.home", tooltip="Top"),
        Binding("end", "scroll_end", show=False, id="lines.end", tooltip="Bottom"),
    ]

    DEFAULT_CSS = """
    LineView { height: 1fr; overflow-x: hidden; overflow-y: scroll; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Strip] = []

    def action_scroll_home(self) -> None:
        """Jump to the top at once, as a pager does (no animation to wait for)."""
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        """Jump to the end at once, as a pager does."""
        self.scroll_end(animate=False)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def set_lines(self, lines: Sequence[Strip]) -> None:
        self._lines = list(lines)
        width = max((s.cell_length for s in self._lines), default=0)
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def text(self) -> str:
        """The shown text (for tests and copying)."""
        return "\n".join("".join(seg.text for seg in line).rstrip() for line in self._lines)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        line = self._lines[index]
        return (
            line.apply_style(style).crop_extend(0, width, style)
            if line
            else Strip([Segment(" " * width, style)], width)
        )
