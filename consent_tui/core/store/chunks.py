"""Cut catalogue text into chunks at its table headers, and measure them.

A chunk runs from a header's line to the next header's line; the root chunk
(index ``-1``) precedes the first header. Inside that span a chunk has:

- its *lead*: the comment lines directly above its header (no blank line
  between), which visually belong to it and go with it when it is deleted;
- its *content*: the header, its statements and the comment lines that follow
  them without a blank line;
- its *gap*: the blank lines (and loose comments) before the next lead.

Only text ``tomllib`` accepted is ever indexed, so a line can be judged by its
first characters, except inside multi-line strings: a comment-looking line
holding a triple quote is never taken for trivia, which keeps every walk out of
such strings.
"""

from __future__ import annotations

from consent_tui.core.store import tomlscan
from consent_tui.core.store.tomlscan import Path, Statement


def line_start(text: str, pos: int) -> int:
    """Offset of the start of the line holding ``pos``."""
    return text.rfind("\n", 0, pos) + 1


def prev_line_start(text: str, pos: int) -> int:
    """Start of the line that ends just before ``pos`` (``pos`` is a line start)."""
    search = pos - 1 if pos > 0 and text[pos - 1] == "\n" else pos
    return text.rfind("\n", 0, search) + 1


def next_line_start(text: str, pos: int) -> int:
    """Start of the line after the one holding ``pos`` (or the end of the text)."""
    newline = text.find("\n", pos)
    return len(text) if newline < 0 else newline + 1


def is_blank(line: str) -> bool:
    return not line.strip(" \t\r\n")


def is_comment(line: str) -> bool:
    stripped = line.lstrip(" \t")
    return stripped.startswith("#") and '"""' not in line and "'''" not in line


class ChunkIndex:
    """The headers of one text and the geometry of their chunks, computed on demand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.headers: list[Statement] = tomlscan.headers(text)
        self.starts = [h.start - h.col + 1 for h in self.headers]
        self._prefix: dict[Path, list[int]] | None = None
        self._keys: dict[int, list[Path]] = {}
        self.memo: dict[str, object] = {}  # facts other modules compute once per text

    def __len__(self) -> int:
        return len(self.headers)

    # -- lookup

    def members(self, path: Path) -> list[int]:
        """Indices of the headers at or under ``path``, in text order."""
        if self._prefix is None:
            prefix: dict[Path, list[int]] = {}
            for i, header in enumerate(self.headers):
                hp = header.path
                for cut in range(1, len(hp) + 1):
                    key = hp[:cut]
                    found = prefix.get(key)
                    if found is None:
                        prefix[key] = [i]
                    else:
                        found.append(i)
            self._prefix = prefix
        return self._prefix.get(path, [])

    def find(self, path: Path) -> int | None:
        """The header defining exactly ``path``, if any."""
        found = self.members(path)
        if found and self.headers[found[0]].path == path:
            return found[0]
        return None

    def keys_of(self, i: int) -> list[Path]:
        """Key paths stated in chunk ``i``, relative to its header."""
        cached = self._keys.get(i)
        if cached is None:
            start, end = self.chunk_start(i), self.chunk_end(i)
            skip = 0 if i < 0 else len(self.headers[i].path)
            cached = [
                s.path[skip:]
                for s in tomlscan.scan(self.text, start=start, end=end, line=1)
                if s.kind == "key"
            ]
            self._keys[i] = cached
        return cached

    def defined_above(self, path: Path) -> bool:
        """Whether a chunk above ``path`` states keys at or under it (dotted or inline)."""
        for cut in range(len(path)):
            ancestor = path[:cut]
            i = -1 if cut == 0 else self.find(ancestor)
            if i is None:
                continue
            rest = path[cut:]
            for key in self.keys_of(i):
                n = min(len(key), len(rest))
                if key[:n] == rest[:n]:
                    return True
        return False

    # -- geometry (offsets into the text)

    def chunk_start(self, i: int) -> int:
        return 0 if i < 0 else self.starts[i]

    def chunk_end(self, i: int) -> int:
        return self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)

    def lead_start(self, i: int) -> int:
        """Start of the comment block directly above header ``i`` (its line if none)."""
        text = self.text
        pos = self.starts[i]
        floor = self.starts[i - 1] + 1 if i > 0 else 0
        while pos > floor:
            above = prev_line_start(text, pos)
            if above < floor or not is_comment(text[above:pos]):
                break
            pos = above
        return pos

    def region_end(self, i: int) -> int:
        """Where chunk ``i``'s own text stops: the next header's lead, or the end."""
        return self.lead_start(i + 1) if i + 1 < len(self.starts) else len(self.text)

    def content_end(self, i: int) -> int:
        """End of chunk ``i``'s statements and the comments that follow them directly."""
        text = self.text
        low = self.chunk_start(i)
        if i >= 0:
            low = next_line_start(text, self.headers[i].end)
        pos = self.region_end(i)
        while pos > low:
            above = prev_line_start(text, pos)
            if above < low:
                break
            line = text[above:pos]
            if not (is_blank(line) or is_comment(line)):
                break
            pos = above
        end = self.region_end(i)
        while pos < end:
            after = next_line_start(text, pos)
            if not is_comment(text[pos:after]):
                break
            pos = after
        return pos

    def gap_end(self, i: int) -> int:
        """After chunk ``i``'s content and the blank lines that follow it."""
        text = self.text
        pos = self.content_end(i)
        end = self.region_end(i)
        while pos < end:
            after = next_line_start(text, pos)
            if not is_blank(text[pos:after]):
                break
            pos = after
        return pos

    def blank_lines_after(self, i: int) -> int:
        """How many blank lines separate chunk ``i``'s content from what follows."""
        text = self.text
        pos, count = self.content_end(i), 0
        end = self.region_end(i)
        while pos < end:
            after = next_line_start(text, pos)
            if is_blank(text[pos:after]):
                count += 1
            pos = after
        return count
