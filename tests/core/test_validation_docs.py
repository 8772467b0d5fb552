"""docs/format.md, docs/rules.md and docs/known.md render as meant, and say what the code does."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from consent_tui.core.export.texts import en, fr
from tests.conftest import ROOT

DOCS = ["format.md", "rules.md", "known.md"]
_PIPE = re.compile(r"(?<!\\)\|")


def _read(name: str) -> str:
    return (ROOT / "docs" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DOCS)
def test_no_table_row_is_left_as_raw_text(name: str) -> None:
    """A row cut off from its table (by a paragraph or a blank line) shows as raw pipes."""
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(_read(name))
    stray = [
        (tokens[i].map[0] + 1 if tokens[i].map else None, tokens[i + 1].content[:60])
        for i, token in enumerate(tokens)
        if token.type == "paragraph_open"
        and _PIPE.search(re.sub(r"`[^`]*`", "", tokens[i + 1].content))
    ]
    assert stray == []


@pytest.mark.parametrize("name", DOCS)
def test_every_table_row_has_as_many_cells_as_its_header(name: str) -> None:
    """Extra cells are dropped silently by Markdown renderers, missing ones left empty."""
    text = _read(name)
    lines = text.splitlines()
    tables = [
        t for t in MarkdownIt("commonmark").enable("table").parse(text) if t.type == "table_open"
    ]
    separators = [line for line in lines if re.fullmatch(r"\|(?:\s*:?-{3,}:?\s*\|)+", line)]
    assert len(tables) == len(separators) > 0
    for table in tables:
        assert table.map is not None
        start, end = table.map
        counts = {n + 1: len(_PIPE.findall(lines[n])) for n in range(start, end)}
        assert len(set(counts.values())) == 1, counts


@pytest.mark.parametrize("name", DOCS)
def test_no_text_is_taken_for_html(name: str) -> None:
    """``<number>`` outside a code span is an HTML tag to a renderer, and disappears."""
    tokens = MarkdownIt("commonmark").enable("table").parse(_read(name))
    html = [t.content for t in tokens if t.type == "html_block"]
    html += [
        child.content
        for t in tokens
        if t.type == "inline"
        for child in t.children or ()
        if child.type == "html_inline"
    ]
    assert html == []


def test_the_default_title_is_the_one_the_export_writes() -> None:
    policy = _read("format.md").split("### `[policy]`", 1)[1].split("\n### ", 1)[0]
    [row] = [line for line in policy.splitlines() if line.startswith("| `title` |")]
    default = row.split(" | ")[3]
    assert f'"{en.SECTIONS["title"]}"' in default
    assert f'"{fr.SECTIONS["title"]}"' in default
