"""``SourceMap`` answers as a full scan would, while scanning only what a question needs."""

from __future__ import annotations

import tomllib

import pytest

from benchmarks.generate import generate
from consent_tui.core.store import BOM, SourceMap, Statement, tomlscan
from tests.conftest import sample_paths
from tests.core.store_support import fixtures
from tests.core.test_conformance import CORPUS, VALID

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
    return None if stmt is None else (stmt.kind, stmt.path, stmt.line, stmt.col, stmt.start)


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
