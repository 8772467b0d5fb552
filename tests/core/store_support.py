"""Helpers for the store tests: catalogue edits as the editor makes them, and checks.

Each edit builds new objects along one path and shares everything else, the
way ``core/store/edits.py`` and the editor do, so the store sees what it will see in
real use.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any

from consent_tui.core.model import Catalogue, Category, Cookie, Purpose, Service, Text, replace
from consent_tui.core.store import BOM, Document, load_text, render, to_data

ROUNDTRIP = Path(__file__).resolve().parent.parent / "data" / "roundtrip"
GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "store"


def fixtures() -> list[Path]:
    return sorted(ROUNDTRIP.glob("*.toml"))


def first_service(catalogue: Catalogue) -> Service:
    return next(iter(catalogue.services.values()))


def put_service(catalogue: Catalogue, service: Service, old_id: str | None = None) -> Catalogue:
    """Replace (or rename, keeping its place) or append a service."""
    old_id = old_id or service.id
    services: dict[str, Service] = {}
    for key, value in catalogue.services.items():
        services[service.id if key == old_id else key] = service if key == old_id else value
    services.setdefault(service.id, service)
    return replace(catalogue, services=services)


def set_cookie(catalogue: Catalogue, service_id: str, index: int, **fields: Any) -> Catalogue:
    service = catalogue.services[service_id]
    cookies = list(service.cookies)
    cookies[index] = replace(cookies[index], **fields)
    return put_service(catalogue, replace(service, cookies=tuple(cookies)))


def add_cookie(
    catalogue: Catalogue, service_id: str, cookie: Cookie, at: int | None = None
) -> Catalogue:
    service = catalogue.services[service_id]
    cookies = list(service.cookies)
    cookies.insert(len(cookies) if at is None else at, cookie)
    return put_service(catalogue, replace(service, cookies=tuple(cookies)))


def remove_cookie(catalogue: Catalogue, service_id: str, index: int) -> Catalogue:
    service = catalogue.services[service_id]
    cookies = service.cookies[:index] + service.cookies[index + 1 :]
    return put_service(catalogue, replace(service, cookies=cookies))


def rename_service(catalogue: Catalogue, old_id: str, new_id: str) -> Catalogue:
    return put_service(catalogue, replace(catalogue.services[old_id], id=new_id), old_id)


def remove(catalogue: Catalogue, collection: str, key: str) -> Catalogue:
    items = {k: v for k, v in getattr(catalogue, collection).items() if k != key}
    return replace(catalogue, **{collection: items})


def add(catalogue: Catalogue, collection: str, entity: Any) -> Catalogue:
    items = {**getattr(catalogue, collection), entity.id: entity}
    return replace(catalogue, **{collection: items})


def rename(catalogue: Catalogue, collection: str, old_id: str, new_id: str) -> Catalogue:
    items = {
        (new_id if k == old_id else k): (replace(v, id=new_id) if k == old_id else v)
        for k, v in getattr(catalogue, collection).items()
    }
    return replace(catalogue, **{collection: items})


def text(catalogue: Catalogue, **values: str) -> Text:
    """A translatable text in the catalogue's languages (a plain string for one).

    A language without a value given (the German sample's) takes the English one.
    """
    langs = catalogue.languages
    if len(langs) == 1:
        return Text({langs[0]: values.get(langs[0], values["en"])}, plain=True)
    return Text({lang: values.get(lang, values.get(langs[0], values["en"])) for lang in langs})


def new_cookie(catalogue: Catalogue, name: str = "added_cookie") -> Cookie:
    return Cookie(
        name=name,
        type="http_cookie",
        duration="1 day",
        description=text(catalogue, en="Added for a test.", fr="Ajouté pour un test."),
    )


def new_service(catalogue: Catalogue, key: str = "added-service") -> Service:
    return Service(
        id=key,
        provider="Added Provider Ltd",
        function=text(catalogue, en="Added service", fr="Service ajouté"),
        category=next(iter(catalogue.categories), "necessary"),
        purposes=tuple(list(catalogue.purposes)[:1]) or ("p",),
        party="third",
        privacy_policy="https://added.example.com/privacy",
        country="IE",
        cookies=(new_cookie(catalogue, "added_a"), new_cookie(catalogue, "added_b")),
    )


def new_purpose(catalogue: Catalogue, key: str = "added-purpose") -> Purpose:
    return Purpose(
        id=key,
        title=text(catalogue, en="Added purpose", fr="Finalité ajoutée"),
        description=text(catalogue, en="Why it is stored", fr="Pourquoi"),
        legal_basis="consent",
    )


def new_category(catalogue: Catalogue, key: str = "added-category") -> Category:
    return Category(
        id=key,
        title=text(catalogue, en="Added category", fr="Catégorie ajoutée"),
        consent=True,
    )


def rendered(document: Document, catalogue: Catalogue) -> str:
    """``render``, then proof that the text reads back as ``catalogue``."""
    out = render(document, catalogue)
    body = out[1:] if out.startswith(BOM) else out
    assert to_data(catalogue) == tomllib.loads(body)
    assert load_text(out) == catalogue
    return out


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed from ``before`` and the lines added in ``after``."""
    removed: list[str] = []
    added: list[str] = []
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    return removed, added
