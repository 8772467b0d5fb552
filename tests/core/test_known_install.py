"""The installed copy: written atomically, read lazily, cached as checked JSON, never lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from consent_tui import paths
from consent_tui.core import fileio as atomic
from consent_tui.core.known import cache, installation, load
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.installation import install
from consent_tui.core.known.load import forget, load_index
from consent_tui.core.known.read import read_bytes, read_path
from tests.core.known_support import SMALL_CSV, SMALL_JSON, install_file, installed_index


def _files() -> list[str]:
    return sorted(p.name for p in paths.known_dir().iterdir())


def test_nothing_installed() -> None:
    assert installation.installed() is None
    assert load_index() is None
    assert not paths.known_dir().exists()  # asking creates nothing


def test_install_writes_the_copy_and_its_record() -> None:
    info = install_file()
    data = SMALL_CSV.read_bytes()
    assert _files() == [info.file.name, "source.json"]
    assert info.file.name.startswith("open-cookie-database-") and info.file.suffix == ".csv"
    assert info.file.read_bytes() == data  # as received, byte for byte
    record = json.loads((paths.known_dir() / "source.json").read_text(encoding="utf-8"))
    assert record["file"] == info.file.name
    assert record["source"] == str(SMALL_CSV)
    assert record["licence"] == "Apache-2.0"
    assert "github.com/jkwakman/Open-Cookie-Database" in record["attribution"]
    assert (record["rows"], record["entries"], record["platforms"]) == (24, 24, 12)
    assert record["size"] == len(data) and len(record["sha256"]) == 64
    assert record["retrieved"].endswith("Z")
    assert record["report"]["retention_unparsed"]["Unknown"] == 1
    assert installation.installed() == info


def test_load_index_reads_the_installed_copy_once() -> None:
    index = installed_index()
    assert len(index) == 24 and index.source is not None
    assert load_index() is index  # kept in memory while source.json is unchanged


def test_the_cache_is_used_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    first = installed_index()
    assert paths.known_cache().is_file()
    forget()

    def no_parsing(path: Path) -> None:
        raise AssertionError("the cache should have been read")

    monkeypatch.setattr(load, "read_path", no_parsing)
    second = load_index()
    assert second is not None and second.entries == first.entries


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc.update(format=99),
        lambda doc: doc["key"].update(size=1),
        lambda doc: doc["entries"][0].__setitem__(4, "yes"),  # prefix must be a boolean
        lambda doc: doc["entries"][3].pop(),
        lambda doc: doc["entries"][2].__setitem__(5, [1]),
        lambda doc: doc.update(entries=[]),
    ],
)
def test_a_stale_or_damaged_cache_is_rebuilt(damage: object) -> None:
    expected = installed_index().entries
    where = paths.known_cache()
    doc = json.loads(where.read_bytes())
    damage(doc)  # type: ignore[operator]
    where.write_text(json.dumps(doc), encoding="utf-8")
    forget()
    index = load_index()
    assert index is not None and index.entries == expected
    assert json.loads(where.read_bytes())["entries"][0][4] is False  # written again, sound


@pytest.mark.parametrize("junk", [b"", b"\x80\x81 not json", b"[" * 50_000, b'{"format": 1}'])
def test_a_junk_cache_is_rebuilt(junk: bytes) -> None:
    expected = installed_index().entries
    paths.known_cache().write_bytes(junk)
    forget()
    index = load_index()
    assert index is not None and index.entries == expected


def test_a_cache_that_is_a_fifo_is_not_waited_on() -> None:
    expected = installed_index().entries
    paths.known_cache().unlink()
    os.mkfifo(paths.known_cache())
    forget()
    index = load_index()
    assert index is not None and index.entries == expected


def test_cache_rows_round_trip() -> None:
    entries = read_path(SMALL_CSV).entries
    key = {"file": "x", "size": 1}
    assert cache.loads(cache.dumps(entries, key), key) == list(entries)
    assert cache.loads(cache.dumps(entries, key), {"file": "y", "size": 1}) is None


def test_an_update_replaces_the_copy_and_the_index() -> None:
    first = install_file(SMALL_CSV)
    index = load_index()
    second = install_file(SMALL_JSON)
    assert _files() == [second.file.name, "source.json"]  # the old copy is gone
    assert not first.file.exists() and second.kind == "json"
    new = load_index()
    assert new is not index and new is not None and new.source == second


def test_a_failed_record_write_keeps_the_previous_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    before = install_file(SMALL_CSV)
    record = (paths.known_dir() / "source.json").read_bytes()
    real = atomic.write_atomic

    def failing(path: Path, data: bytes) -> None:
        if path.name == "source.json":
            raise atomic.WriteError(28, "cannot write the file: No space left on device")
        real(path, data)

    monkeypatch.setattr(atomic, "write_atomic", failing)
    data = SMALL_JSON.read_bytes()
    with pytest.raises(KnownDataError) as caught:
        install(data, read_bytes(data, "small.json"), "small.json")
    assert "No space left on device" in caught.value.message
    assert _files() == [before.file.name, "source.json"]  # the new file was removed
    assert (paths.known_dir() / "source.json").read_bytes() == record
    forget()
    index = load_index()
    assert index is not None and index.source == before


def test_a_failed_data_write_keeps_the_previous_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    before = install_file(SMALL_CSV)

    def failing(path: Path, data: bytes) -> None:
        raise atomic.WriteError(13, "cannot create a file: Permission denied")

    monkeypatch.setattr(atomic, "write_atomic", failing)
    data = SMALL_JSON.read_bytes()
    with pytest.raises(KnownDataError, match="Permission denied"):
        install(data, read_bytes(data, "small.json"), "small.json")
    assert _files() == [before.file.name, "source.json"]
    assert installation.installed() == before


@pytest.mark.parametrize(
    "record",
    [
        b"not json",
        b"[]",
        json.dumps({"format": 1, "file": "../../etc/passwd"}).encode(),
        json.dumps({"format": 2}).encode(),
    ],
)
def test_a_damaged_record_is_a_clear_error(record: bytes) -> None:
    install_file()
    (paths.known_dir() / "source.json").write_bytes(record)
    forget()
    with pytest.raises(KnownDataError) as caught:
        load_index()
    assert caught.value.message.startswith("this record of the installed database is damaged")
    assert caught.value.path == str(paths.known_dir() / "source.json")


def test_a_missing_data_file_is_a_clear_error() -> None:
    info = install_file()
    info.file.unlink()
    forget()
    with pytest.raises(KnownDataError, match="the installed database file is missing"):
        load_index()


def test_a_copy_edited_by_hand_is_read_again(tmp_path: Path) -> None:
    info = install_file()
    assert load_index() is not None
    text = info.file.read_text(encoding="utf-8").replace("_gid", "_gid2")
    info.file.write_text(text, encoding="utf-8")
    forget()
    index = load_index()
    assert index is not None and index.lookup("_gid2") and not index.lookup("_gid")


def test_leftovers_of_failed_updates_go_only_when_stale() -> None:
    folder = install_file(SMALL_CSV).file.parent
    fresh = folder / "open-cookie-database-000000000000.csv"
    stale = folder / "open-cookie-database-111111111111.json"
    fresh.write_text("another update's copy, just written", encoding="utf-8")
    stale.write_text("a copy a crash left", encoding="utf-8")
    os.utime(stale, (1, 1))
    second = install_file(SMALL_JSON)
    assert _files() == sorted([fresh.name, second.file.name, "source.json"])
