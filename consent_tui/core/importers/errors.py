"""The one error the importers raise: a source, maybe a place in it, and what is wrong."""

from __future__ import annotations


class SourceError(Exception):
    """A source cannot be imported; ``str()`` is ``source[:line[:col]]: message``."""

    def __init__(
        self, message: str, *, path: str, line: int | None = None, col: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col

    @property
    def location(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"
