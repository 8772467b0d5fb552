"""The one error evidence readers raise: a file, maybe a place in it, and what is wrong."""

from __future__ import annotations


class EvidenceError(Exception):
    """An evidence file cannot be read; ``str()`` is ``path[:line:col]: message``."""

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


class NotEvidenceError(EvidenceError):
    """The file is readable but not a recording consent-tui knows (skipped inside a folder)."""
