"""``consent-tui audit`` with a known-cookie database: platforms of undeclared items, drafts."""

from __future__ import annotations

import json

import pytest

from consent_tui.cli import main
from consent_tui.commands.audit_known import NOT_INSTALLED
from consent_tui.core.audit import audit
from consent_tui.core.audit.declare import draft_for, pick_duration
from consent_tui.core.audit.known import annotate
from consent_tui.core.known import KnownIndex, installation
from consent_tui.core.store import load
from tests.core.evidence.support import AUDIT, MARK, read
from tests.core.known_support import install_file, installed_index

ARGV = ["audit", "site.toml", "accept.har", "--before-consent", "before.har"]
HOTJAR = "      known: Hotjar (Analytics, in `statistics`), 365 days (by prefix _hjSessionUser_)"


@pytest.fixture
def in_site(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(AUDIT)
    monkeypatch.setattr(installation, "now", lambda: "2026-03-01T12:00:00Z")


def _run(capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, str, str]:
    code = main([*ARGV, *more])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_names_the_platform_under_the_evidence(
    in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    install_file()
    code, out, err = _run(capsys, "--color", "never")
    assert code == 1
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if "`_hjSessionUser_" in line and "[undeclared]" in line:
            assert lines[i + 1].startswith("      seen: accept.har")
            assert lines[i + 2] == HOTJAR
            assert lines[i + 3].startswith("      hint: declare it; the pattern")
    assert out.count(HOTJAR) == 2
    assert lines[-1] == "(known: Open Cookie Database, Apache-2.0, retrieved 2026-03-01)"
    assert NOT_INSTALLED not in err
    assert MARK not in out


def test_without_a_database_the_text_says_how_to_get_one(
    in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys)
    assert code == 1
    assert "known:" not in out
    assert err.splitlines()[-1] == f"note: {NOT_INSTALLED}"


def test_json_and_sarif_carry_the_known_facts(
    in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    install_file()
    _code, out, _err = _run(capsys, "--format", "json")
    data = json.loads(out)
    assert data["known"]["installed"] is True and data["known"]["used"] is True
    assert data["known"]["retrieved"] == "2026-03-01T12:00:00Z"
    assert data["known"]["licence"] == "Apache-2.0"
    hotjar = [f for f in data["findings"] if f["known"] is not None]
    assert [f["observed"]["name"] for f in hotjar] == [
        "_hjSessionUser_123456",
        "_hjSessionUser_654321",
    ]
    known = hotjar[0]["known"]
    assert known["platforms"] == ["Hotjar"] and known["by_prefix"] is True
    assert known["entries"][0]["id"] == "00000000-0000-4000-8000-000000000005"
    assert known["suggestion"] == {
        "service": "hotjar",
        "provider": "Hotjar",
        "category": "statistics",
        "party": None,
        "privacy_policy": "https://www.hotjar.com/legal/policies/privacy/",
        "name": "_hjSessionUser_*",
        "duration": "365 days",
        "refresh": None,
    }
    assert all(f["known"] is None for f in data["findings"] if f["rule"] != "undeclared")
    _code, out, _err = _run(capsys, "--format", "sarif")
    run = json.loads(out)["runs"][0]
    assert run["properties"]["knownCookies"]["used"] is True
    results = [r for r in run["results"] if r.get("properties", {}).get("known")]
    assert len(results) == 2
    assert HOTJAR.strip() in results[0]["message"]["text"]


def test_nothing_undeclared_reads_no_index(
    in_site: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_file()

    def refuse(*_args: object) -> None:
        raise AssertionError("the index was loaded")

    monkeypatch.setattr("consent_tui.core.known.load.load_index", refuse)
    code = main(["audit", "site.toml", "scan.json", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["known"]["installed"] is True and data["known"]["used"] is False


def test_a_damaged_database_does_not_stop_the_audit(
    in_site: None, capsys: pytest.CaptureFixture[str]
) -> None:
    info = install_file()
    info.file.write_text("garbage\n")
    from consent_tui.core.known.load import forget

    forget()
    code, _out, err = _run(capsys)
    assert code == 1
    assert "note: the installed known-cookie database cannot be read (" in err


def test_one_lookup_per_distinct_name(monkeypatch: pytest.MonkeyPatch) -> None:
    index = installed_index()
    catalogue = load(AUDIT / "site.toml").catalogue
    files = [*read(AUDIT / "accept.har"), *read(AUDIT / "before.har"), *read(AUDIT / "wec")]
    report = audit(catalogue, files)
    looked: list[str] = []
    original = KnownIndex.match

    def counting(self: KnownIndex, name: str, domain: str | None = None) -> object:
        looked.append(name)
        return original(self, name, domain)

    monkeypatch.setattr(KnownIndex, "match", counting)
    annotated = annotate(report, index, catalogue)
    undeclared = [f.name for f in report.findings if f.rule == "undeclared"]
    assert sorted(looked) == sorted(set(undeclared))
    assert len(undeclared) > len(
        set(undeclared)
    )  # <script>…</script>: a cookie and a localStorage item
    assert [f.known is not None for f in annotated.findings].count(True) == 2


def test_the_draft_of_a_known_finding_is_pre_filled() -> None:
    index = installed_index()
    catalogue = load(AUDIT / "site.toml").catalogue
    report = annotate(audit(catalogue, read(AUDIT / "accept.har")), index, catalogue)
    finding = next(f for f in report.findings if f.name == "_hjSessionUser_123456")
    drafted = draft_for(finding, catalogue)
    assert drafted.cookie.name == "_hjSessionUser_*"  # the database's family
    assert drafted.cookie.duration == "365 days" and drafted.duration_source == "database"
    assert drafted.cookie.description is not None
    assert drafted.cookie.description.values == {
        "en": "Holds the visitor's ID, so that later visits count as the same visitor."
    }
    assert drafted.service is not None
    assert (drafted.service.id, drafted.service.provider, drafted.service.category) == (
        "hotjar",
        "Hotjar",
        "statistics",
    )
    assert drafted.service.privacy_policy == "https://www.hotjar.com/legal/policies/privacy/"
    assert drafted.service.party == "first"
    assert drafted.known is not None and drafted.known.platform == "Hotjar"
    other = next(f for f in report.findings if f.name == "pf_session")  # tube.example's
    assert other.known is None
    unknown = draft_for(other, catalogue)
    assert (unknown.service, unknown.known, unknown.description) == (None, None, None)
    assert (unknown.cookie.name, unknown.cookie.domain, unknown.cookie.duration) == (
        "pf_session",
        ".tube.example",
        "session",
    )
    assert unknown.duration_source == "evidence"


@pytest.mark.parametrize(
    ("lifetime", "session", "kind", "known", "expected"),
    [
        (63072000, False, "http_cookie", "2 years", ("2 years", "database")),
        (None, None, "http_cookie", "2 years", ("2 years", "database")),
        (3600, False, "http_cookie", "30 minutes", ("1 hour", "evidence")),  # lives longer
        (3600, False, "http_cookie", "session", ("1 hour", "evidence")),  # outlives it
        (None, True, "http_cookie", "1 year", ("session", "evidence")),  # ends with it
        (86400, False, "http_cookie", None, ("1 day", "evidence")),
        (None, None, "http_cookie", None, (None, "none")),
        (None, None, "local_storage", "1 year", ("1 year", "database")),
        (None, None, "local_storage", None, ("persistent", "evidence")),
    ],
)
def test_pick_duration(
    lifetime: int | None,
    session: bool | None,
    kind: str,
    known: str | None,
    expected: tuple[str | None, str],
) -> None:
    assert pick_duration(lifetime, session, kind, known) == expected
