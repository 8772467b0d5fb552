"""A fast scanner that finds where tables and keys stand in TOML text.

It reads text already known to be valid TOML (``tomllib`` accepted it) and
reports each table header and each top-level key/value statement with its
concrete path (array-of-tables elements carry their index), line, column and
character offsets. The store uses the headers to cut the file into chunks;
validation uses the keys to give problems a line and column.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Path = tuple[str | int, ...]

_TOKEN = re.compile(
    r"""
     (?P<nl>\r?\n)
    |(?P<ws>[ \t]+)
    |(?P<comment>\#[^\r\n]*)
    |(?P<mlb>\"\"\"(?:[^"\\]|\\[\s\S]|"{1,2}(?!"))*"{3,5})
    |(?P<mll>'''(?:[^']|'{1,2}(?!'))*'{3,5})
    |(?P<str>"(?:[^"\\\r\n]|\\.)*")
    |(?P<lit>'[^'\r\n]*')
    |(?P<punct>[\[\]{}=,.])
    |(?P<bare>[^\s"'\#\[\]{}=,.]+)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Statement:
    """A header (``table``/``array``) or a ``key`` statement in the text."""

    kind: Literal["table", "array", "key"]
    path: Path
    line: int
    col: int
    start: int  # offset of the statement's first character
    end: int  # offset just past the statement (before its newline)


def _key_text(kind: str | None, raw: str) -> str:
    if kind == "bare":
        return raw
    if kind == "lit":
        return raw[1:-1]
    value = tomllib.loads(f"k = {raw}")["k"]
    return str(value)


def scan(
    text: str, *, keys: bool = True, start: int = 0, end: int | None = None
) -> Iterator[Statement]:
    """Yield the statements of ``text`` (between ``start`` and ``end``) in order.

    With ``keys=False`` only headers are yielded (faster). When scanning a
    slice, key paths are relative to the slice's first header.
    """
    stop = len(text) if end is None else end
    line = 1 + text.count("\n", 0, start)
    line_start = text.rfind("\n", 0, start) + 1
    table: Path = ()
    aot_last: dict[Path, int] = {}
    tokens = _TOKEN.finditer(text, start, stop)
    pending: list[tuple[str | None, str]] = []
    stmt_start = -1
    for match in tokens:
        kind = match.lastgroup
        if kind == "nl":
            line += 1
            line_start = match.end()
            continue
        if kind in ("ws", "comment"):
            continue
        pos = match.start()
        raw = match.group()
        if kind == "punct" and raw == "[" and not pending:
            # A header: [a.b] or [[a.b]].
            is_array = text.startswith("[", match.end())
            header_line, header_col = line, pos - line_start + 1
            parts: list[str] = []
            close = None
            for inner in tokens:
                ik = inner.lastgroup
                iv = inner.group()
                if ik == "punct" and iv == "[":
                    continue
                if ik == "punct" and iv == "]":
                    close = inner
                    break
                if ik in ("bare", "str", "lit"):
                    parts.append(_key_text(ik, iv))
            if close is None:
                return
            hend = close.end() + (1 if is_array else 0)
            if is_array:
                next(tokens, None)  # the second "]"
            table = _concrete(tuple(parts), aot_last, is_array)
            yield Statement(
                "array" if is_array else "table", table, header_line, header_col, pos, hend
            )
            continue
        if kind in ("bare", "str", "lit"):
            if not pending:
                stmt_start = pos
            pending.append((kind, raw))
            continue
        if kind == "punct" and raw == "." and pending:
            continue
        if kind == "punct" and raw == "=" and pending:
            key_line, key_col = line, stmt_start - line_start + 1
            key_parts = tuple(_key_text(k, v) for k, v in pending)
            pending = []
            # Skip the value, which may span lines (arrays, multi-line strings).
            depth = 0
            value_end = match.end()
            for inner in tokens:
                ik = inner.lastgroup
                iv = inner.group()
                if ik == "nl":
                    line += 1
                    line_start = inner.end()
                    if depth == 0:
                        break
                    continue
                if ik in ("mlb", "mll"):
                    newlines = iv.count("\n")
                    if newlines:
                        line += newlines
                        line_start = inner.start() + iv.rfind("\n") + 1
                elif ik == "punct" and iv in "[{":
                    depth += 1
                elif ik == "punct" and iv in "]}":
                    depth -= 1
                if ik != "comment" and ik != "ws":
                    value_end = inner.end()
            if keys:
                yield Statement("key", table + key_parts, key_line, key_col, stmt_start, value_end)
            continue
        pending = []


def _concrete(parts: tuple[str, ...], aot_last: dict[Path, int], is_array: bool) -> Path:
    """Resolve a header's keys to a concrete path, indexing arrays of tables."""
    path: list[str | int] = []
    for i, part in enumerate(parts):
        path.append(part)
        key = tuple(path)
        last = i == len(parts) - 1
        if last and is_array:
            index = aot_last.get(key, -1) + 1
            aot_last[key] = index
            # A new element: forget the indices of arrays nested in the old one.
            for nested in [k for k in aot_last if len(k) > len(key) and k[: len(key)] == key]:
                del aot_last[nested]
            path.append(index)
        elif key in aot_last:
            path.append(aot_last[key])
    return tuple(path)


def headers(text: str) -> list[Statement]:
    """The table headers of ``text``, in order."""
    return list(scan(text, keys=False))


class SourceMap:
    """Lines and columns of the tables and keys of one text, built on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._index: dict[Path, Statement] | None = None

    def _build(self) -> dict[Path, Statement]:
        if self._index is None:
            index: dict[Path, Statement] = {}
            for stmt in scan(self._text):
                index.setdefault(stmt.path, stmt)
            self._index = index
        return self._index

    def find(self, path: Path) -> Statement | None:
        """The statement that defines exactly ``path``, if the text has one."""
        return self._build().get(path)

    def nearest(self, path: Path) -> Statement | None:
        """The statement for ``path`` or, failing that, for its closest ancestor."""
        index = self._build()
        for cut in range(len(path), 0, -1):
            stmt = index.get(path[:cut])
            if stmt is not None:
                return stmt
        return None
