"""Errors the core reports to users: always with a place, never a traceback."""

from __future__ import annotations

from consent_tui.core.values import printable


class CatalogueError(Exception):
    """A catalogue cannot be read, understood or written.

    ``str()`` gives the compiler-style ``path:line:col: message`` form.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        col: int | None = None,
        kind: str = "error",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.kind = kind

    def with_path(self, path: str) -> CatalogueError:
        """The same error, naming the file it came from."""
        self.path = path
        return self

    @property
    def location(self) -> str:
        """``path:line:col``; control characters in the path written as escapes."""
        parts = [printable(self.path) if self.path else "<catalogue>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class ParseError(CatalogueError):
    """The text is not valid TOML (or not UTF-8)."""


class NotACatalogueError(CatalogueError):
    """Valid TOML, but not a consent-tui catalogue."""


class ChangedOnDiskError(CatalogueError):
    """The file changed on disk since it was loaded; saving would lose that work."""


class SaveError(CatalogueError):
    """Saving was refused or failed; the file on disk is unchanged."""
