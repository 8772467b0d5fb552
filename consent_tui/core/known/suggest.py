"""A known entry as values for a catalogue: what the editor and ``init`` may offer to fill in.

Nothing here changes a catalogue: a :class:`Suggestion` is a set of proposed
field values, each ``None`` when the database has nothing usable for it. The
user accepts them, or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from consent_tui.core.known.entry import KnownEntry
from consent_tui.core.known.mapping import CategoryMapping, category_mapping
from consent_tui.core.values import slug, url_problem

if TYPE_CHECKING:
    from consent_tui.core.model import Catalogue


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Catalogue values drawn from one :class:`KnownEntry`.

    Service level: ``service_id`` (a slug of the platform), ``provider`` (the
    data controller, else the platform), ``category`` (the catalogue's own id
    through the mapping), ``privacy_policy`` (only an absolute http(s) URL),
    ``party`` (``"third"`` when the database says "(3rd party)"). Cookie level:
    ``cookie_name`` (``"_ga_*"`` for a wildcard entry), ``duration`` and
    ``refresh`` (when the retention text reads as one), ``description`` (the
    database's text, in English, as a starting point).
    """

    entry: KnownEntry
    service_id: str
    provider: str | None
    category: str | None
    privacy_policy: str | None
    party: str | None
    cookie_name: str
    duration: str | None
    refresh: bool | None
    description: str | None


def suggest(
    entry: KnownEntry,
    catalogue: Catalogue | None = None,
    mapping: CategoryMapping | None = None,
) -> Suggestion:
    """What ``entry`` proposes for ``catalogue`` (its category mapping unless one is given)."""
    if mapping is None and catalogue is not None:
        mapping = category_mapping(catalogue)
    link = entry.privacy_link or None
    if link is not None and url_problem(link) is not None:
        link = None
    name = entry.name
    if entry.prefix and "*" not in name:
        name += "*"
    return Suggestion(
        entry=entry,
        service_id=slug(entry.platform or entry.controller or entry.name),
        provider=entry.controller or entry.platform or None,
        category=mapping.category_for(entry.category) if mapping else None,
        privacy_policy=link,
        party="third" if entry.third_party else None,
        cookie_name=name,
        duration=entry.duration,
        refresh=entry.refresh,
        description=entry.description or None,
    )
