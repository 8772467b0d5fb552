"""The one error of the known-cookie data: a file or download that cannot be used."""

from __future__ import annotations


class KnownDataError(Exception):
    """A database file, download or installed copy cannot be read.

    ``str()`` gives ``path:line: message`` (the line when known).
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    @property
    def location(self) -> str:
        where = self.path or "<known-cookie data>"
        return f"{where}:{self.line}" if self.line is not None else where

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"
