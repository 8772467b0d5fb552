"""Services and their cookies, turned into pieces of text.

A service's text is its *head* (``[services.x]`` and any sub-tables such as
``[services.x.function]``) followed by one block per cookie
(``[[services.x.cookies]]`` and its sub-tables). Each part is edited on its
own, so changing one cookie rewrites that cookie's table only. A service laid
out any other way is edited as one block.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from consent_tui.core.model import Cookie, Service
from consent_tui.core.store import serialize
from consent_tui.core.store.patch import Unusual
from consent_tui.core.store.patch_data import same
from consent_tui.core.store.patch_emit import Style
from consent_tui.core.store.patch_order import Inserter, Planner, fallback_place, line_up
from consent_tui.core.store.patch_style import blank_between, subtables
from consent_tui.core.store.tomlscan import Path

Layout = tuple[list[int], list[list[int]]]


class Services:
    def __init__(self, plan: Planner) -> None:
        self.plan = plan
        self.index = plan.index
        self.texts = plan.texts
        self._cookie: tuple[Style | None, int] | None = None

    def run(self, old: Mapping[str, Service], new: Mapping[str, Service]) -> None:
        texts, lang = self.texts, self.plan.lang
        placed, moved = line_up(list(old), list(new))
        kept = {was for was, _ in placed if was is not None}
        moved_text: dict[str, str] = {}
        for key in old:
            if key in moved:
                path = ("services", key)
                moved_text[key] = texts.move(
                    self.members(key),
                    path,
                    serialize.service_data(old[key], lang),
                    serialize.service_data(new[key], lang),
                    self.style(key),
                )
            elif key not in kept:
                texts.delete(self.members(key))
        keys = list(old)
        inserter = Inserter(
            self.plan,
            self.style,
            lambda: self.plan.blank_between("services", keys),
            lambda: fallback_place(
                self.plan, self.index.members(("services", keys[0])) if keys else None
            ),
        )
        for was, key in placed:
            if was is None:
                inserter.add(
                    ("services", key), serialize.service_data(new[key], lang), moved_text.get(key)
                )
                continue
            if old[was] is not new[key]:
                self.edit(was, key, old[was], new[key], self.members(was))
            inserter.anchor(partial(self.plan.place_of, ("services", was)), was)
        inserter.finish()

    # -- layout

    def members(self, key: str) -> list[int]:
        return self.plan.block(("services", key))

    def layout(self, key: str, members: list[int], count: int) -> Layout | None:
        """The head's headers and each cookie's, when each part is written in one piece.

        The parts may stand apart (a service's table after its cookies, another
        service in between): each is edited where it is.
        """
        headers = self.index.headers
        head: list[int] = []
        groups: list[list[int]] = []
        for i in members:
            hp = headers[i].path
            if len(hp) >= 4 and hp[2] == "cookies" and isinstance(hp[3], int):
                if len(hp) == 4:
                    if headers[i].kind != "array" or hp[3] != len(groups):
                        return None
                    groups.append([i])
                elif not groups or hp[3] != len(groups) - 1 or groups[-1][-1] != i - 1:
                    return None
                else:
                    groups[-1].append(i)
            elif head and head[-1] != i - 1:
                return None
            else:
                head.append(i)
        if len(groups) != count or (head and headers[head[0]].path != ("services", key)):
            return None
        if head and any(k[:1] == ("cookies",) for k in self.index.keys_of(head[0])):
            return None
        return head, groups

    # -- styles

    def cookie_style(self) -> tuple[Style | None, int]:
        """The first cookie table's style, and the blank lines between two cookies."""
        if self._cookie is None:
            style: Style | None = None
            blank = 1
            headers = self.index.headers
            for i, header in enumerate(headers):
                if _is_cookie(header.path):
                    if style is None:
                        style = self.plan.style(header.path)
                        blank = style.blank
                    following = headers[i + 1].path if i + 1 < len(headers) else ()
                    if _is_cookie(following) and following[:2] == header.path[:2]:
                        blank = self.index.blank_lines_after(i)
                        break
            self._cookie = (style, blank)
        return self._cookie

    def style(self, key: str | None) -> Style:
        """A service's style; fields any service or cookie writes as sub-tables included."""
        base = self.plan.style(("services", key)) if key is not None else self.plan.any_style()
        cookie = base.children.get("cookies") or self.cookie_style()[0]
        if cookie is not None:
            fields = subtables(self.index, ("services",), 3)
            cookie = replace(cookie, subtables=cookie.subtables | fields)
            base = replace(base, children={**base.children, "cookies": cookie})
        return replace(base, subtables=base.subtables | subtables(self.index, ("services",), 1))

    # -- one service kept in place

    def edit(self, was: str, key: str, a: Service, b: Service, members: list[int]) -> None:
        texts, lang = self.texts, self.plan.lang
        path = ("services", key)
        renamed = was != key
        layout = self.layout(was, members, len(a.cookies))
        if layout is None:
            renames = texts.rename(members, 1, key) if renamed else []
            da, db = serialize.service_data(a, lang), serialize.service_data(b, lang)
            if same(da, db):
                texts.keep(renames)
            else:
                texts.edit(members, path, da, db, self.style(was), renames=renames)
            return
        head, groups = layout
        ha = serialize.service_data(a, lang, cookies=False)
        hb = serialize.service_data(b, lang, cookies=False)
        if head:
            renames = texts.rename(head, 1, key) if renamed else []
            if same(ha, hb):
                texts.keep(renames)
            else:
                texts.edit(head, path, ha, hb, self.style(was), renames=renames)
        elif hb:
            at = self.index.lead_start(groups[0][0])
            texts.insert(at, path, hb, self.style(None), blank=1, before=True)
        if a.cookies is not b.cookies or renamed:
            self.cookies(was, key, a.cookies, b.cookies, head, groups)

    def cookies(
        self,
        was: str,
        key: str,
        old: tuple[Cookie, ...],
        new: tuple[Cookie, ...],
        head: list[int],
        groups: list[list[int]],
    ) -> None:
        texts, lang = self.texts, self.plan.lang
        renamed = was != key
        old_path: Path = ("services", was, "cookies")
        new_path: Path = ("services", key, "cookies")
        placed, moved = line_up([id(c) for c in old], [id(c) for c in new])
        position = {id(c): k for k, c in enumerate(old)}
        kept = {w for w, _ in placed if w is not None}
        moved_text: dict[int, str] = {}
        for k, cookie in enumerate(old):
            ident = id(cookie)
            if ident in moved:
                renames = texts.rename(groups[k], 1, key) if renamed else []
                data = serialize.cookie_data(cookie, lang)
                moved_text[ident] = texts.move(
                    groups[k],
                    (*new_path, 0),
                    data,
                    data,
                    self.plan.style((*old_path, k)),
                    renames=renames,
                    array=True,
                )
            elif ident not in kept:
                texts.delete(groups[k])
        inserter = Inserter(
            self.plan,
            lambda sibling: self._cookie_sibling_style(old_path, sibling),
            lambda: self._cookie_blank(head, groups),
            lambda: self._cookie_fallback(head, groups),
            array=True,
        )
        for j, (w, ident) in enumerate(placed):
            cookie = new[j]
            if w is None:
                inserter.add(
                    (*new_path, j), serialize.cookie_data(cookie, lang), moved_text.get(ident)
                )
                continue
            k = position[w]
            group = groups[k]
            renames = texts.rename(group, 1, key) if renamed else []
            da, db = serialize.cookie_data(old[k], lang), serialize.cookie_data(cookie, lang)
            if old[k] is cookie or same(da, db):
                texts.keep(renames)
            else:
                style = self.plan.style((*old_path, k))
                texts.edit(group, (*new_path, j), da, db, style, renames=renames, array=True)
            inserter.anchor(partial(list, group), k)
        inserter.finish()

    def _cookie_sibling_style(self, old_path: Path, sibling: Any) -> Style:
        if sibling is not None:
            found = self.plan.style((*old_path, sibling))
        elif self.index.find((*old_path, 0)) is not None:
            found = self.plan.style((*old_path, 0))
        else:
            found = self.cookie_style()[0] or self.plan.any_style()
        return replace(found, subtables=found.subtables | subtables(self.index, old_path, 1))

    def _cookie_blank(self, head: list[int], groups: list[list[int]]) -> int:
        if len(groups) >= 2:
            return blank_between(self.index, groups)
        if head and groups:
            return self.index.blank_lines_after(head[-1])
        return self.cookie_style()[1]

    def _cookie_fallback(self, head: list[int], groups: list[list[int]]) -> tuple[int, bool]:
        if groups:
            return self.index.lead_start(groups[0][0]), True
        if head:
            return self.index.content_end(head[-1]), False
        raise Unusual("a service with no table of its own")


def _is_cookie(path: Path) -> bool:
    return len(path) == 4 and path[0] == "services" and path[2] == "cookies"
