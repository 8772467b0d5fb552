"""JavaScript tokens, for reading configuration data out of a script: never run, never evaluated.

Enough of the language to find where data starts and ends: strings (with
their escapes), template literals (nested ``${…}`` skipped as code), numbers,
names, punctuators, regular expression literals (told from division by the
token before), comments. :class:`Tokens` walks a text from an offset and
knows each token's line and column, for messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from consent_tui.core.importers.errors import SourceError


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "punct", "string", "template", "number", "name", "regex", "end"
    text: str  # the source text (a string's or template's decoded value for those)
    start: int
    end: int
    raw: str = ""  # a template's or regex's source as written


_SPACE = re.compile(r"(?:\s|//[^\n\r\u2028\u2029]*|/\*.*?\*/)*", re.DOTALL)
_NAME = re.compile(r"[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*")
_NUMBER = re.compile(
    r"0[xX][0-9a-fA-F_]+n?|0[oO][0-7_]+n?|0[bB][01_]+n?|"
    r"(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?n?"
)
_PUNCT = re.compile(
    r"\?\.|\.\.\.|=>|===|!==|\*\*=|<<=|>>>=|>>=|&&=|\|\|=|\?\?=|==|!=|<=|>=|&&|\|\||\?\?|"
    r"\+\+|--|\+=|-=|\*=|/=|%=|&=|\|=|\^=|<<|>>>|>>|\*\*|[{}()\[\];,:.?~!%^&*+\-=<>|/]"
)
_ESCAPES: Final = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}
# After these, a "/" starts a regular expression, not a division.
_BEFORE_REGEX: Final = frozenset(
    ("(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">")
) | frozenset(("~", "^", "=>", "..."))
_KEYWORDS_BEFORE_REGEX: Final = frozenset(
    ("return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw")
)


class Tokens:
    """The tokens of ``text`` from ``pos``; :meth:`fail` raises a :class:`SourceError` at one."""

    def __init__(self, text: str, path: str, pos: int = 0) -> None:
        self.text = text
        self.path = path
        self.pos = pos
        self.last: Token | None = None
        self.peeked: Token | None = None

    def place(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def fail(self, message: str, token: Token | None = None) -> SourceError:
        line, col = self.place(token.start if token is not None else self.pos)
        return SourceError(message, path=self.path, line=line, col=col)

    def peek(self) -> Token:
        if self.peeked is None:
            self.peeked = self._read()
        return self.peeked

    def next(self) -> Token:
        token = self.peek()
        self.peeked = None
        self.last = token
        return token

    def _read(self) -> Token:
        text = self.text
        self.pos = _SPACE.match(text, self.pos).end()  # type: ignore[union-attr]
        pos = self.pos
        if pos >= len(text):
            return Token("end", "", pos, pos)
        char = text[pos]
        if char in "\"'":
            value, end = self._string(pos, char)
            return self._at(Token("string", value, pos, end))
        if char == "`":
            return self._at(self._template(pos))
        if char == "/" and self._regex_allowed():
            return self._at(self._regex(pos))
        for kind, pattern in (("number", _NUMBER), ("name", _NAME), ("punct", _PUNCT)):
            match = pattern.match(text, pos)
            if match is not None and match.end() > pos:
                if kind == "number" and match.group() == ".":
                    continue
                return self._at(Token(kind, match.group(), pos, match.end()))
        raise self.fail(f"unexpected character {char!r}")

    def _at(self, token: Token) -> Token:
        self.pos = token.end
        return token

    def _regex_allowed(self) -> bool:
        last = self.last
        if last is None:
            return True
        if last.kind == "punct":
            return last.text in _BEFORE_REGEX
        return last.kind == "name" and last.text in _KEYWORDS_BEFORE_REGEX

    def _string(self, start: int, quote: str) -> tuple[str, int]:
        text, pos = self.text, start + 1
        out: list[str] = []
        while pos < len(text):
            char = text[pos]
            if char == quote:
                return _pairs("".join(out)), pos + 1
            if char in "\n\r":
                break
            if char == "\\":
                value, pos = self._escape(pos)
                out.append(value)
                continue
            out.append(char)
            pos += 1
        raise self.fail("a string that is not closed", Token("string", "", start, start))

    def _escape(self, pos: int) -> tuple[str, int]:
        text = self.text
        char = text[pos + 1 : pos + 2]
        if char in _ESCAPES:
            return _ESCAPES[char], pos + 2
        if char == "0" and not text[pos + 2 : pos + 3].isdigit():
            return "\0", pos + 2
        if char == "x":
            digits = text[pos + 2 : pos + 4]
            if re.fullmatch(r"[0-9a-fA-F]{2}", digits):
                return chr(int(digits, 16)), pos + 4
        if char == "u":
            if text[pos + 2 : pos + 3] == "{":
                close = text.find("}", pos + 3)
                digits = text[pos + 3 : close] if close != -1 else ""
                if re.fullmatch(r"[0-9a-fA-F]{1,6}", digits) and int(digits, 16) <= 0x10FFFF:
                    return chr(int(digits, 16)), close + 1
            digits = text[pos + 2 : pos + 6]
            if re.fullmatch(r"[0-9a-fA-F]{4}", digits):
                return chr(int(digits, 16)), pos + 6
        if char == "\r" and text[pos + 2 : pos + 3] == "\n":
            return "", pos + 3
        if char in ("\n", "\r", "\u2028", "\u2029"):
            return "", pos + 2
        if not char:
            raise self.fail("a string that is not closed")
        return char, pos + 2

    def _template(self, start: int) -> Token:
        """A template literal; one with ``${…}`` is code (``text`` is then empty, ``raw`` set)."""
        text, pos, code = self.text, start + 1, False
        out: list[str] = []
        while pos < len(text):
            char = text[pos]
            if char == "`":
                value = "" if code else _pairs("".join(out))
                kind = "template" if code else "string"
                return Token(kind, value, start, pos + 1, text[start : pos + 1])
            if char == "\\":
                value, pos = self._escape(pos)
                out.append(value)
                continue
            if char == "$" and text[pos + 1 : pos + 2] == "{":
                code, pos = True, self._skip_braces(pos + 1)
                continue
            out.append(char)
            pos += 1
        raise self.fail(
            "a template literal that is not closed", Token("template", "", start, start)
        )

    def _skip_braces(self, pos: int) -> int:
        """Past the ``}`` matching the ``{`` at ``pos`` (code inside a template)."""
        inner = Tokens(self.text, self.path, pos + 1)
        depth = 1
        while depth:
            token = inner.next()
            if token.kind == "end":
                raise self.fail("a template literal that is not closed")
            if token.text == "{" and token.kind == "punct":
                depth += 1
            elif token.text == "}" and token.kind == "punct":
                depth -= 1
        return inner.pos

    def _regex(self, start: int) -> Token:
        text, pos, in_class = self.text, start + 1, False
        while pos < len(text):
            char = text[pos]
            if char in "\n\r":
                break
            if char == "\\":
                pos += 2
                continue
            if char == "[":
                in_class = True
            elif char == "]":
                in_class = False
            elif char == "/" and not in_class:
                flags = _NAME.match(text, pos + 1)
                end = flags.end() if flags else pos + 1
                return Token("regex", text[start + 1 : pos], start, end, text[pos + 1 : end])
            pos += 1
        raise self.fail("a regular expression that is not closed", Token("regex", "", start, start))


def _pairs(text: str) -> str:
    """Surrogate pairs (``\\ud83d\\ude00``) joined; a lone surrogate becomes U+FFFD."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
