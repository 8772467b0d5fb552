"""``[[audit.ignore]]`` entries as an index: which entry, if any, covers an observed item."""

from __future__ import annotations

from consent_tui.core.evidence import Observation
from consent_tui.core.matching.domains import domain_match, normalise
from consent_tui.core.matching.names import NameIndex
from consent_tui.core.model import AuditIgnore, AuditSettings


class IgnoreList:
    """The catalogue's ignore entries; entries without a name ignore nothing."""

    def __init__(self, settings: AuditSettings | None) -> None:
        self.entries: tuple[AuditIgnore, ...] = settings.ignore if settings else ()
        self._names: NameIndex[int] = NameIndex(
            (entry.name, i) for i, entry in enumerate(self.entries) if entry.name
        )

    def find(self, o: Observation) -> int | None:
        """The index of the first entry covering ``o``, or ``None``."""
        if not self._names:
            return None
        best: int | None = None
        for i, _specificity in self._names.find(o.name):
            entry = self.entries[i]
            if entry.type is not None and entry.type != o.kind:
                continue
            domain = normalise(entry.domain or "")
            if domain and not domain_match(o.host, domain):
                continue
            if best is None or i < best:
                best = i
        return best
