"""Plain-text tables: aligned columns that share the page width and wrap their cells."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from consent_tui.core.export.textwidth import pad, width, wrap

GAP = 2  # spaces between columns
MIN_COLUMN = 4


def _natural(lines: Sequence[str]) -> int:
    return max((width(line) for line in lines), default=0)


def _longest_word(lines: Sequence[str]) -> int:
    return max((width(word) for line in lines for word in line.split(" ")), default=0)


def _fill(wanted: Sequence[int], available: int) -> list[int]:
    """Share ``available`` among columns wanting ``wanted``: small ones get what they
    want, the others an even share of what is left ("water filling")."""
    widths = [0] * len(wanted)
    pending = set(range(len(wanted)))
    space = available
    while pending:
        share = space // len(pending)
        small = [i for i in pending if wanted[i] <= share]
        if not small:
            for i in sorted(pending):
                widths[i] = max(MIN_COLUMN, share)
            break
        for i in small:
            widths[i] = max(MIN_COLUMN, wanted[i])
            space -= widths[i]
            pending.discard(i)
    return widths


def column_widths(natural: Sequence[int], longest: Sequence[int], total: int) -> list[int]:
    """Widths for columns of ``natural`` width whose longest word is ``longest``.

    Like a browser's automatic table layout: every column first gets room for
    its longest word (shared out evenly when even that does not fit), then the
    space left is shared in proportion to how much each column still lacks.
    """
    count = len(natural)
    available = max(total - GAP * (count - 1), MIN_COLUMN * count)
    if sum(natural) <= available:
        return list(natural)
    cap = max(MIN_COLUMN, available // count + 2)  # a long URL must not starve the rest
    minimum = [max(MIN_COLUMN, min(longest[i], natural[i], cap)) for i in range(count)]
    if sum(minimum) >= available:
        return _fill(minimum, available)
    widths = list(minimum)
    spare = available - sum(widths)
    lacking = [natural[i] - widths[i] for i in range(count)]
    total_lack = sum(lacking)
    for i in range(count):
        widths[i] += spare * lacking[i] // total_lack
    leftover = available - sum(widths)
    for i in sorted(range(count), key=lambda i: -lacking[i])[:leftover]:
        widths[i] += 1
    return widths


def _cell_lines(items: Sequence[str], columns: int) -> list[str]:
    """A cell's lines; several items become a list ("- " and an indent) when they wrap."""
    if len(items) == 1:  # the usual cell, often the same in many rows (a type, a duration)
        return list(_wrapped(items[0], columns))
    if len(items) < 2 or all(width(item) <= columns for item in items):
        return [piece for item in items for piece in wrap(item, columns)]
    lines = []
    for item in items:
        pieces = wrap(item, max(1, columns - 2))
        lines += ["- " + pieces[0], *("  " + piece for piece in pieces[1:])]
    return lines


@lru_cache(maxsize=1 << 14)
def _wrapped(text: str, columns: int) -> tuple[str, ...]:
    return tuple(wrap(text, columns))


def render_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Sequence[str]]],
    total: int,
    *,
    header_row: bool = True,
) -> str:
    """A table: ``rows`` of cells, each cell a list of items (shown one per line).

    The header is underlined with dashes (``header_row`` false: neither is
    written, and the header takes no room); when any row takes several lines,
    rows are separated by a blank line so each stays readable.
    """
    if not header_row:
        header = [""] * len(header)
    columns = len(header)
    cells_by_column = [
        [header[c], *(item for row in rows for item in row[c])] for c in range(columns)
    ]
    natural = [_natural(lines) for lines in cells_by_column]
    # a cell of several items may be drawn as a list: room for its "- " marker
    bullet = [2 if any(len(row[c]) > 1 for row in rows) else 0 for c in range(columns)]
    longest = [_longest_word(lines) + bullet[c] for c, lines in enumerate(cells_by_column)]
    widths = column_widths(natural, longest, total)

    def block(cells: Sequence[Sequence[str]]) -> list[str]:
        wrapped = [_cell_lines(cell, widths[c]) for c, cell in enumerate(cells)]
        height = max((len(lines) for lines in wrapped), default=1)
        out = []
        for i in range(height):
            parts = [
                pad(lines[i] if i < len(lines) else "", widths[c])
                for c, lines in enumerate(wrapped)
            ]
            out.append((" " * GAP).join(parts).rstrip())
        return out

    lines = block([[h] for h in header]) if header_row else []
    if header_row:
        lines.append((" " * GAP).join("-" * w for w in widths))
    bodies = [block(row) for row in rows]
    spaced = any(len(body) > 1 for body in bodies)
    for index, body in enumerate(bodies):
        if spaced and index:
            lines.append("")
        lines.extend(body)
    return "\n".join(lines)
