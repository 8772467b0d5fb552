"""Textes français intégrés du document de politique (remplaçables par catalogue).

Variables : ``{site}``, ``{site_url}``, ``{controller}``, ``{consent_lifetime}``.
Les paragraphes sont séparés par une ligne vide.
"""

from __future__ import annotations

from typing import Final

SECTIONS: Final[dict[str, str]] = {
    "title": "Politique relative aux cookies",
    "intro": (
        "Cette page explique quels cookies et technologies similaires {site} utilise, à quoi "
        "ils servent, et comment vous pouvez les accepter, les refuser ou retirer votre "
        "consentement à tout moment."
    ),
    "what_is_a_cookie_title": "Qu'est-ce qu'un cookie ?",
    "what_is_a_cookie": (
        "Un cookie est une petite information, désignée par un nom, qu'un site demande à "
        "votre navigateur de conserver. Le navigateur la garde pendant une durée déterminée "
        "et la renvoie au site à chacune de vos visites suivantes, ce qui permet au site de "
        "reconnaître votre appareil.\n\n"
        "Les cookies servent à bien des choses : vous garder connecté, retenir votre langue "
        "ou le contenu d'un panier, mesurer la fréquentation d'un site, ou suivre votre "
        "navigation pour vous montrer de la publicité. D'autres techniques fonctionnent de la "
        "même manière et suivent les mêmes règles : le stockage du navigateur (local storage, "
        "session storage, IndexedDB) et les pixels de suivi. Dans cette politique, le mot "
        "« cookies » les désigne tous."
    ),
    "kinds_of_cookies_title": "Les différents types de cookies",
    "kinds_of_cookies": (
        "Les cookies nécessaires font fonctionner le site : ils maintiennent une session "
        "ouverte, protègent les formulaires contre la falsification ou retiennent vos choix "
        "en matière de cookies. Le service que vous demandez ne peut pas être rendu sans eux ; "
        "ils sont donc déposés sans vous demander votre consentement.\n\n"
        "Les cookies de statistiques comptent les visites et montrent comment les pages sont "
        "consultées. Ils nécessitent votre consentement, sauf si la mesure sert uniquement au "
        "fonctionnement du site et produit des chiffres anonymes qui ne peuvent pas être "
        "rattachés à vous.\n\n"
        "Les cookies internes (ou « première partie ») sont déposés par le site que vous "
        "visitez, sous son propre domaine. Outre les cookies nécessaires, ils peuvent retenir "
        "des préférences, mesurer l'audience ou personnaliser le contenu ; lorsqu'ils ne sont "
        "pas nécessaires, ils requièrent votre consentement.\n\n"
        "Les cookies tiers sont déposés par une autre entreprise (service de statistiques, "
        "plateforme vidéo, régie publicitaire…) au moyen de contenus intégrés à la page. Ils "
        "permettent à cette entreprise de reconnaître votre navigateur sur tous les sites qui "
        "font appel à elle, et nécessitent toujours votre consentement."
    ),
    "cookies_used_title": "Cookies utilisés sur {site}",
    "cookies_used": (
        "Les tableaux ci-dessous présentent, catégorie par catégorie, chaque service qui "
        "enregistre ou lit des informations sur votre appareil lorsque vous visitez {site} : "
        "qui le fournit, à quoi il sert et quels cookies il dépose."
    ),
    "manage_consent_title": "Gérer et retirer votre consentement",
    "manage_consent": (
        "Lors de votre première visite, un bandeau vous demande si vous acceptez les cookies "
        "soumis à consentement. Refuser est aussi simple qu'accepter, et un refus ne vous "
        "empêche pas d'utiliser le site.\n\n"
        "Vous pouvez modifier vos choix à tout moment en rouvrant les paramètres des cookies "
        "de {site} : retirer son consentement est aussi simple que de le donner. Vos choix "
        "sont conservés {consent_lifetime} ; passé ce délai, ou si la liste des cookies "
        "change, la question vous est posée de nouveau."
    ),
    "browser_settings_title": "Paramétrer votre navigateur",
    "browser_settings": (
        "Tous les navigateurs permettent de consulter les cookies qu'ils conservent, de les "
        "supprimer, et de bloquer tous les cookies ou seulement ceux des tiers. Ces réglages "
        "se trouvent généralement dans la partie « Confidentialité » ou « Sécurité » de leurs "
        "préférences ; leurs pages d'aide en détaillent les étapes.\n\n"
        "Bloquer tous les cookies peut empêcher certaines parties de {site} de fonctionner, "
        "comme la connexion ou la mémorisation de votre langue."
    ),
    "controller_contact_title": "Responsable du traitement et contact",
    "changes_title": "Modifications de cette politique",
    "controller_contact": (
        "Le responsable du traitement des données personnelles recueillies au moyen de ces "
        "cookies est {controller}. Pour toute question sur cette politique, ou pour exercer vos "
        "droits d'accès, de rectification, d'effacement et d'opposition, utilisez les "
        "coordonnées ci-dessous. Vous pouvez aussi adresser une réclamation à votre autorité "
        "de protection des données."
    ),
}

LABELS: Final[dict[str, str]] = {
    "this_site": "ce site",
    "the_controller": "l'éditeur de ce site",
    "other_title": "Autres cookies",
    "consent_required": "Ces cookies ne sont déposés qu'après votre accord.",
    "consent_not_required": (
        "Ces cookies sont nécessaires au fonctionnement du site ; ils sont déposés sans "
        "vous demander votre consentement."
    ),
    "no_services": "Aucun service de cette catégorie ne dépose de cookies pour le moment.",
    "colon": " : ",
    "controller": "Responsable du traitement",
    "contact": "Contact",
    "website": "Site",
    "last_updated": "Dernière mise à jour",
    "table_caption": "{category} : {services} et {cookies}",
    "services_1": "1 service",
    "services_n": "{n} services",
    "cookies_1": "1 cookie",
    "cookies_n": "{n} cookies",
    "first": "Interne",
    "third": "Tiers",
    "yes": "oui",
    "no": "non",
    "http_cookie": "Cookie HTTP",
    "local_storage": "Stockage local",
    "session_storage": "Stockage de session",
    "indexed_db": "IndexedDB",
    "pixel": "Pixel de suivi",
    "any_cookie": "tout cookie",
    "any_entry": "toute entrée",
    "starting": "{any} commençant par {a}",
    "ending": "{any} se terminant par {b}",
    "containing": "{any} contenant {a}",
    "starting_ending": "{any} commençant par {a} et se terminant par {b}",
    "matching": "{any} de la forme {a} (* remplace n'importe quels caractères)",
    "all_title": "Tous les cookies",
    "group_first": "Cookies internes",
    "group_third": "Cookies tiers",
    "group_http_cookie": "Cookies HTTP",
    "group_local_storage": "Stockage local",
    "group_session_storage": "Stockage de session",
    "group_indexed_db": "IndexedDB",
    "group_pixel": "Pixels de suivi",
    "duration_session": "session",
    "duration_persistent": "persistant",
}

COLUMNS: Final[dict[str, str]] = {
    "provider": "Nom du fournisseur du service",
    "function_location": "Fonction et emplacement",
    "cookies": "Nom(s) du cookie",
    "purposes": "Finalités",
    "duration": "Durée de conservation",
    "type": "Type",
    "party": "Origine",
    "domain": "Domaine",
    "description": "Description",
    "privacy_policy": "Politique de confidentialité",
    "service": "Service",
    "function": "Fonction",
    "location": "Emplacement",
    "category": "Catégorie",
    "purpose_titles": "Finalités",
    "path": "Chemin",
    "cookie_description": "Description",
    "service_description": "Description du service",
    "country": "Pays",
    "safeguard": "Garantie du transfert",
}

MONTHS: Final = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def date(day: int, month: int, year: int) -> str:
    return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


def _spaced(text: str) -> str:
    """French typography: a no-break space before ``: ; ? !`` and inside « »."""
    for before, after in (
        (" :", "\u00a0:"),
        (" ;", "\u00a0;"),
        (" ?", "\u00a0?"),
        (" !", "\u00a0!"),
    ):
        text = text.replace(before, after)
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


# Phrases dont ``consent-tui diff --changelog`` compose une entrée du journal (voir en.py).
CHANGELOG: Final[dict[str, str]] = {
    "service-added": "Nouveau service : {service}.",
    "service-removed": "{service} n'est plus utilisé.",
    "service-moved": "{service} figure désormais dans la catégorie {category}.",
    "cookie-added": "Nouveau cookie : {cookie} ({service}).",
    "cookie-removed": "Le cookie {cookie} ({service}) n'est plus utilisé.",
    "cookie-moved": "Le cookie {cookie} est désormais déposé par {service}.",
    "purpose-added": "Nouvelle finalité : {purpose}.",
    "purpose-removed": "La finalité {purpose} n'est plus poursuivie.",
    "service-purpose-added": "{service} sert désormais aussi à : {purpose}.",
    "service-purpose-removed": "{service} ne sert plus à : {purpose}.",
    "legal-basis-consent": "{purpose} repose désormais sur votre consentement.",
    "tcf-purpose-added": "{purpose} couvre désormais les finalités IAB TCF {numbers}.",
    "category-needs-consent": (
        "Les cookies de la catégorie {category} ne sont plus déposés qu'avec votre consentement."
    ),
    "category-consent-dropped": (
        "Les cookies de la catégorie {category} sont désormais déposés sans demander votre "
        "consentement."
    ),
    "lifetime": "Le cookie {cookie} ({service}) est désormais conservé {duration}.",
    "lifetime-renewed": (
        "La durée de vie du cookie {cookie} ({service}) repart désormais à chaque visite."
    ),
    "third-party": "{service} est désormais fourni par un tiers.",
    "transfer-country": (
        "{service} traite désormais des données hors de l'Espace économique européen ({country})."
    ),
    "consent-lifetime": "Vos choix sont désormais conservés {duration}.",
    "other": "D'autres précisions de cette politique ont été mises à jour.",
}

for _table in (SECTIONS, LABELS, CHANGELOG):
    for _key, _value in _table.items():
        _table[_key] = _spaced(_value)


CSV: Final[dict[str, str]] = {
    "service": "Service",
    "provider": "Fournisseur",
    "category": "Catégorie",
    "consent": "Consentement requis",
    "purposes": "Finalités",
    "cookie": "Cookie",
    "pattern": "Correspondance",
    "type": "Type",
    "domain": "Domaine",
    "path": "Chemin",
    "duration": "Durée",
    "duration_seconds": "Durée (secondes)",
    "duration_note": "Remarque sur la durée",
    "party": "Origine",
    "description": "Description",
    "privacy_policy": "Politique de confidentialité",
    "country": "Pays",
}
