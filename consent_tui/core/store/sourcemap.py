"""Lines and columns of the tables and keys of one text, found on demand.

:class:`SourceMap` answers as a full :func:`~.tomlscan.scan` would, but reads
only what a question needs. The first question indexes the headers in one pass,
noting which chunks (the lines between two headers) hold only one-line
statements. A key is then found in its chunk with one search for its name when
the chunk is such a "clean" one (every line there starts a statement, so a line
that starts with the name and ``=`` is the key), and by scanning the chunk
statement by statement otherwise, once per chunk. So locating the problems of
every cookie of a large file costs one pass over it, not one scan per chunk.
"""

from __future__ import annotations

import re
from typing import Literal

from consent_tui.core.store import tomlscan
from consent_tui.core.store.tomlscan import Path, Statement

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_QUOTED_KEY = re.compile(r"^[ \t]*['\"]", re.MULTILINE)  # a key written as a string
_NOT_FOUND = object()


_NO_PATTERN = re.compile("(?!)")


def _key_line(name: str) -> re.Pattern[str]:
    """A line stating the bare key ``name`` (none for a name that needs quotes)."""
    if _BARE.fullmatch(name) is None:
        return _NO_PATTERN
    return re.compile(rf"^[ \t]*{name}[ \t]*=", re.MULTILINE)


class SourceMap:
    """Lines and columns of the tables and keys of one text, found on demand."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._headers: list[Statement] = []
        self._clean: list[bool] = []  # per chunk, the top of the file first
        self._index: dict[Path, int] | None = None
        self._chunks: dict[int, dict[Path, Statement]] = {}
        self._found: dict[Path, Statement | None] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._quoted: dict[int, bool] = {}

    # -- the headers, in one pass

    def _header_index(self) -> dict[Path, int]:
        if self._index is None:
            self._headers, self._clean = _headers(self._text)
            index: dict[Path, int] = {}
            for i, header in enumerate(self._headers):
                index.setdefault(header.path, i)
            self._index = index
        return self._index

    def _body(self, i: int) -> tuple[int, int]:
        """Where chunk ``i``'s lines start and end (``-1``: above the first header)."""
        headers = self._headers
        text = self._text
        if i < 0:
            start = 0
        else:
            newline = text.find("\n", headers[i].end)
            start = len(text) if newline < 0 else newline + 1
        following = headers[i + 1] if i + 1 < len(headers) else None
        end = following.start - following.col + 1 if following else len(text)
        return start, max(start, end)

    # -- keys in a chunk

    def _keys(self, i: int) -> dict[Path, Statement]:
        """The key statements of chunk ``i``, by full path, read statement by statement."""
        found = self._chunks.get(i)
        if found is None:
            chunks = self._headers
            start, line = 0, 1
            base: Path = ()
            if i >= 0:
                header = chunks[i]
                start, line, base = header.start - header.col + 1, header.line, header.path
            following = chunks[i + 1] if i + 1 < len(chunks) else None
            end = following.start - following.col + 1 if following else len(self._text)
            found = {}
            skip = 0  # the header's path as the slice reads it (array indices restart at 0)
            for stmt in tomlscan.scan(self._text, start=start, end=end, line=line):
                if stmt.kind != "key":
                    skip = len(stmt.path)
                    continue
                path = base + stmt.path[skip:]
                if path not in found:
                    found[path] = Statement("key", path, stmt.line, stmt.col, stmt.start, stmt.end)
            self._chunks[i] = found
        return found

    def _key(self, i: int, path: Path, cut: int) -> Statement | None:
        """The statement in chunk ``i`` (whose header is ``path[:cut]``) defining ``path``."""
        name = path[cut] if cut == len(path) - 1 else None
        if not isinstance(name, str) or i in self._chunks or not self._clean[i + 1]:
            return self._keys(i).get(path)
        pattern = self._patterns.get(name)
        if pattern is None:
            pattern = self._patterns[name] = _key_line(name)
        if pattern is _NO_PATTERN:  # a key only a string can spell
            return self._keys(i).get(path)
        start, end = self._body(i)
        text = self._text
        match = pattern.search(text, start, end)
        if match is None:
            if self._has_quoted_key(i, start, end):  # "name" = … is the same key
                return self._keys(i).get(path)
            return None
        line_start = match.start()
        head = match.group()
        first = line_start + len(head) - len(head.lstrip(" \t"))
        line = self._line_of(i, line_start)
        stop = text.find("\n", line_start, end)  # a clean line is all one statement
        stop = end if stop < 0 else stop
        stmt_end = line_start + len(text[line_start:stop].rstrip())
        return Statement("key", path, line, first - line_start + 1, first, stmt_end)

    def _has_quoted_key(self, i: int, start: int, end: int) -> bool:
        quoted = self._quoted.get(i)
        if quoted is None:
            quoted = self._quoted[i] = _QUOTED_KEY.search(self._text, start, end) is not None
        return quoted

    def _line_of(self, i: int, offset: int) -> int:
        if i < 0:
            return 1 + self._text.count("\n", 0, offset)
        header = self._headers[i]
        return header.line + self._text.count("\n", header.end, offset)

    # -- questions

    def find(self, path: Path) -> Statement | None:
        """The statement that defines exactly ``path``, if the text has one."""
        known = self._found.get(path, _NOT_FOUND)
        if known is not _NOT_FOUND:
            return known  # type: ignore[return-value]
        index = self._header_index()
        best: Statement | None = None
        at = index.get(path)
        if at is not None:
            best = self._headers[at]
        # a key stated in the chunk of an ancestor's header; keys hold no array index,
        # so only headers at or below the path's last index can hold it
        low = len(path)
        while low and not isinstance(path[low - 1], int):
            low -= 1
        for cut in range(low, len(path)):
            chunk = -1 if cut == 0 else index.get(path[:cut])
            if chunk is None:
                continue
            stmt = self._key(chunk, path, cut)
            if stmt is not None and (best is None or stmt.start < best.start):
                best = stmt
        self._found[path] = best
        return best

    def nearest(self, path: Path) -> Statement | None:
        """The statement for ``path`` or, failing that, for its closest ancestor.

        An array of tables stands for its first ``[[header]]`` (its path has no
        statement of its own).
        """
        for cut in range(len(path), 0, -1):
            stmt = self.find(path[:cut]) or self.find((*path[:cut], 0))
            if stmt is not None:
                return stmt
        return None


def _headers(text: str) -> tuple[list[Statement], list[bool]]:
    """The headers of ``text`` (as :func:`~.tomlscan.headers`) and which chunks are clean.

    A chunk is clean when every line of it is blank, a comment, or a key with a
    one-line value: then each of its lines starts a statement.
    """
    stop = len(text)
    pos, line = 0, 1
    table: Path = ()
    aot_last: dict[Path, int] = {}
    headers: list[Statement] = []
    clean = [True]
    run, simple = tomlscan._RUN.match, tomlscan._SIMPLE.match
    split: dict[str, tuple[str, ...]] = {}  # a header's keys, read once per spelling
    while pos < stop:
        found = run(text, pos, stop)
        assert found is not None  # the pattern matches the empty string
        if found.end() > pos:
            if found.group("hdr") is not None:
                line += text.count("\n", pos, found.start("hdr"))
                is_array = found.group("aot") is not None
                raw = found.group("hkeys")
                parts = split.get(raw)
                if parts is None:
                    parts = split[raw] = tomlscan._split_keys(raw)
                table = tomlscan._concrete(parts, aot_last, is_array)
                first = found.start("hdr")
                col = first - text.rfind("\n", 0, first)
                kind: Literal["table", "array"] = "array" if is_array else "table"
                headers.append(Statement(kind, table, line, col, first, found.end("hdr")))
                clean.append(True)
                line += 1
            else:
                line += text.count("\n", pos, found.end())
            pos = found.end()
            continue
        match = simple(text, pos, stop)
        if match is not None and match.end() > pos:  # the last line, with no line break
            if match.group("hdr") is not None:
                is_array = match.group("aot") is not None
                parts = tomlscan._split_keys(match.group("hkeys"))
                table = tomlscan._concrete(parts, aot_last, is_array)
                first = match.start("hdr")
                headers.append(
                    Statement(
                        "array" if is_array else "table",
                        table,
                        line,
                        first - pos + 1,
                        first,
                        match.end("hdr"),
                    )
                )
                clean.append(True)
            pos = match.end()
            line += 1
            continue
        clean[-1] = False
        stmt, pos, lines = tomlscan._slow_statement(text, pos, stop, line, table, aot_last)
        line += lines
        if stmt is not None and stmt.kind != "key":
            table = stmt.path
            headers.append(stmt)
            clean.append(False)  # a header read token by token: its line is not a plain one
    return headers, clean
