"""A fast scanner that finds where tables and keys stand in TOML text.

It reads text already known to be valid TOML (``tomllib`` accepted it) and
reports each table header and each top-level key/value statement with its
concrete path (array-of-tables elements carry their index), line, column and
character offsets. The store uses the headers to cut the file into chunks;
validation uses the keys to give problems a line and column (through
:class:`~consent_tui.core.store.sourcemap.SourceMap`).
"""

from __future__ import annotations

import re
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


# Written as "unrolled loops" (a run of plain characters, then repeated
# special-then-plain) rather than per-character alternations: the same
# languages, matched several times faster by ``re``.
_BASIC = r'"[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*"'
_KEY = rf"""(?:[A-Za-z0-9_-]+|{_BASIC}|'[^'\r\n]*')"""
_KEYS = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_STR = rf"""(?:{_BASIC}|'[^'\r\n]*')"""
_PLAIN = r"""[^"'{}\[\]\r\n\#]*"""
_FLAT = rf"""{_PLAIN}(?:{_STR}{_PLAIN})*"""
_VALUE = rf"""(?:{_STR}|\{{{_FLAT}\}}|\[{_FLAT}\]|[^"'\[\]{{}}\#\r\n]*[^\s"'\[\]{{}}\#])"""
# One whole line that needs no token-level reading: blank, comment, header, or
# a key with a single-line value holding no nested brackets.
_SIMPLE = re.compile(
    rf"""[ \t]*(?:
        (?P<hdr>\[(?P<aot>\[)?[ \t]*(?P<hkeys>{_KEYS})[ \t]*\](?(aot)\]))
       |(?P<keys>{_KEYS})[ \t]*=[ \t]*{_VALUE}
    )?[ \t]*(?:\#[^\r\n]*)?(?:\r?\n|\Z)""",
    re.VERBOSE,
)
# A run of whole lines holding no header, then maybe one header line: read in one
# step when only headers matter.
_RUN = re.compile(
    rf"""(?:[ \t]*(?:{_KEYS}[ \t]*=[ \t]*{_VALUE})?[ \t]*(?:\#[^\r\n]*)?\r?\n)*
    (?:[ \t]*(?P<hdr>\[(?P<aot>\[)?[ \t]*(?P<hkeys>{_KEYS})[ \t]*\](?(aot)\]))
       [ \t]*(?:\#[^\r\n]*)?(?:\r?\n|\Z))?""",
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
    import tomllib  # a quoted key with escapes: rare, and tomllib reads it exactly

    value = tomllib.loads(f"k = {raw}")["k"]
    return str(value)


def _split_keys(raw: str) -> tuple[str, ...]:
    if '"' not in raw and "'" not in raw:
        if " " not in raw and "\t" not in raw:
            return tuple(raw.split("."))
        return tuple(part.strip() for part in raw.split("."))
    parts = []
    for match in _TOKEN.finditer(raw):
        if match.lastgroup in ("bare", "str", "lit"):
            parts.append(_key_text(match.lastgroup, match.group()))
    return tuple(parts)


def scan(
    text: str,
    *,
    keys: bool = True,
    start: int = 0,
    end: int | None = None,
    line: int | None = None,
) -> Iterator[Statement]:
    """Yield the statements of ``text`` (between ``start`` and ``end``) in order.

    With ``keys=False`` only headers are yielded. When scanning a slice, key
    paths are relative to the slice's first header. ``line`` is the line number
    at ``start`` (counted when not given).
    """
    stop = len(text) if end is None else end
    if line is None:
        line = 1 + text.count("\n", 0, start)
    pos = start
    table: Path = ()
    aot_last: dict[Path, int] = {}
    simple = _SIMPLE.match
    run = None if keys else _RUN.match
    while pos < stop:
        if run is not None:
            found = run(text, pos, stop)
            assert found is not None  # the pattern matches the empty string
            if found.end() > pos:
                if found.group("hdr") is not None:
                    line += text.count("\n", pos, found.start("hdr"))
                    is_array = found.group("aot") is not None
                    table = _concrete(_split_keys(found.group("hkeys")), aot_last, is_array)
                    first = found.start("hdr")
                    col = first - text.rfind("\n", 0, first)
                    kind: Literal["table", "array"] = "array" if is_array else "table"
                    yield Statement(kind, table, line, col, first, found.end("hdr"))
                    line += 1
                else:
                    line += text.count("\n", pos, found.end())
                pos = found.end()
                continue
        match = simple(text, pos, stop)
        if match is not None and match.end() > pos:
            if match.group("hdr") is not None:
                is_array = match.group("aot") is not None
                table = _concrete(_split_keys(match.group("hkeys")), aot_last, is_array)
                first = match.start("hdr")
                yield Statement(
                    "array" if is_array else "table",
                    table,
                    line,
                    first - pos + 1,
                    first,
                    match.end("hdr"),
                )
            elif keys and match.group("keys") is not None:
                first = match.start("keys")
                yield Statement(
                    "key",
                    table + _split_keys(match.group("keys")),
                    line,
                    first - pos + 1,
                    first,
                    len(text[pos : match.end()].rstrip()) + pos,
                )
            pos = match.end()
            line += 1
            continue
        stmt, pos, lines = _slow_statement(text, pos, stop, line, table, aot_last)
        line += lines
        if stmt is not None:
            if stmt.kind != "key":
                table = stmt.path
                yield stmt
            elif keys:
                yield stmt


def _slow_statement(
    text: str, pos: int, stop: int, line: int, table: Path, aot_last: dict[Path, int]
) -> tuple[Statement | None, int, int]:
    """Read one statement token by token (multi-line or nested values).

    Returns the statement (if any), the offset after its line, and the number
    of lines it took.
    """
    line_start = pos
    first_line = line
    tokens = _TOKEN.finditer(text, pos, stop)
    pending: list[tuple[str | None, str]] = []
    stmt_start = -1
    for match in tokens:
        kind = match.lastgroup
        if kind == "nl":
            return None, match.end(), line - first_line + 1
        if kind in ("ws", "comment"):
            continue
        raw = match.group()
        if kind == "punct" and raw == "[" and not pending:
            is_array = text.startswith("[", match.end())
            parts: list[str] = []
            close = None
            for inner in tokens:
                ik, iv = inner.lastgroup, inner.group()
                if ik == "punct" and iv == "]":
                    close = inner
                    break
                if ik in ("bare", "str", "lit"):
                    parts.append(_key_text(ik, iv))
            if close is None:
                return None, stop, 1
            hend = close.end() + (1 if is_array else 0)
            path = _concrete(tuple(parts), aot_last, is_array)
            kind_name: Literal["table", "array"] = "array" if is_array else "table"
            stmt = Statement(
                kind_name, path, line, match.start() - line_start + 1, match.start(), hend
            )
            after = _line_end(text, hend, stop)
            return stmt, after, 1
        if kind in ("bare", "str", "lit"):
            if not pending:
                stmt_start = match.start()
            pending.append((kind, raw))
            continue
        if kind == "punct" and raw == "." and pending:
            continue
        if kind == "punct" and raw == "=" and pending:
            key_line, key_col = line, stmt_start - line_start + 1
            key_parts = tuple(_key_text(k, v) for k, v in pending)
            depth = 0
            value_end = match.end()
            after = stop
            for inner in tokens:
                ik, iv = inner.lastgroup, inner.group()
                if ik == "nl":
                    if depth == 0:
                        after = inner.end()
                        break
                    line += 1
                    continue
                if ik in ("mlb", "mll"):
                    line += iv.count("\n")
                elif ik == "punct" and iv in "[{":
                    depth += 1
                elif ik == "punct" and iv in "]}":
                    depth -= 1
                if ik != "comment" and ik != "ws":
                    value_end = inner.end()
            stmt = Statement("key", table + key_parts, key_line, key_col, stmt_start, value_end)
            return stmt, after, line - first_line + 1
        pending = []
    return None, stop, line - first_line + 1


def _line_end(text: str, pos: int, stop: int) -> int:
    newline = text.find("\n", pos, stop)
    return stop if newline < 0 else newline + 1


def _concrete(parts: tuple[str, ...], aot_last: dict[Path, int], is_array: bool) -> Path:
    """Resolve a header's keys to a concrete path, indexing arrays of tables."""
    path: Path = ()
    last = len(parts) - 1
    for i, part in enumerate(parts):
        path += (part,)
        if i == last and is_array:
            index = aot_last.get(path, -1) + 1
            aot_last[path] = index  # nested arrays are keyed by this index: no reset needed
            path += (index,)
        elif path in aot_last:
            path += (aot_last[path],)
    return path


def headers(text: str) -> list[Statement]:
    """The table headers of ``text``, in order."""
    return list(scan(text, keys=False))
