"""A field's value as one line of plain text: table cells, and export or import headers later.

The text is not made safe for a terminal or a spreadsheet: the caller does that
(``ui.text.visible`` in the editor).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from consent_tui.core.fields import path_of
from consent_tui.core.fields.spec import Entity, Field
from consent_tui.core.model import Text, text_in


def value_of(field: Field, item: Any, parent: str | None = None) -> Any:
    """The model's value of ``field`` in ``item`` (its id, its parent's id, or an attribute)."""
    if field.place == "parent":
        return parent
    return getattr(item, field.key)


def value_at(kind: str, item: Any, key: str) -> Any:
    """The value of ``item``'s key ``key``, through its inline parts (``rows`` of a document)."""
    value = item
    for name in path_of(kind, key):
        if value is None:
            return None
        value = getattr(value, name)
    return value


def display(field: Field, value: Any, lang: str, default: str) -> str:
    """``value`` of ``field`` as text in ``lang`` (falling back to ``default``)."""
    if value is None:
        return ""
    if isinstance(value, Text):
        return text_in(value, lang, default)
    if field.type == "bool":
        choice = field.choice(value)
        if choice is not None:
            return choice.short or choice.label
        return "yes" if value else "no"
    # enum values are shown as written (their labels are for forms and pickers)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def option_label(desc: Entity, item: Any, lang: str, default: str) -> str:
    """How a picker names ``item``: its id, and its title (or provider) when it has one."""
    ident = str(getattr(item, "id", ""))
    if not desc.title_key:
        return ident
    title = display(desc.field(desc.title_key), getattr(item, desc.title_key), lang, default)
    return f"{ident} — {title}" if title else ident
