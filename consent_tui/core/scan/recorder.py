"""What the browser stores, recorded as observations: names, places, times and value lengths.

Cookies come from the context's cookie jar (read after every page, so one set
and removed in between is still seen); what set each comes from the
``Set-Cookie`` headers of the responses (the response's URL), else it is the
frame or page on which it first appeared (a cookie written by a script).
Storage (localStorage, sessionStorage, IndexedDB database names) is read in
every frame by a script that returns only keys and lengths: no stored value
ever leaves the browser, and a cookie's value is turned into its length the
moment the jar is read.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from consent_tui.core.evidence.record import ConsentState, Observation, StorageKind
from consent_tui.core.evidence.setcookie import parse_set_cookie, split_header
from consent_tui.core.matching.domains import domain_match, host_of, normalise

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page, Response

STORAGE: Final = """
async () => {
  const out = {origin: location.origin, local_storage: [], session_storage: [], indexed_db: []};
  const read = (store, into) => {
    try {
      for (let i = 0; i < store.length && i < 5000; i++) {
        const key = store.key(i);
        if (key !== null) into.push([key, (store.getItem(key) || "").length]);
      }
    } catch (e) {}
  };
  read(window.localStorage, out.local_storage);
  read(window.sessionStorage, out.session_storage);
  try {
    if (indexedDB.databases) {
      for (const db of (await indexedDB.databases()).slice(0, 500)) {
        if (typeof db.name === "string") out.indexed_db.push([db.name, 0]);
      }
    }
  } catch (e) {}
  return out;
}
"""
KINDS: Final[tuple[StorageKind, ...]] = ("local_storage", "session_storage", "indexed_db")
MAX_NAME: Final = 4096


def now() -> dt.datetime:
    """The time to the second, as the evidence writes it."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _second(time: dt.datetime | None) -> dt.datetime | None:
    return time.replace(microsecond=0) if time is not None else None


@dataclass(slots=True)
class _Cookie:
    name: str
    host: str
    host_only: bool
    path: str | None
    set_by: str | None
    seen_at: dt.datetime
    expires: dt.datetime | None
    max_age: int | None
    lifetime: int | None  # from when it was last set (or seen) to its expiry
    secure: bool | None
    http_only: bool | None
    same_site: str | None
    value_size: int


def _lifetime(expiry: dt.datetime | None, since: dt.datetime, max_age: int | None) -> int | None:
    """Seconds from ``since`` to ``expiry`` (``None`` for a session cookie), at most ``max_age``:
    a browser keeps a cookie no longer than it was told, and may keep it less (400 days)."""
    if expiry is None:
        return None
    kept = max(0, int((expiry - since).total_seconds()))
    return kept if max_age is None else min(max_age, kept)


class Recorder:
    """Collects one consent state's cookies and storage from one browser context."""

    def __init__(self, state: ConsentState) -> None:
        self.state = state
        # (name, domain, host-only) -> the first response URL; the latest time and Max-Age
        self._set_by: dict[tuple[str, str, bool], tuple[str, dt.datetime, int | None]] = {}
        self._cookies: dict[tuple[str, str, str | None], _Cookie] = {}
        self._storage: dict[tuple[StorageKind, str, str], tuple[dt.datetime, int]] = {}
        self._pending: set[asyncio.Task[None]] = set()

    def attach(self, context: BrowserContext) -> None:
        context.on("response", self._on_response)

    def _on_response(self, response: Response) -> None:
        task = asyncio.ensure_future(self._headers(response))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _headers(self, response: Response) -> None:
        from playwright.async_api import Error

        try:
            values = await response.header_values("set-cookie")
        except Error:
            return
        at, url = dt.datetime.now(dt.UTC), response.url
        host = host_of(url) or ""
        for value in values:
            for line in split_header(value):
                parsed = parse_set_cookie(line)  # keeps the value's length only
                if parsed is None or (parsed.max_age is not None and parsed.max_age <= 0):
                    continue
                key = (parsed.name, normalise(parsed.domain or host), parsed.domain is None)
                first = self._set_by.get(key)
                self._set_by[key] = (first[0] if first else url, at, parsed.max_age)

    async def settle(self) -> None:
        """Wait (briefly) for the headers of the responses already seen."""
        if self._pending:
            await asyncio.wait(set(self._pending), timeout=5)

    async def snapshot(self, page: Page) -> None:
        """Read the cookie jar and every frame's storage now."""
        from playwright.async_api import Error

        await self.settle()
        at = dt.datetime.now(dt.UTC)
        frames = [f.url for f in page.frames if f.url.startswith(("http:", "https:"))]
        for cookie in await page.context.cookies():
            self._cookie(cookie, at, page.url, frames)
        for frame in list(page.frames):
            try:
                found = await asyncio.wait_for(frame.evaluate(STORAGE), 5)
            except (Error, TimeoutError):
                continue
            if isinstance(found, dict):
                self._store(found, at)

    def _cookie(self, raw: Any, at: dt.datetime, page: str, frames: list[str]) -> None:
        name, domain = raw.get("name"), raw.get("domain")
        if not isinstance(name, str) or not isinstance(domain, str) or not domain.strip("."):
            return
        size = len(raw.get("value") or "")  # the value itself goes no further
        host, host_only = normalise(domain), not domain.startswith(".")
        path = raw.get("path") if isinstance(raw.get("path"), str) else None
        url, since, max_age = self._set_by.get((name, host, host_only)) or (None, at, None)
        expires = raw.get("expires")
        expiry = None
        if isinstance(expires, int | float) and expires > 0:
            expiry = dt.datetime.fromtimestamp(expires, dt.UTC)
        same_site = raw.get("sameSite")
        new = _Cookie(
            name, host, host_only, path, url or _frame_of(host, frames) or page, min(since, at),
            expiry, max_age, _lifetime(expiry, min(since, at), max_age),
            _flag(raw.get("secure")), _flag(raw.get("httpOnly")),
            same_site if isinstance(same_site, str) else None, size,
        )  # fmt: skip
        old = self._cookies.setdefault((name, domain, path), new)
        if old is not new:  # seen before: its first sighting, its longest life and value
            new.set_by, new.seen_at = old.set_by, min(old.seen_at, new.seen_at)
            if old.expires is not None and (new.expires is None or _longer(old, new)):
                new.expires, new.max_age, new.lifetime = old.expires, old.max_age, old.lifetime
            new.value_size = max(old.value_size, new.value_size)
            self._cookies[(name, domain, path)] = new

    def _store(self, found: dict[str, Any], at: dt.datetime) -> None:
        origin = found.get("origin")
        if not isinstance(origin, str) or not origin.startswith(("http://", "https://")):
            return
        for kind in KINDS:
            items = found.get(kind)
            for item in items if isinstance(items, list) else ():
                if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                    continue
                name, size = item[0][:MAX_NAME], item[1] if isinstance(item[1], int) else 0
                seen = self._storage.get((kind, origin, name))
                first = seen[0] if seen else at
                self._storage[(kind, origin, name)] = (first, max(size, seen[1] if seen else 0))

    def observations(self) -> list[Observation]:
        """Everything recorded, cookies first, each once."""
        out = [
            Observation(
                c.name,
                "http_cookie",
                c.host,
                "",
                "",
                self.state,
                "cookie-jar",
                host_only=c.host_only,
                path=c.path,
                url=c.set_by,
                seen_at=_second(c.seen_at),
                expires_at=_second(c.expires),
                max_age=c.max_age,
                session=c.expires is None,
                lifetime=c.lifetime,
                secure=c.secure,
                http_only=c.http_only,
                same_site=c.same_site,
                value_size=c.value_size,
            )
            for c in self._cookies.values()
        ]
        for (kind, origin, name), (at, size) in self._storage.items():
            host = host_of(origin) or ""
            out.append(
                Observation(name, kind, host, "", "", self.state, "storage", url=origin,
                            seen_at=_second(at), session=kind == "session_storage", value_size=size)
            )  # fmt: skip
        return out


def _longer(a: _Cookie, b: _Cookie) -> bool:
    return (a.lifetime or 0) > (b.lifetime or 0)


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _frame_of(host: str, frames: list[str]) -> str | None:
    """The first frame on the cookie's domain: the page that most likely wrote it."""
    for url in frames:
        frame_host = host_of(url)
        if frame_host and domain_match(frame_host, host):
            return url
    return None
