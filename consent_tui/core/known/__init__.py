"""Known cookies: the Open Cookie Database as a lookup, for the CLI, validation and the editor.

The public face (see docs/known.md for the data, the update and the mapping):

- :func:`load_index` -> :class:`KnownIndex` or ``None`` (no database installed);
  :meth:`KnownIndex.lookup` (``name, domain=None`` -> list of :class:`KnownEntry`),
  :meth:`KnownIndex.match` (the same, saying whether by prefix),
  :meth:`KnownIndex.platforms` and :meth:`KnownIndex.platform`.
- :func:`category_mapping` (a catalogue -> :class:`CategoryMapping`) and
  :func:`suggest` (a :class:`KnownEntry` -> :class:`Suggestion` of catalogue values).
- :func:`read_path` / :func:`read_bytes` (a CSV or JSON file -> :class:`Database`
  with a :class:`ReadReport`), :func:`parse_retention`.
- :func:`installed` (the installed copy's :class:`SourceInfo`), :func:`install`,
  :func:`.download.download`; errors are :class:`KnownDataError`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from consent_tui.core.known.entry import (
        ATTRIBUTION,
        CATEGORIES,
        LICENCE,
        PROJECT_URL,
        SOURCE_URL,
        KnownEntry,
    )
    from consent_tui.core.known.errors import KnownDataError
    from consent_tui.core.known.index import KnownIndex, Match
    from consent_tui.core.known.installation import SourceInfo, install, installed
    from consent_tui.core.known.load import load_index
    from consent_tui.core.known.mapping import CategoryMapping, category_mapping
    from consent_tui.core.known.read import Database, read_bytes, read_path
    from consent_tui.core.known.report import ReadReport, RowWarning
    from consent_tui.core.known.retention import Retention, parse_retention
    from consent_tui.core.known.suggest import Suggestion, suggest

# Name -> submodule: each is imported when first used (``import consent_tui.core.known``
# alone costs nothing, and ``load_index`` does not import the readers or the mapping).
_WHERE = {
    "ATTRIBUTION": "entry",
    "CATEGORIES": "entry",
    "LICENCE": "entry",
    "PROJECT_URL": "entry",
    "SOURCE_URL": "entry",
    "KnownEntry": "entry",
    "KnownDataError": "errors",
    "KnownIndex": "index",
    "Match": "index",
    "SourceInfo": "installation",
    "install": "installation",
    "installed": "installation",
    "load_index": "load",
    "CategoryMapping": "mapping",
    "category_mapping": "mapping",
    "Database": "read",
    "read_bytes": "read",
    "read_path": "read",
    "ReadReport": "report",
    "RowWarning": "report",
    "Retention": "retention",
    "parse_retention": "retention",
    "Suggestion": "suggest",
    "suggest": "suggest",
}

__all__ = [
    "ATTRIBUTION",
    "CATEGORIES",
    "LICENCE",
    "PROJECT_URL",
    "SOURCE_URL",
    "CategoryMapping",
    "Database",
    "KnownDataError",
    "KnownEntry",
    "KnownIndex",
    "Match",
    "ReadReport",
    "Retention",
    "RowWarning",
    "SourceInfo",
    "Suggestion",
    "category_mapping",
    "install",
    "installed",
    "load_index",
    "parse_retention",
    "read_bytes",
    "read_path",
    "suggest",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
