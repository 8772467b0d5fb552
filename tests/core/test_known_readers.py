"""The CSV and JSON readers: the same entries from both, every quirk counted, bad data refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from consent_tui.core.known import files
from consent_tui.core.known.entry import KnownEntry
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.read import read_bytes, read_path
from tests.core.known_support import SMALL_CSV, SMALL_JSON

HEADER = (
    "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,"
    "Data Controller,User Privacy & GDPR Rights Portals,Wildcard match"
)


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def _row(ident: str = "id-1", name: str = "_x", **fields: str) -> str:
    values = {
        "platform": "P",
        "category": "Analytics",
        "domain": "",
        "description": "d",
        "retention": "1 year",
        "controller": "C",
        "privacy": "https://p.example/",
        "wildcard": "0",
    } | fields
    order = ("platform", "category")
    rest = ("domain", "description", "retention", "controller", "privacy", "wildcard")
    return ",".join([ident, *(values[k] for k in order), name, *(values[k] for k in rest)])


def _error(data: bytes) -> KnownDataError:
    with pytest.raises(KnownDataError) as caught:
        read_bytes(data, "db.csv")
    return caught.value


def test_csv_entries_are_normalised() -> None:
    db = read_path(SMALL_CSV)
    assert db.kind == "csv" and len(db.entries) == 24
    first = db.entries[0]
    assert first == KnownEntry(
        id="00000000-0000-4000-8000-000000000001",
        platform="Google Analytics",
        category="Analytics",
        name="_ga",
        prefix=False,
        domains=(),
        third_party=False,
        description="Tells visitors apart for the statistics.",
        retention="2 years",
        duration="2 years",
        refresh=None,
        controller="Google",
        privacy_link="https://policies.google.com/privacy",
    )
    by_name = {(e.platform, e.name): e for e in db.entries}
    assert by_name["Matomo", "_pk_id."].description == "Stores a visitor ID\n(a random string)."
    assert by_name["Matomo", "_pk_ses."].refresh is True
    assert by_name["Facebook", "_fbp"].domains == ("facebook.com",)
    assert by_name["Facebook", "_fbp"].third_party is True
    px = by_name["Example Shop", "shop_px"]
    assert px.domains == ("shop.example", "cdn.shop.example") and px.third_party
    assert px.category == "Tracking pixels"  # kept as written: no database category says so
    assert by_name["Cookiebot", "CookieConsent"].category == "Functional"  # "Necessary"
    assert by_name["Example Shop", "cart"].category == "Functional"  # "necessary"
    assert by_name["Example Shop", "shop_stats"].category == "Analytics"  # "Statistics"
    assert by_name["Adkernel", "SSPR_"].prefix is True  # "SSPR_*", wildcard 0
    assert by_name["Zeta Ads", "zt*_uid"].prefix is True
    assert by_name["Eta Video", "eta_volume"].retention == "1 year"  # trailing space
    assert by_name["Zeta Ads", "zt_opt"].duration is None


def test_csv_quirks_are_counted() -> None:
    report = read_path(SMALL_CSV).report
    summary = report.summary()
    assert summary["rows"] == summary["entries"] == 24
    assert summary["platforms"] == 12
    assert summary["off_list_categories"] == {
        "Necessary": 1,
        "Statistics": 1,
        "Tracking pixels": 1,
        "necessary": 1,
    }
    assert summary["third_party_domains"] == 3
    assert summary["no_domain"] == 24 - 6
    assert summary["shared_names"] == 1  # sid, by three platforms
    assert summary["star_names"] == 2
    assert summary["warnings"] == {}


def test_json_gives_the_same_entries_and_counts() -> None:
    from_csv = read_path(SMALL_CSV)
    from_json = read_path(SMALL_JSON)
    assert from_json.kind == "json"
    assert sorted(from_json.entries, key=lambda e: e.id) == list(from_csv.entries)
    assert from_json.report.summary() == from_csv.report.summary()


def test_header_columns_in_any_order_extra_ones_ignored_bom_and_crlf() -> None:
    columns = HEADER.split(",")
    header = ",".join(["Extra", *reversed(columns)])
    values = _row("id-9", "_y").split(",")
    row = ",".join(["ignored", *reversed(values)])
    text = "\ufeff" + header + "\r\n" + row + "\r\n"
    [entry] = read_bytes(text.encode("utf-8"), "db.csv").entries
    assert (entry.id, entry.name, entry.platform) == ("id-9", "_y", "P")


def test_rows_with_the_wrong_number_of_fields_are_skipped_and_counted() -> None:
    data = _csv(_row("a", "one"), _row("b", "two") + ",surplus", "c,too,short", "", _row("d", "x"))
    db = read_bytes(data, "db.csv")
    assert [e.name for e in db.entries] == ["one", "x"]
    assert [(w.where, w.kind) for w in db.report.warnings] == [
        ("line 3", "field-count"),
        ("line 4", "field-count"),
    ]
    assert db.report.warnings[0].message == "11 fields where the header has 10: skipped"


def test_duplicate_ids_keep_the_first_and_warn() -> None:
    data = _csv(_row("same", "first"), _row("same", "second"), _row("other", "third"))
    db = read_bytes(data, "db.csv")
    assert [e.name for e in db.entries] == ["first", "third"]
    [warning] = db.report.warnings
    assert (warning.where, warning.kind) == ("line 3", "duplicate-id")
    assert warning.message == "ID same was already used (line 2): skipped"
    assert db.report.summary()["warnings"] == {"duplicate-id": 1}


def test_rows_without_a_name_or_id_or_with_a_bad_wildcard() -> None:
    data = _csv(_row("a", ""), _row("b", "*"), _row("", "kept"), _row("c", "w", wildcard="yes"))
    db = read_bytes(data, "db.csv")
    assert [(e.name, e.prefix) for e in db.entries] == [("kept", False), ("w", False)]
    assert [w.kind for w in db.report.warnings] == ["no-name", "no-name", "no-id", "wildcard"]


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "the file is empty", None),
        (b" \n\n\t", "the file holds only blank space", None),
        (b"ID,Platform\x00\x01\x02", "a binary file, not a CSV or JSON text", None),
        (
            HEADER.encode() + b"\nid,caf\xe9\n",
            "not UTF-8 text (byte 0xe9); save the file as UTF-8",
            2,
        ),
        (HEADER.encode() + b"\n", "no entries in this CSV file", None),
        (
            b"<!DOCTYPE html>\n<html><body>Not found</body></html>\n",
            "not an Open Cookie Database CSV: the first line is '<!DOCTYPE html>', not its header "
            f"({HEADER})",
            1,
        ),
        (
            _csv(_row(), header=HEADER.replace(",Retention period", "").replace(",Domain", "")),
            "the header lacks the columns 'Domain', 'Retention period'",
            1,
        ),
        (
            _csv(_row("a", "one"), 'b,P,Analytics,"unclosed,,d,1 year,C,,0'),
            "a quoted field opened in this row is never closed (is the file cut short?)",
            3,
        ),
        (
            _csv(_row("a", "one"), 'b,P,Analytics,"x"y,,d,1 year,C,,0', _row("c", "three")),
            "broken quoting (',' expected after '\"')",
            3,
        ),
        (
            _csv(_row("a", "one", description="x" * 200_000)),
            "a field is far too long for a cookie database",
            2,
        ),
    ],
)
def test_bad_csv_is_a_clear_error(data: bytes, message: str, line: int | None) -> None:
    error = _error(data)
    assert (error.message, error.line, error.path) == (message, line, "db.csv")


def test_a_file_whose_every_row_is_skipped_says_so() -> None:
    error = _error(_csv("a,b", _row("x", "")))
    assert error.message == "no entries in this CSV file (2 rows, all skipped)"


def _json(doc: object) -> bytes:
    return json.dumps(doc).encode("utf-8")


def _record(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "id-1",
        "category": "Marketing",
        "cookie": "_x",
        "domain": "",
        "description": "d",
        "retentionPeriod": "1 day",
        "dataController": "C",
        "privacyLink": "",
        "wildcardMatch": "0",
    }
    return base | fields


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b'{"P": [', "not valid JSON: Expecting value (column 8)", 1),
        (
            b"[1, 2]",
            "not the Open Cookie Database JSON: expected an object of platform "
            "names, each with a list of entries",
            None,
        ),
        (
            b'{"P": {"cookie": "x"}}',
            "not the Open Cookie Database JSON: expected an object "
            "of platform names, each with a list of entries",
            None,
        ),
        (
            b"[" * 100_000 + b"]" * 100_000,
            "not the Open Cookie Database: nested far too deeply",
            None,
        ),
        (b'{"P": []}', "no entries in this JSON file", None),
    ],
)
def test_bad_json_is_a_clear_error(data: bytes, message: str, line: int | None) -> None:
    error = _error(data)
    assert (error.message, error.line) == (message, line)


def test_json_records_of_the_wrong_shape_are_skipped_and_counted() -> None:
    doc = {
        "P": [
            _record(id="a"),
            "not an object",
            _record(id="b", cookie=3),
            _record(id="c", wildcardMatch=1, cookie="_pre_"),
            {"id": "d", "cookie": "_bare"},
        ]
    }
    db = read_bytes(_json(doc), "db.json")
    assert [(e.name, e.prefix, e.platform) for e in db.entries] == [
        ("_x", False, "P"),
        ("_pre_", True, "P"),
        ("_bare", False, "P"),
    ]
    assert [(w.where, w.kind) for w in db.report.warnings] == [
        ("platform 'P', entry 2", "not-an-object"),
        ("platform 'P', entry 3", "wrong-type"),
        ("platform 'P', entry 5", "missing-field"),
    ]


def test_a_platform_listed_twice_in_json_keeps_both_lists() -> None:
    one = json.dumps(_record(id="a", cookie="one"))
    two = json.dumps(_record(id="b", cookie="two"))
    text = f'{{"P": [{one}], "P": [{two}]}}'
    db = read_bytes(text.encode(), "db.json")
    assert [e.name for e in db.entries] == ["one", "two"]
    assert [w.kind for w in db.report.warnings] == ["repeated-platform"]


def test_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(KnownDataError, match="is a folder, not a regular file"):
        read_path(tmp_path)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(KnownDataError, match=r"is a named pipe \(FIFO\), not a regular file"):
        read_path(fifo)  # refused at once, without waiting for a writer
    with pytest.raises(KnownDataError, match="is a character device, not a regular file"):
        read_path(Path("/dev/zero"))
    with pytest.raises(KnownDataError, match="no such file"):
        read_path(tmp_path / "missing.csv")


def test_a_huge_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 1024)
    big = tmp_path / "big.csv"
    big.write_bytes(_csv(*(_row(f"id-{i}", f"n{i}") for i in range(100))))
    with pytest.raises(KnownDataError) as caught:
        read_path(big)
    size = big.stat().st_size
    assert caught.value.message == (
        f"too big for the Open Cookie Database ({size:,} bytes; at most 1,024 bytes)"
    )
