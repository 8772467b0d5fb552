"""What stops a scan: one message for the user, never a traceback."""

from __future__ import annotations


class ScanError(Exception):
    """The scan cannot go on: a bad URL, a page that does not load, a timeout.

    ``message`` is one line for standard error. It never holds a cookie or
    storage value (none is ever read into a message).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SetupError(ScanError):
    """What the scan needs is missing: Playwright, a Chromium, the autoconsent files."""
