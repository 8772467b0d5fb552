"""The audit engine on the test site's recordings: every kind of finding, nothing more."""

from __future__ import annotations

import json
from pathlib import Path

from consent_tui.core.audit import audit
from consent_tui.core.evidence import EvidenceFile, Observation
from consent_tui.core.store import load, load_text
from tests.core.evidence.support import AUDIT, MARK, read

CATALOGUE = load(AUDIT / "site.toml").catalogue


def _files() -> list[EvidenceFile]:
    files = read(AUDIT / "before.har", "before-consent") + read(
        AUDIT / "reject.json", "after-reject"
    )
    for name in ("accept.har", "cookies.txt", "wec", "wec-yaml", "scan.json"):
        files += read(AUDIT / name)
    return files


def _summary(findings: tuple) -> set[tuple[str, str | None, str | None]]:  # type: ignore[type-arg]
    return {(f.rule, f.service_id, f.declared_name or f.name) for f in findings}


def test_every_kind_of_finding_and_nothing_else() -> None:
    report = audit(CATALOGUE, _files())
    assert _summary(report.findings) == {
        ("set-before-consent", "settings", "pf_theme"),
        ("set-before-consent", "analytics", "_pk_id.*"),
        ("set-before-consent", "analytics", "_pk_ses.*"),
        ("set-before-consent", "ads", "adsess"),
        ("kept-after-refusal", "ads", "adid"),
        ("undeclared", None, "caf\ufffd"),
        ("undeclared", None, "\x1b[31mred\x1b[0m"),
        ("undeclared", None, "<script>alert(1)</script>"),
        ("undeclared", None, "_hjSessionUser_123456"),
        ("undeclared", None, "_hjSessionUser_654321"),
        ("undeclared", None, "big"),
        ("undeclared", None, "pf_ab_test"),
        ("undeclared", None, "pf_session"),  # on tube.example: another site's cookie
        ("lifetime-longer-than-declared", "analytics", "_pk_id.*"),
        ("wrong-domain", "session", "pf_geo"),
        ("wrong-party", "video", "vid_pref"),
        ("session-persistent-mismatch", "settings", "pf_theme"),
        ("declared-not-seen", "session", "legacy_cookie"),
    }
    assert [(i.name, i.entry, i.occurrences) for i in report.ignored] == [("__cf_bm", 0, 1)]
    assert (report.observations, report.matched) == (37, 27)
    assert report.count("error") == 18 and report.count("warning") == 1


def test_declared_and_matching_items_are_not_reported() -> None:
    report = audit(CATALOGUE, _files())
    named = {f.declared_name for f in report.findings} | {
        f.name
        for f in report.findings
        if f.domain != ".tube.example"  # another site's
    }
    for fine in (
        "pf_session",
        "csrftoken",
        "pf_consent",
        "pf_cart",
        "pf_checkout",
        "pf_offline",
        "pf_lang",
    ):
        assert fine not in named


def test_findings_keep_their_evidence() -> None:
    report = audit(CATALOGUE, _files())
    longer = next(f for f in report.findings if f.rule == "lifetime-longer-than-declared")
    assert (longer.observed_lifetime, longer.declared_lifetime) == (731 * 86400, 13 * 2629746)
    assert longer.evidence is not None and longer.evidence.file.endswith("accept.har")
    assert longer.evidence.where == "log.entries[0]" and longer.cookie_index == 0
    hj = next(f for f in report.findings if f.name == "_hjSessionUser_123456")
    assert hj.suggested_pattern == "_hjSessionUser_*" and hj.party == "first"
    assert "covers the 2 names like it seen" in (hj.hint or "")
    party = next(f for f in report.findings if f.rule == "wrong-party")
    assert party.party == "third" and party.domain == ".tube.example"
    big = next(f for f in report.findings if f.name == "big")
    assert big.evidence is not None and big.evidence.value_size == 10_013
    hostile = next(f for f in report.findings if f.name == "\x1b[31mred\x1b[0m")
    assert "\x1b" not in hostile.message and "`\\x1b[31mred\\x1b[0m`" in hostile.message


def test_no_value_reaches_the_report() -> None:
    report = audit(CATALOGUE, _files())
    assert MARK not in repr(report)


def test_an_item_seen_many_times_is_one_finding() -> None:
    def seen(i: int) -> Observation:
        return Observation("tracker", "http_cookie", "ads.test", "a.har", f"log.entries[{i}]")

    files = [EvidenceFile("a.har", "har", "unknown", tuple(seen(i) for i in range(500)))]
    report = audit(CATALOGUE, files)
    undeclared = [f for f in report.findings if f.rule == "undeclared"]
    assert len(undeclared) == 1 and undeclared[0].occurrences == 500
    assert undeclared[0].evidence is not None and undeclared[0].evidence.where == "log.entries[0]"


def test_consent_items_are_not_expected_before_consent_or_after_refusal() -> None:
    files = read(AUDIT / "before.har", "before-consent") + read(
        AUDIT / "reject.json", "after-reject"
    )
    report = audit(CATALOGUE, files)
    not_seen = {f.declared_name for f in report.findings if f.rule == "declared-not-seen"}
    # necessary items are expected everywhere, consent items only after accepting, and
    # IndexedDB (pf_offline) in no file that could not record it
    assert not_seen == {"pf_geo", "legacy_cookie"}


def test_a_har_without_cookie_data_is_no_evidence_of_absence(tmp_path: Path) -> None:
    entry = {"request": {"url": "https://www.petit-four.example/"}, "response": {"headers": []}}
    path = tmp_path / "stripped.har"
    path.write_text(json.dumps({"log": {"version": "1.2", "entries": [entry]}}))
    report = audit(CATALOGUE, read(path))
    assert report.findings == ()


def test_ignore_entries_narrowed_by_type_and_domain() -> None:
    catalogue = load_text(
        """\
format_version = 1
[policy]
site_url = "https://www.shop.test"
[[audit.ignore]]
name = "dbg*"
type = "local_storage"
reason = "dev tools"
[[audit.ignore]]
name = "lb"
domain = "cdn.test"
reason = "load balancer"
"""
    )

    def o(name: str, kind: str, host: str) -> Observation:
        return Observation(name, kind, host, "f", "w")  # type: ignore[arg-type]

    seen = (
        o("dbg1", "local_storage", "www.shop.test"),
        o("dbg2", "http_cookie", "www.shop.test"),
        o("lb", "http_cookie", "x.cdn.test"),
        o("lb", "http_cookie", "www.shop.test"),
    )
    report = audit(catalogue, [EvidenceFile("f", "har", "unknown", seen)])
    assert [(i.name, i.entry) for i in report.ignored] == [("dbg1", 0), ("lb", 1)]
    assert sorted((f.name, f.domain) for f in report.findings) == [
        ("dbg2", "www.shop.test"),
        ("lb", "www.shop.test"),
    ]


def test_storage_of_another_type_is_undeclared_with_a_hint() -> None:
    seen = (Observation("pf_cart", "http_cookie", "www.petit-four.example", "f", "w"),)
    report = audit(CATALOGUE, [EvidenceFile("f", "har", "unknown", seen)])
    finding = next(f for f in report.findings if f.rule == "undeclared")
    assert finding.hint == (
        "the catalogue declares `pf_cart` as localStorage item (service `session`), not as cookie"
    )


def test_findings_are_in_rule_then_catalogue_order() -> None:
    report = audit(CATALOGUE, _files())
    from consent_tui.core.audit.rules import ORDER

    orders = [ORDER[f.rule] for f in report.findings]
    assert orders == sorted(orders)
    before = [f.service_id for f in report.findings if f.rule == "set-before-consent"]
    assert before == ["settings", "analytics", "analytics", "ads"]


def test_a_declared_name_on_another_site_is_another_partys_item() -> None:
    """`pf_session` is declared on the site and seen there: the same name on another site is
    undeclared (a third party's cookie), not a wrong domain of the declared one."""

    def o(host: str) -> Observation:
        return Observation("pf_session", "http_cookie", host, "f", "w")

    both = (o("www.petit-four.example"), o("tube.example"))
    report = audit(CATALOGUE, [EvidenceFile("f", "har", "unknown", both)])
    [finding] = [f for f in report.findings if f.name == "pf_session"]
    assert (finding.rule, finding.domain, finding.party) == ("undeclared", "tube.example", "third")
    assert finding.hint == (
        "`pf_session` of service `session` is declared on www.petit-four.example and seen there; "
        "this one is another site's: declare it with its own domain"
    )
    only_elsewhere = audit(CATALOGUE, [EvidenceFile("f", "har", "unknown", both[1:])])
    [wrong] = [f for f in only_elsewhere.findings if f.declared_name == "pf_session"]
    assert wrong.rule == "wrong-domain"
