"""HAR details real recordings have: cookies arrays only, caches, odd clocks, key order."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from consent_tui.core.evidence import read_path

UTC = dt.UTC


def _har(tmp_path: Path, entries: list[dict[str, Any]], **log: Any) -> Path:
    path = tmp_path / "r.har"
    path.write_text(json.dumps({"log": {"version": "1.2", **log, "entries": entries}}))
    return path


def _entry(**parts: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "startedDateTime": "2026-03-01T10:00:00.000Z",
        "request": {"url": "https://www.site.example/a/b", "headers": [], "cookies": []},
        "response": {"headers": [], "cookies": []},
    }
    for key, value in parts.items():
        if key in ("request", "response"):
            entry[key].update(value)
        else:
            entry[key] = value
    return entry


def _observations(path: Path) -> list[Any]:
    return list(read_path(str(path)).files[0].observations)


def test_response_cookies_arrays_without_headers(tmp_path: Path) -> None:
    cookies = [
        {"name": "a", "value": "1", "domain": ".site.example", "path": "/",
         "expires": "2027-03-01T10:00:00.000Z", "httpOnly": True, "secure": True,
         "sameSite": "Lax"},
        {"name": "b", "value": "22", "expires": None},
        {"name": "gone", "value": "", "expires": "1970-01-01T00:00:00.000Z"},
    ]  # fmt: skip
    found = _observations(_har(tmp_path, [_entry(response={"cookies": cookies})]))
    a, b = found
    assert (a.name, a.host, a.host_only, a.lifetime, a.origin) == (
        "a",
        "site.example",
        False,
        365 * 86400,
        "response-cookie",
    )
    assert (a.http_only, a.secure, a.same_site) == (True, True, "Lax")
    assert (b.host, b.session, b.lifetime, b.path) == ("www.site.example", True, None, "/a")


def test_a_header_and_the_array_give_one_record(tmp_path: Path) -> None:
    response = {
        "headers": [{"name": "set-cookie", "value": "a=1; Max-Age=60"}],
        "cookies": [{"name": "a", "value": "1", "expires": "2026-03-01T10:01:00.000Z"}],
    }
    [only] = _observations(_har(tmp_path, [_entry(response=response)]))
    assert (only.origin, only.max_age) == ("set-cookie", 60)


def test_cached_responses_set_no_cookie(tmp_path: Path) -> None:
    response = {"headers": [{"name": "Set-Cookie", "value": "a=1; Max-Age=60"}]}
    assert _observations(_har(tmp_path, [_entry(response=response, _fromCache="disk")])) == []


def test_an_old_date_header_is_not_the_clock(tmp_path: Path) -> None:
    headers = [
        {"name": "Date", "value": "Sun, 01 Feb 2026 10:00:00 GMT"},  # a month before the entry
        {"name": "Set-Cookie", "value": "a=1; Expires=Mon, 01 Mar 2027 10:00:00 GMT"},
    ]
    [a] = _observations(_har(tmp_path, [_entry(response={"headers": headers})]))
    assert a.lifetime == 365 * 86400  # from the entry's time, not from the stale Date


def test_request_cookies_array(tmp_path: Path) -> None:
    request = {"cookies": [{"name": "_ga", "value": "GA1.1.x"}, {"name": "_ga", "value": "again"}]}
    found = _observations(_har(tmp_path, [_entry(request=request), _entry(request=request)]))
    assert [(o.name, o.origin, o.value_size) for o in found] == [("_ga", "request-cookie", 7)]


def test_log_in_any_key_order_and_version_1_1(tmp_path: Path) -> None:
    path = tmp_path / "order.har"
    entry = _entry(response={"headers": [{"name": "Set-Cookie", "value": "a=1"}]})
    path.write_text(json.dumps({"comment": "x", "log": {"entries": [entry], "version": "1.1"}}))
    found = read_path(str(path)).files[0]
    assert [o.name for o in found.observations] == ["a"] and found.notes == ()


def test_a_har_without_version_is_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "nov.har"
    path.write_text(json.dumps({"log": {"entries": []}}))
    found = read_path(str(path)).files[0]
    assert found.notes[0] == f"{path}: the HAR does not say its version; read as HAR 1.2"


def test_odd_entries_are_passed_over(tmp_path: Path) -> None:
    odd: list[Any] = [
        3,
        {"request": "x", "response": []},
        _entry(response={"headers": [{"name": 1, "value": "a=1"}, {"name": "Set-Cookie"}]}),
        _entry(
            request={"url": None}, response={"headers": [{"name": "Set-Cookie", "value": "a=1"}]}
        ),
    ]
    path = _har(tmp_path, odd)
    found = read_path(str(path)).files[0]
    assert found.observations == ()
    assert "1 Set-Cookie header(s) a browser would refuse" in found.notes[0]


def test_public_suffix_domains_are_refused(tmp_path: Path) -> None:
    headers = [
        {"name": "Set-Cookie", "value": "a=1; Domain=example"},
        {"name": "Set-Cookie", "value": "b=1; Domain=co.uk"},
        {"name": "Set-Cookie", "value": "c=1; Domain=www.shop.co.uk"},
    ]
    entry = _entry(request={"url": "https://www.shop.co.uk/"}, response={"headers": headers})
    assert [o.name for o in _observations(_har(tmp_path, [entry]))] == ["c"]
