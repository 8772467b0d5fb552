"""Read the layout style of an existing table, so new text can look like it."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import cast

from consent_tui.core.store.chunks import ChunkIndex, next_line_start
from consent_tui.core.store.patch_emit import Style
from consent_tui.core.store.tomlscan import Path

_K = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*')"""
_KEYLINE = re.compile(rf"([ \t]*)({_K}(?:[ \t]*\.[ \t]*{_K})*)([ \t]*=[ \t]*)(.?)")
_INLINE = re.compile(rf"=[ \t]*\{{([ \t]*){_K}([ \t]*=[ \t]*)[^,}}]*(,[ \t]*)?")


def _common(counter: Counter[str], default: str) -> str:
    return counter.most_common(1)[0][0] if counter else default


Inline = tuple[bool, str, str]  # padding inside braces, " = " and ", " spellings


def inline_style(text: str, start: int = 0, end: int | None = None) -> Inline | None:
    """How inline tables are written between ``start`` and ``end`` (first 50 seen)."""
    pads: Counter[bool] = Counter()
    seps: Counter[str] = Counter()
    commas: Counter[str] = Counter()
    for n, match in enumerate(_INLINE.finditer(text, start, len(text) if end is None else end)):
        pads[bool(match.group(1))] += 1
        seps[match.group(2)] += 1
        if match.group(3):
            commas[match.group(3)] += 1
        if n >= 50:
            break
    if not pads:
        return None
    return pads.most_common(1)[0][0], _common(seps, " = "), _common(commas, ", ")


def _file_inline(index: ChunkIndex) -> Inline:
    if "inline" not in index.memo:
        index.memo["inline"] = inline_style(index.text) or (True, " = ", ", ")
    return cast(Inline, index.memo["inline"])


def detect(index: ChunkIndex, path: Path, blank: int = 1) -> Style:
    """The style of the table at ``path`` (and of its first array-of-tables child)."""
    own = index.find(path)
    if own is None:
        pad, sep, comma = _file_inline(index)
        return Style(blank=blank, inline_pad=pad, inline_sep=sep, inline_comma=comma)
    text = index.text
    header = index.headers[own]
    header_indent = text[index.starts[own] : header.start]
    body = text[next_line_start(text, header.end) : index.content_end(own)]
    indents: Counter[str] = Counter()
    seps: Counter[str] = Counter()
    columns: Counter[int] = Counter()
    widths: dict[int, set[int]] = {}
    quotes: Counter[str] = Counter()
    order: list[str] = []
    for line in body.splitlines():
        match = _KEYLINE.match(line)
        if match is None:
            continue
        indent, key, sep, first = match.groups()
        indents[indent] += 1
        seps[sep] += 1
        column = len(indent) + len(key) + sep.index("=")
        columns[column] += 1
        widths.setdefault(column, set()).add(len(key))
        order.append(key.strip("\"'").split(".")[0].strip())
        if first in "\"'":
            quotes[first] += 1
    align = None
    if len(seps) > 1:
        column, _ = columns.most_common(1)[0]
        align = column if len(widths[column]) > 1 else None
    pad, inline_sep, comma = inline_style(body) or _file_inline(index)
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
        inline_pad=pad,
        inline_sep=inline_sep,
        inline_comma=comma,
        literal=quotes["'"] > quotes['"'],
        key_order=tuple(order),
        subtables=frozenset(subtables),
        blank=blank,
        children=children,
    )


def blank_between(index: ChunkIndex, groups: list[list[int]], default: int | None = None) -> int:
    """Blank lines between consecutive sibling tables (header-index groups)."""
    for before, after in itertools.pairwise(groups):
        if before and after and after[0] == before[-1] + 1:
            return index.blank_lines_after(before[-1])
    return typical_blank(index) if default is None else default


def typical_blank(index: ChunkIndex) -> int:
    """The most common number of blank lines between the first tables of the file."""
    if "blank" not in index.memo:
        seen = Counter(index.blank_lines_after(i) for i in range(min(len(index) - 1, 12)))
        index.memo["blank"] = seen.most_common(1)[0][0] if seen else 1
    return cast(int, index.memo["blank"])


def subtables(index: ChunkIndex, prefix: Path, depth: int) -> frozenset[str]:
    """Fields written as sub-tables by any table ``depth`` levels under ``prefix``."""
    out: set[str] = set()
    size = len(prefix) + depth + 1
    for i in index.members(prefix):
        path = index.headers[i].path
        if len(path) == size and isinstance(path[-1], str) and index.headers[i].kind == "table":
            out.add(path[-1])
    return frozenset(out)
