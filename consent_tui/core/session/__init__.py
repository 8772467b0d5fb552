"""A catalogue open for editing, and what keeps the user's work safe around it.

- ``session``: :class:`Session`, one open catalogue: its document, undo and redo, save, reload
  and "changed on disk" checks, all through the store's face;
- ``recovery`` / ``recovery_writer``: the recovery copies of unsaved work, written every few
  seconds by a background thread and offered again when the file is opened;
- ``recent``: the recently opened files; ``starter``: the text of a new catalogue and where the
  bundled examples are.

The UI imports :class:`Session` from here and the other modules by name
(``from consent_tui.core.session import recovery``). None of them imports the UI.
"""

from __future__ import annotations

from consent_tui.core.session.session import Session, recovery_text

__all__ = ["Session", "recovery_text"]
