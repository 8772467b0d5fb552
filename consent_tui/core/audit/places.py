"""The catalogue line each finding belongs to, from the file's source map.

A finding about a declared cookie points at its ``[[services.<id>.cookies]]``
table (else the service's); an undeclared item at the top of the file, where
a new declaration is decided; an ignored one at its ``[[audit.ignore]]`` entry.
"""

from __future__ import annotations

from consent_tui.core.audit.findings import Finding, Ignored
from consent_tui.core.store import KeyPath as Path
from consent_tui.core.store import SourceMap

Place = tuple[int, int]
TOP: Place = (1, 1)


def _find(source: SourceMap | None, path: Path) -> Place:
    if source is None:
        return TOP
    try:
        stmt = source.find(path) or source.nearest(path)
    except Exception:  # a scanner failure costs the line, never the finding
        return TOP
    return (stmt.line, stmt.col) if stmt is not None else TOP


def finding_place(finding: Finding, source: SourceMap | None) -> Place:
    if finding.service_id is None:
        return TOP
    if finding.cookie_index is None:
        return _find(source, ("services", finding.service_id))
    return _find(source, ("services", finding.service_id, "cookies", finding.cookie_index))


def ignored_place(item: Ignored, source: SourceMap | None) -> Place:
    return _find(source, ("audit", "ignore", item.entry))
