"""The keys each table of the format knows, and the type each one expects.

Both come from the field description (core/fields). A key found in an
entity's ``extra`` is a known field with a wrong value when it is described,
and an unknown key otherwise; :func:`extras` walks those ``extra`` mappings for
both rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final, NamedTuple

from consent_tui.core.fields import ENTITIES, Entity, Field, entity
from consent_tui.core.fields.kinds import BOOLEAN as BOOLEAN
from consent_tui.core.fields.kinds import STRING as STRING
from consent_tui.core.fields.kinds import TEXT as TEXT
from consent_tui.core.fields.kinds import URL_TEXT as URL_TEXT
from consent_tui.core.fields.kinds import expected
from consent_tui.core.model import Catalogue
from consent_tui.core.rules.base import (
    Loc,
    banner_loc,
    catalogue_loc,
    category_loc,
    cookie_loc,
    document_loc,
    policy_loc,
    purpose_loc,
    service_loc,
)


class _Known(Mapping[str, Mapping[str, str]]):
    """Table kind -> {key: the type it takes, as messages name it}, from core/fields.

    Derived when asked, from the description as it is then (and kept while it
    stays the same object), so that the rules always know the described keys.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[Entity, Mapping[str, str]]] = {}

    def __getitem__(self, kind: str) -> Mapping[str, str]:
        desc = entity(kind)
        hit = self._cache.get(kind)
        if hit is None or hit[0] is not desc:
            hit = (desc, {f.key: expected(f, ENTITIES) for f in desc.values})
            self._cache[kind] = hit
        return hit[1]

    def __iter__(self) -> Iterator[str]:
        return iter(ENTITIES)

    def __len__(self) -> int:
        return len(ENTITIES)


FIELDS: Final = _Known()


def described(kind: str, key: str) -> Field | None:
    """The description of ``key`` in a ``kind`` table, ``None`` when the format has none."""
    desc = entity(kind)
    return desc.field(key) if key in desc.keys else None


class Extra(NamedTuple):
    """The keys kept in one table's ``extra``: where, which ``FIELDS`` table, key prefix."""

    loc: Loc
    kind: str
    values: Mapping[str, Any]
    prefix: str = ""


def extras(catalogue: Catalogue) -> Iterator[Extra]:
    """Every non-empty ``extra`` of the catalogue, in file order."""
    if catalogue.extra:
        yield Extra(catalogue_loc(), "catalogue", catalogue.extra)
    policy = catalogue.policy
    if policy.extra:
        yield Extra(policy_loc(), "policy", policy.extra)
    if policy.document is not None and policy.document.extra:
        yield Extra(document_loc(), "document", policy.document.extra, "document.")
    if catalogue.banner is not None and catalogue.banner.extra:
        yield Extra(banner_loc(), "banner", catalogue.banner.extra)
    for i, (cid, category) in enumerate(catalogue.categories.items()):
        if category.extra:
            yield Extra(category_loc(i, cid), "category", category.extra)
    for i, (pid, purpose) in enumerate(catalogue.purposes.items()):
        if purpose.extra:
            yield Extra(purpose_loc(i, pid), "purpose", purpose.extra)
    for si, (sid, service) in enumerate(catalogue.services.items()):
        if service.extra:
            yield Extra(service_loc(si, sid), "service", service.extra)
        for ci, cookie in enumerate(service.cookies):
            if cookie.extra:
                yield Extra(cookie_loc(si, sid, ci, cookie.name), "cookie", cookie.extra)
