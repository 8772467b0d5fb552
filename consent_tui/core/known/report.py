"""What reading a database found: its size, its quirks (counted) and the rows it skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from consent_tui.core.known.retention import parse_retention


@dataclass(frozen=True, slots=True)
class RowWarning:
    """A row or record that was skipped or read with a change: where, which kind, what."""

    where: str  # "line 12" (CSV) or 'platform "X", entry 3' (JSON)
    kind: str  # a stable word: "field-count", "duplicate-id", "no-name", ...
    message: str


@dataclass
class ReadReport:
    """Counts of everything the reader normalised, and every warning, in file order.

    ``retention`` counts each retention spelling as written (spaces trimmed);
    :meth:`unparsed` lists those that do not read as a duration.
    """

    rows: int = 0
    entries: int = 0
    platforms: int = 0
    retention: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)  # off-list text -> rows
    third_party_domains: int = 0  # "(3rd party)" written in the domain text
    no_domain: int = 0
    star_names: int = 0  # a name written with "*"
    shared_names: int = 0  # names listed by more than one entry
    warnings: list[RowWarning] = field(default_factory=list)

    def warn(self, where: str, kind: str, message: str) -> None:
        self.warnings.append(RowWarning(where, kind, message))

    def warning_counts(self) -> Counter[str]:
        return Counter(w.kind for w in self.warnings)

    def parsed_spellings(self) -> list[str]:
        return [t for t in self.retention if parse_retention(t).parsed]

    def unparsed(self) -> list[tuple[str, int]]:
        """Retention spellings that are not a duration, most frequent first."""
        found = [(t, n) for t, n in self.retention.items() if not parse_retention(t).parsed]
        return sorted(found, key=lambda item: (-item[1], item[0]))

    def summary(self) -> dict[str, Any]:
        """Plain data for ``source.json`` and ``--format json``."""
        parsed = self.parsed_spellings()
        return {
            "rows": self.rows,
            "entries": self.entries,
            "platforms": self.platforms,
            "retention_spellings": len(self.retention),
            "retention_parsed": len(parsed),
            "retention_parsed_rows": sum(self.retention[t] for t in parsed),
            "retention_unparsed": dict(self.unparsed()),
            "off_list_categories": dict(sorted(self.categories.items())),
            "third_party_domains": self.third_party_domains,
            "no_domain": self.no_domain,
            "star_names": self.star_names,
            "shared_names": self.shared_names,
            "warnings": dict(sorted(self.warning_counts().items())),
        }
