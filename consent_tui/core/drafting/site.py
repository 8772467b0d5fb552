"""The site a catalogue is drafted for: given, or read from the evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from consent_tui.core.drafting.errors import DraftError
from consent_tui.core.evidence import EvidenceFile
from consent_tui.core.matching.domains import host_of, registrable
from consent_tui.core.values import url_problem


@dataclass(frozen=True, slots=True)
class Site:
    """``url`` for ``[policy] site_url``; ``host``; ``name`` (the host without ``www.``).

    ``source`` names where it came from (``--site``, or an evidence file), and
    ``others`` the other sites the evidence was recorded on, if any.
    """

    url: str
    host: str
    name: str
    source: str
    others: tuple[str, ...] = ()

    @property
    def registrable(self) -> str:
        return registrable(self.host)


def _origin(url: str) -> str | None:
    """``https://www.example.org`` for any URL of that site; ``None`` for a URL that is none."""
    if url_problem(url) is not None:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme.lower()}://{host}{port}"


def _name(host: str) -> str:
    return host[4:] if host.startswith("www.") and host.count(".") >= 2 else host


def find_site(files: Sequence[EvidenceFile], given: str | None) -> Site:
    """The site: ``given`` (an absolute http(s) URL), else the first recording that names one."""
    if given is not None:
        problem = url_problem(given)
        if problem is not None:
            raise DraftError(
                f"--site {given!r} {problem}; give the site's address, such as "
                "https://www.example.org"
            )
        host = host_of(given) or ""
        return Site(
            given.rstrip("/") if urlsplit(given).path in ("", "/") else given,
            host,
            _name(host),
            "--site",
        )
    found: list[tuple[str, str]] = []
    for f in files:
        for url in (f.site, *f.pages):
            origin = _origin(url) if url else None
            if origin is not None:
                found.append((origin, f.path))
                break
    if not found:
        raise DraftError(
            "the evidence does not say which site it was recorded on (storage states and "
            "cookies.txt files do not); give it with --site https://…"
        )
    url, source = found[0]
    host = host_of(url) or ""
    others = tuple(
        dict.fromkeys(
            host_of(u) or u for u, _f in found if registrable(host_of(u) or "") != registrable(host)
        )
    )
    return Site(url, host, _name(host), source, others)
