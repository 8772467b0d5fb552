"""Undeclared findings with what the known-cookie database says of their names.

:func:`annotate` gives each ``undeclared`` finding of a report its
:class:`~.findings.KnownFact`: the entries of the name (one index lookup per
distinct name, however many domains it was seen on), narrowed by the item's
domain when several platforms list it, and the catalogue values they suggest
(the category through the catalogue's own mapping). The audit itself never
reads the database: the command calls this only when one is installed and
there is something undeclared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from consent_tui.core.audit import rules as r
from consent_tui.core.audit.findings import AuditReport, Finding, KnownFact

if TYPE_CHECKING:
    from consent_tui.core.known import CategoryMapping, KnownEntry, KnownIndex, Match
    from consent_tui.core.model import Catalogue


def narrow(entries: Sequence[KnownEntry], domain: str | None) -> tuple[KnownEntry, ...]:
    """Those of ``entries`` whose domain is ``domain``'s (all when none or one is)."""
    if domain and len(entries) > 1:
        near = tuple(e for e in entries if e.matches_domain(domain))
        if near:
            return near
    return tuple(entries)


def fact(
    match: Match,
    domain: str | None,
    catalogue: Catalogue,
    mapping: CategoryMapping,
    seen: dict[tuple[int, ...], KnownFact] | None = None,
) -> KnownFact:
    """The known fact of one item seen on ``domain``: entries, and a suggestion if one platform.

    ``seen`` keeps the facts already made, by their entries: a name seen on many
    sites gives one fact, not one per site.
    """
    entries = narrow(match.entries, domain)
    key = tuple(map(id, entries))
    if seen is not None and key in seen:
        return seen[key]
    from consent_tui.core.known.suggest import suggest

    platforms = {e.platform for e in entries}
    suggestion = suggest(entries[0], catalogue, mapping) if len(platforms) == 1 else None
    by_prefix = any(e.matched_by_prefix(match.name) for e in entries)
    found = KnownFact(entries, by_prefix, suggestion)
    if seen is not None:
        seen[key] = found
    return found


def annotate(report: AuditReport, index: KnownIndex, catalogue: Catalogue) -> AuditReport:
    """``report`` with a :class:`KnownFact` on every undeclared finding the database knows."""
    from consent_tui.core.known import category_mapping

    undeclared = [f for f in report.findings if f.rule == r.UNDECLARED.id and f.name is not None]
    if not undeclared:
        return report
    mapping = category_mapping(catalogue)
    matches: dict[str, Match | None] = {}
    facts: dict[tuple[int, ...], KnownFact] = {}
    changed: dict[int, Finding] = {}
    for finding in undeclared:
        name = finding.name or ""
        if name not in matches:
            matches[name] = index.match(name)
        found = matches[name]
        if found is not None:
            known = fact(found, finding.domain, catalogue, mapping, facts)
            changed[id(finding)] = replace(finding, known=known)
    if not changed:
        return report
    findings = tuple(changed.get(id(f), f) for f in report.findings)
    return replace(report, findings=findings)
