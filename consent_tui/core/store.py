"""Load a catalogue file, and save edits back into it without disturbing the rest.

A :class:`Document` is a file as it was read: its text, how it was encoded
(BOM, line endings) and a fingerprint to notice changes made by others. The
model is built from a fast ``tomllib`` parse; the comment-preserving work is
done at save time, only on the parts of the file that changed.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from consent_tui.core.errors import CatalogueError
from consent_tui.core.loader import BOM, decode, load_text
from consent_tui.core.model import Catalogue

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
        size = path.stat().st_size
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

    CONTRACT (being written): returns the new :class:`Document`. Raises
    :class:`~consent_tui.core.errors.ChangedOnDiskError` when the file changed
    since it was loaded (unless ``force``) and
    :class:`~consent_tui.core.errors.SaveError` when the new text would not read
    back as ``catalogue``; in both cases nothing on disk changes. ``path``
    saves to another file ("save as").
    """
    raise NotImplementedError


def render(document: Document, catalogue: Catalogue) -> str:
    """The text ``save`` would write for ``catalogue`` (pure; no disk access).

    CONTRACT (being written).
    """
    raise NotImplementedError
