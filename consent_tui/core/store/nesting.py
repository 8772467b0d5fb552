"""How deeply tables and arrays nest: a limit no real catalogue comes near.

Everything that walks a catalogue's values (the store's merge and checks,
validation of unknown keys, exports, the editor) recurses, and ``tomllib``
itself does: a file nested hundreds of levels deep would end in a
``RecursionError``. The loader refuses such files with this module's help:
:func:`too_deep` finds a value nested deeper than :data:`MAX_DEPTH` (only the
values kept in an entity's ``extra`` can nest at all, so only they are walked)
and :func:`place` finds where the text goes that deep, for the message.

A level is a table or an array: ``[policy]`` is at level 1, ``x = [[1]]`` in
it holds arrays at levels 2 and 3, and each element of ``[[services.a.cookies]]``
is a table at level 4.
"""

from __future__ import annotations

from typing import Any, Final

from consent_tui.core.errors import NotACatalogueError
from consent_tui.core.store.tomlscan import _TOKEN, Path

MAX_DEPTH: Final = 50


def message(limit: int = MAX_DEPTH) -> str:
    return (
        f"tables and arrays are nested more than {limit} levels deep here; "
        "a catalogue never needs that many: flatten this value"
    )


def refusal(body: str, path: str | None) -> NotACatalogueError:
    """The error for ``body`` (text without its BOM) nesting beyond :data:`MAX_DEPTH`."""
    line, col = place(body) or (None, None)
    return NotACatalogueError(message(), path=path, line=line, col=col)


def too_deep(value: Any, level: int, where: Path, limit: int = MAX_DEPTH) -> Path | None:
    """The path of a table or array in ``value`` (at ``level``) nested beyond ``limit``.

    Iterative, so any depth is walked safely; ``None`` when all is within.
    """
    stack: list[tuple[Any, int, Path]] = [(value, level, where)]
    while stack:
        item, depth, path = stack.pop()
        if isinstance(item, dict):
            children: Any = item.items()
        elif isinstance(item, list):
            children = enumerate(item)
        else:
            continue
        if depth > limit:
            return path
        stack.extend((child, depth + 1, (*path, key)) for key, child in children)
    return None


def place(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """Line and column where ``text`` first nests beyond ``limit`` (else at its deepest).

    A token-level reading of headers, dotted keys and brackets (outside strings
    and comments), used only to report an error: slow, but it stops at the first
    place found.
    """
    scan = _Scan()
    line, line_start = 1, 0
    for match in _TOKEN.finditer(text):
        kind, raw = match.lastgroup, match.group()
        if kind == "nl":
            line, line_start = line + 1, match.end()
            scan.newline()
        elif kind in ("mlb", "mll"):
            if "\n" in raw:
                line, line_start = line + raw.count("\n"), match.start() + raw.rfind("\n") + 1
            scan.expect_key = False
        elif kind not in ("ws", "comment"):
            level = scan.token(kind or "", raw)
            if level > limit:
                return line, match.start() - line_start + 1
            if level > scan.deepest[0]:
                scan.deepest = (level, line, match.start() - line_start + 1)
    return scan.deepest[1:] if scan.deepest[0] else None


class _Scan:
    """The nesting state of :func:`place`: open brackets, current table, key read so far."""

    def __init__(self) -> None:
        self.levels: list[tuple[int, str]] = []  # open brackets: (level, "[" or "{")
        self.table = 0  # level of the current [table]
        self.keys = 0  # parts of the key being read
        self.expect_key = True
        self.header: list[int] | None = None  # [parts, is_array] inside a header
        self.deepest = (0, 0, 0)

    @property
    def outer(self) -> int:
        return self.levels[-1][0] if self.levels else self.table

    def newline(self) -> None:
        if not self.levels:
            self.expect_key, self.keys = True, 0

    def token(self, kind: str, raw: str) -> int:
        """Read one token; the level of what it opens or names (0 when nothing)."""
        punct = kind == "punct"
        if self.header is not None:
            return self._header(punct, raw)
        if punct and raw in "[{":
            if not self.levels and self.expect_key and not self.keys:
                self.header = [0, 0]
                return 0
            level = self.outer + max(self.keys, 1)
            self.levels.append((level, raw))
            self.keys, self.expect_key = 0, raw == "{"
            return level
        if punct and raw in "]}":
            if self.levels:
                self.levels.pop()
            self.keys, self.expect_key = 0, False
        elif punct and raw == ",":
            self.keys, self.expect_key = 0, bool(self.levels) and self.levels[-1][1] == "{"
        elif punct and raw == "=":
            self.expect_key = False
        elif not punct and self.expect_key:
            self.keys += 1
            return self.outer + self.keys - 1 if self.keys > 1 else 0
        return 0

    def _header(self, punct: bool, raw: str) -> int:
        assert self.header is not None
        if punct and raw == "[":
            self.header[1] = 1
        elif punct and raw == "]":
            self.table = self.header[0] + self.header[1]
            self.header = None
            self.expect_key = False
            return self.table
        elif not punct:
            self.header[0] += 1
            return self.header[0]
        return 0
