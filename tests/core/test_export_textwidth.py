"""Display widths (CJK, emoji, combining marks), wrapping, and plain-text tables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consent_tui.core.export.texttable import column_widths, render_table
from consent_tui.core.export.textwidth import char_width, width, wrap


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("cookie", 6),
        ("クッキー", 8),  # katakana: two columns each
        ("曲奇饼", 6),
        ("쿠키", 4),
        ("🍪", 2),
        ("☕", 2),
        ("e\u0301", 1),  # e + combining acute accent
        ("👩\u200d💻", 2),  # two emoji joined by ZWJ: one picture (wcwidth's measure)
        ("🇫🇷", 2),  # a flag: two regional indicators, one picture
        ("\u00a0", 1),
        ("a\u200bb", 2),  # zero-width space
        ("\x1b", 0),
        ("ｆｕｌｌ", 8),  # fullwidth Latin
        ("✔\ufe0f", 2),  # a text symbol with emoji presentation
    ],
)
def test_widths(text: str, columns: int) -> None:
    assert width(text) == columns


def test_char_width_of_plain_ascii() -> None:
    assert [char_width(c) for c in "a ~"] == [1, 1, 1]


def test_a_long_word_is_never_cut_inside_a_character_cluster() -> None:
    word = "ab👩\u200d💻cd🇫🇷e\u0301f" * 3
    for columns in range(2, 8):
        lines = wrap(word, columns)
        assert "".join(lines) == word
        for line in lines:
            assert width(line) <= columns
            assert not line.startswith(("\u200d", "\u0301", "\U0001f4bb", "\U0001f1f7")), lines


def test_wrap_keeps_no_break_spaces() -> None:
    text = "Dernière mise à jour\u00a0: 28 novembre"
    assert wrap(text, 20) == ["Dernière mise à", "jour\u00a0: 28 novembre"]


def test_wrap_cuts_long_words_after_a_slash() -> None:
    assert wrap("https://policies.google.com/technologies/ads", 20) == [
        "https://policies.",
        "google.com/",
        "technologies/ads",
    ]


def test_wrap_cjk_by_display_width() -> None:
    lines = wrap("クッキーはウェブサイトが保存する小さなデータです", 10)
    assert all(width(line) <= 10 for line in lines)
    assert "".join(lines) == "クッキーはウェブサイトが保存する小さなデータです"


@given(st.text(alphabet=st.sampled_from("ab cd クッ🍪 e\u0301-/"), max_size=80), st.integers(4, 30))
def test_wrap_never_exceeds_the_width_and_keeps_every_word(text: str, columns: int) -> None:
    lines = wrap(text, columns)
    assert all(width(line) <= columns for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_columns_that_fit_keep_their_width() -> None:
    assert column_widths([10, 20], [5, 8], 80) == [10, 20]


def test_columns_share_the_page() -> None:
    widths = column_widths([12, 60, 20, 50], [12, 14, 19, 11], 80)
    assert sum(widths) + 2 * 3 == 80
    assert widths[0] == 12 and widths[2] >= 19  # short columns and long names are not cut


def test_table_aligns_wide_characters() -> None:
    table = render_table(
        ["Name", "Purpose"],
        [[["クッキー"], ["保存する"]], [["🍪_id"], ["A cookie with a rather long purpose text"]]],
        30,
    )
    lines = table.splitlines()
    assert lines[0].startswith("Name") and lines[1].startswith("--------  ")
    assert all(width(line) <= 30 for line in lines)
    column = len("--------  ")  # where the second column starts, in display columns
    for line in lines[2:]:
        if len(line.strip()) > 0 and width(line) > column:
            used, index = 0, 0
            while used < column:
                used += char_width(line[index])
                index += 1
            assert used == column and line[index - 1] == " " and line[index] != " ", line


def test_multi_item_cells_become_lists_when_they_wrap() -> None:
    table = render_table(["Cookies"], [[["first_cookie_name_is_long", "second_cookie_name"]]], 20)
    assert table.splitlines()[2:] == ["- first_cookie_name_", "  is_long", "- second_cookie_name"]


def test_rows_are_separated_only_when_one_wraps() -> None:
    compact = render_table(["A", "B"], [[["x"], ["y"]], [["z"], ["w"]]], 80)
    assert compact.splitlines() == ["A  B", "-  -", "x  y", "z  w"]
    spaced = render_table(["A", "B"], [[["x"], ["a b c d e f g h i j"]], [["z"], ["w"]]], 20)
    assert "" in spaced.splitlines()
