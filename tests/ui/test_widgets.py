"""The editor's own rendering helpers: Markdown lines, column widths, display text."""

from __future__ import annotations

from consent_tui.ui.text import visible
from consent_tui.ui.widgets.grid import Column, Row
from consent_tui.ui.widgets.grid_layout import fit_widths, natural_widths
from consent_tui.ui.widgets.md_lines import render


def lines(markdown: str, width: int = 60) -> list[str]:
    return ["".join(seg.text for seg in strip).rstrip() for strip in render(markdown, width)]


def test_markdown_blocks() -> None:
    text = "# Title\n\nSome *text* and a [link](https://x.example).\n\n- one\n- two\n\n---\n"
    assert lines(text) == [
        "Title",
        "",
        "Some text and a link.",
        "",
        "• one",
        "• two",
        "",
        "─" * 60,
    ]


def test_markdown_table_wraps_cells_and_breaks_lines() -> None:
    head = "| Name | Duration |\n|---|--:|\n"
    text = head + "| \\_ga<br>\\_ga\\_\\* | 13 months, renewed on each visit |\n"
    assert lines(text, 30) == [
        " Name  │              Duration",
        " ──────┼──────────────────────",
        " _ga   │ 13 months, renewed on",
        " _ga_* │            each visit",
    ]


def test_markdown_shows_markup_and_escapes_literally() -> None:
    out = lines("Text [b]bold[/b] <script>x</script> \x1b[31m red\n")
    assert out == ["Text [b]bold[/b] <script>x</script> ␛[31m red"]


def test_markdown_long_document_is_lines_not_widgets() -> None:
    rows = "".join(f"| cookie{n} | 1 year |\n" for n in range(2000))
    out = render("| Name | Duration |\n|---|---|\n" + rows, 80)
    assert len(out) == 2002


def test_column_widths_fill_and_shrink() -> None:
    columns = [Column("a", "A", max_width=10), Column("b", "B", grow=True), Column("c", "C")]
    rows = [Row("1", ("x" * 30, "short", "mid-size"))]
    natural = natural_widths(columns, rows)
    assert natural == [30, 5, 8]
    # room to spare: the capped column gets its full width first, then the growing one
    assert fit_widths(columns, natural, 60) == [30, 18, 8]
    # too narrow: capped to 10, and the widest shrink first down to their minimum
    assert fit_widths(columns, natural, 20) == [5, 5, 6]


def test_visible_makes_controls_visible() -> None:
    assert visible("a\x1bb\x07c\x9bd\u202ee\nf") == "a␛b␇c<U+009B>d<U+202E>e↵f"
    assert visible("line\nnext\ttab", multiline=True) == "line\nnext tab"
    assert visible(None) == "" and visible(3) == "3"


def test_grid_model_filters_and_sorts_indexes() -> None:
    from consent_tui.ui.widgets.grid_model import GridModel

    model = GridModel([Column("name", "Name"), Column("n", "N", numeric=True)])
    model.set_rows([Row("a", ("Beta", "10")), Row("b", ("alpha", "9")), Row("c", ("", "x"))])
    assert model.visible_keys() == ["a", "b", "c"]
    model.sort_by(0)
    assert model.visible_keys() == ["b", "a", "c"]  # case-insensitive, empty cells last
    model.sort_by(1)
    assert model.visible_keys() == ["b", "a", "c"]  # as numbers: 9 < 10
    assert model.set_filter("  A  ") and model.visible_keys() == ["b", "a"]
    assert not model.set_filter("a")  # the same words: nothing to do
    assert model.set_filter("alp 9") and model.visible_keys() == ["b"]
    assert model.position("a") is None and model.position("b") == 0
    assert model.set_filter("") and model.key_at(2) == "c" and model.key_at(3) is None


def test_markdown_word_break_hints_are_invisible() -> None:
    assert lines("See https:/<wbr>/example<wbr>.org <b>x</b>\n") == [
        "See https://example.org <b>x</b>"
    ]
