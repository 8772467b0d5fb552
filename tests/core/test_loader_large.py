"""A 10 MB catalogue loads (no hang, no quadratic step), and oversize files are refused."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from benchmarks.generate import generate
from consent_tui.core import store
from consent_tui.core.errors import CatalogueError
from consent_tui.core.store import store as store_module
from consent_tui.core.store import to_data

TEN_MB = 10 * 1024 * 1024


@pytest.fixture(scope="module")
def big_text() -> str:
    cookies = 49_000  # about 215 bytes each
    text = generate(cookies)
    while len(text.encode()) < TEN_MB:  # in case the generator's lines get shorter
        cookies = cookies * 11 // 10
        text = generate(cookies)
    return text


def test_a_ten_megabyte_catalogue_loads_completely(big_text: str, tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text(big_text, encoding="utf-8")
    document = store.load(path)
    catalogue = document.catalogue
    expected = tomllib.loads(big_text)
    assert catalogue.cookie_count() == sum(
        len(s.get("cookies", [])) for s in expected["services"].values()
    )
    assert to_data(catalogue) == expected


def test_a_ten_megabyte_file_of_broken_toml_fails_fast_with_a_place(big_text: str) -> None:
    broken = big_text + '\n[services.last\nname = "x"\n'
    with pytest.raises(CatalogueError) as info:
        store.from_text(broken, "big.toml")
    assert info.value.line == broken.count("\n") - 1
    assert "invalid TOML" in info.value.message


def test_files_above_the_size_limit_are_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"format_version = 1\n" + b"#" * 2048 + b"\n")
    monkeypatch.setattr(store_module, "MAX_BYTES", 1024)
    with pytest.raises(CatalogueError, match="it is 2 KiB, larger than 1 KiB"):
        store.load(path)
