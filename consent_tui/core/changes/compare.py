"""``compare(old, new)``: every change between two catalogues, in the new file's order.

Ids present in both catalogues are the same entity; an id that disappeared and
another that appeared with the same content (references to renamed categories
and purposes read through their renames, cookies in any order) are one entity
renamed; the rest were added or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

from consent_tui.core.changes import entities
from consent_tui.core.changes.canon import entity_key
from consent_tui.core.changes.entities import needs_consent
from consent_tui.core.changes.record import Comparison, code
from consent_tui.core.changes.scope import Recorder
from consent_tui.core.changes.services import ServiceChanges, content_key
from consent_tui.core.model import Catalogue

E = TypeVar("E")


def pair_ids(
    old: Mapping[str, E],
    new: Mapping[str, E],
    old_key: Callable[[E], Hashable],
    new_key: Callable[[E], Hashable],
) -> dict[str, str]:
    """Old id -> new id: kept ids, then renames (an id gone, one come, the same content)."""
    pairs = {key: key for key in old if key in new}
    came = [key for key in new if key not in old]
    if len(pairs) == len(old) or not came:
        return pairs
    waiting: dict[Hashable, list[str]] = {}
    for key in came:
        waiting.setdefault(new_key(new[key]), []).append(key)
    for key in old:
        if key not in pairs:
            queue = waiting.get(old_key(old[key]))
            if queue:
                pairs[key] = queue.pop(0)
    return pairs


def compare(old: Catalogue, new: Catalogue) -> Comparison:
    """The changes from ``old`` to ``new`` (see :mod:`consent_tui.core.changes`)."""
    rec = Recorder()
    if old is not new:
        entities.catalogue_top(rec, old, new)
        entities.policy(rec, old.policy, new.policy)
        entities.banner(rec, old.banner, new.banner)
        categories = _categories(rec, old, new)
        purposes = _purposes(rec, old, new)
        if old.services != new.services or categories or purposes:
            services = pair_ids(
                old.services,
                new.services,
                lambda s: content_key(s, categories, purposes),
                lambda s: content_key(s, {}, {}),
            )
            ServiceChanges(rec, old, new, categories, purposes).run(services)
    return Comparison(
        tuple(rec.changes), old.banner_settings.revision, new.banner_settings.revision
    )


def _categories(rec: Recorder, old: Catalogue, new: Catalogue) -> dict[str, str]:
    """Compare the categories; returns the renamed ones (old id -> new id)."""
    if old.categories == new.categories:
        return {}
    pairs = pair_ids(old.categories, new.categories, entity_key, entity_key)
    back = {n: o for o, n in pairs.items()}
    for cid, category in new.categories.items():
        was = back.get(cid)
        scope = entities.category_scope(cid, was)
        if was is None:
            said = "needs consent" if category.consent is not False else "no consent needed"
            rec.add(scope, "category-added", "added", f"added ({said})", new=cid)
            continue
        if was != cid:
            detail = f"renamed from {code(was)}"
            rec.add(scope, "category-renamed", "renamed", detail, field="id", old=was, new=cid)
        entities.category(rec, scope, old.categories[was], category)
    for cid in old.categories:
        if cid not in pairs:
            scope = entities.category_scope(cid, cid, gone=True)
            rec.add(scope, "category-removed", "removed", "removed", old=cid)
    return {o: n for o, n in pairs.items() if o != n}


def _purposes(rec: Recorder, old: Catalogue, new: Catalogue) -> dict[str, str]:
    """Compare the purposes; returns the renamed ones (old id -> new id)."""
    if old.purposes == new.purposes:
        return {}
    pairs = pair_ids(old.purposes, new.purposes, entity_key, entity_key)
    back = {n: o for o, n in pairs.items()}
    for pid, purpose in new.purposes.items():
        was = back.get(pid)
        scope = entities.purpose_scope(pid, was)
        if was is None:
            users = [
                s.id
                for s in new.services.values()
                if pid in (s.purposes or ()) and needs_consent(new, s.category)
            ]
            if users:
                rule = "purpose-added"
                detail = f"added, used by {', '.join(code(u) for u in users[:5])}"
                detail += f" and {len(users) - 5} more" if len(users) > 5 else ""
                detail += " (consent needed)"
            else:
                rule, detail = (
                    "purpose-added-unused",
                    "added (no service that needs consent uses it)",
                )
            rec.add(scope, rule, "added", detail, new=pid)
            continue
        if was != pid:
            detail = f"renamed from {code(was)}"
            rec.add(scope, "purpose-renamed", "renamed", detail, field="id", old=was, new=pid)
        entities.purpose(rec, scope, old.purposes[was], purpose)
    for pid in old.purposes:
        if pid not in pairs:
            scope = entities.purpose_scope(pid, pid, gone=True)
            rec.add(scope, "purpose-removed", "removed", "removed", old=pid)
    return {o: n for o, n in pairs.items() if o != n}
