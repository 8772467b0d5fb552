"""Host names, registrable domains and parties, from the bundled public suffix list.

The registrable domain ("eTLD+1") of ``www.shop.example.co.uk`` is
``example.co.uk``: two hosts on the same registrable domain are the same site
for a browser. It comes from the public suffix list bundled with
``publicsuffixlist`` (loaded once, on first use; never fetched). IP addresses
and single-label hosts (``localhost``) are their own registrable domain.
"""

from __future__ import annotations

import ipaddress
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

Party = Literal["first", "third"]


@cache
def _psl() -> PublicSuffixList:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def normalise(domain: str) -> str:
    """A domain or host as cookies compare it: lower case, no leading or final dot, no port."""
    host = domain.strip().lower()
    if "://" in host:  # a URL written where a domain belongs
        host = host.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1]
    host = host.lstrip(".").rstrip(".")
    if host.startswith("[") and "]" in host:  # [::1]:8080
        return host[1 : host.index("]")]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host


_SIMPLE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9.-]+)(?::[0-9]*)?(?=[/?#]|$)")


def host_of(url: str | None) -> str | None:
    """The host of a URL (``https://www.example.org:8443/x`` -> ``www.example.org``)."""
    if not url:
        return None
    simple = _SIMPLE_URL.match(url)  # the usual URL, without urlsplit's cost
    if simple is not None:
        return simple.group(1).lower().rstrip(".") or None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return normalise(host) if host else None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=65536)
def registrable(host: str) -> str:
    """The registrable domain of ``host`` (itself for an IP, a single label or a suffix)."""
    host = normalise(host)
    if not host or "." not in host or _is_ip(host):
        return host
    found = _psl().privatesuffix(host)
    return found if found else host


@lru_cache(maxsize=65536)
def is_public_suffix(host: str) -> bool:
    """Whether ``host`` is itself a public suffix (``co.uk``, ``github.io``)."""
    host = normalise(host)
    if not host or "." not in host or _is_ip(host):
        return False
    return _psl().publicsuffix(host) == host


def domain_match(host: str, domain: str) -> bool:
    """RFC 6265 domain-match: ``host`` is ``domain`` or a subdomain of it."""
    host, domain = normalise(host), normalise(domain)
    if host == domain:
        return True
    return host.endswith("." + domain) and not _is_ip(host)


def same_site(a: str, b: str) -> bool:
    """Whether two hosts share their registrable domain."""
    return registrable(a) == registrable(b)


def party(host: str, site_host: str | None) -> Party | None:
    """``first`` when ``host`` is on the site's registrable domain, else ``third``."""
    if not site_host:
        return None
    return "first" if same_site(host, site_host) else "third"
