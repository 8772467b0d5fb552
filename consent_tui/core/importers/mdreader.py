"""Markdown file -> its tables (GFM pipe tables), each with the heading and paragraphs before it.

Parsed by markdown-it-py with its table rule and inline HTML on, so that a
``<br>`` in a cell is a line break (GitHub's way of writing one), ``<wbr>`` and
other tags are nothing, code spans keep their text, escapes and entities are
decoded. A table whose header row is all empty has, for consent-tui, no header
row: GFM has no table without one, and that is how the exports write it.
"""

from __future__ import annotations

import re
from typing import Any

from consent_tui.core.importers.tables import Link, SourceCell, SourceTable, clean_lines

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(p|div|li|ul|ol)\b[^>]*>", re.IGNORECASE)


def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _inline_text(token: Any) -> tuple[str, tuple[Link, ...]]:
    """The text of an inline token: code spans, line breaks from ``<br>``, links kept."""
    parts: list[str] = []
    links: list[Link] = []
    open_links: list[tuple[str, int]] = []
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n" if kind == "hardbreak" else " ")
        elif kind == "html_inline":
            if _BREAK.fullmatch(child.content.strip()) or _BLOCK_TAG.fullmatch(
                child.content.strip()
            ):
                parts.append("\n")
        elif kind == "link_open":
            open_links.append((str(child.attrs.get("href") or ""), len(parts)))
        elif kind == "link_close" and open_links:
            href, start = open_links.pop()
            links.append(Link(href, " ".join("".join(parts[start:]).split())))
        elif kind == "image":
            parts.append(child.content)
    return clean_lines("".join(parts)), tuple(links)


def read_markdown(text: str, source: str) -> list[SourceTable]:
    """Every table of the file, in order."""
    tokens = _parser().parse(text)
    tables: list[SourceTable] = []
    heading: str | None = None
    fresh = False  # a heading came since the last table
    paragraphs: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            heading = _inline_text(tokens[index + 1])[0].replace("\n", " ")
            fresh, paragraphs = True, []
            index += 3
            continue
        if token.type == "paragraph_open":
            paragraphs.append(" ".join(_inline_text(tokens[index + 1])[0].split()))
            index += 3
            continue
        if token.type == "table_open":
            end = index
            while tokens[end].type != "table_close":
                end += 1
            line = token.map[0] + 1 if token.map else None
            header, rows = _table(tokens[index:end])
            tables.append(
                SourceTable(
                    source=source,
                    number=len(tables) + 1,
                    rows=rows,
                    header=header,
                    heading=heading,
                    heading_shared=heading is not None and not fresh,
                    intro=tuple(p for p in paragraphs if p),
                    line=line,
                )
            )
            fresh, paragraphs = False, []
            index = end + 1
            continue
        index += 1
    return tables


def _table(
    tokens: list[Any],
) -> tuple[tuple[SourceCell, ...] | None, tuple[tuple[SourceCell, ...], ...]]:
    header: list[SourceCell] = []
    rows: list[tuple[SourceCell, ...]] = []
    row: list[SourceCell] = []
    in_head = False
    for position, token in enumerate(tokens):
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type in ("th_open", "td_open"):
            text, links = _inline_text(tokens[position + 1])
            row.append(SourceCell(text, links=links, header=token.type == "th_open"))
        elif token.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
            row = []
    if all(not cell.text for cell in header):
        return None, tuple(rows)
    return tuple(header), tuple(rows)
