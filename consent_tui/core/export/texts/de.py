"""Eingebaute deutsche Texte des Richtliniendokuments (je Katalog ersetzbar).

Platzhalter: ``{site}``, ``{site_url}``, ``{controller}``, ``{consent_lifetime}``.
Absätze sind durch eine Leerzeile getrennt. Datumsangaben kommen aus CLDR.
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.export.texts.common import cldr_date

SECTIONS: Final[dict[str, str]] = {
    "title": "Cookie-Richtlinie",
    "intro": (
        "Diese Seite erklärt, welche Cookies und ähnlichen Technologien {site} verwendet, wozu "
        "sie dienen und wie Sie Ihre Einwilligung jederzeit erteilen, verweigern oder "
        "widerrufen können."
    ),
    "what_is_a_cookie_title": "Was ist ein Cookie?",
    "what_is_a_cookie": (
        "Ein Cookie ist eine kleine, mit einem Namen versehene Information, die eine Website "
        "in Ihrem Browser ablegt. Der Browser bewahrt sie eine bestimmte Zeit lang auf und "
        "sendet sie bei jedem weiteren Besuch an die Website zurück, sodass die Website Ihr "
        "Gerät wiedererkennt.\n\n"
        "Cookies haben viele Zwecke: Sie halten Sie angemeldet, merken sich Ihre Sprache oder "
        "den Inhalt eines Warenkorbs, messen, wie eine Website genutzt wird, oder verfolgen "
        "Ihr Surfverhalten, um Ihnen Werbung zu zeigen. Andere Techniken funktionieren auf "
        "dieselbe Weise und unterliegen denselben Regeln: der Speicher des Browsers (lokaler "
        "Speicher, Sitzungsspeicher, IndexedDB) und Zählpixel. In dieser Richtlinie sind mit "
        "„Cookies“ all diese Techniken gemeint."
    ),
    "kinds_of_cookies_title": "Arten von Cookies",
    "kinds_of_cookies": (
        "Notwendige Cookies sorgen dafür, dass die Website funktioniert: Sie halten eine "
        "Sitzung offen, schützen Formulare vor Fälschung oder speichern Ihre Entscheidungen zu "
        "Cookies. Ohne sie kann der Dienst, den Sie aufrufen, nicht erbracht werden; sie werden "
        "daher ohne Ihre Einwilligung gesetzt.\n\n"
        "Statistik-Cookies zählen Besuche und zeigen, wie die Seiten genutzt werden. Sie "
        "benötigen Ihre Einwilligung, es sei denn, die Messung dient nur dem Betrieb der "
        "Website und liefert anonyme Zahlen, die sich nicht auf Sie zurückführen lassen.\n\n"
        "Cookies von Erstanbietern setzt die Website, die Sie besuchen, unter ihrer eigenen "
        "Domain. Neben den notwendigen können sie Einstellungen speichern, die Reichweite "
        "messen oder Inhalte anpassen; wenn sie nicht notwendig sind, benötigen sie Ihre "
        "Einwilligung.\n\n"
        "Cookies von Drittanbietern setzt ein anderes Unternehmen (ein Analysedienst, eine "
        "Videoplattform, ein Werbenetzwerk …) über Inhalte, die in die Seite eingebunden sind. "
        "Mit ihnen erkennt dieses Unternehmen Ihren Browser auf jeder Website wieder, die seine "
        "Dienste nutzt, und sie benötigen immer Ihre Einwilligung."
    ),
    "cookies_used_title": "Cookies auf {site}",
    "cookies_used": (
        "Die folgenden Tabellen zeigen, nach Kategorien geordnet, jeden Dienst, der beim "
        "Besuch von {site} Informationen auf Ihrem Gerät speichert oder ausliest: wer ihn "
        "anbietet, wozu er dient und welche Cookies er setzt."
    ),
    "manage_consent_title": "Ihre Einwilligung verwalten und widerrufen",
    "manage_consent": (
        "Bei Ihrem ersten Besuch fragt ein Banner, ob Sie die Cookies akzeptieren, die Ihre "
        "Einwilligung benötigen. Ablehnen ist so einfach wie Akzeptieren, und wer ablehnt, "
        "kann die Website trotzdem nutzen.\n\n"
        "Sie können Ihre Auswahl jederzeit ändern, indem Sie die Cookie-Einstellungen von "
        "{site} erneut öffnen: Eine Einwilligung zu widerrufen ist so einfach, wie sie zu "
        "erteilen. Ihre Auswahl wird {consent_lifetime} lang gespeichert; danach, oder wenn "
        "sich die Liste der Cookies ändert, werden Sie erneut gefragt."
    ),
    "browser_settings_title": "Ihren Browser einstellen",
    "browser_settings": (
        "In jedem Browser können Sie die gespeicherten Cookies ansehen und löschen sowie alle "
        "Cookies oder nur die von Drittanbietern blockieren. Diese Einstellungen finden Sie "
        "meist im Bereich Datenschutz oder Sicherheit; die Hilfeseiten des Browsers erklären "
        "die einzelnen Schritte.\n\n"
        "Wenn Sie alle Cookies blockieren, funktionieren Teile von {site} möglicherweise nicht "
        "mehr, etwa die Anmeldung oder das Merken Ihrer Sprache."
    ),
    "controller_contact_title": "Verantwortlicher und Kontakt",
    "controller_contact": (
        "Verantwortlich für die personenbezogenen Daten, die über diese Cookies erhoben "
        "werden, ist {controller}. Bei Fragen zu dieser Richtlinie, oder um Ihre Rechte auf "
        "Auskunft, Berichtigung, Löschung und Widerspruch auszuüben, nutzen Sie die "
        "Kontaktdaten unten. Sie können sich auch bei Ihrer Datenschutzaufsichtsbehörde "
        "beschweren."
    ),
    "changes_title": "Änderungen dieser Richtlinie",
}

LABELS: Final[dict[str, str]] = {
    "this_site": "diese Website",
    "the_controller": "der Betreiber dieser Website",
    "other_title": "Weitere Cookies",
    "consent_required": "Diese Cookies werden erst gesetzt, nachdem Sie eingewilligt haben.",
    "consent_not_required": (
        "Diese Cookies sind für den Betrieb der Website notwendig; sie werden ohne Ihre "
        "Einwilligung gesetzt."
    ),
    "no_services": "Derzeit setzt kein Dienst dieser Kategorie Cookies.",
    "colon": ": ",
    "controller": "Verantwortlicher",
    "contact": "Kontakt",
    "website": "Website",
    "last_updated": "Zuletzt aktualisiert",
    "table_caption": "{category}: {services} und {cookies}",
    "services_1": "1 Dienst",
    "services_n": "{n} Dienste",
    "cookies_1": "1 Cookie",
    "cookies_n": "{n} Cookies",
    "first": "Erstanbieter",
    "third": "Drittanbieter",
    "yes": "ja",
    "no": "nein",
    "http_cookie": "HTTP-Cookie",
    "local_storage": "Lokaler Speicher",
    "session_storage": "Sitzungsspeicher",
    "indexed_db": "IndexedDB",
    "pixel": "Zählpixel",
    "any_cookie": "alle Cookies",
    "any_entry": "alle Einträge",
    "starting": "{any}, deren Name mit {a} beginnt",
    "ending": "{any}, deren Name auf {b} endet",
    "containing": "{any}, deren Name {a} enthält",
    "starting_ending": "{any}, deren Name mit {a} beginnt und auf {b} endet",
    "matching": "{any} nach dem Muster {a} (* steht für beliebige Zeichen)",
    "all_title": "Alle Cookies",
    "group_first": "Cookies von Erstanbietern",
    "group_third": "Cookies von Drittanbietern",
    "group_http_cookie": "HTTP-Cookies",
    "group_local_storage": "Lokaler Speicher",
    "group_session_storage": "Sitzungsspeicher",
    "group_indexed_db": "IndexedDB",
    "group_pixel": "Zählpixel",
    "duration_session": "Sitzung",
    "duration_persistent": "dauerhaft",
}

COLUMNS: Final[dict[str, str]] = {
    "provider": "Name des Anbieters",
    "function_location": "Funktion und Ort",
    "cookies": "Name(n) des Cookies",
    "purposes": "Zwecke",
    "duration": "Speicherdauer",
    "type": "Art",
    "party": "Herkunft",
    "domain": "Domain",
    "description": "Beschreibung",
    "privacy_policy": "Datenschutzerklärung",
    "service": "Dienst",
    "function": "Funktion",
    "location": "Ort",
    "category": "Kategorie",
    "purpose_titles": "Zwecke",
    "path": "Pfad",
    "cookie_description": "Beschreibung",
    "service_description": "Beschreibung des Dienstes",
    "country": "Land",
    "safeguard": "Garantie für die Übermittlung",
}


def date(day: int, month: int, year: int) -> str:
    return cldr_date(day, month, year, "de")


CSV: Final[dict[str, str]] = {
    "service": "Dienst",
    "provider": "Anbieter",
    "category": "Kategorie",
    "consent": "Einwilligung erforderlich",
    "purposes": "Zwecke",
    "cookie": "Cookie",
    "pattern": "Muster",
    "type": "Art",
    "domain": "Domain",
    "path": "Pfad",
    "duration": "Speicherdauer",
    "duration_seconds": "Speicherdauer (Sekunden)",
    "duration_note": "Hinweis zur Speicherdauer",
    "party": "Herkunft",
    "description": "Beschreibung",
    "privacy_policy": "Datenschutzerklärung",
    "country": "Land",
}
