"""Read the layout style of an existing table, so new text can look like it."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from consent_tui.core.chunks import ChunkIndex, next_line_start
from consent_tui.core.patch_emit import Style
from consent_tui.core.tomlscan import Path

_K = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*')"""
_KEYLINE = re.compile(rf"([ \t]*)({_K}(?:[ \t]*\.[ \t]*{_K})*)([ \t]*=[ \t]*)(.?)")
_INLINE = re.compile(rf"\{{([ \t]*){_K}([ \t]*=[ \t]*)")


def _common(counter: Counter[str], default: str) -> str:
    return counter.most_common(1)[0][0] if counter else default


def detect(index: ChunkIndex, path: Path, blank: int = 1) -> Style:
    """The style of the table at ``path`` (and of its first array-of-tables child)."""
    own = index.find(path)
    if own is None:
        return Style(blank=blank)
    text = index.text
    header = index.headers[own]
    header_indent = text[index.starts[own] : header.start]
    body = text[next_line_start(text, header.end) : index.content_end(own)]
    indents: Counter[str] = Counter()
    seps: Counter[str] = Counter()
    columns: Counter[int] = Counter()
    quotes: Counter[str] = Counter()
    pads: Counter[bool] = Counter()
    inline_seps: Counter[str] = Counter()
    order: list[str] = []
    for line in body.splitlines():
        match = _KEYLINE.match(line)
        if match is None:
            continue
        indent, key, sep, first = match.groups()
        indents[indent] += 1
        seps[sep] += 1
        columns[len(indent) + len(key) + sep.index("=")] += 1
        order.append(key.strip("\"'").split(".")[0].strip())
        if first in "\"'":
            quotes[first] += 1
        for inline in _INLINE.finditer(line, match.end() - 1):
            pads[bool(inline.group(1))] += 1
            inline_seps[inline.group(2)] += 1
    align = None
    if len(seps) > 1 and len(columns) == 1 and sum(columns.values()) > 1:
        align = next(iter(columns))
    members = index.members(path)
    subtables: set[str] = set()
    children: dict[str, Style] = {}
    for i in members:
        hp = index.headers[i].path
        if len(hp) == len(path) + 1 and isinstance(hp[-1], str):
            subtables.add(hp[-1])
        elif len(hp) == len(path) + 2 and isinstance(hp[-1], int):
            name = hp[len(path)]
            if isinstance(name, str) and name not in children:
                children[name] = detect(index, hp, blank)
    if len(members) > 1 and members[1] == own + 1:
        blank = index.blank_lines_after(own)
    return Style(
        header_indent=header_indent,
        indent=_common(indents, ""),
        sep=_common(seps, " = "),
        align=align,
        inline_pad=pads.most_common(1)[0][0] if pads else True,
        inline_sep=_common(inline_seps, " = "),
        literal=quotes["'"] > quotes['"'],
        key_order=tuple(order),
        subtables=frozenset(subtables),
        blank=blank,
        children=children,
    )


def blank_between(index: ChunkIndex, groups: list[list[int]], default: int = 1) -> int:
    """Blank lines between consecutive sibling tables (header-index groups)."""
    for before, after in itertools.pairwise(groups):
        if before and after and after[0] == before[-1] + 1:
            return index.blank_lines_after(before[-1])
    return default
