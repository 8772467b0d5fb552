"""What ``consent-tui diff`` compares: a file, or ``git:REV[:PATH]``, loaded with clear errors.

``git:REV`` is the catalogue at a git revision: the file named by the other
argument (``git:HEAD policy.toml``), or by ``:PATH`` (a path as on the command
line, relative to the current folder, not to the repository's top).
"""

from __future__ import annotations

from dataclasses import dataclass

from consent_tui.core import gitfile
from consent_tui.core.model import Catalogue
from consent_tui.core.store import Document, load, load_text

PREFIX = "git:"


class UsageError(ValueError):
    """The arguments do not say what to compare."""


@dataclass(frozen=True, slots=True)
class Spec:
    """An argument: a file path, or a revision with the path it names (maybe none yet)."""

    given: str
    path: str | None
    rev: str | None = None

    @property
    def is_git(self) -> bool:
        return self.rev is not None


@dataclass(frozen=True, slots=True)
class Source:
    """A catalogue to compare: its text and model, how messages name it, its file."""

    spec: Spec
    name: str
    text: str
    catalogue: Catalogue
    document: Document | None  # the loaded file, for saving; None at a revision


def parse(given: str) -> Spec:
    """``git:REV[:PATH]`` or a file path."""
    if not given.startswith(PREFIX):
        if not given:
            raise UsageError("an empty argument is not a file")
        return Spec(given, given)
    rev, sep, path = given[len(PREFIX) :].partition(":")
    if not rev:
        raise UsageError(f"{given!r}: name a revision after git: (git:HEAD, git:main …)")
    if sep and not path:
        raise UsageError(f"{given!r}: name a file after the revision (git:{rev}:cookies.toml)")
    return Spec(given, path or None, rev)


def pair(old: str, new: str) -> tuple[Spec, Spec]:
    """Both arguments, a bare ``git:REV`` taking the path of the other one."""
    a, b = parse(old), parse(new)
    if a.path is None and b.path is None:
        raise UsageError("name the catalogue file: git:REV FILE, or git:REV:FILE")
    if a.path is None:
        a = Spec(a.given, b.path, a.rev)
    if b.path is None:
        b = Spec(b.given, a.path, b.rev)
    return a, b


def read(spec: Spec) -> Source:
    """Load ``spec``; a :class:`~consent_tui.core.errors.CatalogueError` says where and why."""
    assert spec.path is not None
    if spec.rev is None:
        document = load(spec.path)
        return Source(spec, spec.path, document.text, document.catalogue, document)
    name = gitfile.label(spec.path, spec.rev)
    text = gitfile.read_at(spec.path, spec.rev)
    return Source(spec, name, text, load_text(text, name), None)
