"""A first catalogue drafted from evidence (``consent-tui init``).

- :func:`draft` (evidence files already read, the site, the language, the
  known-cookie index or ``None``) -> :class:`Draft`: the catalogue, the
  comments that say where each entry came from, and counts;
- :func:`render` (a :class:`Draft`) -> the TOML text, read back to check;
- :data:`LANGUAGES`: the languages of the standard texts; :class:`DraftError`.

Pure: it reads and writes no file (the command does), and never keeps a value.
"""

from __future__ import annotations

from consent_tui.core.drafting.draft import Counts, Draft, draft
from consent_tui.core.drafting.errors import DraftError
from consent_tui.core.drafting.standard import LANGUAGES
from consent_tui.core.drafting.text import render

__all__ = ["LANGUAGES", "Counts", "Draft", "DraftError", "draft", "render"]
