"""Every kind of bad evidence: one clear error naming the file, never a hang or a traceback."""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path

import pytest

from consent_tui.core.evidence import EvidenceError, NotEvidenceError, Options, bounded, read_path
from consent_tui.core.evidence.har import NO_COOKIES


def _error(path: Path, fmt: str | None = None) -> EvidenceError:
    with pytest.raises(EvidenceError) as caught:
        read_path(str(path), Options(input_format=fmt))
    assert caught.value.path == str(path)
    assert "\n" not in caught.value.message
    return caught.value


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.har", b"", "the file is empty"),
        ("blank.json", b" \n\t\n", "the file is empty"),
        ("binary.har", b"\x00\x01\x02HAR", "binary file"),
        ("packed.har", gzip.compress(b'{"log": {}}'), "gzip-compressed; unpack it first"),
        ("notes.txt", b"just some notes\n", "not an evidence file consent-tui reads"),
        ("other.json", b'{"hello": "world"}', "is JSON, but not evidence"),
    ],
)
def test_not_evidence(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    error = _error(_write(tmp_path, name, data))
    assert isinstance(error, NotEvidenceError)
    assert words in error.message


def test_truncated_json_names_line_and_column(tmp_path: Path) -> None:
    text = json.dumps({"log": {"version": "1.2", "entries": [{"request": {}}]}}, indent=1)
    error = _error(_write(tmp_path, "cut.har", text[:-9]))
    assert error.message.startswith("the JSON ends too early (is the file truncated?)")
    assert (error.line, error.col) == (
        text[:-9].count("\n") + 1,
        len(text[:-9].rsplit("\n", 1)[1]) + 1,
    )


def test_broken_json_inside(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "bad.json", '{"cookies": [\n  {"name": "a",, }\n]}'))
    assert error.message.startswith("not valid JSON: ")
    assert (error.line, error.col) == (2, 16)
    har = _error(_write(tmp_path, "bad.har", '{"log": {"version": "1.2", "entries": [1 2]}}'))
    assert har.message == "not valid JSON: expecting ',' delimiter" and har.col == 42


def test_har_of_another_version(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "v2.har", '{"log": {"version": "2.0", "entries": []}}'))
    assert error.message == "is a HAR of version '2.0'; consent-tui reads HAR 1.2 (and 1.1)"


def test_har_without_entries_or_log(tmp_path: Path) -> None:
    assert (
        "no `entries`" in _error(_write(tmp_path, "a.har", '{"log": {"version": "1.2"}}')).message
    )
    assert "no `log`" in _error(_write(tmp_path, "b.har", '{"x": 1}'), "har").message


def test_har_without_cookie_data_says_how_to_export_one(tmp_path: Path) -> None:
    entry = {"request": {"url": "https://a.example/", "headers": []}, "response": {"headers": []}}
    path = _write(
        tmp_path, "stripped.har", json.dumps({"log": {"version": "1.2", "entries": [entry]}})
    )
    found = read_path(str(path)).files[0]
    assert not found.has_cookie_data and found.observations == ()
    assert found.notes == (f"{path}: {NO_COOKIES}",)
    assert "with sensitive data" in NO_COOKIES and "Allow to generate HAR" in NO_COOKIES


def test_deeply_nested_json(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000))
    assert "nested too deeply" in error.message


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.har"
    os.mkfifo(fifo)
    result: list[BaseException] = []
    thread = threading.Thread(target=lambda: result.append(_catch(fifo)), daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), "reading a FIFO hung"
    assert isinstance(result[0], EvidenceError)
    assert "is a named pipe (FIFO), not an evidence file" in str(result[0])


def _catch(path: Path) -> BaseException:
    try:
        read_path(str(path))
    except BaseException as exc:
        return exc
    raise AssertionError("no error")


def test_devices_missing_files_and_permissions(tmp_path: Path) -> None:
    assert "is a device" in _error(Path("/dev/null")).message
    assert _error(tmp_path / "nope.har").message == "no such file or folder"
    locked = _write(tmp_path, "locked.har", "{}")
    locked.chmod(0)
    if os.geteuid() != 0:  # root reads any file
        assert _error(locked).message == "permission denied"


def test_too_big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded, "MAX_BYTES", 1000)
    error = _error(_write(tmp_path, "big.har", "{" + " " * 2000 + "}"))
    assert error.message == (
        "the file is too big (2,002 bytes; evidence files above 1,000 bytes are not read)"
    )


def test_a_folder_without_evidence(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("# notes\n")
    (tmp_path / "empty.json").write_text("")
    error = _error(tmp_path)
    assert error.message.startswith("the folder holds no evidence file (")
    assert "skipped empty.json: the file is empty; readme.md: not an evidence file" in error.message


def test_a_broken_recording_in_a_folder_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "cut.har", '{"log": {"version": "1.2", "entries": [')
    assert _error(tmp_path / "cut.har").line == 1
    with pytest.raises(EvidenceError) as caught:
        read_path(str(tmp_path))
    assert caught.value.path == str(tmp_path / "cut.har")


def test_invalid_yaml(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "cookies.yml", "- name: a\n  value: [unclosed\n"))
    assert error.message.startswith("not valid YAML: ") and error.line == 3


def test_yaml_is_read_safely(tmp_path: Path) -> None:
    path = _write(tmp_path, "cookies.yml", "- !!python/object/apply:os.system ['echo pwned']\n")
    assert "not valid YAML" in _error(path).message


def test_forced_formats_that_do_not_fit(tmp_path: Path) -> None:
    state = _write(tmp_path, "state.json", '{"cookies": [], "origins": []}')
    assert "not consent-tui evidence" in _error(state, "consent-tui").message
    assert "not a website-evidence-collector" in _error(state, "wec").message
    assert "expecting an object" in _error(_write(tmp_path, "x.har", "[1]"), "har").message
    text = _error(_write(tmp_path, "x.txt", "a\tb\n"), "cookies-txt")
    assert text.message.startswith("not a cookies.txt") and text.line == 1


def test_utf16_recordings_are_read(tmp_path: Path) -> None:
    text = '{"cookies": [{"name": "a", "value": "x", "domain": "a.example", "expires": -1}]}'
    path = _write(tmp_path, "state.json", text.encode("utf-16"))
    assert read_path(str(path)).files[0].observations[0].name == "a"


def test_own_format_of_a_newer_version(tmp_path: Path) -> None:
    path = _write(tmp_path, "scan.json", '{"format": "consent-tui-evidence", "version": 2}')
    assert "version 2" in _error(path).message and "upgrade consent-tui" in _error(path).message
    bad = _write(
        tmp_path, "s.json", '{"format": "consent-tui-evidence", "version": 1, "consent": "x"}'
    )
    assert _error(bad).message.startswith("`consent` must be one of before-consent")


def test_special_files_in_a_folder_are_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.har")
    (tmp_path / "link").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "state.json").write_text('{"cookies": []}')
    reading = read_path(str(tmp_path))
    assert [f.path for f in reading.files] == [str(tmp_path / "state.json")]
    assert sorted(reading.skipped) == [
        (str(tmp_path / "link"), "a link to a folder"),
        (str(tmp_path / "pipe.har"), "is a named pipe (FIFO), not an evidence file"),
    ]
