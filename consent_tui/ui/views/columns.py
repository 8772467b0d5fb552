"""Table columns and cells from the field description (core/fields).

A field with a ``column`` is a column of its entity's view, in ``column.order``;
the views add their computed columns (counts, problems) after them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from consent_tui.core.fields import Entity, Field
from consent_tui.core.fields.show import display, value_of
from consent_tui.ui.text import visible
from consent_tui.ui.widgets.grid import Column


def duration_sort_key(cell: str) -> tuple[int, float]:
    """Sessions first, then by length, then persistent, then unreadable."""
    from consent_tui.core.durations import try_parse

    parsed = try_parse(cell)
    if parsed is None:
        return (3, 0.0)
    seconds = parsed.seconds
    if seconds is None:
        return (2, 0.0)
    return (0 if seconds == 0 else 1, float(seconds))


_SORTS: dict[str, Callable[[str], Any]] = {"duration": duration_sort_key}


def field_columns(desc: Entity) -> tuple[Column, ...]:
    """The columns of the fields ``desc`` shows in its table, in column order."""
    out = []
    for field in desc.columns:
        hint = field.column
        assert hint is not None
        out.append(
            Column(
                field.key,
                field.label_en,
                min_width=hint.min_width,
                max_width=hint.max_width,
                grow=hint.grow,
                sort_key=_SORTS.get(hint.sort),
            )
        )
    return tuple(out)


class Cells:
    """Makes the field cells of one entity kind's rows (display-safe strings)."""

    def __init__(self, desc: Entity, lang: str, default: str) -> None:
        self.fields: tuple[Field, ...] = desc.columns
        self.lang, self.default = lang, default

    def __call__(self, item: Any, parent: str | None = None) -> tuple[str, ...]:
        lang, default = self.lang, self.default
        return tuple(
            visible(display(f, value_of(f, item, parent), lang, default)) for f in self.fields
        )
