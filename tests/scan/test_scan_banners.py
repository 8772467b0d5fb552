"""`consent-tui scan --consent all` against real banners: Klaro and vanilla-cookieconsent,
clicked by autoconsent, and a plain banner of the site's own, clicked by its button texts.

Both real banners are configured by `consent-tui export` from tests/scan/catalogue.toml.
Before consent only the necessary cookies (and the planted undeclared one) are stored;
after accepting, the analytics cookie and storage and the tracker's third-party cookie too;
after rejecting, nothing that needs consent. `consent-tui audit` of the three files finds
exactly the planted cookie, the too-long `lang` and the other banners' unseen cookies. No
value is ever written, and the scan's temporary folder is left empty.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import NODE_MODULES, require_package
from tests.scan.conftest import AUTOCONSENT, base_args, run_cli
from tests.scan.evidence import (
    assert_no_values,
    audit,
    cookie,
    cookie_names,
    load,
    storage_names,
)
from tests.scan.site import TestSite

NECESSARY = {"sid", "lang", "planted"}  # `planted` is set on every page, declared nowhere
NECESSARY_STORAGE = {("local_storage", "prefs"), ("session_storage", "visited")}
BANNER_COOKIES = {"klaro": "klaro", "cookieconsent": "cc_cookie", "plain": "consent"}
CASES = [
    ("klaro", {"method": "autoconsent", "cmp": "Klaro"}, []),
    ("cookieconsent", {"method": "autoconsent", "cmp": "cookieconsent3"}, []),
    ("plain", {"method": "text", "cmp": None}, ["--no-autoconsent"]),
]


@pytest.mark.parametrize(("kind", "banner", "extra"), CASES)
def test_three_states_then_audit(
    site: TestSite, tmp_path: Path, kind: str, banner: dict[str, str | None], extra: list[str]
) -> None:
    if banner["method"] == "autoconsent":
        require_package(AUTOCONSENT)
    out = tmp_path / "out"
    done = run_cli(["scan", site.url(kind), *base_args(f"{out}/", "--pages", "3", *extra)])
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "after-accept.json",
        "after-reject.json",
        "before-consent.json",
    ]
    before, accept, reject = (load(out / f"{s}.json") for s in STATES)
    assert [before["consent"], accept["consent"], reject["consent"]] == list(STATES)
    home, about, contact = (site.url(kind, name) for name in ("", "about", "contact"))
    for doc in (before, accept, reject):
        assert doc["format"] == "consent-tui-evidence"
        assert doc["site"] == home
        assert doc["recorded"]["third_party_cookies"] == "allowed"
        assert [p["url"] for p in doc["pages"]] == [home, about, contact]  # breadth first, 3
        assert {p["status"] for p in doc["pages"]} == {200}
        assert storage_names(doc) >= NECESSARY_STORAGE
    assert before["recorded"]["consent_action"] == "none"
    assert before["recorded"]["banner"] is None
    consent_cookie = BANNER_COOKIES[kind]
    # Before consent: only what is necessary.
    assert cookie_names(before) == NECESSARY
    assert storage_names(before) == NECESSARY_STORAGE
    # After accepting: the analytics cookie, storage and database, the tracker's cookie.
    assert cookie_names(accept) == NECESSARY | {consent_cookie, "_stats_id", "trk"}
    assert storage_names(accept) == NECESSARY_STORAGE | {
        ("local_storage", "stats_seen"),
        ("indexed_db", "stats_db"),
    }
    # After rejecting: nothing that needs consent.
    assert cookie_names(reject) == NECESSARY | {consent_cookie}
    assert storage_names(reject) == NECESSARY_STORAGE
    for doc, action in ((accept, "accept"), (reject, "reject")):
        recorded = doc["recorded"]
        assert recorded["consent_action"] == action
        assert recorded["banner"]["clicked"] is True
        assert {k: recorded["banner"][k] for k in banner} == banner
    if kind == "plain":  # the German banner's buttons, not the decoy outside it
        assert accept["recorded"]["banner"]["button"] == "alle akzeptieren"
        assert reject["recorded"]["banner"]["button"] == "alle ablehnen"
    trk = cookie(accept, "trk")
    assert trk["domain"] == "tracker.test"
    assert trk["set_by"] == f"https://tracker.test:{site.port}/pixel"
    assert (trk["secure"], trk["same_site"], trk["max_age"]) == (True, "None", 90 * 86400)
    assert 90 * 86400 - 5 <= trk["lifetime_seconds"] <= 90 * 86400
    sid, stats = cookie(before, "sid"), cookie(accept, "_stats_id")
    assert (sid["session"], sid["http_only"], sid["set_by"]) == (True, True, home)
    assert sid["value_size"] == len("MARKER-9d2f61-sid")
    assert stats["max_age"] is None and 365 * 86400 - 30 <= stats["lifetime_seconds"] <= 365 * 86400
    assert stats["set_by"] == home  # written by a script: the page it appeared on
    how = (
        f"found by autoconsent: {banner['cmp']}"
        if banner["method"] == "autoconsent"
        else "found by its button text: 'alle {}'"
    )
    version = json.loads((NODE_MODULES / "@duckduckgo/autoconsent/package.json").read_text())
    method = (
        f"banner: autoconsent {version['version']} from {NODE_MODULES / AUTOCONSENT}\n"
        if banner["method"] == "autoconsent"
        else "banner: autoconsent is off (--no-autoconsent); its buttons are found by their text\n"
    )
    assert f"consent-tui scan: {method}" in done.stderr
    assert f"after-accept: accepted on the banner ({how.format('akzeptieren')});" in done.stderr
    assert f"after-reject: rejected on the banner ({how.format('ablehnen')});" in done.stderr
    assert_no_values(out, done.stdout, done.stderr)
    assert done.leftovers == []  # every temporary profile removed
    status, findings = audit(out)
    unseen = sorted(set(BANNER_COOKIES.values()) - {consent_cookie})
    assert status == 1
    assert findings == sorted(
        [
            ("declared-not-seen", unseen[0]),
            ("declared-not-seen", unseen[1]),
            ("lifetime-longer-than-declared", "lang"),
            ("undeclared", "planted"),
        ]
    )


STATES = ("before-consent", "after-accept", "after-reject")
