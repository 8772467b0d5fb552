"""Command palette provider: jump to a service, cookie, purpose or category by name.

Imported only when the palette opens (``textual.command`` is slow to import).
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from consent_tui.ui.commands import jump_targets
from consent_tui.ui.text import visible

if TYPE_CHECKING:
    from consent_tui.ui.screens.editor import EditorScreen

MAX_HITS = 60


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
            yield Hit(score, content, partial(editor.select, kind, key), text=text)

    async def discover(self) -> Hits:
        editor = self._editor()
        if editor is None:
            return
        for kind, key, label in list(jump_targets(editor.session.catalogue))[:12]:
            text = "Jump to " + visible(label)
            yield DiscoveryHit(Content(text), partial(editor.select, kind, key), text=text)
