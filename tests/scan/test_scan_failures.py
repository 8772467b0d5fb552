"""What stops a scan, each with one line on standard error and exit status 2, nothing written:
bad URLs and options (before any browser starts), a page that cannot be reached or does not
load in time, the whole scan running out of time, no browser, no Playwright; Ctrl-C closes
the browser (no process and no temporary profile left) and exits 130."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from consent_tui.cli import main
from tests.conftest import ROOT
from tests.scan.conftest import base_args, run_cli
from tests.scan.site import TestSite

ERROR = "consent-tui scan: error: "


@pytest.mark.parametrize(
    ("urls", "message"),
    [
        (["ftp://site.test/"], "'ftp://site.test/' is not an http or https URL"),
        (
            ["site.test"],
            "'site.test' is not an http or https URL (did you mean https://site.test?)",
        ),
        (["https://"], "'https://' has no host to visit"),
        (["http://exa mple.org/"], "holds spaces or control characters"),
        (
            ["https://site.test:99999/"],
            "'https://site.test:99999/' is not a URL: Port out of range",
        ),
        (["https://site.test/\x1b[31m"], "'https://site.test/\\x1b[31m' is not a URL"),
        (
            ["https://www.site.test/", "https://tracker.test/"],
            "https://tracker.test/ is on another site (tracker.test) than https://www.site.test/ "
            "(site.test): scan one site at a time",
        ),
    ],
)
def test_bad_urls(urls: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", *urls, "-o", "-", "--consent", "none"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(ERROR) and message in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "-"], "-o - writes one state, and --consent records 3"),
        (["-o", "/nonexistent-folder/scan.json"], "the folder /nonexistent-folder does not exist"),
        (["--autoconsent", "/nonexistent/ac.js", "-o", "-", "--consent", "accept"], None),
    ],
)
def test_bad_options(
    args: list[str], message: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    if message is None:  # the option is checked once Playwright is there
        pytest.importorskip("playwright.async_api")
        message = "-o - writes one state"
    assert main(["scan", "https://site.test/", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(ERROR) and message in err


def test_autoconsent_path_that_is_not_there(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("playwright.async_api")
    args = ["--autoconsent", "/nonexistent/ac", "--consent", "none", "-o", "-"]
    assert main(["scan", "https://site.test/", *args]) == 2
    err = capsys.readouterr().err
    assert err == f"{ERROR}--autoconsent /nonexistent/ac: no dist/autoconsent.playwright.js there\n"


@pytest.mark.parametrize("value", ["0", "-1", "x", "1001"])
def test_bad_numbers(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "https://site.test/", "--pages", value]) == 2
    assert "--pages" in capsys.readouterr().err


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fails(args: list[str], message: str, tmp_path: Path) -> None:
    done = run_cli(["scan", *args])
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines()[-1] == f"{ERROR}{message}", done.stderr
    assert "Traceback" not in done.stderr
    assert done.leftovers == []
    assert not (tmp_path / "out").exists()


def test_unreachable_url(tmp_path: Path) -> None:
    url = f"https://site.test:{_closed_port()}/"
    args = [url, *base_args(f"{tmp_path}/out/", "--consent", "none")]
    _fails(args, f"{url}: cannot be loaded (net::ERR_CONNECTION_REFUSED)", tmp_path)


def test_unknown_host(tmp_path: Path) -> None:
    rules = "--browser-arg=--host-resolver-rules=MAP nowhere.test ~NOTFOUND"
    args = ["https://nowhere.test/", *base_args(f"{tmp_path}/out/", "--consent", "none"), rules]
    _fails(args, "https://nowhere.test/: cannot be loaded (net::ERR_NAME_NOT_RESOLVED)", tmp_path)


def test_page_timeout(site: TestSite, tmp_path: Path) -> None:
    url = f"https://site.test:{site.port}/slow/20"
    args = [url, *base_args(f"{tmp_path}/out/", "--consent", "none", "--page-timeout", "1")]
    _fails(args, f"{url}: did not load within 1 s (--page-timeout)", tmp_path)


def test_whole_scan_timeout(site: TestSite, tmp_path: Path) -> None:
    url = f"https://site.test:{site.port}/slow/30"
    args = [url, *base_args(f"{tmp_path}/out/", "--consent", "none", "--page-timeout", "60")]
    args += ["--timeout", "4"]
    _fails(args, "the scan took longer than 4 s (--timeout) and was stopped", tmp_path)


def test_no_such_browser(tmp_path: Path) -> None:
    args = [
        "https://site.test/",
        "-o",
        "-",
        "--consent",
        "none",
        "--browser",
        "/nonexistent/chrome",
    ]
    _fails(args, "--browser /nonexistent/chrome: no such program", tmp_path)


def test_without_playwright() -> None:
    code = (
        "import sys; sys.modules['playwright'] = None\n"
        "from consent_tui.cli import main\n"
        "sys.exit(main(['scan', 'https://site.test/', '--consent', 'none', '-o', '-']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"{ERROR}consent-tui scan needs Playwright: pip install 'consent-tui[scan]' "
        "(it drives an installed Chromium; no browser is downloaded)\n"
    )


def _session_processes(session: int) -> list[str]:
    """The command lines of the processes still in ``session``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session:
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, ValueError, IndexError):
            continue
    return found


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
def test_interrupted_scan_closes_the_browser(site: TestSite, tmp_path: Path, stop: str) -> None:
    """Mid-page, SIGINT to the whole process group, as a terminal's Ctrl-C sends it, or
    SIGTERM to consent-tui alone, as `kill` sends it."""
    temp = Path(tempfile.mkdtemp(prefix="ctui-test-", dir="/tmp"))
    url = f"https://site.test:{site.port}/slow/30"
    args = [
        "scan",
        url,
        *base_args(f"{tmp_path}/out/", "--consent", "none", "--page-timeout", "60"),
    ]
    env = {**os.environ, "TMPDIR": str(temp)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "consent_tui", *args], cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not any(r.endswith("/slow/30") for r in site.requests):
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.1)
        if stop == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            os.kill(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    try:
        assert proc.returncode == 130, err
        assert err.endswith("consent-tui: interrupted\n") and "Traceback" not in err, err
        deadline = time.monotonic() + 10
        while _session_processes(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _session_processes(proc.pid) == []  # Chromium and Playwright's driver are gone
        assert [p.name for p in temp.iterdir() if not p.name.startswith("uv-")] == []
        assert not (tmp_path / "out").exists()
    finally:
        shutil.rmtree(temp, ignore_errors=True)
