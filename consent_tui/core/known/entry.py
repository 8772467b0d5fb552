"""One entry of the Open Cookie Database, normalised, and the facts about the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

SOURCE_URL: Final = (
    "https://raw.githubusercontent.com/jkwakman/Open-Cookie-Database/master/"
    "open-cookie-database.csv"
)
PROJECT_URL: Final = "https://github.com/jkwakman/Open-Cookie-Database"
LICENCE: Final = "Apache-2.0"
ATTRIBUTION: Final = f"Open Cookie Database (jkwakman and contributors), {PROJECT_URL}"

# The database's own category list (its README and its CI check).
CATEGORIES: Final = ("Functional", "Personalization", "Analytics", "Marketing", "Security")


@dataclass(frozen=True, slots=True)
class KnownEntry:
    """A known cookie or storage key as the database describes it, cleaned up.

    ``name`` is a prefix when ``prefix`` is true (the database's "wildcard
    match": ``_ga_`` stands for ``_ga_ABC123``); a ``*`` left inside it is a
    wildcard too. ``category`` is one of :data:`CATEGORIES` when the row's
    text could be read as one, else the text as written. ``domains`` are the
    host names of the domain column without "(3rd party)", which sets
    ``third_party``. ``duration`` is the retention text in the catalogue's
    duration syntax (``"13 months"``, ``"session"``), ``None`` when it does not
    read as one; ``refresh`` is true for "… after last activity".
    """

    id: str
    platform: str
    category: str
    name: str
    prefix: bool
    domains: tuple[str, ...]
    third_party: bool
    description: str
    retention: str
    duration: str | None
    refresh: bool | None
    controller: str
    privacy_link: str

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready mapping of every field (the JSON output of ``consent-tui known``)."""
        return {
            "id": self.id,
            "platform": self.platform,
            "category": self.category,
            "name": self.name,
            "prefix": self.prefix,
            "domains": list(self.domains),
            "third_party": self.third_party,
            "retention": self.retention,
            "duration": self.duration,
            "refresh": self.refresh,
            "controller": self.controller,
            "privacy_link": self.privacy_link,
            "description": self.description,
        }

    def matches_domain(self, domain: str) -> bool:
        """Whether ``domain`` is one of the entry's domains, or a sub- or parent domain of one."""
        wanted = host(domain)
        if not wanted:
            return False
        for own in self.domains:
            mine = host(own)
            if mine and (
                wanted == mine or wanted.endswith("." + mine) or mine.endswith("." + wanted)
            ):
                return True
        return False

    def matched_by_prefix(self, name: str) -> bool:
        """Whether a lookup of ``name`` found this entry by its prefix, not its exact name."""
        return self.prefix and name != self.name


def host(domain: str) -> str:
    """A domain as compared: lower case, no leading dot, no port or path."""
    text = domain.strip().lower()
    if "://" in text:
        text = text.split("://", 1)[1]
    text = text.split("/", 1)[0].split(":", 1)[0]
    return text.strip(".")
