"""The loader's quick ways give exactly what the general ones give.

Loading pauses the cyclic garbage collector (the data is a tree: collections
find nothing) and reads the usual cookie in one go; both are for speed only.
"""

from __future__ import annotations

import gc
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consent_tui.core.errors import ParseError
from consent_tui.core.fields import entity
from consent_tui.core.store import fastparse, load_text
from consent_tui.core.store.builder import Builder

SCALARS = st.none() | st.text(max_size=5) | st.booleans() | st.integers() | st.floats()
VALUES = SCALARS | st.dictionaries(st.sampled_from(["en", "fr"]), SCALARS, max_size=2)
VALUES |= st.lists(SCALARS, max_size=2)
KEYS = st.sampled_from(sorted(entity("cookie").keys | {"unknown", "extra_note"}))
COOKIES = st.dictionaries(KEYS, VALUES).map(
    lambda d: {k: v for k, v in d.items() if v is not None}  # TOML has no null
)


@given(COOKIES)
def test_the_quick_cookie_is_the_general_one(data: dict[str, Any]) -> None:
    builder = Builder("", None)
    general = builder.any_cookie(data)
    quick = builder.quick_cookie(data)
    assert quick is None or quick == general
    assert builder.cookie(data) == general
    if quick is None:  # only a misfit or an unknown key sends a cookie the general way
        assert general.extra


def test_gc_is_paused_while_loading_and_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    loads = fastparse.loads

    def parse(text: str) -> dict[str, Any]:
        seen.append(gc.isenabled())
        return loads(text)

    monkeypatch.setattr(fastparse, "loads", parse)
    assert gc.isenabled()
    load_text("format_version = 1\n")
    assert seen == [False] and gc.isenabled()
    with pytest.raises(ParseError):
        load_text("format_version = \n")
    assert gc.isenabled()
    gc.disable()
    try:
        load_text("format_version = 1\n")
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
