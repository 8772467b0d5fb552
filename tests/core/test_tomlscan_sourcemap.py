"""``SourceMap`` answers as a full scan would, while scanning only what a question needs."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from consent_tui.core.store import BOM, SourceMap, Statement, tomlscan
from consent_tui.core.store.sourcemap import _headers
from tests.conftest import sample_paths
from tests.core.store_support import fixtures
from tests.core.test_conformance import CORPUS, VALID
from tests.core.validation_support import dumps

Path_ = tuple[str | int, ...]

HAND = {
    "nested arrays of tables": """\
[[a]]
x = 1
[[a.b]]
y = 2
[[a.b]]
y = 3
z.w = 4
[[a]]
[[a.b]]
y = 5
""",
    "dotted and inline": """\
top.key = 1
t = { a = 1 }

[s]
u.v.w = "x"
arr = [
  [1, 2],
]
[s.sub]
q = '''
[not.a.header]
'''
""",
    # keys found by a search for their name in chunks of one-line statements
    "keys by name": """\
top = 1
"quoted" = 2
[a]
name = "x" # name = "y"
  name2\t=\t3
'lit' = 4
"esc\\u0061ped" = 5
[b] # c = 1
c=1
d.e = 2
"c2" = 3
[c]
x = \"\"\"
y = 1
\"\"\"
y = 2
[[d]]
name = 1
[[d]]
other = 2
""",
    "crlf": "a = 1\r\n[b]\r\nc = 2\r\n  d = 3\r\n[[e]]\r\nf = 4\r\n",
    "no final line break after a key": "[a]\nb = 1\nc = 2",
    "no final line break after a header": "a = 1\n[b]",
    "generated, many problems": generate(60, problems=True),
}


def _texts() -> list[tuple[str, str]]:
    out = [(p.name, p.read_text(encoding="utf-8").removeprefix(BOM)) for p in sample_paths()]
    out += [(p.name, p.read_text(encoding="utf-8").removeprefix(BOM)) for p in fixtures()]
    out += list(HAND.items())
    if CORPUS is not None:
        for name in VALID:
            text = (CORPUS / name).read_bytes().decode("utf-8").removeprefix(BOM)
            tomllib.loads(text)  # every listed valid file is valid
            out.append((name, text))
    return out


TEXTS = _texts()


def _reference(text: str) -> dict[Path_, Statement]:
    """What the map answered before: every statement of one full scan, first one kept."""
    index: dict[Path_, Statement] = {}
    for stmt in tomlscan.scan(text):
        index.setdefault(stmt.path, stmt)
    return index


def _nearest(index: dict[Path_, Statement], path: Path_) -> Statement | None:
    for cut in range(len(path), 0, -1):
        stmt = index.get(path[:cut]) or index.get((*path[:cut], 0))
        if stmt is not None:
            return stmt
    return None


def _where(stmt: Statement | None) -> tuple[object, ...] | None:
    return (
        None if stmt is None else (stmt.kind, stmt.path, stmt.line, stmt.col, stmt.start, stmt.end)
    )


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[n for n, _ in TEXTS])
def test_find_and_nearest_agree_with_a_full_scan(name: str, text: str) -> None:
    reference = _reference(text)
    source = SourceMap(text)
    for path in reference:
        assert _where(source.find(path)) == _where(reference[path]), path
        for probe in ((*path, "missing"), (*path, 0, "missing"), (*path[:-1], "missing")):
            assert _where(source.find(probe)) == _where(reference.get(probe))
            assert _where(source.nearest(probe)) == _where(_nearest(reference, probe)), probe
    assert source.find(("no", "such", "table")) is None
    assert source.nearest(()) is None


def test_a_question_scans_only_the_chunks_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys are read in the few chunks that can hold the path, never the whole text."""
    text = generate(1_000)
    read: list[int] = []
    scan = tomlscan.scan

    def counting(text: str, **kwargs: object) -> object:
        if kwargs.get("keys", True):
            start = int(kwargs.get("start") or 0)
            end = kwargs.get("end")
            read.append((len(text) if end is None else int(end)) - start)  # type: ignore[call-overload]
        return scan(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tomlscan, "scan", counting)
    source = SourceMap(text)
    stmt = source.find(("services", "service-00050", "cookies", 3, "duration"))
    assert stmt is not None and text[stmt.start :].startswith('duration = "')
    assert source.nearest(("services", "service-00050", "cookies", 3, "domain")) is not None
    assert sum(read) < len(text) // 100


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[n for n, _ in TEXTS])
def test_the_header_pass_finds_the_scanners_headers(name: str, text: str) -> None:
    """The one pass that indexes headers (and notes clean chunks) sees what the scanner sees."""
    found, clean = _headers(text)
    assert found == tomlscan.headers(text)
    assert len(clean) == len(found) + 1
    for i, is_clean in enumerate(clean):  # a clean chunk holds one-line statements only
        if not is_clean:
            continue
        pos = 0 if i == 0 else (text.find("\n", found[i - 1].end) + 1 or len(text))
        end = found[i].start - found[i].col + 1 if i < len(found) else len(text)
        while pos < end:
            line = tomlscan._SIMPLE.match(text, pos, end)
            assert line is not None and line.end() > pos, (i, text[pos:end])
            pos = line.end()


def test_a_clean_chunk_is_searched_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Locating a key of every cookie of a large file reads no chunk statement by statement."""
    text = generate(2_000, problems=True)
    scans: list[object] = []
    scan = tomlscan.scan

    def counting(text: str, **kwargs: object) -> object:
        scans.append(kwargs)
        return scan(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tomlscan, "scan", counting)
    source = SourceMap(text)
    for s in range(200):
        for c in range(10):
            stmt = source.find(("services", f"service-{s:05d}", "cookies", c, "description"))
            assert stmt is not None and text[stmt.start :].startswith("description = {")
    assert scans == []


KEYS = st.sampled_from(["a", "b", "name", "x-1", "A B", "é", "a.b", "", "1", "na'me", 'q"'])
VALUES = st.one_of(
    st.integers(-5, 5), st.text(max_size=6), st.booleans(), st.lists(st.integers(), max_size=2)
)
TABLES = st.recursive(
    st.dictionaries(KEYS, VALUES, max_size=3),
    lambda inner: st.dictionaries(
        KEYS, st.one_of(VALUES, inner, st.lists(inner, min_size=1, max_size=2)), max_size=3
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(TABLES)
def test_random_tables_are_found_as_a_full_scan_finds_them(data: dict[str, object]) -> None:
    """Quoted, dotted-looking and repeated names, arrays of tables: the search per chunk
    and its fallbacks answer as the full scan does."""
    text = dumps(data)
    assert tomllib.loads(text) == data
    reference = _reference(text)
    source = SourceMap(text)
    for path in reference:
        assert _where(source.find(path)) == _where(reference[path]), path
        probe = (*path, "missing")
        assert _where(source.nearest(probe)) == _where(_nearest(reference, probe)), probe
