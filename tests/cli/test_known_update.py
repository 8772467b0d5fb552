"""``consent-tui known update``: a local server, offline, cut short, refused; never a lost copy."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from consent_tui import paths
from consent_tui.cli import main
from consent_tui.core.known import installation
from consent_tui.core.known.download import download
from consent_tui.core.known.errors import KnownDataError
from tests.core.known_support import SMALL_CSV, SMALL_JSON

BODY = SMALL_CSV.read_bytes()


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.send_header("Last-Modified", "Sat, 31 Jan 2026 10:00:00 GMT")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        route = self.path
        if route == "/db.csv":
            self._send(200, BODY)
        elif route == "/db.json":
            self._send(200, SMALL_JSON.read_bytes())
        elif route == "/moved":
            self.send_response(302)
            self.send_header("Location", "/db.csv")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif route == "/cut.csv":  # announces the whole file, sends half, hangs up
            self._send(200, BODY[: len(BODY) // 2], length=len(BODY))
            self.close_connection = True
        elif route == "/chunked-cut.csv":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            half = BODY[: len(BODY) // 2]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(half), half))  # no last chunk
            self.close_connection = True
        elif route == "/error":
            self._send(500, b"boom")
        elif route == "/huge.csv":
            self._send(200, b"", length=10**10)
        elif route == "/page.html":
            self._send(200, b"<!DOCTYPE html>\n<html><body>Moved</body></html>\n")
        else:
            self._send(404, b"no")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setattr(installation, "now", lambda: "2026-01-31T12:00:00Z")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["known", "update", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _snapshot() -> dict[str, bytes]:
    folder = paths.known_dir()
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}


def test_download_installs_the_copy_with_its_source(
    capsys: pytest.CaptureFixture[str], server: str
) -> None:
    code, out, err = _run(capsys, "--url", f"{server}/moved")
    assert (code, err) == (0, "")  # no progress bar away from a terminal
    assert out.startswith("Installed the Open Cookie Database: 24 entries of 12 platforms")
    info = installation.installed()
    assert info is not None
    assert info.source == f"{server}/db.csv"  # after the redirect
    assert info.last_modified == "Sat, 31 Jan 2026 10:00:00 GMT"
    assert info.retrieved == "2026-01-31T12:00:00Z"
    assert info.file.read_bytes() == BODY
    assert f"  retrieved   2026-01-31T12:00:00Z (last modified {info.last_modified})" in out


def test_download_reports_progress(server: str) -> None:
    seen: list[tuple[int, int | None]] = []
    got = download(f"{server}/db.csv", lambda done, total: seen.append((done, total)))
    assert got.data == BODY and seen[-1] == (len(BODY), len(BODY))


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (
            "/cut.csv",
            f": the download was cut short ({len(BODY) // 2:,} bytes of {len(BODY):,} bytes "
            "received)",
        ),
        ("/chunked-cut.csv", ": the download was cut short"),
        ("/error", ": the server answered 500 Internal Server Error"),
        ("/missing.csv", ": the server answered 404 Not Found"),
        ("/huge.csv", ": too big for the Open Cookie Database (9536.7 MB; at most 32.0 MB)"),
        ("/page.html", ":1: not an Open Cookie Database CSV: the first line is '<!DOCTYPE html>'"),
    ],
)
def test_a_failed_download_never_replaces_the_installed_copy(
    capsys: pytest.CaptureFixture[str], server: str, route: str, message: str
) -> None:
    assert _run(capsys, "--from", str(SMALL_JSON))[0] == 0
    before = _snapshot()
    code, out, err = _run(capsys, "--url", server + route)
    assert code == 2 and out == ""
    first, second = err.splitlines()
    assert first.startswith(f"consent-tui: {server}{route}{message}")
    assert second == "consent-tui: the installed copy is unchanged"
    assert _snapshot() == before


def test_a_failed_first_download_installs_nothing(
    capsys: pytest.CaptureFixture[str], server: str
) -> None:
    code, _out, err = _run(capsys, "--url", f"{server}/cut.csv")
    assert code == 2 and err.endswith("consent-tui: nothing was installed\n")
    assert _snapshot() == {}


def test_offline_is_a_clear_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_dns(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    code, out, err = _run(capsys)
    assert (code, out) == (2, "")
    assert err == (
        "consent-tui: https://raw.githubusercontent.com/jkwakman/Open-Cookie-Database/master/"
        "open-cookie-database.csv: cannot find the host raw.githubusercontent.com (no network, "
        "or no DNS); to install it without network, download the CSV on another machine and "
        "run `consent-tui known update --from FILE`\n"
        "consent-tui: nothing was installed\n"
    )


def test_a_refused_connection(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _out, err = _run(capsys, "--url", f"http://127.0.0.1:{port}/db.csv")
    assert code == 2 and "127.0.0.1 refused the connection; to install it without network" in err


def test_a_silent_server_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        with pytest.raises(KnownDataError) as caught:
            download(f"http://127.0.0.1:{port}/db.csv", timeout=0.3)
    assert caught.value.message.startswith("no answer within 0.3 seconds")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://a.example/x.csv", "x.csv"])
def test_only_http_urls(capsys: pytest.CaptureFixture[str], url: str) -> None:
    code, _out, err = _run(capsys, "--url", url)
    assert code == 2
    assert err.startswith(f"consent-tui: {url}: only http:// and https:// URLs can be downloaded")


def test_from_a_file_in_either_format(capsys: pytest.CaptureFixture[str]) -> None:
    for source, kind in ((SMALL_CSV, "csv"), (SMALL_JSON, "json")):
        code, out, _ = _run(capsys, "--from", str(source))
        info = installation.installed()
        assert code == 0 and info is not None and info.kind == kind
        assert info.source == str(source) and f"  source      {source}\n" in out
    assert main(["known", "_ga"]) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01binary", "a binary file, not a CSV or JSON text"),
        (b"ID,Platform\n1,2\n", "the header lacks the columns"),
        (b'{"P": [', "not valid JSON"),
    ],
)
def test_a_bad_file_never_replaces_the_installed_copy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    assert _run(capsys, "--from", str(SMALL_CSV))[0] == 0
    before = _snapshot()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    code, out, err = _run(capsys, "--from", str(bad))
    assert code == 2 and out == ""
    assert err.startswith(f"consent-tui: {bad}") and message in err
    assert err.endswith("consent-tui: the installed copy is unchanged\n")
    assert _snapshot() == before


def test_from_a_folder_or_fifo(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os_mkfifo(fifo)
    for source, what in ((tmp_path, "a folder"), (fifo, "a named pipe (FIFO)")):
        code, _out, err = _run(capsys, "--from", str(source))
        assert code == 2 and f"{source}: is {what}, not a regular file" in err


def os_mkfifo(path: Path) -> None:
    import os

    os.mkfifo(path)


def test_a_much_smaller_copy_needs_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _run(capsys, "--from", str(SMALL_CSV))[0] == 0
    before = _snapshot()
    lines = SMALL_CSV.read_text(encoding="utf-8").splitlines()
    small = tmp_path / "few.csv"
    small.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    code, _out, err = _run(capsys, "--from", str(small))
    assert code == 2 and _snapshot() == before
    assert (
        "this copy has 3 entries, the installed one 24: it looks cut short or of another kind, "
        "so it does not replace it (--force installs it anyway)" in err
    )
    code, out, _ = _run(capsys, "--from", str(small), "--force")
    assert code == 0 and "3 entries of 1 platforms" in out


def test_row_warnings_are_printed_and_counted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = SMALL_CSV.read_text(encoding="utf-8").splitlines()
    dup = lines[1]
    many = [dup.replace("_ga,", f"_g{i},", 1) for i in range(25)]  # the same ID each time
    source = tmp_path / "dups.csv"
    source.write_text("\n".join([lines[0], *lines[1:4], *many]) + "\n", encoding="utf-8")
    code, out, err = _run(capsys, "--from", str(source))
    assert code == 0
    err_lines = err.splitlines()
    assert err_lines[0] == (
        f"{source}: line 5: warning[duplicate-id]: ID 00000000-0000-4000-8000-000000000001 was "
        "already used (line 2): skipped"
    )
    assert len(err_lines) == 21 and err_lines[-1].endswith(
        "… and 5 more warnings (--format json lists them all)"
    )
    assert "  warnings    25 (duplicate-id ×25)" in out


def test_json_output_of_an_update(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, _ = _run(capsys, "--from", str(SMALL_CSV), "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["warnings"] == []
    assert doc["installed"]["entries"] == 24 and doc["installed"]["licence"] == "Apache-2.0"
