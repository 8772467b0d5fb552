"""JSON text read once, with errors that name a line and column.

:func:`loads` parses a whole (small) document. :class:`Walker` reads a large
one piece by piece with the standard library's C scanner: it steps through
the members of objects and the items of arrays, so a HAR's entries can be
turned into records one at a time and dropped, and progress can be told as
the position in the text grows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from consent_tui.core.evidence.errors import EvidenceError
from consent_tui.core.values import TOO_LONG

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]


def place(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of ``pos`` in ``text``."""
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def error(text: str, pos: int, message: str, path: str) -> EvidenceError:
    """An :class:`EvidenceError` at ``pos``; at the very end it says the file is cut short."""
    line, col = place(text, pos)
    if _SPACE.match(text, pos).end() >= len(text):  # type: ignore[union-attr]
        message = f"the JSON ends too early (is the file truncated?): {message}"
    else:
        message = f"not valid JSON: {message}"
    return EvidenceError(message, path=path, line=line, col=col)


def _message(exc: json.JSONDecodeError) -> str:
    return exc.msg[:1].lower() + exc.msg[1:]


def loads(text: str, path: str) -> Any:
    """The document, or :class:`EvidenceError` with a place."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(text, exc.pos, _message(exc), path) from None
    except ValueError:  # not a syntax error: Python's cap on a number's digits
        raise EvidenceError(f"not readable: {TOO_LONG}", path=path) from None
    except RecursionError:
        raise EvidenceError("the JSON is nested too deeply to read", path=path) from None


class Walker:
    """Steps through one JSON text; every failure is an :class:`EvidenceError`."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.pos = 0

    def _skip(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def fail(self, message: str) -> EvidenceError:
        return error(self.text, self.pos, message, self.path)

    def peek(self) -> str:
        self._skip()
        return self.text[self.pos : self.pos + 1]

    def value(self) -> Any:
        """The next value, parsed whole."""
        self._skip()
        try:
            value, self.pos = _DECODER.raw_decode(self.text, self.pos)
        except json.JSONDecodeError as exc:
            self.pos = exc.pos
            raise self.fail(_message(exc)) from None
        except ValueError:  # not a syntax error: Python's cap on a number's digits
            raise self.fail(f"not readable: {TOO_LONG}") from None
        except RecursionError:
            raise EvidenceError("the JSON is nested too deeply to read", path=self.path) from None
        return value

    def _expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise self.fail(f"expecting {what}")
        self.pos += 1

    def members(self) -> Iterator[str]:
        """The keys of the object that starts here; read or skip each value before the next."""
        self._expect("{", "an object")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            if self.peek() != '"':
                raise self.fail("expecting a property name enclosed in double quotes")
            try:
                key, self.pos = _scanstring(self.text, self.pos + 1, True)
            except json.JSONDecodeError as exc:
                self.pos = exc.pos
                raise self.fail(_message(exc)) from None
            self._expect(":", "':' delimiter")
            start = self.pos
            yield key
            if self.pos == start:  # the caller did not read the value: skip it
                self.value()
            following = self.peek()
            self.pos += 1
            if following == "}":
                return
            if following != ",":
                self.pos -= 1
                raise self.fail("expecting ',' delimiter")

    def items(self) -> Iterator[Any]:
        """The items of the array that starts here, each parsed whole."""
        self._expect("[", "an array")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            following = self.peek()
            self.pos += 1
            if following == "]":
                return
            if following != ",":
                self.pos -= 1
                raise self.fail("expecting ',' delimiter")

    def end(self) -> None:
        """Nothing but white space may follow the document."""
        if self.peek():
            raise self.fail("extra data after the end of the document")
