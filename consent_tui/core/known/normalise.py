"""Raw rows (CSV) or records (JSON) to :class:`KnownEntry`, with every quirk counted.

Both readers hand over the same ten fields under the names of :data:`FIELDS`.
Rows without a name, and repeats of an ID, are skipped with a warning; the
rest is kept and tidied: a category outside the database's own list read by
its "also known as" names ("Necessary" is Functional), "(3rd party)" taken out
of the domain text, a ``*`` in a name made a wildcard, the retention text read
as a duration where it reads as one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Final

from consent_tui.core.known.entry import CATEGORIES, KnownEntry
from consent_tui.core.known.report import ReadReport
from consent_tui.core.known.retention import parse_retention

# Our field name -> (CSV column, JSON key).
FIELDS: Final = {
    "id": ("ID", "id"),
    "platform": ("Platform", "platform"),
    "category": ("Category", "category"),
    "name": ("Cookie / Data Key name", "cookie"),
    "domain": ("Domain", "domain"),
    "description": ("Description", "description"),
    "retention": ("Retention period", "retentionPeriod"),
    "controller": ("Data Controller", "dataController"),
    "privacy": ("User Privacy & GDPR Rights Portals", "privacyLink"),
    "wildcard": ("Wildcard match", "wildcardMatch"),
}

# The README's "also known as" names of each category, and a few plain variants.
_SYNONYMS: Final = {
    **{c.lower(): c for c in CATEGORIES},
    "necessary": "Functional",
    "strictly necessary": "Functional",
    "essential": "Functional",
    "technical": "Functional",
    "personalisation": "Personalization",
    "preferences": "Personalization",
    "preference": "Personalization",
    "performance": "Analytics",
    "statistics": "Analytics",
    "tracking": "Marketing",
    "social media": "Marketing",
    "advertising": "Marketing",
}
_THIRD_PARTY = re.compile(r"\(\s*(?:3rd|third)[\s-]*party\s*\)", re.IGNORECASE)
_DOMAIN_SPLIT = re.compile(r"\s+or\s+|[,;\s]+", re.IGNORECASE)


def category_of(text: str) -> str:
    """The database category ``text`` stands for, else ``text`` itself (trimmed)."""
    plain = " ".join(text.split())
    return _SYNONYMS.get(plain.lower(), plain)


def split_domains(text: str) -> tuple[tuple[str, ...], bool]:
    """The host names written in a domain cell, and whether it says "(3rd party)"."""
    third = _THIRD_PARTY.search(text) is not None
    cleaned = _THIRD_PARTY.sub(" ", text)
    parts = [p.strip() for p in _DOMAIN_SPLIT.split(cleaned)]
    return tuple(dict.fromkeys(p for p in parts if p and p.lower() != "or")), third


class Normaliser:
    """Turns records into entries one by one, counting into a :class:`ReadReport`."""

    def __init__(self) -> None:
        self.report = ReadReport()
        self.entries: list[KnownEntry] = []
        self._ids: dict[str, str] = {}

    def skip(self, where: str, kind: str, message: str) -> None:
        """Count a row that cannot be read at all, with a warning."""
        self.report.rows += 1
        self.report.warn(where, kind, message)

    def add(self, where: str, record: Mapping[str, str]) -> None:
        report = self.report
        report.rows += 1
        name = record.get("name", "").strip()
        if not name:
            report.warn(where, "no-name", "no cookie name: skipped")
            return
        if not name.strip("*"):
            report.warn(where, "no-name", f"the name {name!r} would match every cookie: skipped")
            return
        ident = record.get("id", "").strip()
        if ident:
            first = self._ids.get(ident)
            if first is not None:
                report.warn(
                    where, "duplicate-id", f"ID {ident} was already used ({first}): skipped"
                )
                return
            self._ids[ident] = where
        else:
            report.warn(where, "no-id", f"{name!r} has no ID: kept")
        entry = self._entry(where, ident, name, record)
        self.entries.append(entry)

    def _entry(self, where: str, ident: str, name: str, record: Mapping[str, str]) -> KnownEntry:
        report = self.report
        raw_category = record.get("category", "")
        category = category_of(raw_category)
        if category not in CATEGORIES:
            report.categories[raw_category.strip() or "(empty)"] += 1
        elif raw_category.strip() != category:
            report.categories[raw_category.strip()] += 1
        wildcard = record.get("wildcard", "").strip()
        if wildcard not in ("", "0", "1"):
            report.warn(where, "wildcard", f"Wildcard match {wildcard!r} is not 0 or 1: read as 0")
        prefix = wildcard == "1"
        if "*" in name:  # "SSPR_*": a prefix; "a*b": a wildcard pattern
            report.star_names += 1
            prefix = True
            if "*" not in name.rstrip("*"):
                name = name.rstrip("*")
        domain_text = record.get("domain", "")
        domains, third = split_domains(domain_text)
        report.third_party_domains += third
        report.no_domain += not domains
        retention = record.get("retention", "").strip()
        report.retention[retention] += 1
        parsed = parse_retention(retention)
        return KnownEntry(
            id=ident,
            platform=record.get("platform", "").strip(),
            category=category,
            name=name,
            prefix=prefix,
            domains=domains,
            third_party=third,
            description=record.get("description", "").strip(),
            retention=retention,
            duration=parsed.duration,
            refresh=parsed.refresh,
            controller=record.get("controller", "").strip(),
            privacy_link=record.get("privacy", "").strip(),
        )

    def finish(self) -> tuple[list[KnownEntry], ReadReport]:
        """The entries, with the totals of the report filled in."""
        report = self.report
        report.entries = len(self.entries)
        report.platforms = len({e.platform for e in self.entries})
        report.shared_names = count_shared(self.entries)
        return self.entries, report


def count_shared(entries: Iterable[KnownEntry]) -> int:
    """How many names (as written) more than one entry lists."""
    names = Counter((e.name, e.prefix) for e in entries)
    return sum(1 for n in names.values() if n > 1)
