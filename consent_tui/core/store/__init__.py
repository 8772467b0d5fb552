"""The comment-keeping TOML store: read a catalogue, edit its model, write back only what changed.

Everything outside this package imports from here (``from consent_tui.core.store import load``);
the modules inside are its workings and may change shape. The face:

- reading: :func:`load` (a file), :func:`from_text` / :func:`load_text` (text), :func:`from_data`
  (plain data, as ``tomllib`` gives it), :func:`read_text`,
  :func:`decode`, :func:`parse_toml`; a :class:`Document` is a file as read (text, BOM, line
  endings, :class:`Fingerprint`) with its :class:`~consent_tui.core.model.Catalogue`;
- editing: pure functions from a catalogue to a new one (``put_*``, ``rename_*``, ``delete_*``,
  ``duplicate_*``, :func:`set_field`, :func:`deletion`, :func:`id_problem` …, from ``edits``);
- writing: :func:`save` (checks the file did not change on disk, then writes), :func:`render` (the
  text ``save`` would write), :func:`write_atomic` for any other file;
- locating: :class:`SourceMap` gives the line and column of a key path (:data:`KeyPath`), for
  validation's problems (one pass over the headers, then a search per chunk: ``sourcemap``);
- the errors: :class:`CatalogueError` and its kinds, :class:`EditError`, :class:`WriteError`.

How an edit travels from the model to bytes on disk
----------------------------------------------------
1. ``load`` reads the bytes (``store.read_text``: size cap, strict UTF-8 in ``loader.decode``),
   parses them with ``tomllib`` (its compiled upstream when installed: ``fastparse``;
   ``loader.parse_toml``; errors get a line and column, ``nesting``
   refuses absurd depth) and builds frozen entities (``builder``). The text is kept in the
   :class:`Document`; no tomlkit tree is built.
2. An edit (``edits``) returns a new :class:`~consent_tui.core.model.Catalogue` that shares every
   unchanged object with the old one. Undo/redo is a list of catalogues (``core.session``).
3. ``save`` → ``render``: an unchanged catalogue gives the old text back byte for byte. Otherwise
   ``chunks`` cuts the text at its table headers (``tomlscan`` finds them), and
   ``patch_plan`` (``patch_services`` for services and their cookies) compares old and new
   entities, by identity first, and turns each difference into a :class:`~.patch.Piece` of text:
   values rewritten where they stand (``patch_values``), a table merged node by node with tomlkit
   (``patch_merge``), a table deleted with the comments above it, or a new table written in its
   neighbours' layout (``patch_style`` reads it, ``patch_emit`` writes it, ``serialize`` gives
   the model's plain data). ``patch.apply`` reads every piece back with ``tomllib`` before
   splicing it in.
4. When the layout keeps an edit from being confined to a few tables (dotted keys, an entity split
   over distant tables …), ``patch_full`` merges into a whole-file tomlkit tree instead and reads
   the whole result back; a result that does not read back as the catalogue is a
   :class:`SaveError`, and nothing is written.
5. ``save`` checks the file on disk still has the loaded :class:`Fingerprint` (else
   :class:`ChangedOnDiskError`), and ``atomic.write_atomic`` writes a temporary file in the same
   folder, syncs it and renames it over the old one.

The edit functions, :func:`to_data`, and the atomic writer are imported on first use, so that
importing the face (every command does) costs no more than reading a file needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from consent_tui.core.errors import (
    CatalogueError,
    ChangedOnDiskError,
    NotACatalogueError,
    ParseError,
    SaveError,
)
from consent_tui.core.store.loader import BOM, decode, from_data, load_text, parse_toml
from consent_tui.core.store.sourcemap import SourceMap
from consent_tui.core.store.store import (
    MAX_BYTES,
    Document,
    Fingerprint,
    from_text,
    load,
    read_text,
    render,
    save,
)
from consent_tui.core.store.tomlscan import Path as KeyPath
from consent_tui.core.store.tomlscan import Statement

if TYPE_CHECKING:
    from consent_tui.core.fileio import WriteError, write_atomic
    from consent_tui.core.store.edits import (
        Deletion,
        EditError,
        copy_id,
        delete_category,
        delete_cookie,
        delete_purpose,
        delete_service,
        deletion,
        duplicate_category,
        duplicate_cookie,
        duplicate_purpose,
        duplicate_service,
        fresh_id,
        id_problem,
        put_category,
        put_cookie,
        put_policy,
        put_purpose,
        put_service,
        rename_category,
        rename_purpose,
        rename_service,
        set_cookie_field,
        set_field,
    )
    from consent_tui.core.store.serialize import layout_data, text_data, to_data

_ATOMIC = frozenset({"WriteError", "write_atomic"})
_SERIALIZE = frozenset({"layout_data", "text_data", "to_data"})
_EDITS = frozenset(
    {
        "Deletion",
        "EditError",
        "copy_id",
        "delete_category",
        "delete_cookie",
        "delete_purpose",
        "delete_service",
        "deletion",
        "duplicate_category",
        "duplicate_cookie",
        "duplicate_purpose",
        "duplicate_service",
        "fresh_id",
        "id_problem",
        "put_category",
        "put_cookie",
        "put_policy",
        "put_purpose",
        "put_service",
        "rename_category",
        "rename_purpose",
        "rename_service",
        "set_cookie_field",
        "set_field",
    }
)


def __getattr__(name: str) -> Any:
    """The names imported on first use (PEP 562); each is then kept in this module."""
    from types import ModuleType

    module: ModuleType
    if name in _EDITS:
        from consent_tui.core.store import edits as module
    elif name in _SERIALIZE:
        from consent_tui.core.store import serialize as module
    elif name in _ATOMIC:
        from consent_tui.core.fileio import atomic as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value


__all__ = [
    "BOM",
    "MAX_BYTES",
    "CatalogueError",
    "ChangedOnDiskError",
    "Deletion",
    "Document",
    "EditError",
    "Fingerprint",
    "KeyPath",
    "NotACatalogueError",
    "ParseError",
    "SaveError",
    "SourceMap",
    "Statement",
    "WriteError",
    "copy_id",
    "decode",
    "delete_category",
    "delete_cookie",
    "delete_purpose",
    "delete_service",
    "deletion",
    "duplicate_category",
    "duplicate_cookie",
    "duplicate_purpose",
    "duplicate_service",
    "fresh_id",
    "from_data",
    "from_text",
    "id_problem",
    "layout_data",
    "load",
    "load_text",
    "parse_toml",
    "put_category",
    "put_cookie",
    "put_policy",
    "put_purpose",
    "put_service",
    "read_text",
    "rename_category",
    "rename_purpose",
    "rename_service",
    "render",
    "save",
    "set_cookie_field",
    "set_field",
    "text_data",
    "to_data",
    "write_atomic",
]
