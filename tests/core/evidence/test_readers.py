"""Each reader on the test site's recordings: the records it gives, field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from consent_tui.core.evidence import own
from consent_tui.core.evidence.record import Observation
from tests.core.evidence.support import AUDIT, MARK, RECORDED, by_name, one, read
from tests.data.audit import generate

UTC = dt.UTC


def test_committed_fixtures_are_what_the_generator_writes() -> None:
    for name, data in generate.files().items():
        assert (AUDIT / name).read_bytes() == data, (
            f"run python -m tests.data.audit.generate ({name})"
        )


def test_har_set_cookie_headers() -> None:
    found = one(AUDIT / "before.har", "before-consent")
    assert found.format == "har" and found.state == "before-consent"
    names = by_name(found)
    session = names["pf_session"][0]
    assert (session.host, session.host_only, session.session, session.lifetime) == (
        "www.petit-four.example",
        True,
        True,
        None,
    )
    assert (session.http_only, session.secure, session.same_site) == (True, True, "Lax")
    assert session.origin == "set-cookie" and session.where == "log.entries[0]"
    assert session.url == "https://www.petit-four.example/"
    assert session.seen_at == dt.datetime(2026, 3, 1, 10, tzinfo=UTC)
    csrf = names["csrftoken"][0]  # Expires measured from the Date header
    assert csrf.lifetime == 365 * 86400 and csrf.session is False
    theme = names["pf_theme"][0]  # the first of two cookies joined by a new line; MAX-AGE
    assert (theme.max_age, theme.lifetime, theme.value_size) == (
        31536000,
        31536000,
        len(f'"{MARK}-dark"'),
    )
    consent = names["pf_consent"][0]
    assert (consent.host, consent.host_only, consent.domain) == (
        "petit-four.example",
        False,
        ".petit-four.example",
    )
    assert consent.expires_at == RECORDED + dt.timedelta(seconds=15552000)
    assert "gone" not in names  # Max-Age=0 deletes
    assert "evil" not in names  # a Domain the response's host is not in: refused
    assert any("1 Set-Cookie header(s) a browser would refuse" in n for n in found.notes)
    assert names["big"][0].value_size == len(MARK) + 1 + 10_000
    assert "<script>alert(1)</script>" in names


def test_har_request_cookies_once_per_host() -> None:
    names = by_name(one(AUDIT / "before.har"))
    pk = names["_pk_id.1.a2c4"]
    assert len(pk) == 1 and pk[0].origin == "request-cookie"
    assert (pk[0].host, pk[0].host_only, pk[0].session, pk[0].lifetime) == (
        "www.petit-four.example",
        None,
        None,
        None,
    )
    assert len(names["pf_session"]) == 2  # set, then sent back: one record each


def test_har_asctime_expires_and_escape_names() -> None:
    names = by_name(one(AUDIT / "accept.har"))
    pk = names["_pk_id.1.a2c4"][0]
    assert pk.expires_at == dt.datetime(2028, 3, 1, 10, tzinfo=UTC)
    assert pk.lifetime == 731 * 86400  # from the Date header (10:00:00), not the entry (10:00:10)
    assert "\x1b[31mred\x1b[0m" in names
    geo = names["pf_geo"][0]
    assert (geo.host, geo.host_only) == ("other.example", False)


def test_storage_state() -> None:
    found = one(AUDIT / "reject.json", "after-reject")
    assert found.format == "storage-state"
    assert found.kinds == {"http_cookie", "local_storage", "session_storage"}
    names = by_name(found)
    session = names["pf_session"][0]
    assert (session.session, session.host_only, session.http_only) == (True, True, True)
    adid = names["adid"][0]
    assert (adid.host, adid.host_only, adid.same_site) == ("adnet.example", False, "None")
    assert adid.lifetime == 1806134400 - int(RECORDED.timestamp())
    cart = names["pf_cart"][0]
    assert (cart.kind, cart.host, cart.url, cart.where) == (
        "local_storage",
        "www.petit-four.example",
        "https://www.petit-four.example",
        "origins[0].localStorage[0]",
    )
    assert names["pf_checkout"][0].kind == "session_storage"


def test_cookies_txt() -> None:
    found = one(AUDIT / "cookies.txt")
    assert found.format == "cookies-txt"
    names = by_name(found)
    session = names["pf_session"][0]
    assert (session.http_only, session.session, session.host_only, session.where) == (
        True,
        True,
        True,
        "line 4",
    )
    lang = names["pf_lang"][0]
    assert (lang.host_only, lang.lifetime, lang.secure) == (False, 1804154400 - 1772359200, False)
    assert "caf\ufffd" in names  # invalid UTF-8 replaced, with a note naming the place
    assert any(
        n.startswith(f"{AUDIT / 'cookies.txt'}:6:") and "not UTF-8" in n for n in found.notes
    )
    assert any(":7: a line that is not a cookie was skipped" in n for n in found.notes)


def test_wec_folder_reads_inspection_json_only() -> None:
    reading = read(AUDIT / "wec")
    assert len(reading) == 1
    found = reading[0]
    assert found.format == "wec" and found.site == "https://www.petit-four.example/"
    assert found.pages == (
        "https://www.petit-four.example/",
        "https://www.petit-four.example/recipes/",
    )
    names = by_name(found)
    consent = names["pf_consent"][0]
    assert consent.host_only is None and consent.url == "https://www.petit-four.example/app.js"
    assert consent.seen_at == dt.datetime(2026, 3, 1, 10, 0, 5, tzinfo=UTC)
    assert consent.lifetime == 1788170405 - 1772359205
    assert names["_pk_ses.1.a2c4"][0].lifetime == 30 * 60  # an ISO expiry
    assert names["pf_cart"][0].kind == "local_storage"


def test_wec_yaml_pair() -> None:
    found = one(AUDIT / "wec-yaml")
    assert found.kinds == {"http_cookie", "local_storage"}
    names = by_name(found)
    assert names["pf_consent"][0].lifetime == 1788170405 - 1772359205  # YAML timestamp
    assert names["pf_cart"][0].host == "www.petit-four.example"
    alone = one(AUDIT / "wec-yaml" / "local-storage.yml")
    assert alone.kinds == {"local_storage"}


def test_own_format_and_its_writer_round_trip() -> None:
    found = one(AUDIT / "scan.json")
    assert (found.format, found.state, found.third_party_cookies) == (
        "consent-tui",
        "after-accept",
        "allowed",
    )
    assert found.kinds == {"http_cookie", "local_storage", "session_storage", "indexed_db"}
    doc = own.document(
        found.observations,
        state=found.state,
        recorded={"at": "2026-03-01T10:00:00Z", "third_party_cookies": "allowed"},
        site=found.site,
    )
    again = own.read_own(doc, "again.json", None)
    strip = [
        (o.name, o.kind, o.host, o.host_only, o.session, o.value_size) for o in found.observations
    ]
    assert strip == [
        (o.name, o.kind, o.host, o.host_only, o.session, o.value_size) for o in again.observations
    ]
    assert "value" not in own.dumps(doc).replace("value_size", "")


def test_the_command_line_state_wins_over_the_files() -> None:
    found = one(AUDIT / "scan.json", "before-consent")
    assert found.state == "before-consent"
    assert all(o.state == "before-consent" for o in found.observations)
    assert any("recorded as after-accept, audited as before-consent" in n for n in found.notes)


def test_no_record_holds_a_value() -> None:
    for name in (
        "before.har",
        "accept.har",
        "reject.json",
        "cookies.txt",
        "wec",
        "wec-yaml",
        "scan.json",
    ):
        for found in read(AUDIT / name):
            assert MARK not in repr(found)
            for o in found.observations:
                assert MARK not in repr(o) and MARK not in o.name
    assert "value" not in {f.name for f in Observation.__dataclass_fields__.values()}


def test_a_folder_of_recordings() -> None:
    from consent_tui.core.evidence import Options, read_path

    reading = read_path(str(AUDIT), Options(recorded_at=RECORDED))
    formats = sorted((f.path.removeprefix(str(AUDIT) + "/"), f.format) for f in reading.files)
    assert formats == [
        ("accept.har", "har"),
        ("before.har", "har"),
        ("cookies.txt", "cookies-txt"),
        ("reject.json", "storage-state"),
        ("scan.json", "consent-tui"),
        ("wec-yaml", "wec"),
        ("wec/inspection.json", "wec"),
    ]
    skipped = sorted((p.removeprefix(str(AUDIT) + "/"), why) for p, why in reading.skipped)
    assert skipped[0][1].startswith("not an evidence file consent-tui reads (")
    assert [p for p, _ in skipped] == ["generate.py", "site.toml", "wec/inspection.yml"]


def test_cookies_txt_variants(tmp_path: Path) -> None:
    path = tmp_path / "jar.txt"
    path.write_text(
        "a.example\tFALSE\t/\tFALSE\t1772362800.5\tfloat\tv\n"  # a fractional expiry
        "a.example\tFALSE\t/\tFALSE\t-1\tneg\tv\n"  # no expiry: a session cookie
        "a.example\tFALSE\t/\tFALSE\t0\tempty\n",  # the value left out, with its tab
        encoding="utf-8",
    )
    found = one(path)
    assert [(o.name, o.session, o.lifetime) for o in found.observations] == [
        ("float", False, 3600),
        ("neg", True, None),
        ("empty", True, None),
    ]
