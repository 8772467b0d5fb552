"""The TOML conformance suite (toml-lang/toml-test, TOML 1.0.0 list) against load and save.

The corpus is not copied into the repository: it is found through
``CONSENT_TUI_TOML_TEST`` or at ``../shared/corpus/toml-test`` next to the
checkout. Locally a missing corpus skips these tests; in CI (``CI=true``) it
fails them, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import pytest

from consent_tui.core import store
from consent_tui.core.errors import NotACatalogueError, ParseError
from consent_tui.core.store import BOM, load_text, serialize, tomlscan
from consent_tui.core.store.patch_data import difference
from tests.conftest import ROOT
from tests.core.store_support import add, new_service


def _corpus() -> Path | None:
    places = [ROOT.parent / "shared" / "corpus" / "toml-test"]
    if os.environ.get("CONSENT_TUI_TOML_TEST"):
        places.insert(0, Path(os.environ["CONSENT_TUI_TOML_TEST"]))
    for place in places:
        if (place / "files-toml-1.0.0").is_file():
            return place
    return None


CORPUS = _corpus()
LISTED = (
    [
        line.strip()
        for line in (CORPUS / "files-toml-1.0.0").read_text(encoding="utf-8").splitlines()
        if line.strip().endswith(".toml")
    ]
    if CORPUS
    else []
)
INVALID = [name for name in LISTED if name.startswith("invalid/")]
VALID = [name for name in LISTED if name.startswith("valid/")]


def test_the_corpus_is_there() -> None:
    if CORPUS is None:
        message = (
            "toml-test corpus not found: set CONSENT_TUI_TOML_TEST or put it at "
            f"{ROOT.parent / 'shared' / 'corpus' / 'toml-test'}"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    assert len(INVALID) > 400 and len(VALID) > 150


@pytest.mark.parametrize("name", INVALID)
def test_invalid_toml_is_refused_with_a_place(name: str) -> None:
    assert CORPUS is not None
    path = CORPUS / name
    with pytest.raises(ParseError) as caught:
        store.load(path)
    error = caught.value
    assert error.line is not None and error.line >= 1
    assert error.col is not None and error.col >= 1
    assert str(error).startswith(f"{path}:{error.line}:{error.col}: ")


@pytest.mark.parametrize("name", VALID)
def test_valid_toml_loads_or_is_not_a_catalogue(name: str) -> None:
    assert CORPUS is not None
    try:
        document = store.load(CORPUS / name)
    except NotACatalogueError as exc:
        assert exc.message and "\n" not in exc.message
        assert "catalogue" in exc.message or "format_version" in exc.message
    else:
        assert store.render(document, document.catalogue) == document.text


def _as_catalogue(name: str) -> store.Document | None:
    """The valid file with ``format_version = 1`` on top, when that makes a catalogue."""
    assert CORPUS is not None
    text = (CORPUS / name).read_bytes().decode("utf-8")
    bom = BOM if text.startswith(BOM) else ""
    try:
        tomllib.loads(text.removeprefix(BOM))
        return store.from_text(bom + "format_version = 1\n" + text.removeprefix(BOM))
    except (tomllib.TOMLDecodeError, NotACatalogueError):
        return None


@pytest.mark.parametrize("name", VALID)
def test_valid_toml_as_a_catalogue_is_written_back_byte_for_byte(name: str) -> None:
    document = _as_catalogue(name)
    if document is None:
        pytest.skip("does not make a catalogue even with a format_version")
    assert store.render(document, document.catalogue) == document.text
    rebuilt = load_text(document.text)
    assert store.render(document, rebuilt) == document.text


@pytest.mark.parametrize("name", VALID)
def test_adding_a_service_to_any_valid_layout_keeps_the_rest(name: str) -> None:
    document = _as_catalogue(name)
    if document is None:
        pytest.skip("does not make a catalogue even with a format_version")
    catalogue = add(document.catalogue, "services", new_service(document.catalogue, "zz-added"))
    out = store.render(document, catalogue)
    read = tomllib.loads(out.removeprefix(BOM))
    assert difference(serialize.to_data(catalogue), read) is None  # NaN == NaN
    kept = iter(out.splitlines())
    assert all(line in kept for line in document.text.splitlines())  # in order


def _resolve(data: Any, path: tomlscan.Path) -> Any:
    for part in path:
        data = data[part]
    return data


@pytest.mark.parametrize("name", VALID)
def test_every_header_found_by_the_scanner_is_a_table(name: str) -> None:
    assert CORPUS is not None
    text = (CORPUS / name).read_bytes().decode("utf-8").removeprefix(BOM)
    data = tomllib.loads(text)
    headers = tomlscan.headers(text)
    assert headers == [s for s in tomlscan.scan(text) if s.kind != "key"]
    for header in headers:
        assert isinstance(_resolve(data, header.path), dict), header
        line = text.splitlines()[header.line - 1]
        assert line[header.col - 1] == "["
