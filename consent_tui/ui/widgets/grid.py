"""A virtual table: rows are plain tuples, only the visible lines are rendered.

Kept over Textual's DataTable by measurement (``python -m benchmarks.compare_widgets``,
10,000 cookie rows, headless 120x36, this machine): DataTable takes 0.9-1.0 s and
18.5 MiB to show them and 0.32 s to refilter (it has no filter: clear and refill);
this grid 40-90 ms, 0.2 MiB and 30-50 ms. It keeps rows as strings, filters and sorts
index lists, and renders the lines on screen with the Line API. It has its own cursor
(kept on the same row across updates), sorting by any column (click a header or
press ``s``), and a filter matching every column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from consent_tui.ui.widgets.grid_layout import fit_widths, natural_widths
from consent_tui.ui.widgets.grid_model import Column, GridModel, Row

__all__ = ["Column", "Grid", "Row"]


class Grid(ScrollView, can_focus=True):
    """Rows in columns, with a cursor; see the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="grid.up", tooltip="Previous row"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="grid.down", tooltip="Next row"),
        Binding("pageup", "page(-1)", show=False, id="grid.page_up", tooltip="Page up"),
        Binding("pagedown", "page(1)", show=False, id="grid.page_down", tooltip="Page down"),
        Binding("home", "first", show=False, id="grid.first", tooltip="First row"),
        Binding("end", "last", show=False, id="grid.last", tooltip="Last row"),
        Binding("s", "sort_next", "Sort", id="grid.sort", tooltip="Sort by the next column"),
        Binding("S", "sort_reverse", show=False, id="grid.sort_reverse", tooltip="Reverse sort"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "grid--header",
        "grid--sorted",
        "grid--cursor",
        "grid--cursor-blurred",
        "grid--empty",
        "grid--error",
        "grid--warning",
        "grid--muted",
    }

    DEFAULT_CSS = """
    Grid {
        height: 1fr;
        overflow-x: hidden;
        background: $surface;
        & > .grid--header { text-style: bold; background: $panel; color: $foreground; }
        & > .grid--sorted { text-style: bold underline; background: $panel; color: $accent; }
        & > .grid--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .grid--cursor-blurred { background: $block-cursor-blurred-background; }
        & > .grid--empty { color: $text-muted; text-style: italic; }
        & > .grid--error { color: $text-error; text-style: bold; }
        & > .grid--warning { color: $text-warning; }
        & > .grid--muted { color: $text-muted; }
    }
    """

    class CursorMoved(Message):
        """The cursor is on another row (``key`` None: no rows)."""

        def __init__(self, grid: Grid, key: str | None) -> None:
            super().__init__()
            self.grid = grid
            self.key = key

        @property
        def control(self) -> Grid:
            return self.grid

    class Activated(Message):
        """Enter or a double click on a row."""

        def __init__(self, grid: Grid, key: str) -> None:
            super().__init__()
            self.grid = grid
            self.key = key

        @property
        def control(self) -> Grid:
            return self.grid

    class Updated(Message):
        """The rows, the filter or the sort changed."""

        def __init__(self, grid: Grid) -> None:
            super().__init__()
            self.grid = grid

        @property
        def control(self) -> Grid:
            return self.grid

    def __init__(
        self, columns: Sequence[Column], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = tuple(columns)
        self.model = GridModel(self.columns)
        self.empty_text = "Nothing here yet."
        self._natural: list[int] = [len(c.label) + 2 for c in self.columns]
        self._widths: list[int] = []
        self._fit_for = -1
        self.cursor = 0
        self._cache: LRUCache[tuple[int, int, bool], Strip] = LRUCache(256)

    # -- data

    @property
    def row_count(self) -> int:
        """Rows shown (after the filter)."""
        return len(self.model.order)

    @property
    def total_count(self) -> int:
        return len(self.model.rows)

    @property
    def cursor_key(self) -> str | None:
        return self.model.key_at(self.cursor)

    @property
    def filter_text(self) -> str:
        return self.model.filter_text

    @property
    def sort_column(self) -> int | None:
        return self.model.sort_column

    @property
    def sort_reverse(self) -> bool:
        return self.model.sort_reverse

    def visible_keys(self) -> list[str]:
        """Keys of the shown rows, in display order."""
        return self.model.visible_keys()

    def row(self, key: str) -> Row | None:
        return self.model.row(key)

    def set_rows(self, rows: Sequence[Row], *, cursor_key: str | None = None) -> None:
        """Replace the rows; the cursor stays on its row (or ``cursor_key``) when it can."""
        keep, old_position = cursor_key or self.cursor_key, self.cursor
        self.model.set_rows(rows)
        self._natural = natural_widths(self.columns, self.model.rows)
        self._fit_for = -1
        self._shown(keep, old_position)

    def set_filter(self, text: str) -> None:
        """Show only rows holding every word of ``text`` (in any column, any case)."""
        keep = self.cursor_key
        if self.model.set_filter(text):
            self._shown(keep, 0)

    def sort_by(self, column: int | None, reverse: bool = False) -> None:
        """Sort by ``column`` (``None``: the catalogue's order)."""
        keep = self.cursor_key
        self.model.sort_by(column, reverse)
        self._shown(keep, self.cursor)

    def move_to(self, key: str) -> bool:
        """Put the cursor on ``key``; False when that row is not shown."""
        position = self.model.position(key)
        if position is None:
            return False
        self._set_cursor(position)
        return True

    def _shown(self, keep: str | None, fallback: int) -> None:
        """The shown rows changed: keep the cursor on ``keep`` if it is still shown."""
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count + 1)
        self._cache.clear()
        position = self.model.position(keep)
        self.cursor = -1
        self._set_cursor(fallback if position is None else position)
        self.refresh()
        self.post_message(self.Updated(self))

    # -- cursor

    def _set_cursor(self, position: int) -> None:
        before = self.cursor_key
        self.cursor = max(0, min(position, self.row_count - 1))
        self._cache.clear()
        self._scroll_to_cursor()
        self.refresh()
        key = self.cursor_key
        if key != before or key is None:
            self.post_message(self.CursorMoved(self, key))

    def _scroll_to_cursor(self) -> None:
        """Scroll as little as needed to show the cursor (and no further than the end)."""
        height = max(1, self.scrollable_content_region.height - 1)
        top = min(int(self.scroll_y), max(0, self.row_count - height))
        if self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + height:
            top = self.cursor - height + 1
        if top != int(self.scroll_y):
            self.scroll_to(y=top, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self._set_cursor(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - 2)
        self._set_cursor(self.cursor + direction * page)

    def action_first(self) -> None:
        self._set_cursor(0)

    def action_last(self) -> None:
        self._set_cursor(self.row_count - 1)

    def action_sort_next(self) -> None:
        """Cycle: first column, next column ... back to the catalogue's order."""
        col = self.sort_column
        nxt = 0 if col is None else (col + 1 if col + 1 < len(self.columns) else None)
        self.sort_by(nxt)

    def action_sort_reverse(self) -> None:
        self.sort_by(self.sort_column if self.sort_column is not None else 0, not self.sort_reverse)

    # -- mouse

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            col = self._column_at(offset.x)
            if col is not None:
                same = col == self.sort_column
                self.sort_by(col, reverse=same and not self.sort_reverse)
            return
        position = int(self.scroll_y) + offset.y - 1
        if 0 <= position < self.row_count:
            self._set_cursor(position)
            if event.chain >= 2 and (key := self.cursor_key) is not None:
                self.post_message(self.Activated(self, key))

    def _column_edge(self, column: int) -> int:
        """The x offset where ``column`` starts."""
        return 1 + sum(w + 1 for w in self._widths[:column])

    def _column_at(self, x: int) -> int | None:
        edge = 1
        for col, width in enumerate(self._widths):
            if edge <= x < edge + width + 1:
                return col
            edge += width + 1
        return None

    def action_select(self) -> None:
        if (key := self.cursor_key) is not None:
            self.post_message(self.Activated(self, key))

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.cursor_key is not None:
            event.stop()
            event.prevent_default()
            self.action_select()

    def _on_focus(self, event: events.Focus) -> None:
        self._cache.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._cache.clear()
        self.refresh()

    def _on_resize(self, event: events.Resize) -> None:
        self._fit_for = -1
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count + 1)
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    # -- rendering

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._fit_for != width:
            self._widths = fit_widths(self.columns, self._natural, width)
            self._fit_for = width
            self._cache.clear()
        base = self.rich_style
        if y == 0:
            return self._header(width, base)
        order = self.model.order
        if not order:
            if y == 2:
                text = self._empty_message()
                style = base + self.get_component_rich_style("grid--empty")
                return Strip([Segment(set_cell_size("  " + text, width), style)], width)
            return Strip.blank(width, base)
        position = int(self.scroll_y) + y - 1
        if position >= len(order):
            return Strip.blank(width, base)
        is_cursor = position == self.cursor
        cache_key = (order[position], width, is_cursor)
        strip = self._cache.get(cache_key)
        if strip is None:
            strip = self._line(self.model.rows[order[position]], width, base, is_cursor)
            self._cache[cache_key] = strip
        return strip

    def _empty_message(self) -> str:
        if self.model.terms and self.model.rows:
            text = self.model.filter_text
            return f"No row matches “{text}”. Press escape to clear the filter."
        return self.empty_text

    def _header(self, width: int, base: Style) -> Strip:
        head = base + self.get_component_rich_style("grid--header")
        sorted_style = base + self.get_component_rich_style("grid--sorted")
        segments = [Segment(" ", head)]
        for col, (column, size) in enumerate(zip(self.columns, self._widths, strict=True)):
            label = column.label
            if col == self.sort_column:
                label += " ▼" if self.sort_reverse else " ▲"
            text = _fit(label, size, column.numeric)
            if col == self.sort_column:  # style the label, not the padding
                bare = text.strip()
                start = text.index(bare) if bare else 0
                segments.append(Segment(text[:start], head))
                segments.append(Segment(bare, sorted_style))
                segments.append(Segment(text[start + len(bare) :], head))
            else:
                segments.append(Segment(text, head))
            segments.append(Segment(" ", head))
        return _finish(segments, width, head)

    def _line(self, row: Row, width: int, base: Style, is_cursor: bool) -> Strip:
        if is_cursor:
            name = "grid--cursor" if self.has_focus else "grid--cursor-blurred"
            base = base + self.get_component_rich_style(name)
        segments = [Segment(" ", base)]
        for column, size, cell in zip(self.columns, self._widths, row.cells, strict=False):
            style = base
            if column.tone is not None and (tone := column.tone(cell)) is not None:
                style = base + self.get_component_rich_style(tone, partial=True)
            segments.append(Segment(_fit(cell, size, column.numeric), style))
            segments.append(Segment(" ", base))
        return _finish(segments, width, base)


def _finish(segments: list[Segment], width: int, style: Style) -> Strip:
    used = sum(cell_len(s.text) for s in segments)
    if used < width:
        segments.append(Segment(" " * (width - used), style))
    return Strip(segments).crop(0, width)


def _fit(text: str, width: int, right: bool) -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    if width <= 0:
        return ""
    size = cell_len(text)
    if size > width:
        return set_cell_size(text, width - 1) + "…"
    pad = " " * (width - size)
    return pad + text if right else text + pad
