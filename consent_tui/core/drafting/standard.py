"""The standard parts of a drafted catalogue: four categories and their purposes, in en and fr.

The ids are the words the known-cookie category mapping looks for
(docs/known.md), so that the Open Cookie Database's Functional and Security
go to ``necessary``, Personalization to ``preferences``, Analytics to
``statistics`` and Marketing to ``marketing``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from consent_tui.core.model import Category, Purpose, Text

LANGUAGES: Final = ("en", "fr")
# The category of what nobody identified: the one that asks the most of the visitor, so
# that an unreviewed cookie is never presented as one that needs no consent.
UNREVIEWED_CATEGORY: Final = "marketing"


@dataclass(frozen=True, slots=True)
class Standard:
    """One standard category, its purpose, and their texts in each language."""

    category: str
    consent: bool
    titles: dict[str, str]
    descriptions: dict[str, str]
    purpose: str
    legal_basis: str
    purpose_titles: dict[str, str]
    purpose_descriptions: dict[str, str]


STANDARD: Final = (
    Standard(
        "necessary",
        False,
        {"en": "Strictly necessary", "fr": "Strictement nécessaires"},
        {
            "en": "Needed for the site to work (sign-in, security, your cookie choices); "
            "they cannot be turned off.",
            "fr": "Indispensables au fonctionnement du site (connexion, sécurité, "
            "mémorisation de vos choix en matière de cookies) ; ils ne peuvent pas être "
            "désactivés.",
        },
        "site-operation",
        "legitimate_interests",
        {"en": "Running the site", "fr": "Fonctionnement du site"},
        {
            "en": "To make the site work: sign-in, security, your cookie choices",
            "fr": "Pour faire fonctionner le site : connexion, sécurité, mémorisation de vos choix",
        },
    ),
    Standard(
        "preferences",
        True,
        {"en": "Preferences", "fr": "Préférences"},
        {
            "en": "Remember your choices on the site, such as your language or display settings.",
            "fr": "Retiennent vos choix sur le site, comme la langue ou les réglages d'affichage.",
        },
        "preferences",
        "consent",
        {"en": "Your preferences", "fr": "Vos préférences"},
        {
            "en": "To remember your choices, such as your language",
            "fr": "Pour retenir vos choix, comme votre langue",
        },
    ),
    Standard(
        "statistics",
        True,
        {"en": "Statistics", "fr": "Statistiques"},
        {
            "en": "Count visits and show how the site is used, so that it can be improved.",
            "fr": "Comptent les visites et montrent comment le site est utilisé, afin de "
            "l'améliorer.",
        },
        "audience-measurement",
        "consent",
        {"en": "Audience measurement", "fr": "Mesure d'audience"},
        {
            "en": "To count visits and see how the site is used",
            "fr": "Pour compter les visites et voir comment le site est utilisé",
        },
    ),
    Standard(
        "marketing",
        True,
        {"en": "Marketing", "fr": "Marketing"},
        {
            "en": "Show and measure advertising, and let partners recognise you on other sites.",
            "fr": "Affichent et mesurent la publicité, et permettent à des partenaires de vous "
            "reconnaître sur d'autres sites.",
        },
        "advertising",
        "consent",
        {"en": "Advertising", "fr": "Publicité"},
        {
            "en": "To show and measure ads, and recognise visitors from one site to another",
            "fr": "Pour afficher et mesurer des publicités, et reconnaître les visiteurs d'un "
            "site à l'autre",
        },
    ),
)
BY_CATEGORY: Final = {s.category: s for s in STANDARD}

# The function of a service nobody identified yet.
UNIDENTIFIED: Final = {"en": "Not identified yet", "fr": "Pas encore identifié"}


def categories(lang: str) -> dict[str, Category]:
    return {
        s.category: Category(
            s.category,
            title=Text.of(s.titles[lang], lang),
            description=Text.of(s.descriptions[lang], lang),
            consent=s.consent,
        )
        for s in STANDARD
    }


def purposes(lang: str) -> dict[str, Purpose]:
    return {
        s.purpose: Purpose(
            s.purpose,
            title=Text.of(s.purpose_titles[lang], lang),
            description=Text.of(s.purpose_descriptions[lang], lang),
            legal_basis=s.legal_basis,
        )
        for s in STANDARD
    }
