"""``audit`` and the known-cookie database: undeclared findings named by their platform.

Never required: without an installed database the report is the same, and
says so (``known`` in JSON, a run property in SARIF, a note on standard error
for the text). The index is loaded only when something is undeclared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from consent_tui.core.audit import AuditReport
from consent_tui.core.audit.findings import KnownFact
from consent_tui.core.values import printable

if TYPE_CHECKING:
    from consent_tui.core.known import SourceInfo
    from consent_tui.core.model import Catalogue

NOT_INSTALLED = (
    "no known-cookie database is installed: `consent-tui known update` installs the Open "
    "Cookie Database, and the audit then names the platform and category of undeclared items"
)


@dataclass(frozen=True, slots=True)
class KnownStatus:
    """Whether a database was used: its record, or why not (``error`` for a damaged copy)."""

    used: bool
    source: SourceInfo | None = None
    error: str | None = None
    looked_up: bool = False  # false when nothing was undeclared, so nothing was read

    def as_dict(self) -> dict[str, Any]:
        info = self.source
        return {
            "installed": info is not None or self.error is not None,
            "used": self.used,
            "source": info.source if info else None,
            "retrieved": info.retrieved if info else None,
            "entries": info.entries if info else None,
            "licence": info.licence if info else None,
            "attribution": info.attribution if info else None,
            "error": self.error,
        }


def with_known(report: AuditReport, catalogue: Catalogue) -> tuple[AuditReport, KnownStatus]:
    """``report`` with the database's facts on its undeclared findings, and what was used."""
    if not any(f.rule == "undeclared" for f in report.findings):
        from consent_tui.core.known import KnownDataError, installed

        try:
            info = installed()
        except KnownDataError as exc:
            return report, KnownStatus(False, error=exc.message)
        return report, KnownStatus(False, info)
    from consent_tui.core.audit.known import annotate
    from consent_tui.core.known import KnownDataError, load_index

    try:
        index = load_index()
    except KnownDataError as exc:
        return report, KnownStatus(False, error=exc.message, looked_up=True)
    if index is None:
        return report, KnownStatus(False, looked_up=True)
    return annotate(report, index, catalogue), KnownStatus(True, index.source, looked_up=True)


def note(status: KnownStatus) -> str | None:
    """The line for standard error when the database could have helped and was not there."""
    if not status.looked_up or status.used:
        return None
    if status.error is not None:
        return f"note: the installed known-cookie database cannot be read ({status.error})"
    return f"note: {NOT_INSTALLED}"


def fact_text(known: KnownFact) -> str:
    """``known: Hotjar (Analytics, in `statistics`), provider Hotjar, 365 days (by prefix …)``."""
    s = known.suggestion
    if s is None:
        names = ", ".join(printable(p) for p in known.platforms)
        return f"known: listed by several platforms: {names}; its domain does not tell them apart"
    entry = s.entry
    where = f", in `{s.category}`" if s.category else ", no category of the catalogue matches"
    parts = [f"known: {printable(entry.platform)} ({printable(entry.category)}{where})"]
    if s.provider and s.provider != entry.platform:
        parts.append(f"provider {printable(s.provider)}")
    if s.duration:
        parts.append(s.duration + (" after last activity" if s.refresh else ""))
    elif entry.retention:
        parts.append(f"retention {printable(entry.retention)!r}")
    text = ", ".join(parts)
    if known.by_prefix:
        text += f" (by prefix {printable(entry.name)})"
    return text


def fact_data(known: KnownFact | None) -> dict[str, Any] | None:
    """The ``known`` object of a finding in JSON."""
    if known is None:
        return None
    s = known.suggestion
    suggestion = None
    if s is not None:
        suggestion = {
            "service": s.service_id,
            "provider": s.provider,
            "category": s.category,
            "party": s.party,
            "privacy_policy": s.privacy_policy,
            "name": s.cookie_name,
            "duration": s.duration,
            "refresh": s.refresh,
        }
    return {
        "platforms": list(known.platforms),
        "by_prefix": known.by_prefix,
        "entries": [e.as_dict() for e in known.entries],
        "suggestion": suggestion,
    }
