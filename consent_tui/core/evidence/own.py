"""consent-tui's own evidence format, version 1 (written by ``consent-tui scan``).

A small JSON document, described in docs/audit.md: the format id and version,
the consent state it was recorded in, how it was recorded (tool, browser,
whether third-party cookies were allowed, the consent action), the pages
visited, then ``cookies`` and ``storage`` with what the audit needs. It never
holds a value: only ``value_size``. :func:`document` builds one from
observations and :func:`read_own` reads one back.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any, Final

from consent_tui.core.evidence import cookies as c
from consent_tui.core.evidence.dates import iso_date
from consent_tui.core.evidence.errors import EvidenceError
from consent_tui.core.evidence.record import (
    CONSENT_STATES,
    STORAGE_KINDS,
    ConsentState,
    EvidenceFile,
    Observation,
    StorageKind,
)
from consent_tui.core.matching.domains import host_of, normalise

FORMAT_ID: Final = "consent-tui-evidence"
VERSION: Final = 1


def looks_like(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT_ID


def _time(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def cookie_item(o: Observation) -> dict[str, Any]:
    return {
        "name": o.name,
        "domain": o.domain,
        "host_only": o.host_only,
        "path": o.path,
        "set_by": o.url,
        "seen_at": _time(o.seen_at),
        "expires": _time(o.expires_at),
        "max_age": o.max_age,
        "session": o.session,
        "lifetime_seconds": o.lifetime,
        "secure": o.secure,
        "http_only": o.http_only,
        "same_site": o.same_site,
        "value_size": o.value_size,
    }


def storage_item(o: Observation) -> dict[str, Any]:
    return {
        "type": o.kind,
        "name": o.name,
        "origin": o.url or f"https://{o.host}",
        "seen_at": _time(o.seen_at),
        "value_size": o.value_size,
    }


def document(
    observations: Iterable[Observation],
    *,
    state: ConsentState,
    recorded: Mapping[str, Any],
    site: str | None = None,
    pages: Iterable[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """An evidence document: ``recorded`` says how (``at``, ``tool``, ``browser``,
    ``third_party_cookies``: ``"allowed"``/``"blocked"``/``"unknown"``, ...)."""
    items = list(observations)
    return {
        "format": FORMAT_ID,
        "version": VERSION,
        "consent": state,
        "site": site,
        "recorded": dict(recorded),
        "pages": [dict(p) for p in pages],
        "cookies": [cookie_item(o) for o in items if o.kind == "http_cookie"],
        "storage": [storage_item(o) for o in items if o.kind != "http_cookie"],
    }


def dumps(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def read_own(data: dict[str, Any], path: str, state: ConsentState | None) -> EvidenceFile:
    """A parsed evidence document; ``state`` (from the command line) wins over the file's."""
    version = data.get("version")
    if _int(version) is None:
        raise EvidenceError("consent-tui evidence without an integer `version`", path=path)
    if version > VERSION:  # type: ignore[operator]
        raise EvidenceError(
            f"consent-tui evidence of version {version}; this consent-tui reads version "
            f"{VERSION}: upgrade consent-tui",
            path=path,
        )
    written = data.get("consent")
    notes: list[str] = []
    if written not in CONSENT_STATES:
        raise EvidenceError(f"`consent` must be one of {', '.join(CONSENT_STATES)}", path=path)
    if state is not None and state != written and state != "unknown":
        notes.append(f"{path}: recorded as {written}, audited as {state} (the command line wins)")
    final: ConsentState = written if state is None or state == "unknown" else state
    raw_recorded = data.get("recorded")
    recorded: dict[str, Any] = raw_recorded if isinstance(raw_recorded, dict) else {}
    at = iso_date(recorded.get("at"))
    out: list[Observation] = []
    kinds: set[StorageKind] = set()
    cookies = data.get("cookies")
    if isinstance(cookies, list):
        kinds.add("http_cookie")
        for i, item in enumerate(cookies):
            found = _cookie(item, path, f"cookies[{i}]", final, at)
            if found is not None:
                out.append(found)
    storage = data.get("storage")
    if isinstance(storage, list):
        kinds |= {"local_storage", "session_storage", "indexed_db"}
        for i, item in enumerate(storage):
            found = _storage(item, path, f"storage[{i}]", final, at)
            if found is not None:
                out.append(found)
    third = c.text(recorded.get("third_party_cookies"))
    pages = tuple(
        str(p.get("url")) for p in data.get("pages") or () if isinstance(p, dict) and p.get("url")
    )
    return EvidenceFile(
        path,
        "consent-tui",
        final,
        tuple(out),
        frozenset(kinds),
        tuple(notes),
        site=c.text(data.get("site")),
        pages=pages,
        third_party_cookies=third,
        recorded_at=at,
    )


def _cookie(
    item: object, path: str, where: str, state: ConsentState, at: dt.datetime | None
) -> Observation | None:
    if not isinstance(item, dict):
        return None
    name, domain = c.text(item.get("name")), c.text(item.get("domain"))
    if name is None or not domain or not domain.strip("."):
        return None
    host_only = c.flag(item.get("host_only"))
    if host_only is None and domain.startswith("."):
        host_only = False
    seen = iso_date(item.get("seen_at")) or at
    return Observation(
        name,
        "http_cookie",
        normalise(domain),
        path,
        where,
        state,
        "cookie-jar",
        host_only=host_only,
        path=c.text(item.get("path")),
        url=c.text(item.get("set_by")),
        seen_at=seen,
        expires_at=iso_date(item.get("expires")),
        max_age=_int(item.get("max_age")),
        session=c.flag(item.get("session")),
        lifetime=_int(item.get("lifetime_seconds")),
        secure=c.flag(item.get("secure")),
        http_only=c.flag(item.get("http_only")),
        same_site=c.text(item.get("same_site")),
        value_size=_int(item.get("value_size")) or 0,
    )


def _storage(
    item: object, path: str, where: str, state: ConsentState, at: dt.datetime | None
) -> Observation | None:
    if not isinstance(item, dict):
        return None
    kind, name = item.get("type"), c.text(item.get("name"))
    origin = c.text(item.get("origin"))
    host = host_of(origin)
    if kind not in STORAGE_KINDS or kind == "http_cookie" or name is None or host is None:
        return None
    return Observation(
        name,
        kind,
        host,
        path,
        where,
        state,
        "storage",
        url=origin,
        seen_at=iso_date(item.get("seen_at")) or at,
        session=kind == "session_storage",
        value_size=_int(item.get("value_size")) or 0,
    )
