"""Command palette: the editor's actions, and the entities one can jump to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

from consent_tui.core.model import Catalogue, text_in
from consent_tui.ui.text import visible

if TYPE_CHECKING:
    from consent_tui.ui.screens.editor import EditorScreen


def jump_targets(cat: Catalogue) -> Iterator[tuple[str, str, str]]:
    """(kind, key, label) for every service, cookie, purpose and category."""
    lang = cat.default_language
    for s in cat.services.values():
        yield "service", s.id, f"service {s.id}" + (f" — {s.provider}" if s.provider else "")
    for s in cat.services.values():
        for index, c in enumerate(s.cookies):
            yield "cookie", f"{s.id}/{index}", f"cookie {c.name or '(unnamed)'} — {s.id}"
    for p in cat.purposes.values():
        title = text_in(p.title, lang)
        yield "purpose", p.id, f"purpose {p.id}" + (f" — {title}" if title else "")
    for g in cat.categories.values():
        title = text_in(g.title, lang)
        yield "category", g.id, f"category {g.id}" + (f" — {title}" if title else "")


def editor_commands(screen: Any) -> Iterable[SystemCommand]:
    """The editor's own actions, for the command palette."""
    from consent_tui.ui.screens.editor import VIEWS, EditorScreen

    if not isinstance(screen, EditorScreen):
        return
    for pane, cls, key in VIEWS:
        yield SystemCommand(
            f"Show {cls.TITLE.lower()}",
            f"Switch to the {pane} view ({key})",
            partial(screen.action_show, pane),
        )
    for kind in ("service", "cookie", "purpose", "category"):
        yield SystemCommand(
            f"Add {kind}", f"Open the form for a new {kind}", partial(_add, screen, kind)
        )
    session = screen.session
    if session.can_undo:
        yield SystemCommand(
            "Undo", f"Undo: {visible(session.undo_label or '')}", screen.action_undo
        )
    if session.can_redo:
        yield SystemCommand(
            "Redo", f"Redo: {visible(session.redo_label or '')}", screen.action_redo
        )
    yield SystemCommand(
        "Edit policy settings",
        "Site, controller, languages, document",
        partial(screen.flows.edit, "policy", "site_name"),
    )
    yield SystemCommand(
        "Export", "Write the policy or a banner configuration (ctrl+e)", screen.action_export
    )
    yield SystemCommand("Help", "Keys and help for the current view (f1)", screen.action_help)


def _add(screen: EditorScreen, kind: str) -> None:
    pane = {
        "service": "services",
        "cookie": "cookies",
        "purpose": "purposes",
        "category": "categories",
    }[kind]
    screen.select(kind, "")
    view = screen.view(pane)
    screen.flows.add(kind, view.grid.cursor_key if view is not None else None)
