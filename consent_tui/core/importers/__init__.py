"""Bring an existing policy in: published cookie tables, Klaro and vanilla-cookieconsent configs.

The face of the importers (``consent-tui import`` and the editor call it):

- :func:`import_sources` (paths, URLs, or texts) -> :class:`ImportResult`: the
  catalogue's text to write (commented: where each entry came from, what to
  review), its :class:`~consent_tui.core.model.Catalogue`, and a
  :class:`Summary` (tables read, services, cookies, guesses, what the export
  does not reproduce, validation's problems on the new text);
- :class:`ImportOptions`: ``kind`` (``table``, ``csv``, ``klaro``, ``cookieconsent``),
  ``lang``, ``mapping`` (``--map HEADER=FIELD``); :data:`MAP_TARGETS` the fields;
- :class:`SourceError`: a source that cannot be imported, with its place.

The table readers (:mod:`htmlreader`, :mod:`mdreader`, :mod:`csvreader`) and
:mod:`compare` also serve the round-trip check (an import exported again reads
back as the same tables). Nothing here writes a file.
"""

from __future__ import annotations

from consent_tui.core.importers.columns import MAP_TARGETS
from consent_tui.core.importers.errors import SourceError
from consent_tui.core.importers.pipeline import ImportOptions, ImportResult, import_sources
from consent_tui.core.importers.summary import Summary

__all__ = [
    "MAP_TARGETS",
    "ImportOptions",
    "ImportResult",
    "SourceError",
    "Summary",
    "import_sources",
]
