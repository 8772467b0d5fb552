"""Build the model from TOML text: a fast strict parse, then typed entities.

``decode`` reads bytes strictly as UTF-8, ``parse_toml`` turns ``tomllib``'s
errors (those of the compiled build of the same parser, see ``fastparse``) into
:class:`ParseError` with a line and column, and
:class:`~consent_tui.core.store.builder.Builder` makes the entities.
"""

from __future__ import annotations

import ast
import gc
import json
import re
from typing import Any

from consent_tui.core.errors import ParseError
from consent_tui.core.model import Catalogue
from consent_tui.core.store import fastparse, nesting
from consent_tui.core.store.builder import Builder

BOM = "\ufeff"
_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$|\s*\(at end of document\)\s*$")


def decode(data: bytes, path: str | None = None) -> str:
    """Decode strictly as UTF-8, naming the first bad byte's line and column."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]  # valid UTF-8: the first bad byte is at exc.start
        line = head.count(b"\n") + 1
        line_start = head[head.rfind(b"\n") + 1 :].decode("utf-8")
        col = len(line_start.removeprefix(BOM)) + 1 if line == 1 else len(line_start) + 1
        raise ParseError(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded)",
            path=path,
            line=line,
            col=col,
        ) from None


def parse_toml(text: str, path: str | None = None) -> dict[str, Any]:
    """``tomllib.loads`` with errors turned into :class:`ParseError` with a place.

    The parse itself is :data:`~consent_tui.core.store.fastparse.loads` (the same
    parser, compiled, when it is installed). Text nested too deeply for it is a
    :class:`NotACatalogueError`.
    """
    body = text[1:] if text.startswith(BOM) else text
    try:
        return fastparse.loads(body)
    except RecursionError:  # nested hundreds of levels deep: the parser recurses per level
        raise nesting.refusal(body, path) from None
    except ValueError as exc:  # Python's cap on int() of more than 4,300 digits
        if isinstance(exc, fastparse.DECODE_ERRORS):
            raise _decode_error(exc, body, path) from None
        raise _too_long_number(body, path) from None


_LONG_NUMBER = re.compile(r"[+-]?[0-9][0-9_]{4299,}")


def _too_long_number(body: str, path: str | None) -> ParseError:
    """An integer too long for Python, reported at the number like any TOML error."""
    line = col = None
    match = _LONG_NUMBER.search(body)
    if match is not None:
        line = body.count("\n", 0, match.start()) + 1
        col = match.start() - (body.rfind("\n", 0, match.start()) + 1) + 1
    return ParseError(
        "invalid TOML: this integer has more than 4,300 digits, more than consent-tui can read",
        path=path,
        line=line,
        col=col,
    )


def _decode_error(exc: ValueError, body: str, path: str | None) -> ParseError:
    message = str(exc)
    line = col = None
    match = _AT.search(message)
    if match is not None:
        message = message[: match.start()]
        if match.group(1):
            line, col = int(match.group(1)), int(match.group(2))
        else:
            line = body.count("\n") + 1
            col = len(body) - (body.rfind("\n") + 1) + 1
    if message.startswith("Cannot") and line is not None:
        # tomllib points past the value; the statement that redefines is clearer
        source_line = body.split("\n")[line - 1]
        col = len(source_line) - len(source_line.lstrip()) + 1
    return ParseError(f"invalid TOML: {_tidy(message)}", path=path, line=line, col=col)


_QUOTED = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
_KEY_TUPLE = re.compile(rf"\({_QUOTED}(?:, ?{_QUOTED})*,?\)")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_REDEFINED = " (a key or table may be defined only once)"


def _tidy(message: str) -> str:
    """tomllib's message in lower case, with key tuples as dotted keys."""

    def dotted(match: re.Match[str]) -> str:
        try:
            parts = ast.literal_eval(match.group(0))
        except (ValueError, SyntaxError):  # pragma: no cover - the pattern only finds tuples
            return match.group(0)
        keys = (
            k if _BARE_KEY.fullmatch(k) else json.dumps(k, ensure_ascii=False)
            for k in map(str, parts)
        )
        return "`" + ".".join(keys) + "`"

    message = _KEY_TUPLE.sub(dotted, message)
    if message.startswith("Cannot overwrite a value"):
        message += _REDEFINED
    return message[:1].lower() + message[1:]


def load_text(text: str, path: str | None = None) -> Catalogue:
    """Parse ``text`` into a :class:`Catalogue` or raise a :class:`CatalogueError`.

    The cyclic garbage collector is paused meanwhile: the parsed tables and the
    model are trees, which reference counting frees, and the collections the
    many new objects would trigger cost time without finding anything.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        data = parse_toml(text, path)
        body = text[1:] if text.startswith(BOM) else text
        return Builder(body, path).catalogue(data)
    finally:
        if paused:
            gc.enable()


def from_data(data: dict[str, Any], path: str | None = None) -> Catalogue:
    """The catalogue of plain TOML data (what ``tomllib`` gives), as :func:`load_text` builds it.

    For data a program made (an import): errors carry no line, as there is no text.
    """
    return Builder("", path).catalogue(data)
