"""Ingebouwde Nederlandse teksten van het cookiebeleid (per catalogus te vervangen).

Plaatshouders: ``{site}``, ``{site_url}``, ``{controller}``, ``{consent_lifetime}``.
Alinea's worden gescheiden door een lege regel. Datums komen uit CLDR.
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.export.texts.common import cldr_date

SECTIONS: Final[dict[str, str]] = {
    "title": "Cookiebeleid",
    "intro": (
        "Op deze pagina leest u welke cookies en vergelijkbare technieken {site} gebruikt, "
        "waarvoor ze dienen en hoe u uw toestemming op elk moment kunt geven, weigeren of "
        "intrekken."
    ),
    "what_is_a_cookie_title": "Wat is een cookie?",
    "what_is_a_cookie": (
        "Een cookie is een klein stukje informatie met een naam, dat een website door uw "
        "browser laat bewaren. De browser bewaart het een bepaalde tijd en stuurt het bij elk "
        "volgend bezoek terug naar de website, zodat de website uw apparaat herkent.\n\n"
        "Cookies hebben veel toepassingen: ze houden u ingelogd, onthouden uw taal of de "
        "inhoud van een winkelmandje, meten hoe een website wordt gebruikt of volgen uw "
        "surfgedrag om u advertenties te tonen. Andere technieken werken op dezelfde manier en "
        "vallen onder dezelfde regels: de opslag van de browser (lokale opslag, sessieopslag, "
        "IndexedDB) en trackingpixels. In dit beleid vallen ze allemaal onder het woord "
        "‘cookies’."
    ),
    "kinds_of_cookies_title": "Soorten cookies",
    "kinds_of_cookies": (
        "Noodzakelijke cookies laten de website werken: ze houden een sessie open, beschermen "
        "formulieren tegen vervalsing of onthouden wat u over cookies hebt gekozen. Zonder "
        "deze cookies kan de dienst waar u om vraagt niet worden geleverd; daarom worden ze "
        "geplaatst zonder uw toestemming te vragen.\n\n"
        "Statistische cookies tellen bezoeken en laten zien hoe pagina's worden gebruikt. Ze "
        "vereisen uw toestemming, tenzij de meting alleen dient om de website te laten werken "
        "en anonieme cijfers oplevert die niet tot u te herleiden zijn.\n\n"
        "Eigen cookies worden geplaatst door de website die u bezoekt, onder haar eigen "
        "domein. Naast de noodzakelijke cookies kunnen ze voorkeuren onthouden, het bezoek "
        "meten of inhoud aanpassen; als ze niet noodzakelijk zijn, vereisen ze uw "
        "toestemming.\n\n"
        "Cookies van derden worden geplaatst door een ander bedrijf (een analysedienst, een "
        "videoplatform, een advertentienetwerk...) via inhoud die in de pagina is opgenomen. "
        "Daarmee kan dat bedrijf uw browser herkennen op elke website die zijn diensten "
        "gebruikt, en ze vereisen altijd uw toestemming."
    ),
    "cookies_used_title": "Cookies op {site}",
    "cookies_used": (
        "De tabellen hieronder tonen per categorie elke dienst die informatie op uw apparaat "
        "opslaat of uitleest wanneer u {site} bezoekt: wie de dienst levert, waarvoor hij "
        "dient en welke cookies hij plaatst."
    ),
    "manage_consent_title": "Uw toestemming beheren en intrekken",
    "manage_consent": (
        "Bij uw eerste bezoek vraagt een banner of u de cookies accepteert waarvoor uw "
        "toestemming nodig is. Weigeren is even eenvoudig als accepteren, en wie weigert, kan "
        "de website gewoon gebruiken.\n\n"
        "U kunt uw keuzes op elk moment wijzigen door de cookie-instellingen van {site} "
        "opnieuw te openen: toestemming intrekken is even eenvoudig als toestemming geven. Uw "
        "keuzes worden {consent_lifetime} bewaard; daarna, of wanneer de lijst met cookies "
        "verandert, vragen we het u opnieuw."
    ),
    "browser_settings_title": "Uw browser instellen",
    "browser_settings": (
        "In elke browser kunt u de bewaarde cookies bekijken en verwijderen, en alle cookies "
        "of alleen die van derden blokkeren. Deze instellingen staan meestal bij privacy of "
        "beveiliging; de helppagina's van de browser leggen de stappen uit.\n\n"
        "Als u alle cookies blokkeert, werken sommige onderdelen van {site} misschien niet "
        "meer, zoals inloggen of het onthouden van uw taal."
    ),
    "controller_contact_title": "Verwerkingsverantwoordelijke en contact",
    "controller_contact": (
        "De verwerkingsverantwoordelijke voor de persoonsgegevens die via deze cookies worden "
        "verzameld, is {controller}. Voor vragen over dit beleid, of om uw rechten op inzage, "
        "rectificatie, wissing en bezwaar uit te oefenen, gebruikt u de contactgegevens "
        "hieronder. U kunt ook een klacht indienen bij uw gegevensbeschermingsautoriteit."
    ),
    "changes_title": "Wijzigingen in dit beleid",
}

LABELS: Final[dict[str, str]] = {
    "this_site": "deze website",
    "the_controller": "de uitgever van deze website",
    "other_title": "Overige cookies",
    "consent_required": "Deze cookies worden pas geplaatst nadat u ermee hebt ingestemd.",
    "consent_not_required": (
        "Deze cookies zijn nodig om de website te laten werken; ze worden geplaatst zonder uw "
        "toestemming te vragen."
    ),
    "no_services": "Op dit moment plaatst geen enkele dienst in deze categorie cookies.",
    "colon": ": ",
    "controller": "Verwerkingsverantwoordelijke",
    "contact": "Contact",
    "website": "Website",
    "last_updated": "Laatst bijgewerkt",
    "table_caption": "{category}: {services} en {cookies}",
    "services_1": "1 dienst",
    "services_n": "{n} diensten",
    "cookies_1": "1 cookie",
    "cookies_n": "{n} cookies",
    "first": "Eigen",
    "third": "Derde partij",
    "yes": "ja",
    "no": "nee",
    "http_cookie": "HTTP-cookie",
    "local_storage": "Lokale opslag",
    "session_storage": "Sessieopslag",
    "indexed_db": "IndexedDB",
    "pixel": "Trackingpixel",
    "any_cookie": "alle cookies",
    "any_entry": "alle items",
    "starting": "{any} die beginnen met {a}",
    "ending": "{any} die eindigen op {b}",
    "containing": "{any} die {a} bevatten",
    "starting_ending": "{any} die beginnen met {a} en eindigen op {b}",
    "matching": "{any} volgens het patroon {a} (* staat voor willekeurige tekens)",
    "all_title": "Alle cookies",
    "group_first": "Eigen cookies",
    "group_third": "Cookies van derden",
    "group_http_cookie": "HTTP-cookies",
    "group_local_storage": "Lokale opslag",
    "group_session_storage": "Sessieopslag",
    "group_indexed_db": "IndexedDB",
    "group_pixel": "Trackingpixels",
    "duration_session": "sessie",
    "duration_persistent": "blijvend",
}

COLUMNS: Final[dict[str, str]] = {
    "provider": "Naam van de aanbieder",
    "function_location": "Functie en plaats",
    "cookies": "Naam van de cookie(s)",
    "purposes": "Doeleinden",
    "duration": "Bewaartermijn",
    "type": "Soort",
    "party": "Herkomst",
    "domain": "Domein",
    "description": "Beschrijving",
    "privacy_policy": "Privacybeleid",
    "service": "Dienst",
    "function": "Functie",
    "location": "Plaats",
    "category": "Categorie",
    "purpose_titles": "Doeleinden",
    "path": "Pad",
    "cookie_description": "Beschrijving",
    "service_description": "Beschrijving van de dienst",
    "country": "Land",
    "safeguard": "Waarborg voor de doorgifte",
}


def date(day: int, month: int, year: int) -> str:
    return cldr_date(day, month, year, "nl")


CSV: Final[dict[str, str]] = {
    "service": "Dienst",
    "provider": "Aanbieder",
    "category": "Categorie",
    "consent": "Toestemming vereist",
    "purposes": "Doeleinden",
    "cookie": "Cookie",
    "pattern": "Patroon",
    "type": "Soort",
    "domain": "Domein",
    "path": "Pad",
    "duration": "Bewaartermijn",
    "duration_seconds": "Bewaartermijn (seconden)",
    "duration_note": "Opmerking over de bewaartermijn",
    "party": "Herkomst",
    "description": "Beschrijving",
    "privacy_policy": "Privacybeleid",
    "country": "Land",
}
