"""Values read from cells: domains, a service's party from its cookies' domains, privacy links."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from consent_tui.core.importers.tables import Link
from consent_tui.core.importers.vocabulary import fold
from consent_tui.core.values import is_host, url_problem

# Links that name a provider's privacy policy by their words (or their title).
_PRIVACY_WORDS: Final = (
    *("privacy", "datenschutz", "confidentialite", "privacidad", "privacidade"),
    *("privacybeleid", "privacyverklaring", "informativa", "learn more about this provider"),
    *("mehr uber diesen anbieter", "en savoir plus sur ce fournisseur"),
)
# Directories of cookies, not a provider's own policy (OneTrust links its hosts there).
_DIRECTORIES: Final = ("cookiepedia.co.uk", "cookiedatabase.org")
_URL_IN_TEXT = re.compile(r"https?://\S+", re.IGNORECASE)


# "Google Analytics sets this cookie to …", as cookie scanners (CookieYes) write descriptions.
_PROVIDER = r"(?P<p>(?:[^.,;:]|\.(?=\S)){2,60}?)"  # a name; a dot only inside (a host)
_SETS: Final = tuple(
    re.compile(pattern.replace("{p}", _PROVIDER), re.IGNORECASE)
    for pattern in (
        r"^{p} (?:sets|installs|places|uses) (?:this|these) cookies?\b",
        r"^this cookie is (?:set|installed|placed) by {p}(?: to | for |[.,;]|$)",
        r"^{p} (?:establece|instala|coloca|utiliza|usa) (?:esta|estas) cookies?\b",
        r"^{p} (?:setzt|installiert|platziert|verwendet) (?:dieses|diesen|diese) cookies?\b",
        r"^{p} (?:définit|installe|dépose|place|utilise) (?:ce|ces) cookies?\b",
        r"^{p} (?:imposta|installa|utilizza|usa) quest[oi] cookies?\b",
        r"^{p} (?:plaatst|installeert|gebruikt) deze cookies?\b",
        r"^{p} (?:define|instala|coloca|utiliza|usa) (?:este|estes|esse|esta) cookies?\b",
    )
)


def described_provider(description: str) -> str | None:
    """The provider a description names as setting the cookie ("Hotjar sets this cookie …")."""
    text = " ".join(description.split())
    for pattern in _SETS:
        found = pattern.match(text)
        if found is not None:
            return found.group("p").strip()
    return None


def domain_of(text: str) -> str | None:
    """The cookie domain a cell writes (``.example.com``), else ``None``."""
    value = text.strip()
    host = value.removeprefix(".")
    if host and is_host(host) and "." in host and not host.endswith("."):
        return value
    return None


def party_by_domain(domains: Iterable[str], site_host: str | None) -> str | None:
    """``first`` when every cookie is on the site's domain, ``third`` when one is not."""
    from consent_tui.core.matching.domains import party

    found = {party(d.lstrip("."), site_host) for d in domains}
    found.discard(None)
    if not found:
        return None
    return "third" if "third" in found else "first"


def guess_party(
    provider: str,
    privacy: str | None,
    domains: list[str],
    site_host: str | None,
    site_name: str | None,
) -> tuple[str, str] | None:
    """A service's party and why, from what the page shows; ``None`` when nothing tells."""
    from consent_tui.core.matching.domains import host_of, party

    found = party_by_domain(domains, site_host)
    if found is not None:
        return found, "guessed from the cookies' domains"
    if site_name and provider and fold(provider) == fold(site_name):
        return "first", "the provider is the site"
    if site_host and domain_of(provider) is not None:
        shown = party(provider.lstrip("."), site_host)
        if shown is not None:
            return shown, "the provider is a host name" + (
                " of the site" if shown == "first" else ""
            )
    policy_host = host_of(privacy)
    if site_host and policy_host:
        shown = party(policy_host, site_host)
        if shown is not None:
            where = "the site's" if shown == "first" else "another site's"
            return shown, f"its privacy policy is {where}"
    return None


def _usable(href: str) -> bool:
    return url_problem(href) is None and not any(d in href.lower() for d in _DIRECTORIES)


def privacy_link(links: Iterable[Link], text: str, *, any_link: bool, name: str = "") -> str | None:
    """A privacy policy URL from a cell's links: any, or one whose words say so.

    A link whose text is the provider's ``name`` counts too (Cookiebot links the
    provider's name to its privacy policy).
    """
    for link in links:
        if not _usable(link.href):
            continue
        words = fold(f"{link.text} {link.title}")
        if any_link or any(w in words for w in _PRIVACY_WORDS) or (name and link.text == name):
            return link.href
    if any_link:
        found = _URL_IN_TEXT.search(text)
        if found and _usable(found.group()):
            return found.group()
    return None
