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
from functools import lru_cache
from itertools import islice
from json.encoder import encode_basestring
from typing import Final, cast

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
# Bidirectional controls: they reorder how the source reads ("Trojan Source"); escaped, they
# are the same data, visible.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Characters that are never written literally inside a string literal.
_STRING_UNSAFE = re.compile(f'[\\\\"\\x00-\\x1f\\x7f<>\u2028\u2029\ud800-\udfff{_BIDI}]')
# Regex metacharacters (and the literal's delimiter), written with a backslash.
_REGEX_META: Final = frozenset("\\^$.|?*+()[]{}/")
# Characters written literally inside a RegExp literal; the rest become \uXXXX.
_REGEX_PLAIN = re.compile(r"[ -~]")
# Characters written as \u escapes in JSON text (they only occur inside strings).
_JSON_UNSAFE = re.compile(f"[<>&\u2028\u2029\ud800-\udfff{_BIDI}]")
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


@lru_cache(maxsize=1024)
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

_WIDTH: Final = 100  # a container of plain values stays on one line when it fits


def _scalar(value: JsValue) -> str | None:
    """The literal of a plain value; ``None`` for an object or an array."""
    kind = type(value)
    if kind is str:  # the common case first: most values are texts
        return js_string(cast(str, value))
    if kind is dict or kind is list:
        return None
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
    return None


def _layout(values: list[str], open_: str, close: str, sep: str, pad: str, flat: bool) -> str:
    """Items on one line (``flat`` and short enough), else one per line."""
    inner = pad + "  "
    if flat:
        width = len(inner) + 2 * len(sep) + 2 * len(values) + sum(map(len, values))
        if width <= _WIDTH:
            return f"{open_}{sep}{', '.join(values)}{sep}{close}"
    return f"{open_}\n{inner}" + f",\n{inner}".join(values) + f",\n{pad}{close}"


def dumps(value: JsValue, indent: int = 0) -> str:
    """``value`` as JavaScript source, two spaces per level, trailing commas.

    An object or array of plain values is written on one line when that fits in
    100 columns. Each value is escaped once, and the pieces are joined once at
    the end (not again at every level of nesting).
    """
    out: list[str] = []
    _write(value, indent, out)
    return "".join(out)


def _plain_items(value: JsValue) -> tuple[list[str], bool]:
    """The written items of an object or array, up to its first object or array.

    The flag says whether every item is plain (and so written).
    """
    written: list[str] = []
    if type(value) is dict or isinstance(value, Mapping):
        for key, item in value.items():
            # texts are most values: written here, without a call to _scalar
            text = js_string(item) if type(item) is str else _scalar(item)
            if text is None:
                return written, False
            written.append(f"{js_key(key)}: {text}")
        return written, True
    for item in cast(Sequence[JsValue], value):
        text = js_string(item) if type(item) is str else _scalar(item)
        if text is None:
            return written, False
        written.append(text)
    return written, True


def _write(value: JsValue, indent: int, out: list[str]) -> None:
    literal = _scalar(value)
    if literal is not None:
        out.append(literal)
        return
    mapping = type(value) is dict or isinstance(value, Mapping)
    open_, close = ("{", "}") if mapping else ("[", "]")
    if not value:
        out.append(open_ + close)
        return
    pad = "  " * indent
    written, plain = _plain_items(value)
    if plain:
        out.append(_layout(written, open_, close, " " if mapping else "", pad, True))
        return
    inner = pad + "  "
    out.append(f"{open_}\n")
    out.extend(f"{inner}{text},\n" for text in written)
    done = len(written)
    if mapping:
        for key, item in islice(cast(Mapping[str, JsValue], value).items(), done, None):
            out.append(f"{inner}{js_key(key)}: ")
            _write(item, indent + 1, out)
            out.append(",\n")
    else:
        for item in islice(cast(Sequence[JsValue], value), done, None):
            out.append(inner)
            _write(item, indent + 1, out)
            out.append(",\n")
    out.append(pad + close)


def _json_scalar(value: object) -> str | None:
    """JSON for a plain value (the C encoder's string escaping); ``None`` for a container."""
    if isinstance(value, str):
        return encode_basestring(value)
    kind = type(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return repr(value)
    if isinstance(value, Mapping | list | tuple):
        return None if value else json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


def _json(value: object, indent: int) -> str:
    text = _json_scalar(value)
    if text is not None:
        return text
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, Mapping):
        items = [
            f"{inner}{encode_basestring(str(k))}: {_json(v, indent + 1)}" for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    values = cast(list[object], value)
    flat = [_json_scalar(v) for v in values]
    if None not in flat:
        return "[" + ", ".join(cast(list[str], flat)) + "]"
    return "[\n" + ",\n".join(f"{inner}{_json(v, indent + 1)}" for v in values) + f"\n{pad}]"


def json_text(value: object) -> str:
    """JSON text, two-space indented, safe to embed in HTML or a script.

    Arrays of plain values stay on one line. ``<``, ``>``, ``&``, U+2028/U+2029
    and lone surrogates are written as ``\\u`` escapes; the decoded value is
    unchanged.
    """
    return _JSON_UNSAFE.sub(lambda m: _u(m.group()).lower(), _json(value, 0)) + "\n"
