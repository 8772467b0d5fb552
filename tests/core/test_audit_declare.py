"""Declarations drafted from undeclared findings (the editor's "add to catalogue")."""

from __future__ import annotations

import pytest

from consent_tui.core.audit import audit
from consent_tui.core.audit.declare import cookie_for, duration_for
from consent_tui.core.durations import parse_duration
from consent_tui.core.evidence import EvidenceFile, Observation
from consent_tui.core.matching.lifetimes import longer_than_declared
from consent_tui.core.store import load_text


@pytest.mark.parametrize(
    ("lifetime", "text"),
    [
        (731 * 86400, "2 years"),
        (34_000_000, "13 months"),
        (15_552_000, "180 days"),
        (86400, "1 day"),
        (1800, "30 minutes"),
        (7 * 86400, "1 week"),
        (100_000, "28 hours"),
        (90 * 86400 + 7 * 3600, "13 weeks"),
        (100 * 86400 + 7 * 3600, "100 days"),
        (45, "45 seconds"),
    ],
)
def test_durations_that_the_lifetime_fits(lifetime: int, text: str) -> None:
    assert duration_for(lifetime, False, "http_cookie") == text
    assert not longer_than_declared(lifetime, parse_duration(text))


def test_kinds_and_unknown_lifetimes() -> None:
    assert duration_for(None, True, "http_cookie") == "session"
    assert duration_for(None, None, "http_cookie") is None
    assert duration_for(None, None, "local_storage") == "persistent"
    assert duration_for(None, None, "session_storage") == "session"


def test_a_declaration_that_covers_the_finding() -> None:
    catalogue = load_text('format_version = 1\n[policy]\nsite_url = "https://www.shop.test"\n')
    seen = (
        Observation("_pk_id.1.ab", "http_cookie", "shop.test", "f", "w", host_only=False,
                    lifetime=34_000_000, session=False),
        Observation("_pk_id.2.cd", "http_cookie", "shop.test", "f", "w", host_only=False),
        Observation("IDE", "http_cookie", "doubleclick.net", "f", "w", host_only=False,
                    lifetime=63_000_000, session=False),
    )  # fmt: skip
    report = audit(catalogue, [EvidenceFile("f", "har", "unknown", seen)])
    found = {f.name: f for f in report.findings}
    pk = cookie_for(found["_pk_id.1.ab"], report.site, pattern=True)
    assert (pk.name, pk.type, pk.domain, pk.duration) == ("_pk_id.*", None, None, "13 months")
    ide = cookie_for(found["IDE"], report.site)
    assert (ide.name, ide.domain, ide.duration) == ("IDE", ".doubleclick.net", "2 years")
    # declared so, the same recording has nothing left to report
    again = load_text(
        'format_version = 1\n[policy]\nsite_url = "https://www.shop.test"\n'
        '[services.s]\n[[services.s.cookies]]\nname = "_pk_id.*"\nduration = "13 months"\n'
        '[[services.s.cookies]]\nname = "IDE"\ndomain = ".doubleclick.net"\nduration = "2 years"\n'
    )
    assert audit(again, [EvidenceFile("f", "har", "unknown", seen)]).findings == ()
