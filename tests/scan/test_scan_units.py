"""The scanner's parts without a browser: URLs, pages to visit, file names, button texts,
the recorder's bookkeeping (values kept as lengths only), autoconsent and browser lookup,
the evidence document and its round trip through the audit's reader."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from consent_tui.commands.scan_output import targets
from consent_tui.core.evidence.own import dumps, read_own
from consent_tui.core.scan import Banner, Options, ScanError, SetupError, check_url, check_urls
from consent_tui.core.scan import autoconsent as ac
from consent_tui.core.scan import browser as chromium
from consent_tui.core.scan.crawl import Frontier, is_download, page_key
from consent_tui.core.scan.recorder import Recorder
from consent_tui.core.scan.report import evidence, summary
from consent_tui.core.scan.run import Scan
from consent_tui.core.scan.state import StateResult, reason
from consent_tui.core.scan.words import ACCEPT, REJECT, normalise, ranks
from tests.browser.conftest import NODE_MODULES, unavailable

SECRET = "s3cr3t-VALUE-never-kept"
ALL = ("before-consent", "after-accept", "after-reject")


def test_urls() -> None:
    assert check_url("https://Site.test/a?b=1#frag") == "https://Site.test/a?b=1"
    assert check_url("http://site.test") == "http://site.test/"
    assert check_urls(
        ["https://www.site.test/", "https://shop.site.test/x", "https://www.site.test/"]
    ) == (
        "https://www.site.test/",
        "https://shop.site.test/x",
    )
    with pytest.raises(ScanError, match="name at least one URL"):
        check_urls([])
    with pytest.raises(ScanError, match="is not a URL"):
        check_url("https://" + "a" * 300 + ":x/")
    assert Options(urls=("https://www.shop.example.co.uk/",)).site == "example.co.uk"


def test_frontier_breadth_first_same_site_limited() -> None:
    frontier = Frontier(("https://www.site.test/",), "site.test", 4)
    assert frontier.next() == "https://www.site.test/"
    frontier.add_links(
        [
            "https://www.site.test/a#x",
            "https://www.site.test/a",  # the same page
            "https://shop.site.test/b",  # another host of the same site
            "https://tracker.test/c",  # another site
            "mailto:x@site.test",
            "javascript:void(0)",
            "https://www.site.test/report.PDF",
            "https://www.site.test:99999/bad-port",
            42,
            "https://www.site.test/d",
            "https://www.site.test/e",  # over the limit of 4
        ]
    )
    assert list(frontier.queue) == [
        "https://www.site.test/a",
        "https://shop.site.test/b",
        "https://www.site.test/d",
    ]
    frontier.add_links("not a list")
    assert page_key("HTTPS://WWW.Site.Test") == "https://www.site.test/"
    assert is_download("https://x.test/a/b.zip") and not is_download("https://x.test/a.b/c")


@pytest.mark.parametrize(
    ("output", "states", "expected"),
    [
        (None, ALL, [f"./{s}.json" for s in ALL]),
        ("scans/", ALL[:2], ["scans/before-consent.json", "scans/after-accept.json"]),
        ("ev.json", ALL, [f"ev.{s}.json" for s in ALL]),
        ("ev", ALL[:1], ["ev"]),
        ("ev.json", ALL[:1], ["ev.json"]),
        ("-", ALL[:1], ["-"]),
    ],
)
def test_output_names(
    output: str | None, states: tuple[Any, ...], expected: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert [path for _, path in targets(output, states)] == expected
    assert [state for state, _ in targets(output, states)] == list(states)


def test_output_an_existing_folder(tmp_path: Path) -> None:
    assert targets(str(tmp_path), ALL[:1]) == [
        ("before-consent", str(tmp_path / "before-consent.json"))
    ]


def test_words() -> None:
    assert set(ACCEPT) == set(REJECT) == {"en", "fr", "de", "es", "it", "nl", "pt"}
    accept, reject = ranks("accept"), ranks("reject")
    assert not set(accept) & set(reject)
    assert accept["accept all"] == 1 and accept["tout accepter"] == 1
    assert normalise("  «Tout\u00a0ACCEPTER»  ") == "tout accepter"
    assert normalise("J’accepte !") == "j'accepte"
    assert normalise("Alle akzeptieren ✓") == "alle akzeptieren"
    for words in (*ACCEPT.values(), *REJECT.values()):
        assert all(normalise(w) == w for w in words), words


class _Response:
    def __init__(self, url: str, headers: list[str]) -> None:
        self.url, self._headers = url, headers

    async def header_values(self, name: str) -> list[str]:
        assert name == "set-cookie"
        return self._headers


def _jar(name: str, domain: str, expires: float, value: str = SECRET) -> dict[str, Any]:
    return {"name": name, "domain": domain, "path": "/", "value": value, "expires": expires,
            "secure": True, "httpOnly": False, "sameSite": "Lax"}  # fmt: skip


def test_recorder_keeps_lengths_not_values() -> None:
    recorder = Recorder("after-accept")
    headers = [
        f"a={SECRET}; Max-Age=3600; Path=/",
        f"gone={SECRET}; Max-Age=0",
        f"d={SECRET}; Domain=.site.test",
    ]
    asyncio.run(recorder._headers(_Response("https://www.site.test/x", headers)))  # type: ignore[arg-type]
    at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    later = at.timestamp() + 3600
    frames = ["https://www.site.test/", "https://tracker.test/frame"]
    recorder._cookie(_jar("a", "www.site.test", later), at, frames[0], frames)
    recorder._cookie(_jar("a", "www.site.test", later + 500, SECRET * 2), at, frames[0], frames)
    recorder._cookie(_jar("d", ".site.test", -1), at, frames[0], frames)
    recorder._cookie(_jar("t", "tracker.test", later), at, frames[0], frames)
    recorder._cookie(_jar("", "", later), at, frames[0], frames)  # no domain: left out
    recorder._store({"origin": "https://www.site.test", "local_storage": [["k", 12], ["k", 3],
                     [5, 1]], "session_storage": "x", "indexed_db": [["db", 0]]}, at)  # fmt: skip
    recorder._store({"origin": "null", "local_storage": [["ignored", 1]]}, at)
    found = {(o.kind, o.name): o for o in recorder.observations()}
    assert sorted(found) == [
        ("http_cookie", "a"),
        ("http_cookie", "d"),
        ("http_cookie", "t"),
        ("indexed_db", "db"),
        ("local_storage", "k"),
    ]
    a, d, t = found["http_cookie", "a"], found["http_cookie", "d"], found["http_cookie", "t"]
    assert (a.url, a.max_age, a.lifetime, a.value_size) == (
        "https://www.site.test/x",
        3600,
        3600,
        46,
    )
    assert (d.host, d.host_only, d.session, d.lifetime, d.url) == (
        "site.test",
        False,
        True,
        None,
        "https://www.site.test/x",
    )
    assert (t.url, t.lifetime) == ("https://tracker.test/frame", 3600)  # the frame that wrote it
    assert found["local_storage", "k"].value_size == 12
    assert found["local_storage", "k"].url == "https://www.site.test"
    assert SECRET not in repr(recorder.__dict__) and SECRET not in repr(found)


def _result() -> StateResult:
    recorder = Recorder("after-reject")
    at = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)
    recorder._cookie(_jar("sid", "site.test", -1), at, "https://site.test/", [])
    recorder._cookie(
        _jar("trk", "tracker.test", at.timestamp() + 86400), at, "https://site.test/", []
    )
    recorder._store({"origin": "https://site.test", "local_storage": [["prefs", 4]]}, at)
    banner = Banner(True, True, "text", None, "tout refuser", ("autoconsent", "text"), ("Klaro",))
    page = {"url": "https://site.test/", "at": "2026-03-01T10:00:00Z", "status": 200}
    notes = ["https://site.test/x: HTTP status 404"]
    return StateResult(
        "after-reject", True, at, "Chromium 156", "allowed", banner, [page],
        recorder.observations(), notes,
    )  # fmt: skip


def test_evidence_document_reads_back(tmp_path: Path) -> None:
    result = _result()
    scan = Scan(Options(urls=("https://site.test/",), pages=5), (result,), None, None)
    doc = evidence(scan, result)
    recorded = doc["recorded"]
    assert recorded["consent_action"] == "reject"
    assert recorded["third_party_cookies"] == "allowed"
    assert recorded["autoconsent"] is None and recorded["pages_limit"] == 5
    assert recorded["banner"] == {"found": True, "clicked": True, "method": "text", "cmp": None,
                                  "button": "tout refuser", "tried": ["autoconsent", "text"],
                                  "detected": ["Klaro"]}  # fmt: skip
    assert recorded["notes"] == ["https://site.test/x: HTTP status 404"]
    text = dumps(doc)
    assert SECRET not in text
    read = read_own(json.loads(text), "scan.json", None)
    assert read.state == "after-reject" and read.third_party_cookies == "allowed"
    assert read.pages == ("https://site.test/",)
    names = {(o.kind, o.name, o.host, o.lifetime, o.value_size) for o in read.observations}
    assert names == {
        ("http_cookie", "sid", "site.test", None, len(SECRET)),
        ("http_cookie", "trk", "tracker.test", 86400, len(SECRET)),
        ("local_storage", "prefs", "site.test", None, 4),
    }
    assert summary(scan, result) == "1 page, 2 cookies (1 third-party), 1 storage item"


def test_banner_phrases() -> None:
    assert Banner(True, True, "autoconsent", "Klaro").describe("accept") == (
        "accepted on the banner (found by autoconsent: Klaro)"
    )
    assert Banner(tried=("autoconsent", "text"), detected=("Klaro",)).describe("reject") == (
        "no banner found (looked for by autoconsent and button texts); autoconsent saw Klaro "
        "but no open banner"
    )
    assert Banner(True, False, "text", None, "accept").describe("accept") == (
        "a banner was found ('accept') but the choice could not be made"
    )


def test_reason_is_one_line() -> None:
    error = Exception(
        "Page.goto: net::ERR_CONNECTION_REFUSED at https://site.test/\nCall log:\n  x"
    )
    assert reason(error) == "net::ERR_CONNECTION_REFUSED"


def test_find_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(chromium.ENV_BROWSER, raising=False)
    program = tmp_path / "chrome"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    assert chromium.find_browser(str(program), None) == str(program)
    with pytest.raises(SetupError, match="--browser /nonexistent/x: no such program"):
        chromium.find_browser("/nonexistent/x", None)
    monkeypatch.setenv(chromium.ENV_BROWSER, str(program))
    assert chromium.find_browser(None, None) == str(program)
    monkeypatch.delenv(chromium.ENV_BROWSER)
    assert chromium.find_browser(None, str(program)) is None  # Playwright's own
    monkeypatch.setattr(chromium.os, "access", lambda *_: False)
    monkeypatch.setattr(chromium.shutil, "which", lambda _: None)
    with pytest.raises(SetupError, match=r"apt-get install chromium.*never downloads a browser"):
        chromium.find_browser(None, "/nonexistent/playwright/chrome")


def test_flags_and_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flags = chromium.launch_flags(("--x",))
    assert flags[-1] == "--x" and "--disable-background-networking" in flags
    assert ("--no-sandbox" in flags) == (os.geteuid() == 0)
    chromium.prepare_profile(tmp_path, "block")
    prefs = json.loads((tmp_path / "Default" / "Preferences").read_text())
    assert prefs == {"profile": {"cookie_controls_mode": 1}}
    monkeypatch.setattr(chromium.tempfile, "gettempdir", lambda: "/x" * 40)
    assert chromium.temp_root() == "/tmp"  # Chromium's lock socket must fit in 107 bytes
    monkeypatch.setattr(chromium.tempfile, "gettempdir", lambda: "/var/tmp")
    assert chromium.temp_root() == "/var/tmp"


def test_locate_autoconsent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ac.ENV, raising=False)
    assert ac.locate(None, tmp_path) is None
    package = tmp_path / ac.PACKAGE
    (package / "dist").mkdir(parents=True)
    script = package / ac.SCRIPT
    script.write_text("/* script */")
    assert ac.locate(None, tmp_path) == script
    assert ac.locate(str(package), Path("/")) == script
    monkeypatch.setenv(ac.ENV, str(script))
    assert ac.locate(None, Path("/")) == script
    with pytest.raises(
        SetupError, match=r"--autoconsent /nope: no dist/autoconsent\.playwright\.js"
    ):
        ac.locate("/nope", tmp_path)
    with pytest.raises(SetupError, match="autoconsent's rules are missing"):
        ac.load(script)
    (package / "rules").mkdir()
    (package / ac.RULES).write_text('{"autoconsent": "not a list"}')
    with pytest.raises(SetupError, match="autoconsent's rules cannot be read"):
        ac.load(script)
    (package / ac.RULES).write_text('{"autoconsent": [{"name": "x"}]}')
    (package / "package.json").write_text('{"version": "1.2.3"}')
    loaded = ac.load(script)
    assert (loaded.script, loaded.rules, loaded.version) == (
        "/* script */",
        [{"name": "x"}],
        "1.2.3",
    )


def test_the_installed_autoconsent() -> None:
    script = NODE_MODULES / "@duckduckgo" / "autoconsent" / ac.SCRIPT
    if not script.is_file():
        unavailable("node_modules/@duckduckgo/autoconsent is missing; run `npm ci`")
    loaded = ac.load(script)
    assert (
        loaded.version
        == json.loads((NODE_MODULES / "@duckduckgo/autoconsent/package.json").read_text())[
            "version"
        ]
    )
    names = {rule.get("name") for rule in loaded.rules}
    assert {"cookieconsent3", "cookiebot"} & names
    assert "autoconsentReceiveMessage" in loaded.script


def test_progress_line() -> None:
    import io

    from consent_tui.commands.scan_progress import ProgressLine

    stream = io.StringIO()
    line = ProgressLine(stream, enabled=True)
    assert line.line("after-accept", 0, 3, "https://site.test/", 80) == (
        "after-accept: banner of https://site.test/"
    )
    shown = line.line("before-consent", 2, 10, "https://site.test/" + "a" * 100 + "\x1b[2J", 60)
    assert shown.startswith("before-consent: page 2 of 10 https://site.test/aaa")
    assert len(shown) == 59 and shown.endswith("…") and "\x1b" not in shown
    line("before-consent", 1, 10, "https://site.test/\x1b[31m")
    line.clear()
    assert stream.getvalue().startswith("\r\x1b[2Kbefore-consent: page 1 of 10 https://site.test/")
    assert "\\x1b[31m" in stream.getvalue() and stream.getvalue().endswith("\r\x1b[2K")
    quiet = io.StringIO()
    ProgressLine(quiet)("before-consent", 1, 1, "https://site.test/")  # not a terminal
    assert quiet.getvalue() == ""


def test_banner_method_lines() -> None:
    from consent_tui.commands.scan import _banner_method

    options = Options(urls=("https://site.test/",))
    package = ac.Autoconsent("", [], "16.0.0", "/x/dist/autoconsent.playwright.js")
    assert _banner_method(Scan(options, (), package, None)) == (
        "banner: autoconsent 16.0.0 from /x/dist/autoconsent.playwright.js"
    )
    assert _banner_method(Scan(options, (), None, None)).startswith(
        "banner: autoconsent not found, its buttons are found by their text (npm install"
    )
    off = Options(urls=("https://site.test/",), use_autoconsent=False)
    assert "(--no-autoconsent)" in _banner_method(Scan(off, (), None, None))


def test_written_states_and_the_blocked_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from consent_tui.commands.scan import _write

    blocked = _result()
    blocked.third_party = "blocked"
    missed = StateResult("after-accept", False, blocked.started, "Chromium", "blocked",
                         Banner(tried=("text",)))  # fmt: skip
    options = Options(urls=("https://site.test/",), consent="all", use_autoconsent=False)
    scan = Scan(options, (blocked, missed), None, None)
    out = {"after-reject": str(tmp_path / "r.json"), "after-accept": str(tmp_path / "a.json")}
    assert _write(scan, out) == 1  # a state not recorded
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    assert (
        read_own(json.loads((tmp_path / "r.json").read_text()), "r", None).state == "after-reject"
    )
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "consent-tui scan: banner: autoconsent is off (--no-autoconsent); its buttons are found "
        "by their text",
        "consent-tui scan: third-party cookies: blocked (checked in the browser)",
        "consent-tui scan: warning: this browser did not let third-party cookies be set: the "
        "evidence misses them (see docs/scan.md, third-party cookies)",
        "consent-tui scan: after-reject: note: https://site.test/x: HTTP status 404",
        "consent-tui scan: after-reject: rejected on the banner (found by its button text: "
        f"'tout refuser'); 1 page, 2 cookies (1 third-party), 1 storage item → "
        f"{out['after-reject']}",
        "consent-tui scan: after-accept: no banner found (looked for by button texts); "
        "not recorded",
    ]
