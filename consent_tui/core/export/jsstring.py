"""Safe JavaScript and JSON text for generated banner configurations.

Every catalogue text that lands in a ``.js`` file goes through this module, so
that no text can end its string, close an enclosing ``<script>`` element, open
an HTML comment (``<!--`` changes how a script element is parsed) or break a
line with U+2028/U+2029. Strings are written with ``"`` quotes; ``<`` and
``>`` are always escaped, which rules out both ``</script>`` and ``<!--``.

:func:`dumps` writes a whole JavaScript value (object literals, arrays,
strings, numbers, ``RegExp`` literals) with a stable two-space layout, so that
golden files stay readable and diffs stay small.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

_SIMPLE_ESCAPES: Final = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
    "\v": "\\v",
}
# Characters that are never written literally inside a string literal.
_STRING_UNSAFE = re.compile('[\\\\"\\x00-\\x1f\\x7f<>\u2028\u2029\ud800-\udfff]')
# Regex metacharacters (and the literal's delimiter), written with a backslash.
_REGEX_META: Final = frozenset("\\^$.|?*+()[]{}/")
# Characters written literally inside a RegExp literal; the rest become \uXXXX.
_REGEX_PLAIN = re.compile(r"[ -~]")
# Characters written as \u escapes in JSON text (they only occur inside strings).
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")
# Reserved words are quoted as keys: valid bare since ES5, but old parsers choke.
_RESERVED: Final = frozenset(
    {
        *("break", "case", "catch", "class", "const", "continue", "debugger", "default"),
        *("delete", "do", "else", "enum", "export", "extends", "false", "finally", "for"),
        *("function", "if", "import", "in", "instanceof", "new", "null", "return", "super"),
        *("switch", "this", "throw", "true", "try", "typeof", "var", "void", "while"),
        *("with", "yield", "let", "static"),
    }
)


def _u(char: str) -> str:
    return f"\\u{ord(char):04X}"


def _escape_string_char(match: re.Match[str]) -> str:
    char = match.group()
    return _SIMPLE_ESCAPES.get(char) or _u(char)


def js_string(text: str) -> str:
    """``text`` as a double-quoted JavaScript string literal, safe in ``<script>``."""
    return '"' + _STRING_UNSAFE.sub(_escape_string_char, text) + '"'


def _regex_char(char: str) -> str:
    if char in _REGEX_META:
        return "\\" + char
    if _REGEX_PLAIN.match(char) and char not in "<>":
        return char
    code = ord(char)
    if code > 0xFFFF:  # outside the BMP: a surrogate pair, as JavaScript sees it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04X}\\u{0xDC00 + (code & 0x3FF):04X}"
    return f"\\u{code:04X}"


def regex_source(pattern: str) -> str:
    """The regular expression matching cookie names of a catalogue ``pattern``.

    ``*`` stands for any text (also none); every other character matches
    itself: printable ASCII literally, regex metacharacters and ``/`` behind a
    backslash, everything else (``<``, ``>``, line breaks, non-ASCII) as ``\\uXXXX``.
    Anchored with ``^`` and ``$``.
    """
    parts = re.split(r"\*+", pattern)
    body = ".*".join("".join(_regex_char(char) for char in part) for part in parts)
    return f"^{body}$"


@dataclass(frozen=True, slots=True)
class Regex:
    """A JavaScript ``RegExp`` literal, written by :func:`dumps` as ``/source/``.

    Build it with :meth:`from_pattern`, whose source is always safe to write.
    """

    source: str

    @classmethod
    def from_pattern(cls, pattern: str) -> Regex:
        return cls(regex_source(pattern))


def js_key(key: str) -> str:
    """An object-literal key: bare when it is a plain identifier, else quoted.

    ``__proto__`` is written as a computed key, because a literal
    ``"__proto__": value`` would set the object's prototype instead.
    """
    if key == "__proto__":
        return f"[{js_string(key)}]"
    if _IDENTIFIER.match(key) and key not in _RESERVED:
        return key
    return js_string(key)


JsValue = str | int | float | bool | Regex | Mapping[str, "JsValue"] | Sequence["JsValue"] | None


def _is_scalar(value: JsValue) -> bool:
    return value is None or isinstance(value, str | int | float | bool | Regex)


def dumps(value: JsValue, indent: int = 0) -> str:
    """``value`` as JavaScript source, two spaces per level, trailing commas."""
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str):
        return js_string(value)
    if isinstance(value, Regex):
        return f"/{value.source}/"
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        if all(_is_scalar(v) for v in value.values()):
            flat = "{ " + ", ".join(f"{js_key(k)}: {dumps(v)}" for k, v in value.items()) + " }"
            if len(flat) + len(inner) <= 100:
                return flat
        items = [f"{inner}{js_key(k)}: {dumps(v, indent + 1)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + f"\n{pad}}}"
    if not value:
        return "[]"
    if all(_is_scalar(v) for v in value):
        flat = "[" + ", ".join(dumps(v) for v in value) + "]"
        if len(flat) + len(inner) <= 100:
            return flat
    items = [f"{inner}{dumps(v, indent + 1)}," for v in value]
    return "[\n" + "\n".join(items) + f"\n{pad}]"


def _json(value: object, indent: int) -> str:
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, Mapping) and value:
        items = [
            f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_json(v, indent + 1)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list | tuple) and value:
        flat = [
            json.dumps(v, ensure_ascii=False)
            for v in value
            if not isinstance(v, Mapping | list | tuple)
        ]
        if len(flat) == len(value):
            return "[" + ", ".join(flat) + "]"
        return "[\n" + ",\n".join(f"{inner}{_json(v, indent + 1)}" for v in value) + f"\n{pad}]"
    return json.dumps(value, ensure_ascii=False)


def json_text(value: object) -> str:
    """JSON text, two-space indented, safe to embed in HTML or a script.

    Arrays of plain values stay on one line. ``<``, ``>``, ``&``, U+2028/U+2029
    and lone surrogates are written as ``\\u`` escapes; the decoded value is
    unchanged.
    """
    return _JSON_UNSAFE.sub(lambda m: _u(m.group()).lower(), _json(value, 0)) + "\n"
