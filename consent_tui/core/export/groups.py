"""The groups of the document: a section (with its table) per category, service, party or type.

Groups keep the order of the file: categories as written, then services whose
category is missing or unknown; services, parties and storage types in the
order they first appear. What fits no group lands in ``other``, last. Grouped
by storage type, a service shows in each group only its cookies of that type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consent_tui.core.export.escape import clean
from consent_tui.core.export.words import Words
from consent_tui.core.model import Catalogue, Service, Text, replace
from consent_tui.core.model.layout import ALL_TABLE, OTHER_TABLE

OTHER = "__other__"  # the section id of services without a known category (HTML anchors)


@dataclass(slots=True)
class Group:
    """One section of the document before its table is made."""

    id: str  # the section's id (anchors): a category or service id, a party, a type...
    table_id: str  # the key of its [policy.document.tables.<id>]
    title: str
    description: Text | None = None
    where: str = ""  # the description's place in the catalogue, for notes
    consent: bool | None = None
    services: list[Service] = field(default_factory=list)


def _by_category(catalogue: Catalogue, words: Words) -> list[Group]:
    groups: dict[str, Group] = {}
    for cid, category in catalogue.categories.items():
        where = f"categories.{cid}"
        title = words.text(category.title, f"{where}.title") or clean(cid)
        groups[cid] = Group(
            cid, cid, title, category.description, f"{where}.description", category.consent
        )
    others: list[Service] = []
    for service in catalogue.services.values():
        group = groups.get(service.category or "")
        (group.services if group is not None else others).append(service)
    out = list(groups.values())
    if others:
        out.append(Group(OTHER, OTHER_TABLE, words.label("other_title"), services=others))
    return out


def _by_service(catalogue: Catalogue, words: Words) -> list[Group]:
    out = []
    for sid, service in catalogue.services.items():
        where = f"services.{sid}"
        title = clean(service.provider or "") or words.text(service.function, f"{where}.function")
        out.append(
            Group(
                sid,
                sid,
                title or clean(sid),
                service.description,
                f"{where}.description",
                services=[service],
            )
        )
    return out


def _keyed(catalogue: Catalogue, words: Words, by: str) -> list[Group]:
    """Groups by party (a service's) or by storage type (each cookie's)."""
    groups: dict[str, Group] = {}
    others: list[Service] = []

    def group(key: str) -> Group:
        if key not in groups:
            groups[key] = Group(key, key, words.label(f"group_{key}"))
        return groups[key]

    for service in catalogue.services.values():
        if by == "party":
            party = service.party or ""
            (group(party).services if party in ("first", "third") else others).append(service)
            continue
        types: dict[str, list[int]] = {}
        for index, cookie in enumerate(service.cookies):
            types.setdefault(cookie.storage_type, []).append(index)
        if not types:
            others.append(service)
        for kind, indexes in types.items():
            if f"group_{kind}" not in words.labels:
                others.append(service)
                continue
            cookies = tuple(service.cookies[i] for i in indexes)
            shown = (
                service
                if len(cookies) == len(service.cookies)
                else replace(service, cookies=cookies)
            )
            group(kind).services.append(shown)
    out = list(groups.values())
    if others:
        out.append(Group(OTHER_TABLE, OTHER_TABLE, words.label("other_title"), services=others))
    return out


def groups(catalogue: Catalogue, by: str, words: Words) -> list[Group]:
    """The document's groups for ``group_by`` = ``by`` (an unknown value groups by category)."""
    if by == "none":
        return [Group(ALL_TABLE, ALL_TABLE, "", services=list(catalogue.services.values()))]
    if by == "service":
        return _by_service(catalogue, words)
    if by in ("party", "type"):
        return _keyed(catalogue, words, by)
    return _by_category(catalogue, words)
