"""Command palette: every editor action, and "jump to" any entity by name."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from consent_tui.core.model import Catalogue, text_in
from consent_tui.ui.text import visible

if TYPE_CHECKING:
    from consent_tui.ui.screens.editor import EditorScreen

MAX_HITS = 60


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


class JumpProvider(Provider):
    """Jump to a service, cookie, purpose or category by name."""

    def _editor(self) -> EditorScreen | None:
        from consent_tui.ui.screens.editor import EditorScreen

        screen = self.screen
        return screen if isinstance(screen, EditorScreen) else None

    async def search(self, query: str) -> Hits:
        editor = self._editor()
        if editor is None or not query.strip():
            return
        matcher = self.matcher(query)
        fuzzy = matcher.fuzzy_search
        needle = set(query.casefold().replace(" ", ""))
        hits: list[tuple[float, str, str, str]] = []
        for n, (kind, key, label) in enumerate(jump_targets(editor.session.catalogue)):
            if n % 500 == 499:
                await asyncio.sleep(0)  # stay responsive in a big catalogue
            text = "Jump to " + visible(label)
            if not needle <= set(text.casefold()):
                continue
            score, _offsets = fuzzy.match(query, text)
            if score > 0:
                hits.append((score, text, kind, key))
        hits.sort(key=lambda h: -h[0])
        style = matcher.match_style
        for score, text, kind, key in hits[:MAX_HITS]:
            _score, offsets = fuzzy.match(query, text)
            content = Content(text)
            for offset in offsets:
                content = content.stylize(style or "reverse", offset, offset + 1)
            yield Hit(
                score,
                content,
                partial(editor.select, kind, key),
                text=text,
                help="Show it in its table",
            )

    async def discover(self) -> Hits:
        editor = self._editor()
        if editor is None:
            return
        for kind, key, label in list(jump_targets(editor.session.catalogue))[:12]:
            text = "Jump to " + visible(label)
            yield DiscoveryHit(Content(text), partial(editor.select, kind, key), text=text)


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
    screen.flows.add(kind, screen.view(pane).grid.cursor_key)
