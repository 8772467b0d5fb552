"""The slow, general path: parse the whole file with tomlkit and merge into it.

Used when the file's layout keeps an edit from being confined to a few tables
(an entity split over distant tables, defined with dotted keys or inline in a
parent table...). Correct first: the whole result is read back with
``tomllib`` and compared with the catalogue before anything is written.
"""

from __future__ import annotations

import tomllib

import tomlkit
import tomlkit.exceptions

from consent_tui.core.errors import SaveError
from consent_tui.core.model import Catalogue
from consent_tui.core.store import serialize
from consent_tui.core.store.patch import with_newline
from consent_tui.core.store.patch_data import difference
from consent_tui.core.store.patch_emit import Style
from consent_tui.core.store.patch_merge import Unmergeable, merge


def render_full(text: str, old: Catalogue, new: Catalogue, newline: str) -> str:
    """``text`` (holding ``old``) rewritten to hold ``new``, checked with tomllib."""
    expected = serialize.to_data(new)
    try:
        doc = tomlkit.parse(text)
        merge(doc, tomllib.loads(text), expected, Style())
        result = with_newline(doc.as_string(), newline, text)
    except (Unmergeable, tomlkit.exceptions.TOMLKitError, ValueError, TypeError) as exc:
        raise SaveError(f"cannot write the edit into this file's layout: {exc}") from None
    try:
        actual = tomllib.loads(result)
    except tomllib.TOMLDecodeError as exc:
        raise SaveError(f"the edited text would not be valid TOML ({exc})") from None
    problem = difference(expected, actual)
    if problem:
        raise SaveError(f"the edited text would not read back as the catalogue: {problem}")
    return result
