"""The database's categories (Functional, Analytics, …) to a catalogue's own category ids.

A catalogue category claims database categories with ``known_categories =
["Analytics"]``; the rest are matched against the catalogue's category ids and
titles (every language) by the words below, in order: Functional (the
database's "strictly necessary") goes to a "necessary" or "essential" category
before a "functional" one, Personalization to "preferences" before
"functional", Security to a "security" category, else wherever Functional
went. A database category nothing matches maps to nothing (``None``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from consent_tui.core.known.entry import CATEGORIES
from consent_tui.core.known.normalise import category_of

if TYPE_CHECKING:
    from consent_tui.core.model import Catalogue

# Word starts looked for in a category's id and titles, best first (English and French).
WORDS: Final[dict[str, tuple[str, ...]]] = {
    "Functional": (
        "strictly necessary",
        "necessary",
        "essential",
        "required",
        "technical",
        "necessaire",
        "essentiel",
        "indispensable",
        "technique",
        "functional",
        "fonctionnel",
    ),
    "Personalization": (
        "personali",
        "personnali",
        "preference",
        "functional",
        "fonctionnel",
        "comfort",
        "confort",
    ),
    "Analytics": (
        "analytic",
        "statisti",
        "audience",
        "measurement",
        "mesure",
        "performance",
    ),
    "Marketing": (
        "marketing",
        "advertis",
        "publicit",
        "ads",
        "targeting",
        "ciblage",
        "tracking",
        "social",
        "reseaux sociaux",
    ),
    "Security": ("security", "securite", "fraud"),
}


@dataclass(frozen=True, slots=True)
class CategoryMapping:
    """Database category -> catalogue category id; ``declared`` came from ``known_categories``."""

    targets: Mapping[str, str]  # keyed by the database category, as in CATEGORIES
    declared: frozenset[str]

    def category_for(self, known_category: str) -> str | None:
        """The catalogue category id for a database category (any spelling), or ``None``."""
        return self.targets.get(_key(known_category))

    def known_for(self, category_id: str) -> tuple[str, ...]:
        """The database categories that map to ``category_id``."""
        return tuple(k for k, v in self.targets.items() if v == category_id)


def _key(text: str) -> str:
    canonical = category_of(text)
    return canonical if canonical in CATEGORIES else canonical.casefold()


def fold(text: str) -> str:
    """Lower case without accents, words separated by single spaces."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return " ".join(re.split(r"[^a-z0-9]+", plain)).strip()


def _texts(catalogue: Catalogue) -> dict[str, str]:
    out = {}
    for cid, category in catalogue.categories.items():
        titles = category.title.values.values() if category.title else ()
        out[cid] = " " + fold(" ".join((cid, *titles))) + " "
    return out


def category_mapping(catalogue: Catalogue) -> CategoryMapping:
    """The mapping for ``catalogue``: its declarations first, then the default matching."""
    targets: dict[str, str] = {}
    for cid, category in catalogue.categories.items():
        for name in category.known_categories or ():
            if isinstance(name, str) and name.strip():
                targets.setdefault(_key(name), cid)
    declared = frozenset(targets)
    texts = _texts(catalogue)
    for known in CATEGORIES:
        if known in targets:
            continue
        found = _match(WORDS[known], texts)
        if found is None and known == "Security":
            found = targets.get("Functional")
        if found is not None:
            targets[known] = found
    return CategoryMapping(targets, declared)


def _match(words: tuple[str, ...], texts: Mapping[str, str]) -> str | None:
    for word in words:
        needle = " " + word
        for cid, text in texts.items():
            if needle in text:
                return cid
    return None
