"""What changed between two catalogues, turned into pieces of text.

Entities are compared by identity first (an edit shares every unchanged
object), then by value. Collections are lined up by id: ids kept in place are
edited in place (a rename rewrites only the header lines), removed ids are
deleted with the comments above them, new ids are written like their
neighbours after the previous entity kept in place. Cookies are lined up by
identity with :class:`difflib.SequenceMatcher`, so editing, adding or removing
one cookie touches only that cookie's table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from consent_tui.core.model import Catalogue
from consent_tui.core.store import serialize
from consent_tui.core.store.chunks import ChunkIndex
from consent_tui.core.store.patch import Piece, Texts, Unusual, parse_fragment
from consent_tui.core.store.patch_data import same
from consent_tui.core.store.patch_emit import Style
from consent_tui.core.store.patch_order import Inserter, fallback_place, line_up
from consent_tui.core.store.patch_services import Services
from consent_tui.core.store.patch_style import blank_between, detect, subtables, typical_blank
from consent_tui.core.store.tomlscan import Path

_MISSING = object()


class Plan:
    """The pieces that turn ``old``'s text into ``new``'s."""

    def __init__(self, index: ChunkIndex, old: Catalogue, new: Catalogue, newline: str) -> None:
        self.index = index
        self.old = old
        self.new = new
        self.texts = Texts(index, newline)
        self._styles: dict[Path, Style] = {}
        self.lang = new.default_language  # what a bare string means, before and after

    def pieces(self) -> list[Piece]:
        old, new = self.old, self.new
        if old.default_language != new.default_language:
            # Every bare string changes meaning, also in entities the edit shares.
            raise Unusual("the default language changed")
        self.top()
        if old.policy is not new.policy:
            was, now = serialize.policy_data(old.policy), serialize.policy_data(new.policy)
            self.table(("policy",), was or None, now or None, first=True)
        if old.banner is not new.banner:
            self.table(
                ("banner",),
                serialize.banner_data(old.banner, self.lang) if old.banner is not None else None,
                serialize.banner_data(new.banner, self.lang) if new.banner is not None else None,
            )
        if old.audit is not new.audit:
            self.table(
                ("audit",),
                serialize.audit_data(old.audit) if old.audit is not None else None,
                serialize.audit_data(new.audit) if new.audit is not None else None,
            )
        categories = partial(serialize.category_data, default=self.lang)
        self.collection("categories", old.categories, new.categories, categories)
        purposes = partial(serialize.purpose_data, default=self.lang)
        self.collection("purposes", old.purposes, new.purposes, purposes)
        if old.services is not new.services:
            Services(self).run(old.services, new.services)
        return self.texts.pieces

    # -- helpers shared with the services planner

    def style(self, path: Path) -> Style:
        found = self._styles.get(path)
        if found is None:
            found = self._styles[path] = detect(self.index, path)
        return found

    def block(self, path: Path) -> list[int]:
        """The headers of the table at ``path`` (maybe scattered), none of it defined above."""
        members = self.index.members(path)
        if not members or self.index.defined_above(path):
            raise Unusual(f"layout of {path}")
        return members

    def place_of(self, path: Path) -> list[int]:
        """Headers to insert next to for ``path``: its own, else its closest parent's."""
        members = self.index.members(path)
        if members:
            return members
        for cut in range(len(path) - 1, 0, -1):
            found = self.index.find(path[:cut])
            if found is not None:
                return [found]
        raise Unusual(f"no table to insert next to {path}")

    def blank_between(self, name: str, keys: list[str]) -> int:
        """Blank lines between the first two tables of a collection (else the usual)."""
        groups = [self.index.members((name, k)) for k in keys[:2]]
        return blank_between(self.index, groups)

    def end_of_file(self) -> int:
        return len(self.index.text)

    def any_style(self) -> Style:
        """A table style for text with no neighbour of its own kind."""
        for header in self.index.headers:
            if header.kind == "table":
                return self.style(header.path)
        return Style()

    # -- top level, single tables

    def top(self) -> None:
        was = {"format_version": self.old.format_version, **self.old.extra}
        now = {"format_version": self.new.format_version, **self.new.extra}
        if same(was, now):
            return
        root_keys = {key[0] for key in self.index.keys_of(-1) if key}
        changes: dict[str, Any] = {}
        for key in [*was, *(k for k in now if k not in was)]:
            before, after = was.get(key, _MISSING), now.get(key, _MISSING)
            if before is not _MISSING and after is not _MISSING and same(before, after):
                continue
            if key in root_keys:
                changes[key] = after
            elif self.index.members((key,)):
                if not isinstance(after, dict) and after is not _MISSING:
                    raise Unusual(f"top-level {key}")
                self.table((key,), before, None if after is _MISSING else after)
            elif before is _MISSING and isinstance(after, dict) and after:
                self.table((key,), None, after)
            elif before is _MISSING:
                changes[key] = after
            else:
                raise Unusual(f"top-level {key}")
        if changes:
            old_root = parse_fragment(self.index.text[: self.index.content_end(-1)]) or {}
            new_root = dict(old_root)
            for key, value in changes.items():
                if value is _MISSING:
                    new_root.pop(key, None)
                else:
                    new_root[key] = value
            self.texts.edit_root(old_root, new_root, self.any_style())

    def table(self, path: Path, was: Any, now: Any, *, first: bool = False) -> None:
        """A single table (``None``: absent) edited, added or removed."""
        if same(was, now):
            return
        if was is None and not self.index.members(path):
            if self.index.defined_above(path):
                raise Unusual(f"layout of {path}")
            style, blank = self.any_style(), typical_blank(self.index)
            if first and len(self.index):
                at = self.index.lead_start(0)
                self.texts.insert(at, path, now, style, blank=blank, before=True)
            else:
                self.texts.insert(self.end_of_file(), path, now, style, blank=blank)
            return
        members = self.block(path)
        if now is None:
            self.texts.delete(members)
        else:
            self.texts.edit(members, path, was or {}, now, self.style(path))

    # -- collections of tables keyed by id (categories, purposes)

    def collection(
        self,
        name: str,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        data: Callable[[Any], dict[str, Any]],
    ) -> None:
        if old is new:
            return
        placed, moved = line_up(list(old), list(new))
        texts = self.texts
        moved_text: dict[str, str] = {}
        kept = {was for was, _ in placed if was is not None}
        for key in old:
            if key in moved or key not in kept:
                members = self.block((name, key))
                if key in moved:
                    item = new[key]
                    moved_text[key] = texts.move(
                        members, (name, key), data(old[key]), data(item), self.style((name, key))
                    )
                else:
                    texts.delete(members)
        keys = list(old)

        def style(sibling: Any) -> Style:
            key = sibling if sibling is not None else (keys[0] if keys else None)
            found = self.style((name, key)) if key is not None else self.any_style()
            return replace(found, subtables=found.subtables | subtables(self.index, (name,), 1))

        inserter = Inserter(
            self,
            style,
            lambda: self.blank_between(name, keys),
            lambda: fallback_place(self, self.index.members((name, keys[0])) if keys else None),
        )
        for was, key in placed:
            if was is None:
                inserter.add((name, key), data(new[key]), moved_text.get(key))
                continue
            a, b = old[was], new[key]
            if a is not b or was != key:
                members = self.block((name, was))
                renames = texts.rename(members, 1, key) if was != key else []
                if same(data(a), data(b)):
                    texts.keep(renames)
                else:
                    look = self.style((name, was))
                    texts.edit(members, (name, key), data(a), data(b), look, renames=renames)
            inserter.anchor(partial(self.place_of, (name, was)), was)
        inserter.finish()
