"""A reader of JavaScript object-literal *data*: what a banner configuration file holds.

Reads objects (names, strings, numbers or a computed string as keys), arrays
(holes included), strings and template literals without ``${}``, numbers,
``true``/``false``/``null``/``undefined``, ``NaN``/``Infinity``, regular
expression literals (as :class:`Regex`), trailing commas and comments. Nothing
is evaluated. A function as a value (``callback: function () {…}``, an arrow
function, a method) is code: it is skipped and named in :attr:`Reader.skipped`.
Anything else that is code (a variable, a call, an operator, a spread) is an
error naming its place: the configuration must be plain data to be read.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Final

from consent_tui.core.importers.errors import SourceError
from consent_tui.core.importers.jstokens import Token, Tokens

MAX_DEPTH: Final = 200
_CONSTANTS: Final[dict[str, Any]] = {
    "true": True,
    "false": False,
    "null": None,
    "undefined": None,
    "NaN": math.nan,
    "Infinity": math.inf,
}


@dataclass(frozen=True, slots=True)
class Regex:
    """A regular expression literal: its source and flags."""

    source: str
    flags: str = ""


class _Skipped:
    """A function value, left out."""


SKIPPED: Final = _Skipped()


@dataclass
class Reader:
    tokens: Tokens
    skipped: list[str] = field(default_factory=list)
    depth: int = 0

    def code(self, token: Token, what: str) -> SourceError:
        return self.tokens.fail(
            f"is code, not data: {what}; consent-tui reads plain data only", token
        )

    def value(self, where: str) -> Any:
        tokens = self.tokens
        token = tokens.next()
        if token.kind == "punct" and token.text == "{":
            return self._object(where)
        if token.kind == "punct" and token.text == "[":
            return self._array(where)
        if token.kind == "string":
            return token.text
        if token.kind == "template":
            raise self.code(token, "a template literal with ${…}")
        if token.kind == "number":
            return _number(token.text)
        if token.kind == "punct" and token.text in ("-", "+") and tokens.peek().kind == "number":
            number = _number(tokens.next().text)
            return -number if token.text == "-" else number
        if token.kind == "regex":
            return Regex(token.text, token.raw)
        if token.kind == "name":
            if token.text in _CONSTANTS and not self._followed_by_code():
                return _CONSTANTS[token.text]
            if token.text in ("function", "async"):
                return self._function(token, where)
            if tokens.peek().text == "=>":
                return self._arrow(token, where)
            raise self.code(token, f"the name {token.text!r} (a variable or a call)")
        if token.kind == "punct" and token.text == "(":
            return self._arrow(token, where)
        if token.kind == "end":
            raise tokens.fail("the data ends too early")
        raise self.code(token, f"{token.text!r}")

    def _followed_by_code(self) -> bool:
        nxt = self.tokens.peek()
        return nxt.kind == "punct" and nxt.text in ("(", ".", "?.", "=>")

    def _enter(self, token: Token | None = None) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.tokens.fail(f"the data is nested more than {MAX_DEPTH} levels deep", token)

    def _object(self, where: str) -> dict[str, Any]:
        self._enter()
        out: dict[str, Any] = {}
        tokens = self.tokens
        while True:
            token = tokens.next()
            if token.text == "}" and token.kind == "punct":
                break
            if token.text == "..." and token.kind == "punct":
                raise self.code(token, "a spread (...)")
            if (
                token.kind == "name"
                and token.text in ("get", "set", "async")
                and tokens.peek().kind in ("name", "string")
            ):
                token = tokens.next()
            key = self._key(token)
            path = f"{where}.{key}" if where else key
            nxt = tokens.next()
            if nxt.text == ":" and nxt.kind == "punct":
                value = self.value(path)
            elif nxt.text == "(" and nxt.kind == "punct":
                value = self._method(nxt, path)
            else:
                raise self.code(nxt, f"the shorthand property {key!r}")
            if value is not SKIPPED:
                out[key] = value
            end = tokens.next()
            if end.text == "}" and end.kind == "punct":
                break
            if end.kind == "end":
                raise tokens.fail("the data ends inside an object")
            if end.text != "," or end.kind != "punct":
                raise self.code(end, f"{end.text!r} after {path}")
        self.depth -= 1
        return out

    def _key(self, token: Token) -> str:
        if token.kind in ("name", "string"):
            return token.text
        if token.kind == "number":
            return _key_number(token.text)
        if token.text == "[" and token.kind == "punct":
            inner = self.tokens.next()
            close = self.tokens.next()
            if inner.kind == "string" and close.text == "]":
                return inner.text
            raise self.code(inner, "a computed key")
        if token.kind == "end":
            raise self.tokens.fail("the data ends inside an object")
        raise self.code(token, f"{token.text!r} where a key belongs")

    def _array(self, where: str) -> list[Any]:
        self._enter()
        out: list[Any] = []
        tokens = self.tokens
        while True:
            token = tokens.peek()
            if token.text == "]" and token.kind == "punct":
                tokens.next()
                break
            if token.text == "," and token.kind == "punct":
                tokens.next()
                out.append(None)  # a hole
                continue
            if token.text == "..." and token.kind == "punct":
                raise self.code(token, "a spread (...)")
            value = self.value(f"{where}[{len(out)}]")
            if value is not SKIPPED:
                out.append(value)
            end = tokens.next()
            if end.text == "]" and end.kind == "punct":
                break
            if end.kind == "end":
                raise tokens.fail("the data ends inside an array")
            if end.text != "," or end.kind != "punct":
                raise self.code(end, f"{end.text!r} in the array {where}")
        self.depth -= 1
        return out

    # -- functions: skipped whole

    def _function(self, token: Token, where: str) -> _Skipped:
        tokens = self.tokens
        if token.text == "async":
            token = tokens.next()
            if token.text != "function":
                return self._arrow(token, where)
        if tokens.peek().text == "*":
            tokens.next()
        if tokens.peek().kind == "name":
            tokens.next()
        self._balanced("(", ")")
        self._balanced("{", "}")
        self.skipped.append(where)
        return SKIPPED

    def _method(self, opened: Token, where: str) -> _Skipped:
        self._balanced("(", ")", opened=True)
        self._balanced("{", "}")
        self.skipped.append(where)
        return SKIPPED

    def _arrow(self, token: Token, where: str) -> _Skipped:
        tokens = self.tokens
        if token.text == "(":
            self._balanced("(", ")", opened=True)
        arrow = tokens.next()
        if arrow.text != "=>":
            raise self.code(arrow, "an expression in brackets")
        if tokens.peek().text != "{":
            raise self.code(tokens.peek(), "an arrow function without a { body }")
        self._balanced("{", "}")
        self.skipped.append(where)
        return SKIPPED

    def _balanced(self, open_: str, close: str, *, opened: bool = False) -> None:
        tokens = self.tokens
        if not opened:
            token = tokens.next()
            if token.text != open_:
                raise self.code(token, f"{token.text!r} where {open_!r} belongs")
        depth = 1
        while depth:
            token = tokens.next()
            if token.kind == "end":
                raise tokens.fail(f"a function that does not end (no {close!r})")
            if token.kind == "punct" and token.text in "([{":
                depth += token.text == open_
            if token.kind == "punct" and token.text == close:
                depth -= 1


def _number(text: str) -> int | float:
    digits = text.replace("_", "").removesuffix("n")
    lowered = digits.lower()
    if lowered.startswith(("0x", "0o", "0b")):
        return int(digits, 0)
    if re.fullmatch(r"0\d+", digits):  # a legacy octal literal
        return int(digits, 8)
    value = float(digits)
    return int(value) if value.is_integer() and not re.search(r"[.eE]", digits) else value


def _key_number(text: str) -> str:
    value = _number(text)
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def read_value(text: str, path: str, pos: int = 0, where: str = "") -> tuple[Any, list[str], int]:
    """The value starting at ``pos``: (value, the skipped functions' places, the end offset)."""
    reader = Reader(Tokens(text, path, pos))
    value = reader.value(where)
    return value, reader.skipped, reader.tokens.pos


def read_json_or_js(text: str, path: str) -> Any:
    """A whole file that is one value (JSON, or one object literal); trailing ``;`` allowed."""
    reader = Reader(Tokens(text, path))
    value = reader.value("")
    end = reader.tokens.next()
    if end.text == ";":
        end = reader.tokens.next()
    if end.kind != "end":
        raise reader.code(end, "more after the data")
    return value
