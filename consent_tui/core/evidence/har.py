"""HAR 1.2 recordings (devtools "Save all as HAR", Playwright ``record_har``, Firefox).

Cookies come from the ``Set-Cookie`` response headers (parsed here: exact
``Max-Age``, the ``Domain`` attribute, deletions), the responses' ``cookies``
arrays for those without a header, and the cookies the browser sent (request
``cookies`` or the ``Cookie`` header: cookies set by scripts show only there).
``Expires`` is measured from the response's ``Date`` header (unless it is more
than a day from the entry's time: a response replayed from a cache), else from
the entry's ``startedDateTime``; responses served from the browser's cache
(``_fromCache``) set no cookie. The document is walked entry by entry, so bodies
are dropped as soon as they are read past.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from consent_tui.core.evidence import cookies as c
from consent_tui.core.evidence.bounded import Progress
from consent_tui.core.evidence.dates import cookie_date, iso_date
from consent_tui.core.evidence.errors import EvidenceError
from consent_tui.core.evidence.jsontext import Walker
from consent_tui.core.evidence.record import ConsentState, EvidenceFile, Observation
from consent_tui.core.evidence.setcookie import (
    SetCookie,
    parse_cookie_header,
    parse_set_cookie,
    split_header,
)
from consent_tui.core.matching.domains import domain_match, host_of, is_public_suffix, normalise

VERSIONS: Final = ("1.2", "1.1")
NO_COOKIES: Final = (
    "this HAR holds no cookie data at all (no Set-Cookie or Cookie header, no cookies "
    "arrays). Chrome and Edge leave cookies out of a HAR unless it is exported with "
    "sensitive data: in DevTools, Settings > Preferences > Network, tick 'Allow to generate "
    "HAR with sensitive data', then in the Network panel use 'Export HAR (with sensitive "
    "data)...'. Firefox's 'Save All As HAR' and Playwright's record_har keep cookies"
)


@dataclass
class _Reader:
    path: str
    state: ConsentState
    out: list[Observation] = field(default_factory=list)
    sent: set[tuple[str, str]] = field(default_factory=set)
    cookie_data: bool = False
    rejected: int = 0
    deletions: int = 0
    cached: int = 0
    first_url: str | None = None
    first_time: dt.datetime | None = None

    def entry(self, entry: Any, index: int) -> None:
        if not isinstance(entry, dict):
            return
        request = entry.get("request")
        response = entry.get("response")
        request = request if isinstance(request, dict) else {}
        response = response if isinstance(response, dict) else {}
        url = c.text(request.get("url"))
        host = host_of(url)
        seen = iso_date(entry.get("startedDateTime"))
        if self.first_url is None and url:
            self.first_url, self.first_time = url, seen
        where = f"log.entries[{index}]"
        date = None
        headers: list[str] = []
        for header in _dicts(response.get("headers")):
            name = header.get("name")
            value = header.get("value")
            if name.__class__ is not str or value.__class__ is not str:
                continue
            size = len(name)
            if size == 10 and name.lower() == "set-cookie":
                headers.append(value)
            elif size == 4 and name.lower() == "date":
                date = cookie_date(value)
        reference = _reference(date, seen)
        named: set[str] = set()
        if entry.get("_fromCache"):  # headers replayed from the browser's cache set nothing
            self.cached += len(headers)
            headers = []
        for value in headers:
            self.cookie_data = True
            for line in split_header(value):
                parsed = parse_set_cookie(line)
                if parsed is not None:
                    named.add(parsed.name)
                    self.set_cookie(parsed, host, url, seen, reference, where)
        for cookie in _dicts(response.get("cookies")):
            self.cookie_data = True
            name = c.text(cookie.get("name"))
            if name is not None and name not in named:
                self.response_cookie(cookie, name, host, url, seen, reference, where)
        self.request_cookies(request, host, url, seen, where)

    def set_cookie(
        self,
        sc: SetCookie,
        host: str | None,
        url: str | None,
        seen: dt.datetime | None,
        reference: dt.datetime | None,
        where: str,
    ) -> None:
        if sc.domain is not None:
            if host is not None and (
                not domain_match(host, sc.domain)
                or (is_public_suffix(sc.domain) and sc.domain != host)
            ):
                self.rejected += 1
                return
            cookie_host, host_only = sc.domain, False
        elif host is not None:
            cookie_host, host_only = host, True
        else:
            self.rejected += 1
            return
        if c.is_deletion(sc.expires, sc.max_age, reference):
            self.deletions += 1
            return
        persistent = sc.max_age is not None or sc.expires is not None
        self.out.append(
            Observation(
                sc.name,
                "http_cookie",
                cookie_host,
                self.path,
                where,
                self.state,
                "set-cookie",
                host_only=host_only,
                path=sc.path or c.default_path(url),
                url=url,
                seen_at=seen,
                expires_at=c.expiry(sc.expires, sc.max_age, seen),
                max_age=sc.max_age,
                session=not persistent,
                lifetime=c.lifetime(sc.expires, sc.max_age, reference) if persistent else None,
                secure=sc.secure,
                http_only=sc.http_only,
                same_site=sc.same_site,
                value_size=sc.value_size,
            )
        )

    def response_cookie(
        self,
        cookie: dict[str, Any],
        name: str,
        host: str | None,
        url: str | None,
        seen: dt.datetime | None,
        reference: dt.datetime | None,
        where: str,
    ) -> None:
        raw_domain = c.text(cookie.get("domain"))
        if raw_domain and raw_domain.strip("."):
            cookie_host, host_only = normalise(raw_domain), None
            if raw_domain.startswith("."):
                host_only = False
        elif host is not None:
            cookie_host, host_only = host, None
        else:
            return
        raw_expires = cookie.get("expires")
        expires = iso_date(raw_expires) or cookie_date(c.text(raw_expires) or "")
        if c.is_deletion(expires, None, reference):
            self.deletions += 1
            return
        self.out.append(
            Observation(
                name,
                "http_cookie",
                cookie_host,
                self.path,
                where + ".response.cookies",
                self.state,
                "response-cookie",
                host_only=host_only,
                path=c.text(cookie.get("path")) or c.default_path(url),
                url=url,
                seen_at=seen,
                expires_at=expires,
                session=expires is None,
                lifetime=c.lifetime(expires, None, reference),
                secure=c.flag(cookie.get("secure")),
                http_only=c.flag(cookie.get("httpOnly")),
                same_site=c.text(cookie.get("sameSite")),
                value_size=c.value_size(cookie.get("value")),
            )
        )

    def request_cookies(
        self, request: dict[str, Any], host: str | None, url: str | None, seen: Any, where: str
    ) -> None:
        pairs: list[tuple[str, int]] = []
        for cookie in _dicts(request.get("cookies")):
            name = c.text(cookie.get("name"))
            if name is not None:
                pairs.append((name, c.value_size(cookie.get("value"))))
        if not pairs:
            for header in _dicts(request.get("headers")):
                name = header.get("name")
                if isinstance(name, str) and name.lower() == "cookie":
                    pairs += parse_cookie_header(c.text(header.get("value")) or "")
        if pairs:
            self.cookie_data = True
        if host is None:
            return
        for name, size in pairs:
            key = (name, host)
            if key in self.sent:
                continue
            self.sent.add(key)
            self.out.append(
                Observation(
                    name,
                    "http_cookie",
                    host,
                    self.path,
                    where + ".request.cookies",
                    self.state,
                    "request-cookie",
                    url=url,
                    seen_at=seen,
                    value_size=size,
                )
            )


_DATE_SLACK: Final = dt.timedelta(days=1)


def _reference(date: dt.datetime | None, seen: dt.datetime | None) -> dt.datetime | None:
    """What ``Expires`` is measured from: the server's ``Date``, unless it is far from the
    entry's time (a response replayed from a cache keeps its old ``Date``)."""
    if date is None:
        return seen
    if seen is not None and abs(date - seen) > _DATE_SLACK:
        return seen
    return date


def _dicts(value: object) -> Iterable[dict[str, Any]]:
    if isinstance(value, list):
        return (item for item in value if isinstance(item, dict))
    return ()


def read_har(
    text: str, path: str, state: ConsentState, progress: Progress | None = None
) -> EvidenceFile:
    """The cookies of a HAR text (see the module's docstring)."""
    walker = Walker(text, path)
    reader = _Reader(path, state)
    version: object = None
    pages: list[str] = []
    saw_log = saw_entries = False
    total = len(text)
    if walker.peek() != "{":
        raise walker.fail('expecting an object (a HAR starts with {"log": ...})')
    for key in walker.members():
        if key != "log":
            continue
        saw_log = True
        if walker.peek() != "{":
            raise walker.fail("`log` must be an object")
        for log_key in walker.members():
            if log_key == "version":
                version = walker.value()
                _check_version(version, path)
            elif log_key == "pages":
                pages = _page_names(walker.value())
            elif log_key == "entries":
                saw_entries = True
                for index, entry in enumerate(walker.items()):
                    reader.entry(entry, index)
                    if progress is not None and index % 256 == 0:
                        progress("parsing", walker.pos, total)
    walker.end()
    if not saw_log:
        raise EvidenceError("not a HAR: the object has no `log`", path=path)
    if not saw_entries:
        raise EvidenceError("not a HAR: `log` has no `entries`", path=path)
    notes = []
    if version is None:
        notes.append(f"{path}: the HAR does not say its version; read as HAR 1.2")
    if not reader.cookie_data:
        notes.append(f"{path}: {NO_COOKIES}")
    if reader.rejected:
        notes.append(
            f"{path}: {reader.rejected} Set-Cookie header(s) a browser would refuse "
            "(a Domain the response's host is not in, or a public suffix) were left out"
        )
    return EvidenceFile(
        path,
        "har",
        state,
        tuple(reader.out),
        notes=tuple(notes),
        site=reader.first_url,
        pages=tuple(pages),
        recorded_at=reader.first_time,
        has_cookie_data=reader.cookie_data,
    )


def _check_version(version: object, path: str) -> None:
    if isinstance(version, str) and version.strip() in VERSIONS:
        return
    shown = version if isinstance(version, str) else type(version).__name__
    raise EvidenceError(
        f"is a HAR of version {str(shown)[:20]!r}; consent-tui reads HAR 1.2 (and 1.1)",
        path=path,
    )


def _page_names(pages: object) -> list[str]:
    out = []
    for page in _dicts(pages):
        title = page.get("title")
        if isinstance(title, str) and title:
            out.append(title[:2000])
    return out
