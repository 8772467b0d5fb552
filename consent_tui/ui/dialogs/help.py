"""F1: what the current view shows and the keys that work in it right now."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from consent_tui import paths

GENERAL = """\
**Everywhere** — `1`…`7` switch views (or click their names), `ctrl+p` opens the command
palette (every action, and *jump to* any service, cookie, purpose or category by name),
`ctrl+z` / `ctrl+y` undo and redo, `ctrl+s` saves, `ctrl+q` quits.

**In a table** — `/` filters as you type (every word must appear in some column),
`escape` clears the filter, `s` sorts by the next column (`S` reverses), click a header
to sort by it, `enter` or `e` opens the selected row in a form.

**In a form** — `tab` moves between fields, errors show under a field as you type,
`ctrl+l` switches the language of the translated fields (marked ⇄), `ctrl+s` keeps the
changes, `escape` leaves without them.

The title shows the file name, with ● while there are unsaved changes; the sub-title
counts the problems.
"""


def key_label(key: str) -> str:
    """How a person types ``key``: ``/`` for ``slash``; names for keys without a glyph."""
    char = format_key(key)
    usable = len(char) == 1 and char.isascii() and char.isprintable() and char not in "`|"
    return char if usable else key


def key_table(bindings: Mapping[str, ActiveBinding]) -> str:
    """A Markdown table of the active bindings that have a description."""
    rows: dict[str, list[str]] = {}
    tips: dict[str, str] = {}
    for key, active in bindings.items():
        binding: Binding = active.binding
        if not binding.description or binding.system or not binding.id:
            continue
        label = binding.description
        rows.setdefault(label, []).append(binding.key_display or key_label(key))
        tips[label] = f"{active.tooltip or binding.tooltip} (`{binding.id}`)" if binding.id else ""
    lines = ["| Key | Action | What it does (binding id) |", "|---|---|---|"]
    for label, keys in rows.items():
        shown = ", ".join(f"`{k}`" for k in dict.fromkeys(keys))
        lines.append(f"| {shown} | {label} | {tips[label]} |")
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """Help for the focused view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close", id="help.close", tooltip="Close the help"),
    ]

    def __init__(self, view: Any, bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self.view = view
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        title = getattr(self.view, "TITLE", "Editor")
        text = "\n\n".join(
            [
                f"# {title}",
                getattr(self.view, "HELP", ""),
                "## Keys available here",
                key_table(self.bindings),
                "## General",
                GENERAL,
                "## Your keys and theme",
                f"Remap any key in `{paths.config_file()}` under `[keys]`, by binding id, "
                'e.g. `"view.edit" = "e,f2"`. The theme you pick in the command palette '
                "is remembered there.",
            ]
        )
        with VerticalScroll(classes="help"):
            yield Markdown(text)
            yield Static("escape closes", classes="hint")
