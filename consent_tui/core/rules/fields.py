"""The keys each table of the format knows, and the type each one expects.

Both come from the field description (core/fields). A key found in an
entity's ``extra`` is a known field with a wrong value when it is described,
and an unknown key otherwise; :func:`extras` walks those ``extra`` mappings for
both rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final, NamedTuple

from consent_tui.core.fields import ENTITIES, Field, entity, find, tables, written
from consent_tui.core.fields.kinds import BOOLEAN as BOOLEAN
from consent_tui.core.fields.kinds import STRING as STRING
from consent_tui.core.fields.kinds import TEXT as TEXT
from consent_tui.core.fields.kinds import URL_TEXT as URL_TEXT
from consent_tui.core.fields.kinds import expected
from consent_tui.core.model import AuditSettings, Catalogue
from consent_tui.core.model.layout import Layout
from consent_tui.core.rules.base import (
    BANNER,
    POLICY,
    Loc,
    banner_loc,
    catalogue_loc,
    category_loc,
    changelog_loc,
    cookie_loc,
    document_loc,
    policy_loc,
    purpose_loc,
    service_loc,
)


class _Known(Mapping[str, Mapping[str, str]]):
    """Table kind -> {key: the type it takes, as messages name it}, from core/fields.

    Derived when asked, from the description as it is then (and kept while its
    keys stay the same fields), so that the rules always know the described
    keys; a table's inline parts add theirs (the layout keys of [policy.document]).
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[Field, ...], Mapping[str, str]]] = {}

    def __getitem__(self, kind: str) -> Mapping[str, str]:
        if kind not in ENTITIES or entity(kind).part:
            raise KeyError(kind)
        fields = written(kind)
        hit = self._cache.get(kind)
        if hit is None or hit[0] is not fields:
            hit = (fields, {f.key: expected(f, ENTITIES) for f in fields})
            self._cache[kind] = hit
        return hit[1]

    def __iter__(self) -> Iterator[str]:
        return iter(tables())

    def __len__(self) -> int:
        return len(tables())


FIELDS: Final = _Known()


def described(kind: str, key: str) -> Field | None:
    """The description of ``key`` in a ``kind`` table, ``None`` when the format has none."""
    return find(kind, key)


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
    if policy.document is not None:
        if policy.document.extra:
            yield Extra(document_loc(), "document", policy.document.extra, "document.")
        if policy.document.layout is not None:
            yield from _layout_extras(policy.document.layout)
    for i, entry in enumerate(policy.changelog):
        if entry.extra:
            yield Extra(changelog_loc(i), "changelog", entry.extra)
    if catalogue.banner is not None and catalogue.banner.extra:
        yield Extra(banner_loc(), "banner", catalogue.banner.extra)
    if catalogue.audit is not None:
        yield from _audit_extras(catalogue.audit)
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


def audit_loc() -> Loc:
    return Loc("catalogue", None, ("audit",), (BANNER, 1, -1), "[audit]")


def audit_ignore_loc(index: int) -> Loc:
    return Loc(
        "catalogue",
        None,
        ("audit", "ignore", index),
        (BANNER, 1, index),
        f"[[audit.ignore]] #{index + 1}",
    )


def table_loc(table_id: str) -> Loc:
    """``[policy.document.tables.<id>]``: one table's own options."""
    path = ("policy", "document", "tables", table_id)
    return Loc("policy", None, path, (POLICY, 0, -1), f"[policy.document.tables.{table_id}]")


def own_loc(column: str) -> Loc:
    """``[policy.document.own_columns.<id>]``."""
    path = ("policy", "document", "own_columns", column)
    return Loc("policy", None, path, (POLICY, 0, -1), f"[policy.document.own_columns.{column}]")


def _layout_extras(layout: Layout) -> Iterator[Extra]:
    for column, own in (layout.own_columns or {}).items():
        if own.extra:
            yield Extra(own_loc(column), "own_column", own.extra)
    for table_id, table in (layout.tables or {}).items():
        if table.extra:
            yield Extra(table_loc(table_id), "layout_table", table.extra)


def _audit_extras(audit: AuditSettings) -> Iterator[Extra]:
    if audit.extra:
        yield Extra(audit_loc(), "audit", audit.extra)
    for i, entry in enumerate(audit.ignore):
        if entry.extra:
            yield Extra(audit_ignore_loc(i), "audit_ignore", entry.extra)
