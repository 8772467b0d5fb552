"""Netscape ``cookies.txt`` (curl's cookie jar, browser extensions, wget).

Seven tab-separated fields a line: domain, include-subdomains, path, secure,
expiry (seconds since 1970, ``0`` for a session cookie), name, value. A
``#HttpOnly_`` prefix marks an HttpOnly cookie; other ``#`` lines are
comments. Like storage states, the file does not say when it was written.
"""

from __future__ import annotations

import datetime as dt
import re

from consent_tui.core.evidence.dates import epoch, seconds_between
from consent_tui.core.evidence.errors import EvidenceError
from consent_tui.core.evidence.record import ConsentState, EvidenceFile, Observation
from consent_tui.core.matching.domains import normalise

_HEADER = re.compile(r"#\s*(Netscape\s+)?HTTP\s+Cookie\s+File", re.IGNORECASE)
_HTTP_ONLY = "#HttpOnly_"
_BOOL = {"TRUE": True, "FALSE": False}
_EXPIRY = re.compile(r"-?[0-9]{1,18}(?:\.[0-9]*)?")


def looks_like(text: str) -> bool:
    """Whether ``text`` starts like a cookies.txt (a header comment or a cookie line)."""
    for line in text[:65536].splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if _HEADER.match(stripped):
            return True
        if stripped.startswith("#") and not stripped.startswith(_HTTP_ONLY):
            continue
        return _fields(stripped) is not None
    return False


def _fields(line: str) -> list[str] | None:
    if line.startswith(_HTTP_ONLY):
        line = line[len(_HTTP_ONLY) :]
    parts = line.split("\t")
    if len(parts) == 6:
        parts.append("")
    if len(parts) != 7 or parts[1].upper() not in _BOOL or parts[3].upper() not in _BOOL:
        return None
    if _EXPIRY.fullmatch(parts[4].strip()) is None:
        return None
    return parts


def read_netscape(
    text: str, path: str, state: ConsentState, reference: dt.datetime | None
) -> EvidenceFile:
    """The cookies of a cookies.txt text."""
    out: list[Observation] = []
    bad: list[int] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith(_HTTP_ONLY)):
            continue
        parts = _fields(line.lstrip())
        if parts is None:
            bad.append(number)
            continue
        domain, subdomains, cookie_path, secure, expiry, name, value = parts
        if not domain.strip("."):
            bad.append(number)
            continue
        expires = epoch(float(expiry.strip()))
        life = seconds_between(reference, expires) if expires else None
        out.append(
            Observation(
                name,
                "http_cookie",
                normalise(domain),
                path,
                f"line {number}",
                state,
                "cookie-jar",
                host_only=not _BOOL[subdomains.upper()],
                path=cookie_path or "/",
                seen_at=reference,
                expires_at=expires,
                session=expires is None,
                lifetime=life if life is None or life >= 0 else None,
                secure=_BOOL[secure.upper()],
                http_only=line.lstrip().startswith(_HTTP_ONLY),
                value_size=len(value),
            )
        )
    if not out and bad:
        raise EvidenceError(
            "not a cookies.txt: no line has the seven tab-separated fields "
            "(domain, subdomains, path, secure, expiry, name, value)",
            path=path,
            line=bad[0],
        )
    notes = []
    if bad:
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        notes.append(f"{path}:{bad[0]}: a line that is not a cookie was skipped{more}")
    return EvidenceFile(
        path, "cookies-txt", state, tuple(out), notes=tuple(notes), recorded_at=reference
    )
