"""The loader's compiled parser reads every text exactly as ``tomllib`` does.

Same values, same errors (message, line and column), on the TOML conformance
corpus (the 1.0 files, and the 1.1 ones that both must refuse) and on catalogues
cut and spliced at random; so swapping it in changes no result and no message.
"""

from __future__ import annotations

import math
import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from consent_tui.core.store import fastparse
from tests.conftest import sample_paths
from tests.core.test_conformance import CORPUS

SAMPLES = [p.read_text(encoding="utf-8") for p in sample_paths()]
PIECES = ['"', "'", "[", "]", "{", "}", "=", ".", ",", "#", "\n", " ", "\t", "\\", '"""']
PIECES += ["'''", "\r", "\x00", "é", "1", "-", "_", "+", ":", "T", "Z", "e", "inf", "0x"]


def outcome(loads: Any, text: str) -> tuple[str, str]:
    try:
        return ("value", repr(_nan_free(loads(text))))
    except RecursionError:
        return ("too deep", "")
    except ValueError as exc:  # TOMLDecodeError is one; so is int()'s digit cap
        return (type(exc).__name__, str(exc))


def _nan_free(value: Any) -> Any:
    """NaN is never equal to itself: compare its text instead."""
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, dict):
        return {k: _nan_free(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nan_free(v) for v in value]
    return value


def test_the_compiled_parser_is_the_one_in_use() -> None:
    """Installed from the lock file, the loader parses with compiled tomli 2.3."""
    assert fastparse.NAME == "tomli (compiled)"
    assert fastparse.loads is not tomllib.loads


def test_the_conformance_corpus_reads_the_same() -> None:
    if CORPUS is None:
        return  # test_conformance.py fails in CI when the corpus is missing
    names: set[str] = set()
    for listing in ("files-toml-1.0.0", "files-toml-1.1.0"):
        names |= {
            line.strip()
            for line in (CORPUS / listing).read_text(encoding="utf-8").splitlines()
            if line.strip().endswith(".toml")
        }
    compared = 0
    for name in sorted(names):
        path = CORPUS / name
        if not path.is_file():
            continue
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # the loader refuses these before any parser sees them
        assert outcome(fastparse.loads, text) == outcome(tomllib.loads, text), name
        compared += 1
    assert compared > 700


@st.composite
def mutants(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SAMPLES))
    start = draw(st.integers(0, max(0, len(text) - 2000)))
    text = text[start : start + 2000]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if how == "insert":
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 6)) :]
        else:
            text = text[:at] + text[at : at + draw(st.integers(1, 40))] * 2 + text[at:]
    return text


@settings(max_examples=400, deadline=None)
@given(mutants())
def test_mutated_catalogues_read_the_same(text: str) -> None:
    assert outcome(fastparse.loads, text) == outcome(tomllib.loads, text)


def test_deep_nesting_fails_as_tomllib_does_or_is_refused_later() -> None:
    """Both refuse nesting thousands deep (tomllib by recursing, tomli by its own cap)."""
    for text in ("x = " + "[" * 5000 + "]" * 5000, "x = " + "{a=" * 5000 + "1" + "}" * 5000):
        assert outcome(fastparse.loads, text)[0] == "too deep"
        assert outcome(tomllib.loads, text)[0] == "too deep"
