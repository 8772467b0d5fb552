"""``consent-tui import``: the catalogue written, the summary, exit codes, bad sources, outputs."""

from __future__ import annotations

import http.server
import os
import socket
import threading
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.commands import import_
from consent_tui.core.importers import MAP_TARGETS
from consent_tui.core.store import load
from tests.conftest import DATA

SAMPLES = DATA / "import"
PAGE = SAMPLES / "cookiebot-en.html"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["import", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_page_becomes_a_catalogue_with_a_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "site.toml"
    code, out, err = _run(capsys, str(PAGE), "-o", str(target))
    assert (code, err) == (0, "")
    catalogue = load(target).catalogue
    assert catalogue.cookie_count() == 11
    lines = out.splitlines()
    assert lines[0] == f"imported {PAGE} into {target}"
    assert "  tables: 4 cookie tables read" in lines
    assert "  catalogue: 4 categories, 9 services, 11 cookies; language en" in lines
    assert "  the export reproduces every table cell for cell" in lines
    assert any(line.startswith("  validation: 1 error, ") for line in lines)
    assert f"    {target}:7:1: error[missing-required-field]: [policy] has no controller" in lines


def test_the_import_exports_the_page_again(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from consent_tui.core.importers.compare import differences
    from consent_tui.core.importers.htmlreader import read_html
    from consent_tui.core.importers.reading import read_source
    from consent_tui.core.importers.tablesimport import read_tables

    target = tmp_path / "site.toml"
    html = tmp_path / "again.html"
    assert _run(capsys, str(PAGE), "-o", str(target))[0] == 0
    code = main(["export", str(target), "-f", "html", "--force", "-o", str(html)])
    capsys.readouterr()
    assert code == 0
    page = read_tables(read_source(str(PAGE)), "html").tables
    again = read_html(html.read_text(encoding="utf-8"), str(html)).tables
    assert differences(page, again) == []


def test_an_existing_output_is_kept_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "site.toml"
    target.write_text("# mine\n", encoding="utf-8")
    code, out, err = _run(capsys, str(PAGE), "-o", str(target))
    assert (code, out) == (2, "")
    assert err == f"consent-tui: import: {target} exists; --force replaces it\n"
    assert target.read_text(encoding="utf-8") == "# mine\n"
    code, _out, err = _run(capsys, str(PAGE), "-o", str(target), "--force")
    assert (code, err) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("# Cookie catalogue imported")


def test_the_output_is_never_a_special_file_nor_an_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target, why in (
        (fifo, "is not a regular file (a device, FIFO or socket); write to a file"),
        (Path("/dev/null"), "is not a regular file (a device, FIFO or socket); write to a file"),
        (tmp_path, "is a folder; name the catalogue file to write"),
    ):
        code, out, err = _run(capsys, str(PAGE), "-o", str(target), "--force")
        assert (code, out, err) == (2, "", f"consent-tui: import: {target} {why}\n")
    copy = tmp_path / "page.html"
    copy.write_bytes(PAGE.read_bytes())
    code, _out, err = _run(capsys, str(copy), "-o", str(copy), "--force")
    assert code == 2 and "is the input" in err
    assert copy.read_bytes() == PAGE.read_bytes()


def test_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, str(PAGE), "-o", "-")
    assert code == 0
    assert out.startswith("# Cookie catalogue imported by consent-tui from cookiebot-en.html")
    assert err.startswith(f"imported {PAGE} into standard output\n")
    assert "    -:7:1: error[missing-required-field]: [policy] has no controller\n" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\n", "the file is empty"),
        (b"\x00\x01binary\x00", "is a binary file (it holds NUL bytes), not text"),
        (b"\x1f\x8b\x08\x00rest", "is gzip-compressed, not text: a page, a configuration or CSV"),
        (
            b"PK\x03\x04rest",
            "is a zip archive (a spreadsheet? save it as CSV), not text: a page, a configuration "
            "or CSV",
        ),
        (b"<p>caf\xe9</p>", ":1:7: is not UTF-8 text (byte 0xe9); save it as UTF-8"),
        (
            b"<html><body><p>No tables here.</p></body></html>",
            "no cookie table found (no table at all)",
        ),
        (
            b"<table><tr><th>Team</th><th>Role</th></tr><tr><td>Ann</td><td>CEO</td></tr></table>",
            "no cookie table found (page.html, table 1 has no column of cookie names "
            "(its headers: 'Team', 'Role'))",
        ),
        (
            b"<table><tr><th>Name</th></tr><tr><td>Ann Lee</td></tr></table>",
            "no cookie table found (page.html, table 1 has no column of cookie names "
            "(its headers: 'Name'))",
        ),
    ],
)
def test_bad_sources_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_bytes(content)
    code, out, err = _run(capsys, "page.html", "-o", "out.toml")
    assert (code, out) == (2, "")
    separator = "" if message.startswith(":") else ": "
    assert err == f"consent-tui: import: page.html{separator}{message}\n"
    assert not (tmp_path / "out.toml").exists()


def test_folders_fifos_missing_and_huge_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from consent_tui.core.importers import reading

    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    big = tmp_path / "big.html"
    big.write_bytes(b"<table>" + b"x" * 2048)
    monkeypatch.setattr(reading, "MAX_BYTES", 1024)
    for source, why in (
        (tmp_path, "is a folder, not a file"),
        (fifo, "is a pipe (FIFO), not a regular file"),
        (tmp_path / "nope.html", "no such file"),
        (big, "it is 2 KiB, larger than 1 KiB, the most consent-tui reads"),
    ):
        code, out, err = _run(capsys, str(source), "-o", str(tmp_path / "out.toml"))
        assert (code, out, err) == (2, "", f"consent-tui: import: {source}: {why}\n")


def test_js_that_is_code_names_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "config.js"
    config.write_text("var klaroConfig = {\n  services: buildServices(),\n};\n", encoding="utf-8")
    code, _out, err = _run(capsys, str(config), "-o", str(tmp_path / "out.toml"))
    assert code == 2
    assert err == (
        f"consent-tui: import: {config}:2:13: is code, not data: the name 'buildServices' "
        "(a variable or a call); consent-tui reads plain data only\n"
    )


def test_map_overrides_a_guess(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<h2>Necessary</h2><table><tr><th>Cookie</th><th>Type</th><th>Kept</th><th>Note</th></tr>"
        "<tr><td>sid</td><td>First party</td><td>a while</td><td>x</td></tr></table>",
        encoding="utf-8",
    )
    target = tmp_path / "out.toml"
    assert _run(capsys, str(page), "-o", str(target))[0] == 0
    service = load(target).catalogue.services["necessary-cookies"]
    assert service.party == "first"
    assert service.cookies[0].extra == {"kept": "a while", "note": "x"}
    code, _out, err = _run(
        capsys,
        *(str(page), "-o", str(target), "--force"),
        *("--map", "TYPE=own", "--map", "kept=duration", "--map", "4=ignore"),
    )
    assert (code, err) == (0, "")
    catalogue = load(target).catalogue
    service = catalogue.services["necessary-cookies"]
    assert service.party is None
    cookie = service.cookies[0]
    assert cookie.duration is None and cookie.duration_text is not None
    assert cookie.extra == {"type_text": "First party"}
    assert catalogue.document.effective_columns == ("cookies", "type_text", "duration")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--map", "Expiry"], "--map 'Expiry': write HEADER=FIELD, e.g. --map 'Ablauf=duration'"),
        (["--map", "Expiry=lifespan"], "--map 'Expiry=lifespan': 'lifespan' is none of"),
        (["--lang", "english"], "--lang 'english' is not a language tag"),
    ],
)
def test_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    code, out, err = _run(capsys, str(PAGE), "-o", str(tmp_path / "x.toml"), *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"consent-tui: import: {message}")


def test_lang_declares_the_sources_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "x.toml"
    code, _out, _err = _run(capsys, str(SAMPLES / "shop-de.tsv"), "-o", str(target), "--lang", "DE")
    assert code == 0
    assert load(target).catalogue.languages == ("de",)


def test_from_reads_a_file_as_the_named_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "cookies.txt"
    source.write_text("Name,Duration\nsid,Session\n", encoding="utf-8")
    target = tmp_path / "x.toml"
    assert _run(capsys, str(source), "-o", str(target), "--from", "csv")[0] == 0
    assert [c.name for c in load(target).catalogue.services["all-cookies"].cookies] == ["sid"]


def test_the_map_targets_are_the_core_s() -> None:
    assert import_.MAP_TARGETS == MAP_TARGETS


# -- fetching a page


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "cookies.html").write_bytes(PAGE.read_bytes())
    (tmp_path / "latin.html").write_bytes(
        b'<html lang="fr"><meta charset="iso-8859-1"><h2>N\xe9cessaires</h2><table>'
        b"<tr><th>Nom</th><th>Dur\xe9e</th></tr><tr><td>sid</td><td>Session</td></tr></table>"
    )

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(tmp_path), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_a_url_is_fetched_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: str
) -> None:
    target = tmp_path / "site.toml"
    code, _out, err = _run(capsys, f"{server}/cookies.html", "-o", str(target))
    assert (code, err) == (0, "")
    catalogue = load(target).catalogue
    assert catalogue.policy.site_url == "http://127.0.0.1"
    assert catalogue.cookie_count() == 11
    code, _out, err = _run(capsys, f"{server}/latin.html", "-o", str(target), "--force")
    assert (code, err) == (0, "")
    assert load(target).catalogue.categories["necessaires"].title is not None


def test_fetch_failures_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = str(tmp_path / "x.toml")
    code, _out, err = _run(capsys, f"{server}/missing.html", "-o", target)
    assert (code, err) == (
        2,
        f"consent-tui: import: {server}/missing.html: the server answered 404 File not found\n",
    )
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _out, err = _run(capsys, f"http://127.0.0.1:{port}/", "-o", target)
    assert code == 2 and err.endswith(": the connection was refused\n")
    code, _out, err = _run(capsys, "ftp://example.org/cookies.html", "-o", target)
    assert err == (
        "consent-tui: import: ftp://example.org/cookies.html: "
        "only http:// and https:// addresses can be fetched\n"
    )

    def offline(*_args: object, **_kwargs: object) -> None:
        raise urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution"))

    monkeypatch.setattr("urllib.request.OpenerDirector.open", offline)
    code, _out, err = _run(capsys, "https://www.example.org/cookies", "-o", target)
    assert (code, err) == (
        2,
        "consent-tui: import: https://www.example.org/cookies: cannot find the host "
        "(no network connection, or a mistyped address?)\n",
    )
