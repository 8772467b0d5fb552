"""The header scanner and the chunk geometry the store cuts files with."""

from __future__ import annotations

import textwrap

import pytest

from benchmarks.generate import generate
from consent_tui.core.store import tomlscan
from consent_tui.core.store.chunks import ChunkIndex
from consent_tui.core.store.patch import runs
from tests.conftest import sample_paths
from tests.core.store_support import fixtures

TRICKY = textwrap.dedent(
    '''\
    # top
    format_version = 1
    matrix = [
    [1, 2],
    [3, 4],
    ]
    text = """
    [not.a.header]
    # not a comment

    """

    # about a
    # (two lines)
    [a]
    x = 1
    # trailing, attached to a

    # loose comment

    # lead of b
    [b]
    y = """
    # inside
    """
    [[c.d]]
    z = 'lit'
    [c.d.e]
    [[c.d]]
    '''
)


@pytest.mark.parametrize(
    "text",
    [TRICKY, generate(300)]
    + [p.read_bytes().decode("utf-8").lstrip("\ufeff") for p in sample_paths() + fixtures()],
    ids=lambda t: t[:12].replace("\n", " "),
)
def test_the_quick_header_scan_agrees_with_the_full_scan(text: str) -> None:
    assert tomlscan.headers(text) == [s for s in tomlscan.scan(text) if s.kind != "key"]


def test_headers_skip_look_alikes_inside_values_and_index_arrays_of_tables() -> None:
    paths = [(h.kind, h.path, h.line) for h in tomlscan.headers(TRICKY)]
    assert paths == [
        ("table", ("a",), 15),
        ("table", ("b",), 22),
        ("array", ("c", "d", 0), 26),
        ("table", ("c", "d", 0, "e"), 28),
        ("array", ("c", "d", 1), 29),
    ]


def _at(text: str, offset: int) -> str:
    """The line starting at ``offset``."""
    return text[offset : text.find("\n", offset) + 1]


def test_chunk_geometry() -> None:
    index = ChunkIndex(TRICKY)
    text = TRICKY
    a, b, first_d = 0, 1, 2
    assert _at(text, index.lead_start(a)) == "# about a\n"
    assert _at(text, index.content_end(-1)) == "\n"  # after the root's multi-line string
    assert text[index.content_end(a) :].startswith("\n# loose comment\n")
    assert text[: index.content_end(a)].endswith("x = 1\n# trailing, attached to a\n")
    assert _at(text, index.gap_end(a)) == "# loose comment\n"
    assert _at(text, index.lead_start(b)) == "# lead of b\n"
    assert index.blank_lines_after(a) == 2
    # a multi-line string ends chunk b: its comment-looking line stays inside
    assert text[: index.content_end(b)].endswith('# inside\n"""\n')
    assert index.lead_start(first_d) == index.starts[first_d]


def test_members_and_defined_above() -> None:
    text = textwrap.dedent(
        """\
        format_version = 1
        policy.site_name = "x"
        [services]
        a.provider = "A"
        [services.b]
        provider = "B"
        [[services.b.cookies]]
        [services.c]
        [[services.b.cookies]]
        """
    )
    index = ChunkIndex(text)
    assert index.members(("services", "b")) == [1, 2, 4]
    assert runs(index.members(("services", "b"))) == [[1, 2], [4]]
    assert index.find(("services", "c")) == 3
    assert index.defined_above(("policy",))
    assert index.defined_above(("services", "a"))
    assert not index.defined_above(("services", "b"))
    assert not index.defined_above(("services", "b", "cookies", 1))
