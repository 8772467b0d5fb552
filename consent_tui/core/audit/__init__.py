"""``consent-tui audit``'s engine: recordings against the catalogue, as findings.

:func:`audit` takes a catalogue and read evidence files and returns an
:class:`AuditReport`; the rules are in :mod:`.rules`, the lines of the
catalogue each finding belongs to in :mod:`.places`.
"""

from __future__ import annotations

from consent_tui.core.audit.engine import audit
from consent_tui.core.audit.findings import AuditReport, Evidence, Finding, Ignored
from consent_tui.core.audit.rules import BY_ID, RULES, AuditRule

__all__ = ["BY_ID", "RULES", "AuditReport", "AuditRule", "Evidence", "Finding", "Ignored", "audit"]
