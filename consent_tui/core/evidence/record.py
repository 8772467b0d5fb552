"""The one record every evidence reader produces: what a browser stored, never its value.

An :class:`Observation` is one cookie or storage item seen in one recording. It
keeps the length of the value and nothing of the value itself: values can be
session secrets, and consent-tui never prints, stores or reports them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

StorageKind = Literal["http_cookie", "local_storage", "session_storage", "indexed_db"]
STORAGE_KINDS: Final[tuple[StorageKind, ...]] = (
    "http_cookie",
    "local_storage",
    "session_storage",
    "indexed_db",
)

ConsentState = Literal["before-consent", "after-reject", "after-accept", "unknown"]
CONSENT_STATES: Final[tuple[ConsentState, ...]] = (
    "before-consent",
    "after-reject",
    "after-accept",
    "unknown",
)

# How a reader learnt of the item, for the report ("set by a Set-Cookie header", ...).
Origin = Literal[
    "set-cookie",  # a Set-Cookie response header
    "response-cookie",  # a HAR response's cookies array
    "request-cookie",  # a cookie the browser sent (HAR request cookies or Cookie header)
    "cookie-jar",  # a browser's cookie store (storage state, cookies.txt, a collector)
    "storage",  # Web Storage or IndexedDB read from the page
]


@dataclass(frozen=True, slots=True)
class Observation:
    """One cookie or storage item as a recording shows it.

    ``host`` is the cookie's domain (lower case, without its leading dot) or the
    storage origin's host; ``host_only`` is ``True`` for a cookie set without a
    ``Domain`` attribute, ``False`` for a domain cookie, ``None`` when the
    recording does not tell. ``lifetime`` is the observed lifetime in seconds
    (``Max-Age``, or the expiry less the time it was set), ``None`` when it
    cannot be worked out; ``session`` is ``True`` for a cookie that ends with the
    browser session. ``where`` places the item in its file ("entry 12",
    "line 4", "origins[1].localStorage[0]").
    """

    name: str
    kind: StorageKind
    host: str
    file: str
    where: str
    state: ConsentState = "unknown"
    origin: Origin = "cookie-jar"
    host_only: bool | None = None
    path: str | None = None
    url: str | None = None
    seen_at: dt.datetime | None = None
    expires_at: dt.datetime | None = None
    max_age: int | None = None
    session: bool | None = None
    lifetime: int | None = None
    secure: bool | None = None
    http_only: bool | None = None
    same_site: str | None = None
    value_size: int = 0

    @property
    def domain(self) -> str:
        """The domain as a cookie table writes it: ``.example.org`` for a domain cookie."""
        return "." + self.host if self.host_only is False else self.host

    @property
    def persistent(self) -> bool | None:
        """``True`` when it outlives the session, ``None`` when unknown."""
        return None if self.session is None else not self.session


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """One file read as evidence: what it is, its consent state, and what it holds.

    ``kinds`` are the storage kinds the recording could have captured (a HAR
    sees cookies only), so that "declared but never seen" is judged only from
    recordings that could have seen the item. ``notes`` are warnings about the
    file that do not stop the audit (a HAR without cookie data, undecodable
    bytes replaced, cookies a browser would refuse).
    """

    path: str
    format: str
    state: ConsentState
    observations: tuple[Observation, ...]
    kinds: frozenset[StorageKind] = frozenset(("http_cookie",))
    notes: tuple[str, ...] = ()
    site: str | None = None  # the site the recording was made on, when it says
    pages: tuple[str, ...] = ()
    third_party_cookies: str | None = None  # "allowed"/"blocked", when the recorder says
    recorded_at: dt.datetime | None = None
    has_cookie_data: bool = True


FORMAT_NAMES: Final = {
    "har": "HAR",
    "storage-state": "storage state",
    "cookies-txt": "cookies.txt",
    "wec": "website-evidence-collector",
    "consent-tui": "consent-tui evidence",
}
