"""Pure catalogue edits: each takes a catalogue and returns a new one.

Used by the editor (and usable by scripts): renaming an id updates every
reference to it, deleting reports what referred to the deleted entity, and
duplicating picks a fresh id. Nothing here mutates a mapping or tuple in
place; unchanged entities are shared with the old catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from consent_tui.core.fields.checks import id_problem as id_pattern_problem
from consent_tui.core.model import Catalogue, Category, Cookie, Policy, Purpose, Service, replace

Collection = Literal["services", "purposes", "categories"]
_COPY = re.compile(r"^(?P<base>.*?)-copy(?:-\d+)?$")

E = TypeVar("E")
V = TypeVar("V")


class EditError(ValueError):
    """An edit that cannot be made (an id already taken, a missing entity)."""


def id_problem(new_id: str, taken: Iterable[str], current: str | None = None) -> str | None:
    """Why ``new_id`` cannot be used, or ``None`` when it can."""
    if not new_id:
        return "an id is required"
    if new_id != current and (why := id_pattern_problem(new_id)) is not None:
        return why  # the form of an id validation asks for (core/fields)
    if new_id != current and new_id in set(taken):
        return f"{new_id!r} is already used"
    return None


def fresh_id(taken: Iterable[str], base: str) -> str:
    """``base``, or ``base-2``, ``base-3`` ... whichever is not taken."""
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def copy_id(taken: Iterable[str], original: str) -> str:
    """A fresh id for a copy of ``original``: ``x-copy``, ``x-copy-2`` ..."""
    match = _COPY.match(original)
    base = match.group("base") if match else original
    return fresh_id(taken, f"{base}-copy")


def set_field(entity: E, name: str, value: Any) -> E:
    """``entity`` with ``name`` set; a misplaced value kept in ``extra`` is dropped."""
    extra: Mapping[str, Any] = getattr(entity, "extra", {})
    changes: dict[str, Any] = {name: value}
    if name in extra:
        changes["extra"] = {k: v for k, v in extra.items() if k != name}
    return replace(entity, **changes)


# -- ordered mappings


def _put(items: Mapping[str, V], old: str | None, new: str, value: V) -> dict[str, V]:
    """A copy of ``items`` with ``old`` replaced by ``new: value`` in place (or appended)."""
    if old is not None and old not in items:
        raise EditError(f"{old!r} does not exist")
    if new != old and new in items:
        raise EditError(f"{new!r} is already used")
    if old is None:
        return {**items, new: value}
    return {(new if k == old else k): (value if k == old else v) for k, v in items.items()}


def _insert_after(items: Mapping[str, V], after: str, new: str, value: V) -> dict[str, V]:
    out: dict[str, V] = {}
    for key, item in items.items():
        out[key] = item
        if key == after:
            out[new] = value
    return out


def _without(items: Mapping[str, V], key: str) -> dict[str, V]:
    if key not in items:
        raise EditError(f"{key!r} does not exist")
    return {k: v for k, v in items.items() if k != key}


def _services(catalogue: Catalogue, services: Mapping[str, Service]) -> Catalogue:
    return replace(catalogue, services=services)


# -- services


def put_service(catalogue: Catalogue, old_id: str | None, service: Service) -> Catalogue:
    """Add ``service`` (``old_id`` None) or replace ``old_id`` with it, renaming if needed."""
    return _services(catalogue, _put(catalogue.services, old_id, service.id, service))


def rename_service(catalogue: Catalogue, old_id: str, new_id: str) -> Catalogue:
    service = catalogue.services[old_id]
    return put_service(catalogue, old_id, replace(service, id=new_id))


def delete_service(catalogue: Catalogue, service_id: str) -> Catalogue:
    return _services(catalogue, _without(catalogue.services, service_id))


def duplicate_service(catalogue: Catalogue, service_id: str) -> tuple[Catalogue, str]:
    """A copy of the service (and its cookies) right after it; returns its id."""
    new_id = copy_id(catalogue.services, service_id)
    copy = replace(catalogue.services[service_id], id=new_id)
    services = _insert_after(catalogue.services, service_id, new_id, copy)
    return _services(catalogue, services), new_id


# -- purposes and categories (referred to by services)


def put_purpose(catalogue: Catalogue, old_id: str | None, purpose: Purpose) -> Catalogue:
    """Add or replace a purpose; a new id is carried into every service using it."""
    purposes = _put(catalogue.purposes, old_id, purpose.id, purpose)
    result = replace(catalogue, purposes=purposes)
    if old_id is not None and old_id != purpose.id:
        result = _map_services(result, lambda s: _swap_purpose(s, old_id, purpose.id))
    return result


def rename_purpose(catalogue: Catalogue, old_id: str, new_id: str) -> Catalogue:
    return put_purpose(catalogue, old_id, replace(catalogue.purposes[old_id], id=new_id))


def delete_purpose(catalogue: Catalogue, purpose_id: str) -> Catalogue:
    """Remove the purpose and drop it from every service's purposes."""
    result = replace(catalogue, purposes=_without(catalogue.purposes, purpose_id))
    return _map_services(result, lambda s: _swap_purpose(s, purpose_id, None))


def duplicate_purpose(catalogue: Catalogue, purpose_id: str) -> tuple[Catalogue, str]:
    new_id = copy_id(catalogue.purposes, purpose_id)
    copy = replace(catalogue.purposes[purpose_id], id=new_id)
    purposes = _insert_after(catalogue.purposes, purpose_id, new_id, copy)
    return replace(catalogue, purposes=purposes), new_id


def put_category(catalogue: Catalogue, old_id: str | None, category: Category) -> Catalogue:
    """Add or replace a category; a new id is carried into every service in it."""
    categories = _put(catalogue.categories, old_id, category.id, category)
    result = replace(catalogue, categories=categories)
    if old_id is not None and old_id != category.id:
        new_id = category.id
        result = _map_services(
            result, lambda s: replace(s, category=new_id) if s.category == old_id else s
        )
    return result


def rename_category(catalogue: Catalogue, old_id: str, new_id: str) -> Catalogue:
    return put_category(catalogue, old_id, replace(catalogue.categories[old_id], id=new_id))


def delete_category(catalogue: Catalogue, category_id: str) -> Catalogue:
    """Remove the category; services in it are left without a category."""
    result = replace(catalogue, categories=_without(catalogue.categories, category_id))
    return _map_services(
        result, lambda s: replace(s, category=None) if s.category == category_id else s
    )


def duplicate_category(catalogue: Catalogue, category_id: str) -> tuple[Catalogue, str]:
    new_id = copy_id(catalogue.categories, category_id)
    copy = replace(catalogue.categories[category_id], id=new_id)
    categories = _insert_after(catalogue.categories, category_id, new_id, copy)
    return replace(catalogue, categories=categories), new_id


def _swap_purpose(service: Service, old: str, new: str | None) -> Service:
    if not service.purposes or old not in service.purposes:
        return service
    purposes = [new if p == old else p for p in service.purposes]
    kept = tuple(p for i, p in enumerate(purposes) if p is not None and p not in purposes[:i])
    return replace(service, purposes=kept)


def _map_services(catalogue: Catalogue, change: Any) -> Catalogue:
    services = {key: change(service) for key, service in catalogue.services.items()}
    if all(services[k] is catalogue.services[k] for k in services):
        return catalogue
    return _services(catalogue, services)


# -- cookies


def _cookie_at(catalogue: Catalogue, service_id: str, index: int) -> Cookie:
    service = catalogue.services.get(service_id)
    if service is None or not 0 <= index < len(service.cookies):
        raise EditError(f"no cookie {service_id}/{index}")
    return service.cookies[index]


def _with_cookies(catalogue: Catalogue, service_id: str, cookies: tuple[Cookie, ...]) -> Catalogue:
    service = replace(catalogue.services[service_id], cookies=cookies)
    return put_service(catalogue, service_id, service)


def put_cookie(
    catalogue: Catalogue,
    service_id: str,
    index: int | None,
    cookie: Cookie,
    *,
    to_service: str | None = None,
) -> tuple[Catalogue, str, int]:
    """Replace (or, ``index`` None, append) a cookie; ``to_service`` moves it.

    Returns the catalogue and where the cookie now is (service id, index).
    """
    if service_id not in catalogue.services:
        raise EditError(f"no service {service_id!r}")
    target = to_service or service_id
    if target not in catalogue.services:
        raise EditError(f"no service {target!r}")
    cookies = catalogue.services[service_id].cookies
    if index is not None:
        _cookie_at(catalogue, service_id, index)
        if target == service_id:
            changed = (*cookies[:index], cookie, *cookies[index + 1 :])
            return _with_cookies(catalogue, service_id, changed), service_id, index
        catalogue = _with_cookies(catalogue, service_id, (*cookies[:index], *cookies[index + 1 :]))
    moved = catalogue.services[target].cookies
    catalogue = _with_cookies(catalogue, target, (*moved, cookie))
    return catalogue, target, len(moved)


def set_cookie_field(
    catalogue: Catalogue, service_id: str, index: int, name: str, value: Any
) -> Catalogue:
    """One field of one cookie changed (``None`` removes it)."""
    cookie = set_field(_cookie_at(catalogue, service_id, index), name, value)
    return put_cookie(catalogue, service_id, index, cookie)[0]


def delete_cookie(catalogue: Catalogue, service_id: str, index: int) -> Catalogue:
    _cookie_at(catalogue, service_id, index)
    cookies = catalogue.services[service_id].cookies
    return _with_cookies(catalogue, service_id, (*cookies[:index], *cookies[index + 1 :]))


def duplicate_cookie(catalogue: Catalogue, service_id: str, index: int) -> tuple[Catalogue, int]:
    """A copy of the cookie right after it, named ``<name>_copy``; returns its index."""
    cookie = _cookie_at(catalogue, service_id, index)
    names = {c.name for c in catalogue.services[service_id].cookies}
    name = (cookie.name or "cookie") + "_copy"
    if name in names:
        name = fresh_id(names - {None}, name)  # type: ignore[arg-type]
    cookies = catalogue.services[service_id].cookies
    copy = replace(cookie, name=name)
    changed = (*cookies[: index + 1], copy, *cookies[index + 1 :])
    return _with_cookies(catalogue, service_id, changed), index + 1


# -- policy and what refers to what


def put_policy(catalogue: Catalogue, policy: Policy) -> Catalogue:
    return catalogue if policy == catalogue.policy else replace(catalogue, policy=policy)


@dataclass(frozen=True, slots=True)
class Deletion:
    """What deleting an entity takes with it, and what refers to it."""

    kind: str  # "service", "cookie", "purpose", "category"
    name: str
    contains: tuple[str, ...] = ()  # cookies of a service
    referred_by: tuple[str, ...] = ()  # services using a purpose or category


def deletion(catalogue: Catalogue, kind: str, key: str) -> Deletion:
    """Describe deleting ``kind`` ``key`` (a cookie's key is ``service/index``)."""
    if kind == "service":
        cookies = catalogue.services[key].cookies
        return Deletion(kind, key, contains=tuple(c.name or "(unnamed)" for c in cookies))
    if kind == "cookie":
        service_id, _, index = key.rpartition("/")
        cookie = _cookie_at(catalogue, service_id, int(index))
        return Deletion(kind, f"{cookie.name or '(unnamed)'} ({service_id})")
    if kind == "purpose":
        return Deletion(kind, key, referred_by=tuple(catalogue.services_using_purpose(key)))
    if kind == "category":
        return Deletion(kind, key, referred_by=tuple(catalogue.services_in_category(key)))
    raise EditError(f"cannot delete a {kind}")
