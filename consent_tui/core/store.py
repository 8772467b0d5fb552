"""Load a catalogue file, and save edits back into it without disturbing the rest.

A :class:`Document` is a file as it was read: its text, how it was encoded
(BOM, line endings) and a fingerprint to notice changes made by others. The
model is built from a fast ``tomllib`` parse; the comment-preserving work is
done at save time, only on the parts of the file that changed:

- ``chunks``: the text cut at its table headers (indexed once per document);
- ``patch_plan`` / ``patch_services``: what changed, found by identity (an edit
  shares every unchanged object), turned into pieces of text: a table edited
  in place (``patch_values`` rewrites simple values where they stand, else
  ``patch_merge`` merges node by node with tomlkit), deleted with the comments
  above it, or added in the layout of its neighbours (``patch_style``,
  ``patch_emit``); every piece is read back with ``tomllib`` before it is used;
- ``patch_full``: the general path (whole-file tomlkit merge, whole-file check)
  for layouts the pieces cannot confine an edit to;
- ``atomic``: the write itself.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from consent_tui.core.errors import CatalogueError, ChangedOnDiskError, SaveError
from consent_tui.core.loader import BOM, decode, load_text
from consent_tui.core.model import Catalogue

if TYPE_CHECKING:
    from consent_tui.core.chunks import ChunkIndex

MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a file looked like when read: size, mtime and content hash."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path, data: bytes) -> Fingerprint:
        stat = path.stat()
        return cls(stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True, slots=True)
class Document:
    """A catalogue file as loaded (or last saved): its text and model."""

    path: Path | None
    text: str
    catalogue: Catalogue
    fingerprint: Fingerprint | None = None
    _chunks: ChunkIndex | None = field(default=None, init=False, repr=False, compare=False)

    def chunks(self) -> ChunkIndex:
        """The header index of the text (BOM left out), built on first use."""
        if self._chunks is None:
            from consent_tui.core.chunks import ChunkIndex

            body = self.text[1:] if self.has_bom else self.text
            object.__setattr__(self, "_chunks", ChunkIndex(body))
        assert self._chunks is not None
        return self._chunks

    @property
    def has_bom(self) -> bool:
        return self.text.startswith(BOM)

    @property
    def newline(self) -> str:
        """The file's line ending, judged by its first line break."""
        first = self.text.find("\n")
        return "\r\n" if first > 0 and self.text[first - 1] == "\r" else "\n"

    @property
    def name(self) -> str:
        return self.path.name if self.path else "untitled.toml"


def read_text(path: Path) -> tuple[str, bytes]:
    """Read ``path`` strictly as UTF-8; errors become :class:`CatalogueError`."""
    where = str(path)
    try:
        if path.is_dir():
            raise CatalogueError("is a folder, not a catalogue file", path=where)
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device: reading could block for ever
            raise CatalogueError("is not a regular file (a pipe or a device)", path=where)
        size = info.st_size
        if size > MAX_BYTES:
            raise CatalogueError(
                f"the file is {size // (1024 * 1024)} MiB; catalogues above "
                f"{MAX_BYTES // (1024 * 1024)} MiB are not supported",
                path=where,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise CatalogueError("no such file", path=where) from None
    except PermissionError:
        raise CatalogueError("permission denied", path=where) from None
    except OSError as exc:
        raise CatalogueError(f"cannot read the file: {exc.strerror or exc}", path=where) from None
    return decode(data, where), data


def load(path: str | os.PathLike[str]) -> Document:
    """Load a catalogue file, or raise :class:`CatalogueError` saying where and why."""
    file = Path(path)
    text, data = read_text(file)
    catalogue = load_text(text, str(file))
    return Document(file, text, catalogue, Fingerprint.of(file, data))


def from_text(text: str, path: str | os.PathLike[str] | None = None) -> Document:
    """A document for text that is not (yet) on disk."""
    where = str(path) if path is not None else None
    return Document(Path(path) if path is not None else None, text, load_text(text, where))


def save(
    document: Document,
    catalogue: Catalogue,
    *,
    force: bool = False,
    path: str | os.PathLike[str] | None = None,
) -> Document:
    """Write ``catalogue`` into ``document``'s file, changing only what changed.

    Returns the new :class:`Document`. Raises
    :class:`~consent_tui.core.errors.ChangedOnDiskError` when the file changed
    (or vanished) since it was loaded, unless ``force``, and
    :class:`~consent_tui.core.errors.SaveError` when the new text would not read
    back as ``catalogue`` or cannot be written; in every case nothing on disk
    changes. ``path`` saves to another file ("save as"); a symlink is followed
    and its target written.
    """
    target = Path(path) if path is not None else document.path
    if target is None:
        raise SaveError("this catalogue has no file yet: choose where to save it")
    try:
        text = render(document, catalogue)
    except SaveError as exc:
        raise exc.with_path(str(target)) from None
    data = text.encode("utf-8")
    if not force and _same_file(target, document.path):
        check_unchanged(document)
    from consent_tui.core.atomic import WriteError, write_atomic

    try:
        write_atomic(target, data)
    except WriteError as exc:
        folder = exc.errno == errno.EISDIR
        reason = "is a folder, not a catalogue file" if folder else exc.reason
        raise SaveError(reason, path=str(target)) from None
    return Document(target, text, catalogue, Fingerprint.of(target, data))


def _same_file(target: Path, loaded: Path | None) -> bool:
    return loaded is not None and os.path.realpath(target) == os.path.realpath(loaded)


def check_unchanged(document: Document) -> None:
    """Raise :class:`ChangedOnDiskError` if the file is not as it was loaded."""
    assert document.path is not None
    where = str(document.path)
    hint = "reload it to see those changes, or save anyway to overwrite them"
    try:
        current = document.path.read_bytes()
    except FileNotFoundError:
        if document.fingerprint is None:
            return
        raise ChangedOnDiskError(
            "the file was deleted or moved since it was loaded; save anyway to write it again",
            path=where,
        ) from None
    except OSError as exc:
        raise SaveError(
            f"cannot read the file to check it: {exc.strerror or exc}", path=where
        ) from None
    fingerprint = document.fingerprint
    if fingerprint is None:
        raise ChangedOnDiskError(f"a file with this name already exists; {hint}", path=where)
    if (
        len(current) != fingerprint.size
        or hashlib.sha256(current).hexdigest() != fingerprint.sha256
    ):
        raise ChangedOnDiskError(
            f"another program changed the file since it was loaded; {hint}", path=where
        )


def render(document: Document, catalogue: Catalogue) -> str:
    """The text ``save`` would write for ``catalogue`` (pure; no disk access).

    An unchanged catalogue gives the original text back byte for byte. The
    text is only changed where the catalogue changed; every changed span is read
    back with ``tomllib`` and compared with the catalogue (:class:`SaveError`
    when they differ).
    """
    if catalogue is document.catalogue:
        return document.text
    from consent_tui.core import patch_full  # the editing machinery: loaded on first use
    from consent_tui.core.patch import Unusual, apply
    from consent_tui.core.patch_plan import Plan

    bom = BOM if document.has_bom else ""
    body = document.text[len(bom) :]
    old = document.catalogue
    try:
        result = apply(body, Plan(document.chunks(), old, catalogue, document.newline).pieces())
    except Unusual:
        result = patch_full.render_full(body, old, catalogue, document.newline)
    except SaveError as exc:  # a piece would not read back: the general path may do better
        try:
            result = patch_full.render_full(body, old, catalogue, document.newline)
        except SaveError:
            raise exc from None
    except Exception:  # a bug in the quick path must not cost the user a save
        result = patch_full.render_full(body, old, catalogue, document.newline)
    return bom + result
