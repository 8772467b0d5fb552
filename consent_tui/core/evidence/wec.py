"""The EDPS website-evidence-collector's output folder.

Its ``inspection.json`` holds ``cookies`` (the browser's cookie store, with a
``log`` saying when and by what each was set), ``localStorage`` (origin ->
key -> ``{value, log}``), the site (``uri_ins``), the pages visited
(``browsing_history``) and the start time. Without it, ``cookies.yml`` and
``local-storage.yml`` hold the same two parts as YAML (read with PyYAML's
``safe_load``, imported only here). The collector strips the leading dot of
domains, so whether a cookie is host-only is unknown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from consent_tui.core.evidence import cookies as c
from consent_tui.core.evidence.dates import any_date
from consent_tui.core.evidence.errors import EvidenceError
from consent_tui.core.evidence.record import (
    ConsentState,
    EvidenceFile,
    Observation,
    StorageKind,
)
from consent_tui.core.evidence.storage_state import cookie_observation
from consent_tui.core.matching.domains import host_of

INSPECTION: Final = "inspection.json"
COOKIES_YAML: Final = "cookies.yml"
STORAGE_YAML: Final = "local-storage.yml"
# Written by the collector beside those: never evidence of their own.
COMPANIONS: Final = frozenset(
    ("inspection.yml", "beacons.yml", "websockets-log.json", "inspection.html")
)


def looks_like(data: Any) -> bool:
    """Whether parsed JSON is an ``inspection.json``."""
    return isinstance(data, dict) and (
        "uri_ins" in data or ("beacons" in data and "cookies" in data and "localStorage" in data)
    )


def load_yaml(text: str, path: str) -> Any:
    """YAML through ``safe_load`` (no objects built from tags), errors with a place."""
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        message = f"not valid YAML: {exc.problem}"
        raise EvidenceError(message, path=path, line=line, col=col) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise EvidenceError(f"not valid YAML: {exc}", path=path) from None


def _log(item: dict[str, Any]) -> tuple[dt.datetime | None, str | None]:
    log = item.get("log")
    if not isinstance(log, dict):
        return None, None
    url = None
    stack = log.get("stack")
    if isinstance(stack, list) and stack and isinstance(stack[0], dict):
        url = c.text(stack[0].get("fileName"))
    return any_date(log.get("timestamp")), url or c.text(log.get("location"))


def cookies_of(
    items: Any, path: str, prefix: str, state: ConsentState, start: dt.datetime | None
) -> list[Observation]:
    out: list[Observation] = []
    if not isinstance(items, list):
        return out
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        seen, url = _log(item)
        found = cookie_observation(
            item, path, f"{prefix}[{i}]", state, start, seen=seen or start, url=url
        )
        if found is not None:
            out.append(_unknown_scope(found))
    return out


def _unknown_scope(found: Observation) -> Observation:
    from dataclasses import replace

    return replace(found, host_only=None)


def storage_of(
    data: Any, path: str, prefix: str, state: ConsentState, start: dt.datetime | None
) -> list[Observation]:
    out: list[Observation] = []
    if not isinstance(data, dict):
        return out
    for origin, keys in data.items():
        host = host_of(str(origin))
        if host is None or not isinstance(keys, dict):
            continue
        for key, item in keys.items():
            entry = item if isinstance(item, dict) else {"value": item}
            seen, _url = _log(entry)
            out.append(
                Observation(
                    str(key),
                    "local_storage",
                    host,
                    path,
                    f"{prefix}[{origin!r}][{key!r}]",
                    state,
                    "storage",
                    url=str(origin),
                    seen_at=seen or start,
                    session=False,
                    value_size=c.value_size(entry.get("value")),
                )
            )
    return out


def read_inspection(data: dict[str, Any], path: str, state: ConsentState) -> EvidenceFile:
    start = any_date(data.get("start_time"))
    found = cookies_of(data.get("cookies"), path, "cookies", state, start)
    found += storage_of(data.get("localStorage"), path, "localStorage", state, start)
    history = data.get("browsing_history")
    pages = tuple(str(p) for p in history) if isinstance(history, list) else ()
    kinds: frozenset[StorageKind] = frozenset(("http_cookie", "local_storage"))
    return EvidenceFile(
        path,
        "wec",
        state,
        tuple(found),
        kinds,
        site=c.text(data.get("uri_ins")),
        pages=pages,
        recorded_at=start,
    )


def read_yaml_pair(
    cookies: Any, storage: Any, path: str, state: ConsentState, names: tuple[str, str]
) -> EvidenceFile:
    """``cookies.yml`` and ``local-storage.yml`` (either may be missing: ``None``)."""
    kinds: set[StorageKind] = set()
    found: list[Observation] = []
    if cookies is not None:
        if not isinstance(cookies, list):
            raise EvidenceError(f"{names[0]} is not a list of cookies", path=path)
        kinds.add("http_cookie")
        found += cookies_of(cookies, path, names[0], state, None)
    if storage is not None:
        if not isinstance(storage, dict):
            raise EvidenceError(f"{names[1]} is not a table of origins", path=path)
        kinds.add("local_storage")
        found += storage_of(storage, path, names[1], state, None)
    return EvidenceFile(path, "wec", state, tuple(found), frozenset(kinds))
