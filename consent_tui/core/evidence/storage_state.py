"""Browser cookie stores as JSON: Playwright storage state and its relatives.

- Playwright ``context.storage_state()``: ``cookies`` (``expires`` in seconds
  since 1970, ``-1`` for a session cookie) and ``origins[]`` with
  ``localStorage`` (and ``indexedDB`` since Playwright 1.51; ``sessionStorage``
  where a script added it);
- a bare array of cookies: Puppeteer's ``page.cookies()``, the DevTools
  protocol's ``Network.getAllCookies``, browser extensions' exports
  (``expirationDate``, ``hostOnly``).

These stores do not say when they were written: lifetimes are measured from
the time given (``--recorded-at``), else from the file's modification time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from consent_tui.core.evidence import cookies as c
from consent_tui.core.evidence.dates import any_date, seconds_between
from consent_tui.core.evidence.errors import EvidenceError
from consent_tui.core.evidence.record import (
    ConsentState,
    EvidenceFile,
    Observation,
    StorageKind,
)
from consent_tui.core.matching.domains import host_of, normalise

_SAME_SITE = {"no_restriction": "None", "lax": "Lax", "strict": "Strict", "none": "None"}


def looks_like(data: Any) -> bool:
    """Whether parsed JSON is a cookie store this module reads."""
    if isinstance(data, dict):
        return isinstance(data.get("cookies"), list) or isinstance(data.get("origins"), list)
    return isinstance(data, list) and bool(data) and all(_is_cookie(x) for x in data[:20])


def _is_cookie(item: object) -> bool:
    return isinstance(item, dict) and isinstance(item.get("name"), str) and "domain" in item


def cookie_observation(
    cookie: dict[str, Any],
    path: str,
    where: str,
    state: ConsentState,
    reference: dt.datetime | None,
    *,
    seen: dt.datetime | None = None,
    url: str | None = None,
) -> Observation | None:
    """One cookie of a store (Playwright, DevTools protocol, extension), or ``None``."""
    name = c.text(cookie.get("name"))
    raw_domain = c.text(cookie.get("domain"))
    if name is None or not raw_domain or not raw_domain.strip("."):
        return None
    host_only = c.flag(cookie.get("hostOnly"))
    if host_only is None:
        host_only = not raw_domain.startswith(".")
    expires = any_date(cookie.get("expires", cookie.get("expirationDate")))
    session = c.flag(cookie.get("session"))
    if session is None:
        session = expires is None
    start = seen or reference
    life = seconds_between(start, expires) if expires is not None and not session else None
    same_site = c.text(cookie.get("sameSite"))
    return Observation(
        name,
        "http_cookie",
        normalise(raw_domain),
        path,
        where,
        state,
        "cookie-jar",
        host_only=host_only,
        path=c.text(cookie.get("path")),
        url=url,
        seen_at=seen or reference,
        expires_at=expires,
        session=session,
        lifetime=life if life is None or life >= 0 else None,
        secure=c.flag(cookie.get("secure")),
        http_only=c.flag(cookie.get("httpOnly")),
        same_site=_SAME_SITE.get(same_site.lower(), same_site) if same_site else None,
        value_size=c.value_size(cookie.get("value")),
    )


def _items(value: object) -> Iterable[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        return ((i, x) for i, x in enumerate(value) if isinstance(x, dict))
    return ()


_STORES: tuple[tuple[str, StorageKind], ...] = (
    ("localStorage", "local_storage"),
    ("sessionStorage", "session_storage"),
    ("indexedDB", "indexed_db"),
)


def read_storage_state(
    data: Any, path: str, state: ConsentState, reference: dt.datetime | None
) -> EvidenceFile:
    """The cookies and storage of a parsed store (see the module's docstring)."""
    out: list[Observation] = []
    kinds: set[StorageKind] = set()
    cookies: Any
    origins: Any
    if isinstance(data, list):
        cookies, origins = data, None
        prefix = ""
    elif isinstance(data, dict):
        cookies, origins = data.get("cookies"), data.get("origins")
        prefix = "cookies"
    else:
        raise EvidenceError("not a storage state: expecting an object or an array", path=path)
    if isinstance(cookies, list):
        kinds.add("http_cookie")
    expired = 0
    for i, cookie in _items(cookies):
        found = cookie_observation(cookie, path, f"{prefix}[{i}]", state, reference)
        if found is not None:
            out.append(found)
            if found.expires_at is not None and reference and found.expires_at < reference:
                expired += 1
    if isinstance(origins, list):
        kinds.add("local_storage")
    for i, entry in _items(origins):
        origin = c.text(entry.get("origin"))
        host = host_of(origin)
        if host is None:
            continue
        for key, kind in _STORES:
            store = entry.get(key)
            if key != "localStorage" and isinstance(store, list):
                kinds.add(kind)
            for j, item in _items(store):
                name = c.text(item.get("name"))
                if name is None:
                    continue
                out.append(
                    Observation(
                        name,
                        kind,
                        host,
                        path,
                        f"origins[{i}].{key}[{j}]",
                        state,
                        "storage",
                        url=origin,
                        seen_at=reference,
                        session=kind == "session_storage",
                        value_size=c.value_size(item.get("value")),
                    )
                )
    notes = []
    if expired:
        notes.append(
            f"{path}: {expired} cookie(s) had expired before the time lifetimes are measured "
            "from (the file's modification time, or --recorded-at): it is later than the "
            "recording, so lifetimes read shorter than they were"
        )
    return EvidenceFile(
        path,
        "storage-state",
        state,
        tuple(out),
        frozenset(kinds),
        tuple(notes),
        recorded_at=reference,
    )
