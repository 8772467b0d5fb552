"""An unchanged catalogue is written back byte for byte: samples and odd-layout fixtures."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from consent_tui.core import store
from consent_tui.core.store import BOM, load_text, to_data
from tests.conftest import sample_paths
from tests.core.store_support import ROUNDTRIP, fixtures

FILES = sample_paths() + fixtures()


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_unchanged_catalogue_renders_the_same_text(path: Path) -> None:
    document = store.load(path)
    assert store.render(document, document.catalogue) == document.text


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_an_equal_catalogue_built_anew_renders_the_same_text(path: Path) -> None:
    """No object shared with the loaded model: every entity is compared by value."""
    document = store.load(path)
    again = load_text(document.text)
    assert again == document.catalogue
    assert next(iter(again.services.values())) is not next(
        iter(document.catalogue.services.values())
    )
    assert store.render(document, again) == document.text


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_saving_unchanged_writes_the_same_bytes(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    document = store.load(copy)
    saved = store.save(document, load_text(document.text))
    assert copy.read_bytes() == path.read_bytes()
    assert saved.text == document.text
    assert saved.fingerprint is not None and document.fingerprint is not None
    assert saved.fingerprint.sha256 == document.fingerprint.sha256


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_model_serialises_to_what_tomllib_reads(path: Path) -> None:
    """The invariant the store's checks rely on."""
    document = store.load(path)
    body = document.text.removeprefix(BOM)
    assert to_data(document.catalogue) == tomllib.loads(body)


def test_fixture_bytes_survived_git() -> None:
    """The .gitattributes rule keeps CRLF, the BOM and the missing final newline."""
    crlf = (ROUNDTRIP / "crlf.toml").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 50
    assert (ROUNDTRIP / "bom.toml").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (ROUNDTRIP / "spacing.toml").read_bytes().endswith(b"\n")
    assert b"\t" in (ROUNDTRIP / "spacing.toml").read_bytes()
