"""What the audit reports: findings, ignored items, and the report around them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consent_tui.core.audit.rules import Severity
from consent_tui.core.evidence import ConsentState, EvidenceFile, Observation, StorageKind

if TYPE_CHECKING:
    from consent_tui.core.known import KnownEntry, Suggestion


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an observation was seen: never the value, only its length."""

    file: str
    where: str
    state: ConsentState
    url: str | None
    seen_at: dt.datetime | None
    value_size: int
    origin: str

    @classmethod
    def of(cls, o: Observation) -> Evidence:
        return cls(o.file, o.where, o.state, o.url, o.seen_at, o.value_size, o.origin)


@dataclass(frozen=True, slots=True)
class KnownFact:
    """What the known-cookie database says of an undeclared item's name.

    ``entries`` are those of its exact name or longest prefix, narrowed by the
    item's domain when several platforms list it; ``suggestion`` gives catalogue
    values (the category through the catalogue's mapping) when one platform
    remains, ``None`` when several do.
    """

    entries: tuple[KnownEntry, ...]
    by_prefix: bool
    suggestion: Suggestion | None

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.platform for e in self.entries))


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: a rule, the catalogue element concerned, and the evidence.

    ``service_id``/``cookie_index`` name the declared cookie (``None`` for an
    undeclared item); ``name``/``kind``/``domain``/``party`` describe what was
    observed (``None`` for a declared item never seen). ``occurrences`` counts
    the observations behind it, in ``files``; ``known`` is what the known-cookie
    database says of an undeclared item (see :mod:`.known`).
    """

    rule: str
    severity: Severity
    message: str
    hint: str | None
    service_id: str | None = None
    cookie_index: int | None = None
    declared_name: str | None = None
    name: str | None = None
    kind: StorageKind | str | None = None
    domain: str | None = None
    party: str | None = None
    evidence: Evidence | None = None
    occurrences: int = 0
    files: tuple[str, ...] = ()
    observed_lifetime: int | None = None
    observed_session: bool | None = None
    declared_lifetime: int | None = None
    suggested_pattern: str | None = None
    known: KnownFact | None = None


@dataclass(frozen=True, slots=True)
class Ignored:
    """An observed item matched by ``[[audit.ignore]]`` entry ``entry`` (0-based)."""

    name: str
    kind: StorageKind
    domain: str
    reason: str
    entry: int
    pattern: str
    evidence: Evidence
    occurrences: int
    files: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The whole audit: findings in a stable order, ignored items, what was read."""

    findings: tuple[Finding, ...]
    ignored: tuple[Ignored, ...]
    files: tuple[EvidenceFile, ...]
    site: str | None
    observations: int
    matched: int  # observations matched to a declared cookie

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
