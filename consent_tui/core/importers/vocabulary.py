"""The words published cookie tables use, in the seven built-in languages (en fr de es it nl pt).

Header words name a column's *role* (the catalogue field it holds); value words
name storage types, parties, session and never-ending lifetimes, and the
categories that need no consent. Everything is compared folded (:func:`fold`:
case, accents and punctuation ignored). The built-in column headers and words
of the policy exports are added from :mod:`consent_tui.core.export.texts`, so a
table consent-tui exported is always understood.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

ROLES: Final = (
    "name",
    "provider",
    "description",
    "duration",
    "type",
    "party",
    "domain",
    "category",
    "privacy_policy",
    "path",
    "country",
)

_NOT_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents nor punctuation, spaces collapsed: "Durée (max.)" -> "duree max"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return _NOT_WORD.sub(" ", plain).strip()


# Whole headers (folded) that name a role.
_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "name": (
        *("name", "names", "cookie", "cookies", "cookie name", "cookie names", "cookie name s"),
        *("name of cookie", "name of the cookie", "cookie id", "key", "cookie key", "storage key"),
        *("cookies used", "cookie s", "technical name", "nom", "noms", "nom du cookie"),
        *("noms des cookies", "nom s du cookie", "nom des cookies", "nom du traceur", "traceur"),
        *("cookie name", "cookiename", "cookie bezeichnung", "bezeichnung", "name des cookies"),
        *("name n des cookies", "nombre", "nombre de la cookie", "nombre de cookie"),
        *("nombre s de la cookie", "nombre de las cookies", "nome", "nome del cookie"),
        *("nome cookie", "nome s del cookie", "nome dei cookie", "naam", "cookienaam"),
        *("naam van de cookie", "naam cookie", "naam en van de cookie", "nome do cookie"),
        *("nome s do cookie", "nome dos cookies"),
    ),
    "provider": (
        *("provider", "providers", "service provider", "provider name", "set by", "supplier"),
        *("vendor", "owner", "company", "host", "cookie subgroup", "subgroup", "fournisseur"),
        *("nom du fournisseur", "emetteur", "editeur", "depose par", "prestataire", "partenaire"),
        *("sous groupe de cookies", "anbieter", "gesetzt von", "herausgeber", "dienstleister"),
        *("betreiber", "unternehmen", "proveedor", "titular", "establecida por", "empresa"),
        *("fornitore", "impostato da", "titolare", "societa", "aanbieder", "leverancier"),
        *("geplaatst door", "bedrijf", "fornecedor", "provedor", "definido por", "entidade"),
    ),
    "description": (
        *("purpose", "purposes", "description", "function", "use", "usage", "used for"),
        *("what it does", "details", "information", "explanation", "finalite", "finalites"),
        *("objet", "fonction", "utilite", "zweck", "zwecke", "beschreibung", "funktion"),
        *("verwendungszweck", "nutzen", "verwendung", "finalidad", "proposito", "descripcion"),
        *("funcion", "uso", "objetivo", "finalita", "scopo", "descrizione", "funzione"),
        *("utilizzo", "doel", "omschrijving", "beschrijving", "functie", "gebruik", "finalidade"),
        *("descricao", "funcao", "utilizacao"),
    ),
    "duration": (
        *("expiry", "expiration", "expires", "duration", "lifespan", "lifetime", "retention"),
        *("retention period", "storage period", "max storage duration", "validity", "duree"),
        *("duree de conservation", "duree de vie", "conservation", "speicherdauer", "ablauf"),
        *("laufzeit", "gultigkeit", "dauer", "caducidad", "duracion", "expiracion", "durata"),
        *("scadenza", "bewaartermijn", "vervaltermijn", "duur", "looptijd", "duracao", "validade"),
    ),
    "type": ("type", "typ", "tipo", "tipologia", "soort", "art", "kind", "storage type"),
    "party": (
        *("party", "first or third party", "first third party", "1st 3rd party", "origin"),
        *("origine", "herkunft", "origen", "origem", "partij", "parte"),
    ),
    "domain": ("domain", "domains", "domaine", "domain name", "hostname", "dominio", "domein"),
    "category": (
        *("category", "categories", "cookie category", "categorie", "categoria", "kategorie"),
        *("classification", "group", "groupe", "gruppo", "groep", "grupo", "categoria de cookies"),
    ),
    "privacy_policy": (
        *("privacy policy", "privacy", "privacy notice", "data protection", "datenschutz"),
        *("datenschutzerklarung", "politique de confidentialite", "confidentialite"),
        *("politica de privacidad", "privacidad", "informativa privacy", "privacybeleid"),
        *("privacyverklaring", "politica de privacidade", "privacidade", "opt out"),
    ),
    "path": ("path", "chemin", "pfad", "ruta", "percorso", "pad", "caminho"),
    "country": ("country", "pays", "land", "pais", "paese", "third country", "drittland"),
}

# Words inside a header that name a role, checked in this order (the first wins):
# "Cookie type" is a type, "Cookie duration" a duration, "Cookie" alone a name.
KEYWORDS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    (
        "duration",
        (
            *("expir", "durat", "lifespan", "lifetime", "retention", "storage period", "validity"),
            *("duree", "conservation", "dauer", "ablauf", "laufzeit", "gultig", "speicherfrist"),
            *("caducidad", "duracion", "vencimiento", "plazo", "retencion", "durata", "scadenza"),
            *("bewaartermijn", "vervaltermijn", "looptijd", "geldigheid", "verloopt", "duracao"),
            *("expiracao", "validade", "prazo", "retencao"),
        ),
    ),
    ("category", ("categor", "kategor", "classif")),
    ("privacy_policy", ("privacy", "datenschutz", "confidentialit", "privacid", "opt out")),
    ("party", ("first party", "third party", "1st party", "3rd party", "herkunft", "partij")),
    ("type", ("type", "typ", "tipo", "soort")),
    (
        "provider",
        (
            *("provider", "supplier", "vendor", "set by", "fournisseur", "emetteur", "anbieter"),
            *("gesetzt von", "proveedor", "fornitore", "aanbieder", "leverancier", "fornecedor"),
            *("provedor", "subgroup", "sous groupe"),
        ),
    ),
    ("domain", ("domain", "domaine", "dominio", "domein", "host")),
    ("path", ("path", "chemin", "pfad")),
    (
        "description",
        (
            *("purpose", "descript", "function", "zweck", "beschreib", "funktion", "finalit"),
            *("proposit", "descrip", "funcion", "scopo", "descriz", "funzion", "doel"),
            *("omschrijving", "beschrijving", "functie", "descric", "funcao"),
        ),
    ),
    ("name", ("name", "nom", "nombre", "nome", "naam", "cookie", "bezeichnung", "key")),
)
# Headers that name a service ("Service", "Dienst", "Tool"): its provider, when no other
# column is the provider.
SERVICE_WORDS: Final = frozenset(
    (
        *("service", "services", "dienst", "dienste", "servicio", "servicios", "servizio"),
        *("servizi", "servico", "servicos", "tool", "plugin", "platform", "plataforma"),
        *("piattaforma", "plateforme", "plattform", "application", "app"),
    )
)

STORAGE_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "http_cookie": (
        *("http", "http cookie", "http cookies", "cookie", "cookies", "browser cookie"),
        *("cookie http", "http only cookie", "cookie de navegador", "cookie du navigateur"),
    ),
    "local_storage": (
        *("local storage", "localstorage", "html local storage", "html", "html5 local storage"),
        *("web storage", "dom storage", "stockage local", "lokaler speicher", "local"),
        *("almacenamiento local", "archiviazione locale", "memoria locale", "lokale opslag"),
        *("armazenamento local", "html5"),
    ),
    "session_storage": (
        *("session storage", "sessionstorage", "html session storage", "stockage de session"),
        *("sitzungsspeicher", "almacenamiento de sesion", "archiviazione di sessione"),
        *("sessieopslag", "armazenamento de sessao"),
    ),
    "indexed_db": ("indexeddb", "idb", "indexed db", "html indexeddb"),
    "pixel": (
        *("pixel", "pixels", "pixel tracker", "tracking pixel", "web beacon", "beacon"),
        *("pixel tag", "zahlpixel", "pixel espion", "pixel de suivi", "pixel de seguimiento"),
        *("pixel di tracciamento", "trackingpixel", "pixel de rastreamento"),
    ),
}
PARTY_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "first": (
        *("first party", "1st party", "first", "first party cookie", "own", "erstanbieter"),
        *("eigene", "eigen", "interne", "interne", "propre", "premiere partie", "propia"),
        *("propias", "prima parte", "proprio", "eerste partij", "propria", "primeira parte"),
        *("first party cookies", "cookie interne", "cookie propia"),
    ),
    "third": (
        *("third party", "3rd party", "third", "third party cookie", "drittanbieter"),
        *("tiers", "tierce partie", "cookie tiers", "terceros", "de terceros", "terza parte"),
        *("terze parti", "di terze parti", "derde partij", "derden", "terceiros"),
        *("de terceiros", "third party cookies", "cookie de terceros"),
    ),
}
SESSION_WORDS: Final = frozenset(
    (
        *("session", "end of session", "end of the session", "browser session", "session cookie"),
        *("until the end of the session", "until the browser is closed", "when the browser closes"),
        *("until you close your browser", "sitzung", "ende der sitzung", "sitzungsende"),
        *("browsersitzung", "bis zum ende der sitzung", "fin de session", "fin de la session"),
        *("seance", "sesion", "fin de la sesion", "de sesion", "sessione", "fine della sessione"),
        *("di sessione", "sessie", "einde van de sessie", "sessao", "fim da sessao", "de sessao"),
        *("session uniquement", "nur sitzung", "expires at end of session"),
        *("browser is closed", "browser closes", "close the browser", "closing the browser"),
        *("close your browser", "fermeture du navigateur", "schliessen des browsers"),
        *("cierre del navegador", "chiusura del browser", "sluiten van de browser"),
        *("fechar o navegador", "fecho do navegador"),
    )
)
PERSISTENT_WORDS: Final = frozenset(
    (
        *("persistent", "permanent", "never", "never expires", "does not expire", "no expiry"),
        *("no expiration", "persistant", "jamais", "n expire jamais", "dauerhaft", "nie"),
        *("niemals", "lauft nicht ab", "persistente", "nunca", "nunca caduca", "permanente"),
        *("non scade mai", "non scade", "nooit", "blijvend", "nunca expira", "illimite"),
    )
)
# Words of a category title that needs no consent ("Strictly necessary", "Notwendig").
NECESSARY_WORDS: Final = frozenset(
    (
        *("necessary", "essential", "strictly", "required", "technical", "nécessaires"),
        *("necessaire", "necessaires", "essentiel", "essentiels", "indispensable"),
        *("indispensables", "techniques", "technique", "notwendig", "notwendige"),
        *("erforderlich", "erforderliche", "essenziell", "essenzielle", "unbedingt"),
        *("technisch", "technische", "necesarias", "necesaria", "necesarios", "imprescindibles"),
        *("esenciales", "tecnicas", "estrictamente", "necessari", "necessarie"),
        *("indispensabili", "tecnici", "essenziali", "strettamente", "noodzakelijk"),
        *("noodzakelijke", "essentieel", "essentiele", "strikt"),
        *("necessarios", "essenciais", "estritamente", "obrigatorios"),
    )
)


# The exports' own column ids -> the role their cells hold.
COLUMN_ROLES: Final[dict[str, str]] = {
    "provider": "provider",
    "function_location": "description",
    "cookies": "name",
    "purposes": "description",
    "duration": "duration",
    "type": "type",
    "party": "party",
    "domain": "domain",
    "description": "description",
    "privacy_policy": "privacy_policy",
    "service": "provider",
    "function": "description",
    "category": "category",
    "purpose_titles": "description",
    "path": "path",
    "cookie_description": "description",
    "service_description": "description",
    "country": "country",
}


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(folded header -> role, folded storage word -> type, folded party word -> party)."""
    from consent_tui.core.export.texts import BUILTIN

    headers: dict[str, str] = {}
    for role, phrases in _PHRASES.items():
        for phrase in phrases:
            headers.setdefault(fold(phrase), role)
    storage = {fold(w): kind for kind, words in STORAGE_WORDS.items() for w in words}
    party = {fold(w): kind for kind, words in PARTY_WORDS.items() for w in words}
    for module in BUILTIN.values():
        for column, text in module.COLUMNS.items():
            known = COLUMN_ROLES.get(column)
            if known is not None:
                headers.setdefault(fold(text), known)
        for kind in STORAGE_WORDS:
            storage.setdefault(fold(module.LABELS[kind]), kind)
        for kind in PARTY_WORDS:
            party.setdefault(fold(module.LABELS[kind]), kind)
    return headers, storage, party


@lru_cache(maxsize=1)
def folded_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(session words, never-ending words, no-consent category words), folded."""
    return (
        frozenset(fold(w) for w in SESSION_WORDS),
        frozenset(fold(w) for w in PERSISTENT_WORDS),
        frozenset(fold(w) for w in NECESSARY_WORDS),
    )


def storage_type(text: str) -> str | None:
    """The storage type a value names ("HTTP Cookie", "HTML Local Storage"), else None."""
    return tables()[1].get(fold(text))


def party(text: str) -> str | None:
    """``first`` or ``third`` for a value that names a party ("Third party", "Tiers")."""
    return tables()[2].get(fold(text))


def needs_no_consent(title: str) -> bool:
    """Whether a category's title says it needs no consent ("Strictly necessary")."""
    words = folded_sets()[2]
    folded = fold(title)
    return any(word in words for word in folded.split()) or folded in words
