"""The audit: observed items matched to the catalogue, findings collected once per item.

Observations are grouped by (kind, name, host) and each group is matched once
(:class:`~consent_tui.core.matching.catalogue.CatalogueIndex`). Findings about
a declared cookie are collected per rule and declaration, undeclared items per
kind, name and registrable domain: a cookie set on every response is one
finding with a count, not thousands. The first observation (in recording
order) is kept as evidence; for a lifetime, the longest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from consent_tui.core.audit import messages as m
from consent_tui.core.audit import rules as r
from consent_tui.core.audit.findings import AuditReport, Evidence, Finding, Ignored
from consent_tui.core.audit.ignore import IgnoreList
from consent_tui.core.evidence import EvidenceFile, Observation, StorageKind
from consent_tui.core.gcpause import paused
from consent_tui.core.matching.catalogue import OTHER_SITE, CatalogueIndex, Declared, Match
from consent_tui.core.matching.domains import party, registrable
from consent_tui.core.matching.lifetimes import longer_than_declared, session_mismatch
from consent_tui.core.matching.suggest import suggest_patterns
from consent_tui.core.model import Catalogue


@dataclass
class _Group:
    """Observations behind one finding: the evidence kept, how many, in which files."""

    first: Observation
    count: int = 0
    files: dict[str, None] = field(default_factory=dict)
    longest: Observation | None = None

    def add(self, o: Observation) -> None:
        self.count += 1
        self.files.setdefault(o.file, None)
        if o.lifetime is not None and (
            self.longest is None or o.lifetime > (self.longest.lifetime or 0)
        ):
            self.longest = o


@dataclass
class _State:
    index: CatalogueIndex
    ignore: IgnoreList
    declared: dict[tuple[str, int], _Group] = field(default_factory=dict)
    undeclared: dict[tuple[str, str, str], _Group] = field(default_factory=dict)
    others: dict[tuple[str, str, str], list[Declared]] = field(default_factory=dict)
    ignored: dict[tuple[int, StorageKind, str, str], _Group] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)
    matched: int = 0
    # Items whose best declaration is on another site: a wrong domain, unless the
    # declaration is also seen on its own site (then they are another party's items).
    elsewhere: dict[int, list[Observation]] = field(default_factory=dict)
    declared_elsewhere: dict[tuple[str, str, str], Declared] = field(default_factory=dict)

    def note(self, table: dict, key: object, o: Observation) -> None:  # type: ignore[type-arg]
        group = table.get(key)
        if group is None:
            group = table[key] = _Group(o)
        group.add(o)


def audit(catalogue: Catalogue, files: Sequence[EvidenceFile]) -> AuditReport:
    """Compare ``files`` with ``catalogue``; findings in rule order, then catalogue order."""
    with paused():
        return _audit(catalogue, files)


def _audit(catalogue: Catalogue, files: Sequence[EvidenceFile]) -> AuditReport:
    state = _State(CatalogueIndex(catalogue), IgnoreList(catalogue.audit))
    cache: dict[tuple[str, str, str], tuple[Match | None, list[Declared]]] = {}
    total = 0
    for evidence in files:
        for o in evidence.observations:
            total += 1
            key = (o.name, o.kind, o.host)
            found = cache.get(key)
            if found is None:
                found = cache[key] = state.index.match(o.name, o.kind, o.host)
            match, others = found
            if match is None:
                _unmatched(state, o, others)
            elif match.domain_fit == OTHER_SITE and match.declared.host is not None:
                state.elsewhere.setdefault(match.declared.order, []).append(o)
            else:
                state.matched += 1
                _matched(state, o, match.declared, match.domain_fit)
    _settle_elsewhere(state)
    findings = _declared_findings(state) + _undeclared_findings(state)
    findings += _not_seen(state, files)
    services = {sid: i for i, sid in enumerate(catalogue.services)}

    def order(f: Finding) -> tuple[int, int, int, str, str, str]:
        where = services.get(f.service_id, -1) if f.service_id is not None else -1
        return (
            r.ORDER[f.rule],
            where,
            f.cookie_index or 0,
            f.kind or "",
            f.domain or "",
            f.name or "",
        )

    findings.sort(key=order)
    ignored = sorted(_ignored(state), key=lambda i: (i.entry, i.kind, i.name, i.domain))
    return AuditReport(
        tuple(findings), tuple(ignored), tuple(files), state.index.site, total, state.matched
    )


def _settle_elsewhere(state: _State) -> None:
    by_order = {d.order: d for d in state.index.declared}
    for order, observations in state.elsewhere.items():
        d = by_order[order]
        if order in state.seen:  # the declared item is there too: these are others'
            for o in observations:
                _unmatched(state, o, [])
                state.declared_elsewhere.setdefault((o.kind, o.name, registrable(o.host)), d)
        else:
            for o in observations:
                state.matched += 1
                _matched(state, o, d, OTHER_SITE)


def _unmatched(state: _State, o: Observation, others: list[Declared]) -> None:
    entry = state.ignore.find(o)
    if entry is not None:
        state.note(state.ignored, (entry, o.kind, o.name, registrable(o.host)), o)
        return
    key = (o.kind, o.name, registrable(o.host))
    state.note(state.undeclared, key, o)
    if others and key not in state.others:
        state.others[key] = others


def _matched(state: _State, o: Observation, d: Declared, fit: int) -> None:
    state.seen.add(d.order)
    site = state.index.site
    checks: list[str] = []
    if d.needs_consent is True:
        if o.state == "before-consent":
            checks.append(r.SET_BEFORE_CONSENT.id)
        elif o.state == "after-reject":
            checks.append(r.KEPT_AFTER_REFUSAL.id)
    if d.host is not None and fit == OTHER_SITE:
        checks.append(r.WRONG_DOMAIN.id)
    elif site and d.service.party == "first" and party(o.host, site) == "third":
        checks.append(r.WRONG_PARTY.id)
    if longer_than_declared(o.lifetime, d.duration):
        checks.append(r.LONGER_THAN_DECLARED.id)
    if o.kind == "http_cookie" and session_mismatch(o.session, d.duration):
        checks.append(r.SESSION_MISMATCH.id)
    for rule_id in checks:
        state.note(state.declared, (rule_id, d.order), o)


def _declared_findings(state: _State) -> list[Finding]:
    by_order = {d.order: d for d in state.index.declared}
    out = []
    for (rule_id, order), group in state.declared.items():
        d = by_order[order]
        o = group.longest if rule_id == r.LONGER_THAN_DECLARED.id and group.longest else group.first
        out.append(
            m.declared_finding(
                r.BY_ID[rule_id], d, o, group.count, tuple(group.files), state.index.site
            )
        )
    return out


def _undeclared_findings(state: _State) -> list[Finding]:
    families: dict[tuple[str, str], list[str]] = {}
    for kind, name, site in state.undeclared:
        families.setdefault((kind, site), []).append(name)
    suggested: dict[tuple[str, str, str], str] = {}
    for (kind, site), names in families.items():
        for name, suggestion in suggest_patterns(names).items():
            suggested[(kind, name, site)] = suggestion
    sizes: dict[tuple[str, str, str], int] = {}
    for (kind, _name, site), found in suggested.items():
        sizes[(kind, site, found)] = sizes.get((kind, site, found), 0) + 1
    out = []
    for key, group in state.undeclared.items():
        pattern = suggested.get(key)
        size = sizes.get((key[0], key[2], pattern), 0) if pattern else 0
        out.append(
            m.undeclared_finding(
                group.first,
                group.count,
                tuple(group.files),
                state.index.site,
                pattern,
                size,
                state.others.get(key, []),
                state.declared_elsewhere.get(key),
            )
        )
    return out


def _not_seen(state: _State, files: Iterable[EvidenceFile]) -> list[Finding]:
    recordings = list(files)
    out = []
    for d in state.index.declared:
        if d.order in state.seen or d.type == "pixel":
            continue
        could = [
            f
            for f in recordings
            if d.type in f.kinds
            and (f.has_cookie_data or d.type != "http_cookie")
            and (f.state in ("after-accept", "unknown") or d.needs_consent is not True)
        ]
        if could:
            out.append(m.not_seen_finding(d, len(could)))
    return out


def _ignored(state: _State) -> Iterable[Ignored]:
    for (entry, kind, name, _site), group in state.ignored.items():
        rule = state.ignore.entries[entry]
        o = group.first
        yield Ignored(
            name,
            kind,
            o.domain,
            rule.reason or "",
            entry,
            rule.name or "",
            Evidence.of(o),
            group.count,
            tuple(group.files),
        )
