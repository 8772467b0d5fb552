"""Testi italiani integrati del documento sui cookie (sostituibili in ogni catalogo).

Segnaposto: ``{site}``, ``{site_url}``, ``{controller}``, ``{consent_lifetime}``.
I paragrafi sono separati da una riga vuota. Le date vengono da CLDR.
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.export.texts.common import cldr_date

SECTIONS: Final[dict[str, str]] = {
    "title": "Informativa sui cookie",
    "intro": (
        "Questa pagina spiega quali cookie e tecnologie simili utilizza {site}, a cosa servono "
        "e come può accettarli, rifiutarli o revocare il consenso in qualsiasi momento."
    ),
    "what_is_a_cookie_title": "Che cos'è un cookie?",
    "what_is_a_cookie": (
        "Un cookie è una piccola informazione, identificata da un nome, che un sito chiede al "
        "suo browser di conservare. Il browser la memorizza per un periodo stabilito e la "
        "rinvia al sito a ogni visita successiva, così che il sito possa riconoscere il suo "
        "dispositivo.\n\n"
        "I cookie hanno molti usi: mantenere attivo il suo accesso, ricordare la lingua scelta "
        "o il contenuto di un carrello, misurare come viene usato un sito o seguire la sua "
        "navigazione per mostrarle pubblicità. Altre tecniche funzionano allo stesso modo e "
        "seguono le stesse regole: la memoria del browser (archiviazione locale, archiviazione "
        "di sessione, IndexedDB) e i pixel di tracciamento. In questa informativa, la parola "
        "«cookie» le comprende tutte."
    ),
    "kinds_of_cookies_title": "Tipi di cookie",
    "kinds_of_cookies": (
        "I cookie necessari fanno funzionare il sito: mantengono aperta una sessione, "
        "proteggono i moduli dalla contraffazione o ricordano le scelte fatte sui cookie. Il "
        "servizio che ha richiesto non può essere fornito senza di loro, perciò vengono "
        "installati senza chiederle il consenso.\n\n"
        "I cookie statistici contano le visite e mostrano come vengono usate le pagine. "
        "Richiedono il suo consenso, a meno che la misurazione serva solo al funzionamento del "
        "sito e produca dati anonimi che non possono essere ricondotti a lei.\n\n"
        "I cookie di prima parte sono installati dal sito che sta visitando, con il suo stesso "
        "dominio. Oltre a quelli necessari, possono ricordare preferenze, misurare il pubblico "
        "o personalizzare i contenuti; quando non sono necessari, richiedono il suo "
        "consenso.\n\n"
        "I cookie di terze parti sono installati da un'altra azienda (un servizio di "
        "statistiche, una piattaforma video, una rete pubblicitaria...) tramite contenuti "
        "inseriti nella pagina. Permettono a quell'azienda di riconoscere il suo browser su "
        "tutti i siti che la utilizzano, e richiedono sempre il suo consenso."
    ),
    "cookies_used_title": "Cookie utilizzati su {site}",
    "cookies_used": (
        "Le tabelle seguenti elencano, categoria per categoria, ogni servizio che memorizza o "
        "legge informazioni sul suo dispositivo quando visita {site}: chi lo fornisce, a cosa "
        "serve e quali cookie installa."
    ),
    "manage_consent_title": "Gestire e revocare il consenso",
    "manage_consent": (
        "Alla prima visita, un banner le chiede se accetta i cookie che richiedono il suo "
        "consenso. Rifiutare è semplice quanto accettare, e il rifiuto non le impedisce di "
        "usare il sito.\n\n"
        "Può modificare le sue scelte in qualsiasi momento riaprendo le impostazioni dei "
        "cookie di {site}: revocare il consenso è semplice quanto darlo. Le sue scelte vengono "
        "conservate per {consent_lifetime}; trascorso questo periodo, o se l'elenco dei cookie "
        "cambia, la domanda le viene posta di nuovo."
    ),
    "browser_settings_title": "Configurare il browser",
    "browser_settings": (
        "Ogni browser permette di vedere i cookie che conserva, di cancellarli e di bloccare "
        "tutti i cookie o solo quelli di terze parti. Queste impostazioni si trovano di solito "
        "nella sezione dedicata alla privacy o alla sicurezza; le pagine di aiuto del browser "
        "ne spiegano i passaggi.\n\n"
        "Bloccare tutti i cookie può impedire il funzionamento di alcune parti di {site}, come "
        "l'accesso o la memorizzazione della lingua."
    ),
    "controller_contact_title": "Titolare del trattamento e contatti",
    "controller_contact": (
        "Il titolare del trattamento dei dati personali raccolti tramite questi cookie è "
        "{controller}. Per qualsiasi domanda su questa informativa, o per esercitare i diritti "
        "di accesso, rettifica, cancellazione e opposizione, utilizzi i recapiti indicati qui "
        "sotto. Può anche presentare un reclamo alla sua autorità per la protezione dei dati."
    ),
    "changes_title": "Modifiche a questa informativa",
}

LABELS: Final[dict[str, str]] = {
    "this_site": "questo sito",
    "the_controller": "il gestore di questo sito",
    "other_title": "Altri cookie",
    "consent_required": "Questi cookie vengono installati solo dopo che lei li ha accettati.",
    "consent_not_required": (
        "Questi cookie sono necessari al funzionamento del sito; vengono installati senza "
        "chiederle il consenso."
    ),
    "no_services": "Al momento nessun servizio di questa categoria installa cookie.",
    "colon": ": ",
    "controller": "Titolare del trattamento",
    "contact": "Contatti",
    "website": "Sito web",
    "last_updated": "Ultimo aggiornamento",
    "table_caption": "{category}: {services} e {cookies}",
    "services_1": "1 servizio",
    "services_n": "{n} servizi",
    "cookies_1": "1 cookie",
    "cookies_n": "{n} cookie",
    "first": "Prima parte",
    "third": "Terza parte",
    "yes": "sì",
    "no": "no",
    "http_cookie": "Cookie HTTP",
    "local_storage": "Archiviazione locale",
    "session_storage": "Archiviazione di sessione",
    "indexed_db": "IndexedDB",
    "pixel": "Pixel di tracciamento",
    "any_cookie": "qualsiasi cookie",
    "any_entry": "qualsiasi voce",
    "starting": "{any} che inizia con {a}",
    "ending": "{any} che termina con {b}",
    "containing": "{any} che contiene {a}",
    "starting_ending": "{any} che inizia con {a} e termina con {b}",
    "matching": "{any} della forma {a} (* sta per qualsiasi carattere)",
    "all_title": "Tutti i cookie",
    "group_first": "Cookie di prima parte",
    "group_third": "Cookie di terze parti",
    "group_http_cookie": "Cookie HTTP",
    "group_local_storage": "Archiviazione locale",
    "group_session_storage": "Archiviazione di sessione",
    "group_indexed_db": "IndexedDB",
    "group_pixel": "Pixel di tracciamento",
    "duration_session": "sessione",
    "duration_persistent": "persistente",
}

COLUMNS: Final[dict[str, str]] = {
    "provider": "Nome del fornitore del servizio",
    "function_location": "Funzione e posizione",
    "cookies": "Nome del cookie",
    "purposes": "Finalità",
    "duration": "Durata",
    "type": "Tipo",
    "party": "Origine",
    "domain": "Dominio",
    "description": "Descrizione",
    "privacy_policy": "Informativa sulla privacy",
    "service": "Servizio",
    "function": "Funzione",
    "location": "Posizione",
    "category": "Categoria",
    "purpose_titles": "Finalità",
    "path": "Percorso",
    "cookie_description": "Descrizione",
    "service_description": "Descrizione del servizio",
    "country": "Paese",
    "safeguard": "Garanzia per il trasferimento",
}


def date(day: int, month: int, year: int) -> str:
    return cldr_date(day, month, year, "it")


CSV: Final[dict[str, str]] = {
    "service": "Servizio",
    "provider": "Fornitore",
    "category": "Categoria",
    "consent": "Consenso richiesto",
    "purposes": "Finalità",
    "cookie": "Cookie",
    "pattern": "Corrispondenza",
    "type": "Tipo",
    "domain": "Dominio",
    "path": "Percorso",
    "duration": "Durata",
    "duration_seconds": "Durata (secondi)",
    "duration_note": "Nota sulla durata",
    "party": "Origine",
    "description": "Descrizione",
    "privacy_policy": "Informativa sulla privacy",
    "country": "Paese",
}
