"""``Set-Cookie`` and ``Cookie`` headers as browsers read them (RFC 6265 section 5.2).

Real headers are untidy: attribute names in any case, spaces around ``=``,
quoted values, missing values, unknown attributes, several cookies in one
header value joined by new lines (or, by some tools, by commas). The parser
never fails: what a browser would ignore is ignored, and only the value's
length is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from consent_tui.core.evidence.dates import cookie_date

# A comma that starts another cookie ("a=1; Path=/, b=2"), not one inside a date.
_COMMA_SPLIT = re.compile(r",\s*(?=[^;,=\s]+\s*=)")
_MAX_AGE = re.compile(r"-?[0-9]+")
_MAX_AGE_DIGITS = 18


@dataclass(frozen=True, slots=True)
class SetCookie:
    """One parsed ``Set-Cookie``: attributes as given, the value's length only."""

    name: str
    value_size: int
    domain: str | None = None  # the Domain attribute, lower case, without its leading dot
    path: str | None = None
    expires: dt.datetime | None = None
    max_age: int | None = None
    secure: bool = False
    http_only: bool = False
    same_site: str | None = None


def split_header(value: str) -> list[str]:
    """The cookies of one header value: one per line, commas between cookies split too."""
    if "\n" not in value and "\r" not in value and "," not in value:
        return [value] if value.strip() else []
    out: list[str] = []
    for line in value.replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        out.extend(part for part in _COMMA_SPLIT.split(line) if part.strip())
    return out


def parse_set_cookie(line: str) -> SetCookie | None:
    """One ``Set-Cookie`` string, or ``None`` when a browser would ignore it."""
    pair, _, attributes = line.partition(";")
    if "=" in pair:
        name, _, value = pair.partition("=")
        name, value = name.strip(" \t"), value.strip(" \t")
    else:  # RFC 6265bis: a cookie with an empty name
        name, value = "", pair.strip(" \t")
    if not name and not value:
        return None
    domain = path = same_site = None
    expires: dt.datetime | None = None
    max_age: int | None = None
    secure = http_only = False
    for attribute in attributes.split(";"):
        key, _, raw = attribute.partition("=")
        key, raw = key.strip(" \t").lower(), raw.strip(" \t")
        if key == "expires":
            expires = cookie_date(raw) or expires
        elif key == "max-age":
            max_age = _max_age(raw, max_age)
        elif key == "domain":
            host = raw.lstrip(".").lower()
            domain = host or None
        elif key == "path":
            path = raw if raw.startswith("/") else None
        elif key == "secure":
            secure = True
        elif key == "httponly":
            http_only = True
        elif key == "samesite":
            same_site = _same_site(raw)
    return SetCookie(name, len(value), domain, path, expires, max_age, secure, http_only, same_site)


def _max_age(raw: str, previous: int | None) -> int | None:
    if not _MAX_AGE.fullmatch(raw):
        return previous  # not a number: the attribute is ignored
    digits = raw.lstrip("-")
    if len(digits) > _MAX_AGE_DIGITS:
        return -1 if raw.startswith("-") else 10**_MAX_AGE_DIGITS
    return int(raw)


def _same_site(raw: str) -> str:
    lowered = raw.lower()
    return {"lax": "Lax", "strict": "Strict", "none": "None"}.get(lowered, raw[:20] or "")


def parse_cookie_header(value: str) -> list[tuple[str, int]]:
    """The ``(name, value length)`` pairs of a ``Cookie`` request header."""
    out: list[tuple[str, int]] = []
    for part in value.split(";"):
        if "=" in part:
            name, _, val = part.partition("=")
            name = name.strip()
            val = val.strip()
        else:
            name, val = "", part.strip()
        if name or val:
            out.append((name, len(val)))
    return out
