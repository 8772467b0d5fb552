"""Interface texts of the generated banners (buttons, table headers), per language.

vanilla-cookieconsent ships no texts of its own and Klaro none for the labels
consent-tui adds, so the exporters take them from here. A language without an
entry falls back to English, with a note.
"""

from __future__ import annotations

from typing import Final

UI: Final[dict[str, dict[str, str]]] = {
    "en": {
        "consent_title": "We use cookies",
        "consent_description": (
            "We use cookies and similar technologies. Some are necessary for the site "
            "to work; others are used only if you accept them."
        ),
        "accept_all": "Accept all",
        "reject_all": "Reject all",
        "manage": "Manage preferences",
        "preferences_title": "Cookie preferences",
        "save": "Save preferences",
        "close": "Close",
        "service_counter": "Service|Services",
        "policy_link": "Cookie policy",
        "revision": "Our cookie policy has changed since your last visit.",
        "more_title": "More information",
        "contact": "Questions about cookies:",
        "storage": "Cookies and storage: {items}.",
        "list_sep": "; ",
        "col_name": "Name",
        "col_service": "Service",
        "col_duration": "Duration",
        "col_description": "Description",
        "col_domain": "Domain",
        "http_cookie": "cookie",
        "local_storage": "local storage",
        "session_storage": "session storage",
        "indexed_db": "IndexedDB",
        "pixel": "pixel",
    },
    "fr": {
        "consent_title": "Nous utilisons des cookies",
        "consent_description": (
            "Nous utilisons des cookies et des technologies similaires. Certains sont "
            "nécessaires au fonctionnement du site ; les autres ne sont utilisés que si "
            "vous les acceptez."
        ),
        "accept_all": "Tout accepter",
        "reject_all": "Tout refuser",
        "manage": "Personnaliser",
        "preferences_title": "Préférences en matière de cookies",
        "save": "Enregistrer mes choix",
        "close": "Fermer",
        "service_counter": "service|services",
        "policy_link": "Politique relative aux cookies",
        "revision": "Notre politique relative aux cookies a changé depuis votre dernière visite.",
        "more_title": "Plus d'informations",
        "contact": "Une question sur les cookies :",
        "storage": "Cookies et stockage : {items}.",
        "list_sep": " ; ",
        "col_name": "Nom",
        "col_service": "Service",
        "col_duration": "Durée",
        "col_description": "Description",
        "col_domain": "Domaine",
        "http_cookie": "cookie",
        "local_storage": "stockage local",
        "session_storage": "stockage de session",
        "indexed_db": "IndexedDB",
        "pixel": "pixel",
    },
}


def ui(lang: str, notes: list[str] | None = None) -> dict[str, str]:
    """The texts for ``lang``; English (and a note) when there are none."""
    texts = UI.get(lang)
    if texts is None:
        if notes is not None:
            notes.append(
                f"no built-in banner texts for language {lang!r}: buttons and table "
                "headers are in English"
            )
        return UI["en"]
    return texts


def storage_label(storage_type: str, lang: str) -> str:
    """``local storage`` and the like; an unknown type is shown as written."""
    return ui(lang).get(storage_type, storage_type)
