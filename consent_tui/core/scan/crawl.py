"""Which pages to visit: the URLs given, then the links found on them, breadth first.

A link is followed when it is http or https, on the site's registrable domain
(``shop.example.org`` and ``www.example.org`` are one site; the public suffix
list decides), and not a file download by its extension. Fragments are dropped
and each page is visited once.
"""

from __future__ import annotations

from collections import deque
from typing import Final
from urllib.parse import urlsplit, urlunsplit

from consent_tui.core.matching.domains import registrable

LINKS: Final = "els => els.slice(0, 2000).map(a => a.href).filter(h => typeof h === 'string')"
_EXTENSIONS: Final = (
    "7z avi bin bmp csv dmg doc docx epub exe gif gz ico iso jpeg jpg json m4a mov mp3 mp4 msi "
    "odp ods odt ogg pdf png ppt pptx rar rss svg tar tgz tif tiff txt wav webm webp woff woff2 "
    "xls xlsx xml zip"
)
SKIPPED: Final = frozenset("." + ext for ext in _EXTENSIONS.split())


def page_key(url: str) -> str | None:
    """``url`` without its fragment, when it is a page the scan may visit (http or https)."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - a bad port raises here
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


def on_site(url: str, site: str) -> bool:
    host = urlsplit(url).hostname or ""
    return bool(host) and registrable(host) == site


def is_download(url: str) -> bool:
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    return dot > path.rfind("/") and path[dot:] in SKIPPED


class Frontier:
    """The pages still to visit, in the order they were found, at most ``limit`` in all."""

    def __init__(self, seeds: tuple[str, ...], site: str, limit: int) -> None:
        self.site = site
        self.limit = max(limit, len(seeds))
        self.seen: set[str] = set()
        self.queue: deque[str] = deque()
        for url in seeds:
            self.add(url)

    def add(self, url: str) -> None:
        key = page_key(url)
        if key is None or key in self.seen or len(self.seen) >= self.limit:
            return
        if not on_site(key, self.site) or is_download(key):
            return
        self.seen.add(key)
        self.queue.append(key)

    def add_links(self, links: object) -> None:
        for link in links if isinstance(links, list) else ():
            if isinstance(link, str):
                self.add(link)

    def next(self) -> str | None:
        return self.queue.popleft() if self.queue else None
