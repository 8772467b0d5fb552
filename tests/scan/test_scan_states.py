"""Scans that cannot make every choice, or run in another mode.

A site without a banner: before-consent is written, after-accept is not (exit 1),
and the audit of what was written finds the analytics items the page stores before
any choice. Third-party cookies blocked: the evidence says so and holds no
third-party cookie. `-o FILE` with two states names the files after it. The
browser's temporary profile never holds a value.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, ClassVar

import pytest

from consent_tui.core.scan import Options, evidence, scan
from consent_tui.core.scan import state as scan_state
from tests.scan.conftest import HOSTS, base_args, browser, run_cli
from tests.scan.evidence import assert_no_values, audit, cookie_names, load, storage_names
from tests.scan.site import MARK, TestSite


def test_no_banner_records_before_consent_only(site: TestSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = base_args(f"{out}/", "--consent", "accept", "--pages", "1", "--banner-timeout", "2")
    done = run_cli(["scan", site.url("none"), *args])
    assert done.returncode == 1, done.stderr
    assert [p.name for p in out.iterdir()] == ["before-consent.json"]
    assert (
        "consent-tui scan: after-accept: no banner found (looked for by autoconsent and button "
        "texts); not recorded\n" in done.stderr
    )
    before = load(out / "before-consent.json")
    assert cookie_names(before) == {"sid", "lang", "planted", "_stats_id"}  # a leak
    assert {("local_storage", "stats_seen"), ("indexed_db", "stats_db")} <= storage_names(before)
    assert_no_values(out, done.stdout, done.stderr)
    status, findings = audit(out / "before-consent.json")
    assert status == 1
    assert findings == sorted(
        [
            ("declared-not-seen", "cc_cookie"),
            ("declared-not-seen", "consent"),
            ("declared-not-seen", "klaro"),
            ("lifetime-longer-than-declared", "lang"),
            ("set-before-consent", "_stats_id"),
            ("set-before-consent", "stats_db"),
            ("set-before-consent", "stats_seen"),
            ("undeclared", "planted"),
        ]
    )


def test_third_party_cookies_blocked_and_file_names(
    site: TestSite, tmp_path: Path, autoconsent: None
) -> None:
    target = tmp_path / "scan.json"
    args = base_args(
        target, "--consent", "accept", "--pages", "1", "--third-party-cookies", "block"
    )
    done = run_cli(["scan", site.url("klaro"), *args])
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "scan.after-accept.json",
        "scan.before-consent.json",
    ]
    accept = load(tmp_path / "scan.after-accept.json")
    assert accept["recorded"]["third_party_cookies"] == "blocked"
    assert "consent-tui scan: third-party cookies: blocked (checked in the browser)" in done.stderr
    assert cookie_names(accept) == {"sid", "lang", "planted", "klaro", "_stats_id"}  # no trk
    assert any(r.endswith("tracker.test/pixel") for r in site.requests)  # asked, not kept


def test_one_state_to_stdout(site: TestSite, tmp_path: Path) -> None:
    done = run_cli(["scan", site.url("none"), *base_args("-", "--consent", "none", "--pages", "2")])
    assert done.returncode == 0, done.stderr
    target = tmp_path / "before.json"
    target.write_text(done.stdout, encoding="utf-8")
    doc = load(target)
    assert doc["consent"] == "before-consent"
    assert [p["url"] for p in doc["pages"]] == [site.url("none"), site.url("none", "about")]
    assert "→ standard output" in done.stderr
    assert MARK not in done.stdout + done.stderr


class _Checked(tempfile.TemporaryDirectory[str]):
    """A temporary profile that is searched for values before it is removed."""

    found: ClassVar[list[tuple[int, list[str]]]] = []

    def cleanup(self) -> None:
        files = [p for p in Path(self.name).rglob("*") if p.is_file() and not p.is_symlink()]
        holding = [str(p) for p in files if MARK.encode() in p.read_bytes()]
        self.found.append((len(files), holding))
        super().cleanup()


def test_no_value_reaches_the_browser_profile(
    site: TestSite, monkeypatch: pytest.MonkeyPatch, autoconsent: None
) -> None:
    """The site is visited off the record: its cookies and storage stay in memory."""
    _Checked.found = []
    monkeypatch.setattr(scan_state.tempfile, "TemporaryDirectory", _Checked)
    options = Options(
        urls=(site.url("klaro"),),
        pages=2,
        consent="accept",
        browser=browser(),
        browser_args=(HOSTS,),
        ignore_https_errors=True,
        wait=0.2,
        banner_timeout=6,
    )
    result = scan(options)
    assert [s.recorded for s in result.states] == [True, True]
    names = {o.name for o in result.states[1].observations}
    assert {"sid", "_stats_id", "trk", "prefs", "stats_seen"} <= names
    assert len(_Checked.found) == 2
    for count, holding in _Checked.found:
        assert count > 0  # Chromium wrote its profile there...
        assert holding == []  # ...and no value of the site
    for state in result.states:
        doc: dict[str, Any] = evidence(result, state)
        assert MARK not in repr(doc) and MARK not in repr(state)
