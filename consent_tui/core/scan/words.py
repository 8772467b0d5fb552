"""The button texts the fallback clicker looks for, in the seven built-in languages.

Each list runs from the most to the least telling choice ("accept all" before
"ok"). A text matches only whole (after :func:`normalise`), and only on a button
inside an element that speaks of cookies, consent or privacy (:data:`CONTEXT`),
so "accept" on a payment form is never clicked.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from consent_tui.core.scan.options import Action

ACCEPT: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "accept all cookies",
        "accept all",
        "allow all cookies",
        "allow all",
        "accept cookies",
        "allow cookies",
        "i accept",
        "accept",
        "i agree",
        "agree and close",
        "agree",
        "allow",
        "got it",
        "ok",
    ),
    "fr": (
        "accepter tous les cookies",
        "tout accepter",
        "accepter tout",
        "accepter et fermer",
        "accepter les cookies",
        "tout autoriser",
        "autoriser tous les cookies",
        "j'accepte",
        "accepter",
        "autoriser",
        "d'accord",
        "ok",
    ),
    "de": (
        "alle cookies akzeptieren",
        "alle akzeptieren",
        "alle annehmen",
        "allen zustimmen",
        "alle zulassen",
        "alle erlauben",
        "cookies akzeptieren",
        "akzeptieren",
        "annehmen",
        "zustimmen",
        "ich stimme zu",
        "einverstanden",
        "ok",
    ),
    "es": (
        "aceptar todas las cookies",
        "aceptar todas",
        "aceptar todo",
        "permitir todas",
        "aceptar cookies",
        "aceptar y cerrar",
        "aceptar",
        "acepto",
        "de acuerdo",
        "ok",
    ),
    "it": (
        "accetta tutti i cookie",
        "accetta tutti",
        "accetta tutto",
        "consenti tutti",
        "accetta i cookie",
        "accetta e chiudi",
        "accetta",
        "accetto",
        "acconsento",
        "ok",
    ),
    "nl": (
        "alle cookies accepteren",
        "alles accepteren",
        "alle accepteren",
        "accepteer alles",
        "alles toestaan",
        "cookies accepteren",
        "accepteren",
        "accepteer",
        "ik ga akkoord",
        "akkoord",
        "toestaan",
        "ok",
    ),
    "pt": (
        "aceitar todos os cookies",
        "aceitar todos",
        "aceitar tudo",
        "permitir todos",
        "aceitar cookies",
        "aceitar e fechar",
        "aceitar",
        "aceito",
        "concordo",
        "ok",
    ),
}
REJECT: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "reject all cookies",
        "reject all",
        "decline all",
        "refuse all",
        "deny all",
        "reject non-essential cookies",
        "reject optional cookies",
        "use necessary cookies only",
        "only necessary cookies",
        "necessary cookies only",
        "only essential cookies",
        "essential cookies only",
        "only necessary",
        "necessary only",
        "essential only",
        "reject cookies",
        "decline cookies",
        "reject",
        "decline",
        "refuse",
        "deny",
        "continue without accepting",
    ),
    "fr": (
        "tout refuser",
        "refuser tous les cookies",
        "refuser tout",
        "refuser les cookies",
        "continuer sans accepter",
        "uniquement les cookies nécessaires",
        "cookies nécessaires uniquement",
        "refuser",
        "je refuse",
        "non merci",
    ),
    "de": (
        "alle ablehnen",
        "alle cookies ablehnen",
        "nur notwendige cookies",
        "nur notwendige",
        "nur erforderliche cookies",
        "nur erforderliche",
        "nur essenzielle cookies",
        "cookies ablehnen",
        "ablehnen",
        "verweigern",
        "nicht zustimmen",
    ),
    "es": (
        "rechazar todas las cookies",
        "rechazar todas",
        "rechazar todo",
        "solo las necesarias",
        "solo necesarias",
        "rechazar cookies",
        "rechazar",
        "denegar",
        "no acepto",
    ),
    "it": (
        "rifiuta tutti i cookie",
        "rifiuta tutti",
        "rifiuta tutto",
        "solo necessari",
        "solo i necessari",
        "continua senza accettare",
        "rifiuta i cookie",
        "rifiuta",
        "nega",
        "non accetto",
    ),
    "nl": (
        "alle cookies weigeren",
        "alles weigeren",
        "alle weigeren",
        "alles afwijzen",
        "alleen noodzakelijke cookies",
        "alleen noodzakelijke",
        "cookies weigeren",
        "weigeren",
        "afwijzen",
        "niet akkoord",
    ),
    "pt": (
        "rejeitar todos os cookies",
        "rejeitar todos",
        "rejeitar tudo",
        "recusar todos",
        "apenas necessários",
        "somente necessários",
        "rejeitar cookies",
        "rejeitar",
        "recusar",
        "não aceito",
    ),
}
CONTEXT: Final[tuple[str, ...]] = (
    "cookie", "consent", "privacy", "tracking", "tracker",
    "consentement", "vie privée", "traceur", "données personnelles",
    "einwilligung", "datenschutz", "zustimmung",
    "consentimiento", "privacidad", "rastreo",
    "consenso", "tracciamento",
    "toestemming", "privacy",
    "consentimento", "privacidade", "rastreamento",
)  # fmt: skip
_SPACES = re.compile(r"\s+")
_EDGES = "\"'«»“”„‚‘’.,;:!?¡¿()[]<>›‹→✓✔×*-–— "


def normalise(text: str) -> str:
    """A button's text as compared: NFKC, lower case, spaces collapsed, edge marks removed."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return _SPACES.sub(" ", text).strip(_EDGES)


def ranks(action: Action) -> dict[str, int]:
    """Each known text of ``action`` and its place in its language's list (0 is best)."""
    table = ACCEPT if action == "accept" else REJECT
    found: dict[str, int] = {}
    for words in table.values():
        for rank, text in enumerate(words):
            key = normalise(text)
            found[key] = min(rank, found.get(key, rank))
    return found
