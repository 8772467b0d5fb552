"""The one error of drafting: a message for the user, naming the input when there is one."""

from __future__ import annotations


class DraftError(Exception):
    """Nothing can be drafted: no site, no cookie at all, a bad option."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
