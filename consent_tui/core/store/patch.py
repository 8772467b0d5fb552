"""Text-level edits of a catalogue file: pieces of new text spliced into the old.

A :class:`Piece` replaces one span of the original text (a zero-width span is
an insertion, empty text a deletion). Every piece that carries data is checked
on its own with ``tomllib`` (a piece is always a whole, valid TOML fragment)
before it is used: :class:`Texts` builds them, and :func:`apply` joins them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import tomlkit
import tomlkit.exceptions

from consent_tui.core.errors import SaveError
from consent_tui.core.store.chunks import ChunkIndex
from consent_tui.core.store.patch_data import difference, dotted, nest, same
from consent_tui.core.store.patch_emit import Style, emit_table, format_key
from consent_tui.core.store.patch_merge import Unmergeable, merge
from consent_tui.core.store.patch_values import set_values
from consent_tui.core.store.tomlscan import _TOKEN, Path

_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")


class Unusual(Exception):
    """A layout the chunk-level edit does not handle: use the whole-file path."""


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    text: str
    seq: int


def relative(path: Path) -> Path:
    """``path`` as seen in a fragment holding one array element: indices become 0."""
    return tuple(0 if isinstance(p, int) else p for p in path)


def with_newline(text: str, newline: str, original: str | None = None) -> str:
    """``text`` with ``newline`` on every line it adds to ``original`` (all lines if none)."""
    if newline == "\n":
        return text
    known = set(_LINES.findall(original)) if original is not None else set()
    out = []
    for line in _LINES.findall(text):
        if line.endswith("\n") and not line.endswith("\r\n") and line not in known:
            line = line[:-1] + "\r\n"
        out.append(line)
    return "".join(out)


def parse_fragment(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def check(text: str, expected: Any, where: Path) -> str | None:
    """Why ``text`` does not read back as ``expected`` (``None`` when it does)."""
    data = parse_fragment(text)
    if data is None:
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            return f"the text written for {dotted(where)} is not valid TOML ({exc})"
    return difference(expected, data)


def runs(members: list[int]) -> list[list[int]]:
    """Header indices split into runs of neighbours."""
    out: list[list[int]] = []
    for i in members:
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def rename_headers(index: ChunkIndex, members: list[int], depth: int, key: str) -> list[Piece]:
    """Header rewrites putting ``key`` at key position ``depth`` (zero-based)."""
    out = []
    for i in members:
        header = index.headers[i]
        raw = index.text[header.start : header.end]
        seen = 0
        for match in _TOKEN.finditer(raw):
            if match.lastgroup in ("bare", "str", "lit"):
                if seen == depth:
                    new = raw[: match.start()] + format_key(key) + raw[match.end() :]
                    out.append(Piece(header.start, header.end, new, -1))
                    break
                seen += 1
    return out


class Texts:
    """Builds the pieces of one render, each checked as it is made."""

    def __init__(self, index: ChunkIndex, newline: str) -> None:
        self.index = index
        self.text = index.text
        self.newline = newline
        self.pieces: list[Piece] = []

    def _add(self, start: int, end: int, text: str) -> None:
        self.pieces.append(Piece(start, end, text, len(self.pieces)))

    def region(self, members: list[int]) -> tuple[int, int]:
        """The span of a block's content: first header line to last content end."""
        return self.index.starts[members[0]], self.index.content_end(members[-1])

    def delete(self, members: list[int]) -> None:
        """Remove a block with the comments above it and the blank lines after it."""
        for run in runs(members):
            self._add(self.index.lead_start(run[0]), self.index.gap_end(run[-1]), "")

    def generated(self, path: Path, data: Any, style: Style, *, array: bool = False) -> str:
        """New text for a whole table, checked with tomllib."""
        text = with_newline(emit_table(path, data, style, array=array), self.newline)
        problem = check(text, nest(relative(path), data), path)
        if problem:
            raise SaveError(f"cannot write {dotted(path)}: {problem}")
        return text

    def regenerate(
        self, members: list[int], path: Path, new: Any, style: Style, *, array: bool = False
    ) -> None:
        """A table written in several places, rewritten whole where it starts."""
        first, *rest = runs(members)
        start, end = self.region(first)
        self._add(start, end, self.generated(path, new, style, array=array))
        for run in rest:
            self.delete(run)

    def insert(
        self,
        at: int,
        path: Path,
        data: Any,
        style: Style,
        *,
        array: bool = False,
        blank: int = 1,
        before: bool = False,
        raw: str | None = None,
    ) -> None:
        """Insert a block at ``at``: generated from ``data``, or ``raw`` (already checked)."""
        if raw is None:
            raw = self.generated(path, data, style, array=array)
        gap = self.newline * blank
        if before:
            text = raw + gap
        else:
            at_end = at == len(self.text) and self.text and not self.text.endswith("\n")
            text = (self.newline if at_end else "") + gap + raw
        self._add(at, at, text)

    def rename(self, members: list[int], depth: int, key: str) -> list[Piece]:
        """Header rewrites for ``members`` (not added: pass them to ``edit`` or ``keep``)."""
        return rename_headers(self.index, members, depth, key)

    def keep(self, renames: list[Piece]) -> None:
        for piece in renames:
            self._add(piece.start, piece.end, piece.text)

    def edit(
        self,
        members: list[int],
        path: Path,
        old: Any,
        new: Any,
        style: Style,
        *,
        renames: Sequence[Piece] = (),
        array: bool = False,
    ) -> None:
        """Rewrite a block in place so it holds ``new`` at ``path`` (renames applied)."""
        if len(runs(members)) > 1:
            self.regenerate(members, path, new, style, array=array)
            return
        start, end = self.region(members)
        text = self.rewrite(start, end, path, old, new, style, renames=renames, array=array)
        if end == len(self.text) and not self.text.endswith("\n"):
            text = text[: -len(self.newline)] if text.endswith(self.newline) else text
        self._add(start, end, text)

    def move(
        self,
        members: list[int],
        path: Path,
        old: Any,
        new: Any,
        style: Style,
        *,
        renames: Sequence[Piece] = (),
        array: bool = False,
    ) -> str:
        """Delete a block, returning its text (comments above included) edited to ``new``."""
        if len(runs(members)) > 1:
            self.delete(members)
            return self.generated(path, new, style, array=array)
        start, end = self.index.lead_start(members[0]), self.index.content_end(members[-1])
        text = self.rewrite(start, end, path, old, new, style, renames=renames, array=array)
        self.delete(members)
        return text

    def rewrite(
        self,
        start: int,
        end: int,
        path: Path,
        old: Any,
        new: Any,
        style: Style,
        *,
        renames: Sequence[Piece] = (),
        array: bool = False,
    ) -> str:
        """The span's text, renamed and merged to hold ``new``; checked with tomllib."""
        original = self.text[start:end]
        if not original.endswith("\n"):
            original += "\n"
        body = _splice(
            original, [Piece(p.start - start, p.end - start, p.text, 0) for p in renames]
        )
        expected = nest(relative(path), new)
        text = body if same(old, new) else _merged(body, relative(path), old, new, style)
        problem = "the edit could not be merged into the text"
        if text is not None:
            text = with_newline(text, self.newline, original)
            problem = check(text, expected, path) or ""
            if not problem:
                return text
        try:
            return self.generated(path, new, style, array=array)
        except SaveError:
            raise SaveError(
                f"the new text for {dotted(path)} would not read back as the catalogue "
                f"({problem}); nothing was written"
            ) from None

    def edit_root(self, old: dict[str, Any], new: dict[str, Any], style: Style) -> None:
        start, end = 0, self.index.content_end(-1)
        original = self.text[start:end]
        if not same(parse_fragment(original), old):
            raise Unusual("top-level keys")
        text = _merged(original, (), old, new, style)
        if text is None:
            raise Unusual("top-level keys")
        text = with_newline(text, self.newline, original)
        problem = check(text, new, ())
        if problem:
            raise SaveError(f"cannot write the top-level keys: {problem}")
        self._add(start, end, text)


def _merged(text: str, path: Path, old: Any, new: Any, style: Style) -> str | None:
    """``text`` (holding ``old`` at ``path``) merged to hold ``new``; ``None`` if unsafe."""
    if not same(parse_fragment(text), nest(path, old)):
        raise Unusual(f"the text of {dotted(path)} does not hold what the model says")
    quick = set_values(text, path, old, new, style)
    if quick is not None:
        return quick
    try:
        doc = tomlkit.parse(text)
        node: Any = doc
        for part in path:
            node = node[part]
        container = node.value if isinstance(node, tomlkit.items.Table) else node
        merge(container, old, new, style)
        return doc.as_string()
    except (
        Unmergeable,
        tomlkit.exceptions.TOMLKitError,
        KeyError,
        IndexError,
        TypeError,
        ValueError,
    ):
        return None


def _splice(text: str, pieces: list[Piece]) -> str:
    out, pos = [], 0
    for piece in sorted(pieces, key=lambda p: (p.start, p.end, p.seq)):
        if piece.start < pos:
            raise Unusual("overlapping edits")
        out.append(text[pos : piece.start])
        out.append(piece.text)
        pos = piece.end
    out.append(text[pos:])
    return "".join(out)


def apply(text: str, pieces: list[Piece]) -> str:
    """``text`` with the pieces spliced in; the end of the file keeps its line breaks."""
    result = _splice(text, pieces)
    if pieces and max(p.end for p in pieces) >= len(text.rstrip("\r\n")):
        core = text.rstrip("\r\n")
        result = result.rstrip("\r\n") + text[len(core) :]
    return result
