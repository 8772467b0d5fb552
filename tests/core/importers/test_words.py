"""What columns hold, read from their headers and cells, in the seven built-in languages;
lifetimes and names as tables write them."""

from __future__ import annotations

import pytest

from consent_tui.core.importers import vocabulary
from consent_tui.core.importers.columns import assign, header_role
from consent_tui.core.importers.lifetimes import read_lifetime
from consent_tui.core.importers.names import matching_name, split_names
from consent_tui.core.importers.tables import SourceCell, SourceTable
from consent_tui.core.importers.values import described_provider

HEADERS = {
    "name": (
        *("Name", "Cookie", "Cookie name(s)", "Cookies", "Nom", "Nom du cookie", "Cookie-Name"),
        *("Nombre", "Nome", "Naam", "Nome do cookie", "NOM(S) DU COOKIE", "Cookies used"),
    ),
    "provider": (
        *("Provider", "Set by", "Anbieter", "Fournisseur", "Proveedor", "Fornitore"),
        *("Aanbieder", "Fornecedor", "Cookie Subgroup", "Service provider's name", "Gesetzt von"),
    ),
    "description": (
        *("Purpose", "Function", "Zweck", "Finalité", "Finalidad", "Finalità", "Doel"),
        *("Finalidade", "Description", "Beschreibung", "Descripción", "Descrizione"),
        *("Omschrijving", "Descrição", "What it does"),
    ),
    "duration": (
        *("Expiry", "Duration", "Lifespan", "Retention period", "Speicherdauer", "Durée"),
        *(
            "Caducidad",
            "Duración",
            "Durata",
            "Bewaartermijn",
            "Duração",
            "Maximum Storage Duration",
        ),
        *("Ablauf", "Durée de conservation", "Expires", "Cookie expiry"),
    ),
    "type": ("Type", "Typ", "Tipo", "Soort", "Cookie type", "Art"),
    "domain": ("Domain", "Domaine", "Dominio", "Domein", "Domínio", "Hostname"),
    "category": ("Category", "Catégorie", "Kategorie", "Categoría", "Categoria", "Categorie"),
    "privacy_policy": ("Privacy policy", "Datenschutzerklärung", "Politique de confidentialité"),
}


@pytest.mark.parametrize(
    ("header", "role"), [(h, role) for role, headers in HEADERS.items() for h in headers]
)
def test_header_words(header: str, role: str) -> None:
    found = header_role(header)
    assert found is not None and found[0] == role


def test_service_headers_name_the_provider_only_when_nothing_better_does() -> None:
    assert header_role("Service") == ("provider", 1)
    assert header_role("Data collected") is None
    table = _table(["Service", "Cookie", "Provider"], ["Analytics", "_ga", "Google"])
    assert [c.role for c in assign(table)] == [None, "name", "provider"]
    table = _table(["Service", "Cookie"], ["Google Analytics", "_ga"])
    assert [c.role for c in assign(table)] == ["provider", "name"]


def _table(header: list[str], *rows: list[str]) -> SourceTable:
    return SourceTable(
        "t",
        1,
        tuple(tuple(SourceCell(v) for v in row) for row in rows),
        tuple(SourceCell(h, header=True) for h in header),
    )


def test_a_type_column_holds_the_party_or_the_storage_or_neither() -> None:
    table = _table(
        ["Name", "Type", "Type", "Type", "Expiry"],
        ["a", "First party", "HTTP", "Persistent", "1 day"],
    )
    roles = [c.role for c in assign(table)]
    assert roles == ["name", "party", "type", None, "duration"]


def test_without_a_header_row_the_cells_tell() -> None:
    table = SourceTable(
        "t",
        1,
        (
            (
                SourceCell("_ga"),
                SourceCell("2 years"),
                SourceCell("Distinguishes the visitors of the site."),
            ),
            (
                SourceCell("_gid"),
                SourceCell("1 day"),
                SourceCell("Distinguishes the visitors for a day."),
            ),
        ),
    )
    assert [c.role for c in assign(table)] == ["name", "duration", "description"]


def test_each_role_goes_to_one_column() -> None:
    table = _table(["Name", "Purpose", "Description"], ["a", "b", "c"])
    assert [c.role for c in assign(table)] == ["name", "description", None]


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("HTTP Cookie", "http_cookie"),
        ("HTTP", "http_cookie"),
        ("HTML Local Storage", "local_storage"),
        ("HTML", "local_storage"),
        ("localStorage", "local_storage"),
        ("Session Storage", "session_storage"),
        ("IndexedDB", "indexed_db"),
        ("Pixel Tracker", "pixel"),
        ("HTTP-Cookie", "http_cookie"),
        ("Lokaler Speicher", "local_storage"),
        ("stockage local", "local_storage"),
        ("Zählpixel", "pixel"),
    ],
)
def test_storage_words(word: str, kind: str) -> None:
    assert vocabulary.storage_type(word) == kind


@pytest.mark.parametrize(
    ("word", "party"),
    [
        ("First party", "first"),
        ("1st Party", "first"),
        ("Third-party", "third"),
        ("Drittanbieter", "third"),
        ("Erstanbieter", "first"),
        ("Tiers", "third"),
        ("De terceros", "third"),
        ("Di terze parti", "third"),
        ("Derde partij", "third"),
        ("Terceiros", "third"),
        ("Propia", "first"),
    ],
)
def test_party_words(word: str, party: str) -> None:
    assert vocabulary.party(word) == party


@pytest.mark.parametrize(
    ("title", "free"),
    [
        ("Strictly necessary", True),
        ("Necessary (4)", True),
        ("Essential cookies", True),
        ("Cookies nécessaires", True),
        ("Notwendig", True),
        ("Technisch notwendige Cookies", True),
        ("Necesarias", True),
        ("Strettamente necessari", True),
        ("Noodzakelijke cookies", True),
        ("Estritamente necessários", True),
        ("Statistics", False),
        ("Marketing", False),
        ("Functional", False),
    ],
)
def test_titles_that_need_no_consent(title: str, free: bool) -> None:
    assert vocabulary.needs_no_consent(title) is free


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("2 years", "2 years"),
        ("1 year", "1 year"),
        ("1 Jahr", "1 year"),
        ("2 Jahre", "2 years"),
        ("nach 2 Jahren", "2 years"),
        ("13 mois", "13 months"),
        ("1 an et 6 mois", "1 year 6 months"),
        ("1 año y 6 meses", "1 year 6 months"),
        ("1 año 1 mes 4 días", "1 year 1 month 4 days"),
        ("13 meses", "13 months"),
        ("1 anno", "1 year"),
        ("30 giorni", "30 days"),
        ("2 jaar", "2 years"),
        ("13 maanden", "13 months"),
        ("1 ano", "1 year"),
        ("30 dias", "30 days"),
        ("Expires after 2 years", "2 years"),
        ("30d", "30 days"),
        ("24 hrs", "24 hours"),
        ("6 Mon.", "6 months"),
        ("P1Y", "P1Y"),
        ("13 Months", "13 Months"),
        ("Session", "session"),
        ("End of session", "session"),
        ("Sitzung", "session"),
        ("Ende der Sitzung", "session"),
        ("sesión", "session"),
        ("Sessione", "session"),
        ("Sessão", "session"),
        ("When the browser is closed", "session"),
        ("Persistent", "persistent"),
        ("Never", "persistent"),
        ("Nie", "persistent"),
        ("Jamais", "persistent"),
    ],
)
def test_lifetimes_that_read(text: str, duration: str) -> None:
    assert read_lifetime(text) == duration


@pytest.mark.parametrize(
    "text",
    [
        "between 1 and 2 years",
        "30 minutes or 2 years",
        "1.5 years",
        "1,5 Jahre",
        "½ year",
        "Until you clear your browser",
        "Session, 3650 Days",
        "13",
        "2 visits",
        "",
    ],
)
def test_lifetimes_that_do_not_read(text: str) -> None:
    assert read_lifetime(text) is None


@pytest.mark.parametrize(
    ("cell", "names", "separators"),
    [
        ("_ga", ["_ga"], []),
        ("_ga\n_gid", ["_ga", "_gid"], ["\n"]),
        ("_ga, _gid", ["_ga", "_gid"], [", "]),
        ("_ga; _gid; _gat", ["_ga", "_gid", "_gat"], ["; ", "; "]),
        ("_ga and _gid", ["_ga", "_gid"], [" and "]),
        ("_ga und _gid", ["_ga", "_gid"], [" und "]),
        ("_ga et _gid", ["_ga", "_gid"], [" et "]),
        ("__lc_cid (customerID)", ["__lc_cid (customerID)"], []),
        ("_ga (Google Analytics), _gid", ["_ga (Google Analytics)", "_gid"], [", "]),
        ("Google Analytics cookies", ["Google Analytics cookies"], []),
        ("the cookies _ga, _gid", ["the cookies _ga, _gid"], []),
    ],
)
def test_several_names_in_one_cell(cell: str, names: list[str], separators: list[str]) -> None:
    assert split_names(cell) == (names, separators)


@pytest.mark.parametrize(
    ("shown", "name"),
    [
        ("_ga", "_ga"),
        ("_ga_*", "_ga_*"),
        ("_pk_id.#", "_pk_id.*"),
        ("_ga_#", "_ga_*"),
        ("_hjSessionUser_{site_id}", "_hjSessionUser_*"),
        ("_gac_[property-id]", "_gac_*"),
        ("_ga_<container-id>", "_ga_*"),
        ("_ga_XXXXXXXXXX", "_ga_*"),
        ("_pk_id…", "_pk_id*"),
        ("__lc_cid (customerID)", "__lc_cid"),
        ("`sid`", "sid"),
        ("wp-settings-[UID]", "wp-settings-*"),
    ],
)
def test_names_as_shown_and_their_matching_name(shown: str, name: str) -> None:
    assert matching_name(shown) == name


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        ("Google Analytics sets this cookie to count visits.", "Google Analytics"),
        ("CookieYes establece esta cookie para recordar.", "CookieYes"),
        ("Hotjar setzt dieses Cookie, um Besuche zu zählen.", "Hotjar"),
        ("doubleclick.net installe ce cookie pour savoir.", "doubleclick.net"),
        ("YouTube imposta questo cookie per misurare.", "YouTube"),
        ("Vimeo plaatst deze cookie om video's te tonen.", "Vimeo"),
        ("LinkedIn define este cookie para anúncios.", "LinkedIn"),
        ("This cookie is set by Stripe for fraud prevention.", "Stripe"),
        ("Keeps you signed in.", None),
    ],
)
def test_providers_named_in_descriptions(text: str, provider: str | None) -> None:
    assert described_provider(text) == provider
