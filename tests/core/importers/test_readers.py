"""The table readers on the markup real pages use: HTML, Markdown, CSV."""

from __future__ import annotations

import pytest

from consent_tui.core.importers.csvreader import read_csv
from consent_tui.core.importers.htmlreader import read_html
from consent_tui.core.importers.mdreader import read_markdown
from consent_tui.core.importers.tables import SourceTable, grid


def _html(text: str) -> list[SourceTable]:
    return read_html(text, "page.html").tables


def _texts(table: SourceTable) -> list[list[str]]:
    return [[slot.cell.text for slot in row] for row in grid(table.rows, table.width)]


def test_header_row_from_thead_or_a_first_row_of_th_or_none() -> None:
    with_thead = "<table><thead><tr><td>Name</td></tr></thead><tr><td>a</td></tr></table>"
    th_row = "<table><tr><th>Name</th></tr><tr><td>a</td></tr></table>"
    plain = "<table><tr><td>a</td></tr><tr><td>b</td></tr></table>"
    body_th = "<table><tr><th scope=row>a</th><td>1</td></tr><tr><th>b</th><td>2</td></tr></table>"
    assert [c.text for c in _html(with_thead)[0].header or ()] == ["Name"]
    assert [c.text for c in _html(th_row)[0].header or ()] == ["Name"]
    assert _html(plain)[0].header is None
    assert _html(body_th)[0].header is None  # th starting each body row is a cell
    assert _texts(_html(body_th)[0]) == [["a", "1"], ["b", "2"]]


def test_a_first_row_of_td_that_names_columns_is_the_header() -> None:
    table = _html(
        "<table><tr><td><b>Name</b></td><td><b>Provider</b></td><td><b>Expiry</b></td></tr>"
        "<tr><td>sid</td><td>Shop</td><td>Session</td></tr></table>"
    )[0]
    assert [c.text for c in table.header or ()] == ["Name", "Provider", "Expiry"]
    assert _texts(table) == [["sid", "Shop", "Session"]]
    plain = _html("<table><tr><td>Name</td><td>Ann</td></tr><tr><td>x</td><td>y</td></tr></table>")
    assert plain[0].header is None


def test_cells_and_rows_left_open_are_closed_by_the_next() -> None:
    table = _html("<table><tr><td>a<td>b<tr><td>c<td>d</table>")[0]
    assert _texts(table) == [["a", "b"], ["c", "d"]]


def test_merged_cells_fill_the_places_they_cover() -> None:
    table = _html(
        "<table><tr><td rowspan=2>p</td><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr>"
        "<tr><td colspan=2>wide</td><td>3</td></tr>"
        '<tr><td rowspan="0">rest</td><td>x</td><td>4</td></tr><tr><td>y</td><td>5</td></tr>'
        "</table>"
    )[0]
    assert _texts(table) == [
        ["p", "a", "1"],
        ["p", "b", "2"],
        ["wide", "wide", "3"],
        ["rest", "x", "4"],
        ["rest", "y", "5"],
    ]
    assert table.rows[3][0].rowspan == 2  # rowspan="0": to the end of its section


def test_line_breaks_blocks_entities_whitespace_and_nested_markup() -> None:
    table = _html(
        "<table><tr><td>_ga<br>_gid<br/>\n  _gat</td>"
        "<td><p>One</p><p>Two &amp; three</p></td>"
        "<td><ul><li>a</li><li>b</li></ul></td>"
        "<td>  spaced \n\t out&nbsp;text  </td>"
        "<td><span><b>deep</b> <i>ly</i></span> nested</td></tr></table>"
    )[0]
    assert _texts(table) == [
        ["_ga\n_gid\n_gat", "One\nTwo & three", "a\nb", "spaced out text", "deep ly nested"]
    ]


def test_scripts_styles_and_hidden_elements_are_not_text() -> None:
    table = _html(
        "<style>td{}</style><script>var x = '<table><tr><td>no</td></tr></table>';</script>"
        "<table><tr><td>a<span hidden>secret</span><span style='display: none'>x</span></td>"
        "<td><template>t</template>b</td></tr></table>"
    )
    assert len(table) == 1 and _texts(table[0]) == [["a", "b"]]


def test_links_are_kept_with_their_text_and_title() -> None:
    cell = _html(
        '<table><tr><td><a href="https://p.example/privacy" title="P\'s privacy policy">P</a>'
        "<br><a href='/more'>Learn more</a></td></tr></table>"
    )[0].rows[0][0]
    assert cell.text == "P\nLearn more"
    assert [(link.href, link.text, link.title) for link in cell.links] == [
        ("https://p.example/privacy", "P", "P's privacy policy"),
        ("/more", "Learn more", ""),
    ]


def test_the_heading_before_each_table_and_the_paragraphs_between() -> None:
    tables = _html(
        "<h1>Cookie policy</h1><p>Intro.</p>"
        "<h2>Necessary</h2><p>They keep the site working.</p><div><p>Second.</p></div>"
        "<div class='wrap'><table><tr><td>a</td></tr></table></div>"
        "<p>Between.</p><table><tr><td>b</td></tr></table>"
        "<div class='CookieDeclarationTypeHeader'>Statistics (2)</div>"
        "<table><tr><td>c</td></tr></table>"
        "<p><strong>Marketing</strong></p><table><tr><td>d</td></tr></table>"
        "<header class='site-header'><nav><ul><li>Home</li></ul></nav></header>"
        "<table><tr><td>e</td></tr></table>"
    )
    assert [(t.heading, t.heading_shared, t.intro) for t in tables] == [
        ("Necessary", False, ("They keep the site working.", "Second.")),
        ("Necessary", True, ("Between.",)),
        ("Statistics (2)", False, ()),
        ("Marketing", False, ()),
        ("Marketing", True, ("Home",)),
    ]


def test_captions_languages_lines_and_nested_tables() -> None:
    result = read_html(
        '<html lang="de"><head><title>T</title><meta property="og:site_name" content="Shop">'
        '<link rel="canonical" href="https://shop.example/c"></head><body>\n'
        "<table><caption>Necessary <b>cookies</b></caption><tr><td>a</td></tr></table>\n"
        '<div lang="fr"><table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table>'
        "</div>",
        "page.html",
    )
    assert (result.page.lang, result.page.title, result.page.site_name, result.page.url) == (
        "de",
        "T",
        "Shop",
        "https://shop.example/c",
    )
    first, outer, inner = result.tables
    assert (first.caption, first.lang, first.line, first.number) == (
        "Necessary cookies",
        "de",
        2,
        1,
    )
    assert (outer.lang, inner.lang, inner.number) == ("fr", "fr", 3)
    assert _texts(inner) == [["inner"]] and _texts(outer) == [[""]]


def test_markdown_tables_with_headings_code_breaks_and_escapes() -> None:
    tables = read_markdown(
        "# Policy\n\n## Necessary (2)\n\nThey are needed.\n\n"
        "| Name | Purpose |\n| --- | --- |\n"
        "| `_ga`<br>`_gid` | A \\| B &amp; C<wbr>D [link](https://x.example) |\n\n"
        "|  |  |\n| --- | --- |\n| a | b |\n",
        "c.md",
    )
    first, second = tables
    assert (first.heading, first.intro, first.line) == ("Necessary (2)", ("They are needed.",), 7)
    assert [c.text for c in first.header or ()] == ["Name", "Purpose"]
    assert _texts(first) == [["_ga\n_gid", "A | B & CD link"]]
    assert first.rows[0][1].links[0].href == "https://x.example"
    assert second.header is None and second.heading_shared  # an empty header row: none


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Name,Duration\r\nsid,Session\r\n", [["Name", "Duration"], ["sid", "Session"]]),
        ("Name;Duration\nsid;1 year\n\n", [["Name", "Duration"], ["sid", "1 year"]]),
        ("Name\tDuration\nsid\t1 day\n", [["Name", "Duration"], ["sid", "1 day"]]),
        ('Name,Note\nsid,"two\nlines"\na\n', [["Name", "Note"], ["sid", "two\nlines"], ["a", ""]]),
    ],
)
def test_csv_delimiters_are_sniffed_and_quoted_line_breaks_kept(
    text: str, rows: list[list[str]]
) -> None:
    (table,) = read_csv(text, "c.csv")
    assert _texts(table) == rows
