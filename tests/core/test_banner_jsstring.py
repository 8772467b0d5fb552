"""jsstring: string, regex and JSON literals that no catalogue text can break out of."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consent_tui.core.export import jsstring
from consent_tui.core.export.jsstring import Regex

NASTY = [
    "",
    'a"b',
    "a'b",
    "back\\slash",
    "</script><script>alert(1)</script>",
    "</SCRIPT >",
    "<!-- x -->",
    "${alert(1)}",
    "`tick`",
    "line\u2028sep\u2029para",
    "nul\x00and\x1fcontrol\x7f",
    "crlf\r\n",
    "emoji 🍪 and é",
    "\ud800 lone surrogate",
    "*/ end of comment",
]


def js_decode(literal: str) -> str:
    """Decode a literal written by js_string (JSON accepts the same escapes)."""
    return json.loads(literal.replace("\\v", "\\u000B"), strict=True)


@pytest.mark.parametrize("text", NASTY)
def test_js_string_round_trips_and_is_inert(text: str) -> None:
    literal = jsstring.js_string(text)
    assert js_decode(literal) == text
    assert literal.startswith('"') and literal.endswith('"')
    body = literal[1:-1]
    for forbidden in ("<", ">", "\u2028", "\u2029", "\n", "\r"):
        assert forbidden not in body
    assert re.search(r'(?<!\\)(?:\\\\)*"', body) is None  # no unescaped quote


@given(st.text())
def test_js_string_round_trips_any_text(text: str) -> None:
    literal = jsstring.js_string(text)
    assert js_decode(literal) == text
    assert not set(literal) & {"<", ">", "\u2028", "\u2029", "\n", "\r"}


@pytest.mark.parametrize(
    ("pattern", "matches", "misses"),
    [
        ("_ga_*", ["_ga_", "_ga_TEST", "_ga_ABC123"], ["_ga", "x_ga_TEST", "_gat"]),
        ("_pk_id.*", ["_pk_id.1.abcd"], ["_pk_idX1"]),
        ("*_session", ["my_session"], ["my_session2"]),
        ("a**b", ["ab", "a-x-b"], ["ba"]),
        ("x.y+z(1)[2]{3}|^$?/\\", ["x.y+z(1)[2]{3}|^$?/\\"], ["xxy+z(1)[2]{3}|^$?/\\"]),
        ('evil"</script><!--*', ['evil"</script><!--', 'evil"</script><!--more'], ["evil"]),
        ("caf\u00e9*", ["caf\u00e9-1"], ["cafe-1"]),
        ("\U0001f36a*", ["\U0001f36a!"], ["x"]),
    ],
)
def test_regex_source_matches_like_the_glob(
    pattern: str, matches: list[str], misses: list[str]
) -> None:
    source = jsstring.regex_source(pattern)
    # Python's re reads the subset used here (\\uXXXX, \\., .*) as JavaScript does,
    # except that JavaScript sees astral characters as surrogate pairs.
    compiled = re.compile(source)
    for name in matches:
        assert compiled.fullmatch(_utf16(name)), (source, name)
    for name in misses:
        assert not compiled.fullmatch(_utf16(name)), (source, name)
    literal = jsstring.dumps(Regex(source))
    assert literal == f"/{source}/"
    assert not set(literal) & {"<", ">", "\n", "\r", "\u2028", "\u2029"}
    assert "/" not in literal[1:-1].replace("\\/", "")


def _utf16(text: str) -> str:
    """``text`` as JavaScript sees it: astral characters as two surrogates."""
    out = []
    for char in text:
        code = ord(char) - 0x10000
        if code < 0:
            out.append(char)
        else:
            out += [chr(0xD800 + (code >> 10)), chr(0xDC00 + (code & 0x3FF))]
    return "".join(out)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="*"), min_size=1))
def test_regex_of_a_plain_name_matches_only_that_name(name: str) -> None:
    source = jsstring.regex_source(name)
    assert re.fullmatch(source, _utf16(name))
    assert not re.fullmatch(source, _utf16(name) + "x")
    assert not set(source) & {"<", ">", "\n", "\r", "\u2028", "\u2029"}


def test_keys_are_bare_quoted_or_computed() -> None:
    assert jsstring.js_key("name") == "name"
    assert jsstring.js_key("ods-auth") == '"ods-auth"'
    assert jsstring.js_key("default") == '"default"'
    assert jsstring.js_key("__proto__") == '["__proto__"]'
    assert jsstring.js_key("</script>") == '"\\u003C/script\\u003E"'


def test_dumps_layout() -> None:
    value = {
        "a": 1,
        "b": [1, 2],
        "c": {"x": True, "y": None},
        "d": [{"name": Regex("^a$")}],
        "e": {},
        "f": [],
        "g": {"nested": {"deep": "z"}},
    }
    assert jsstring.dumps(value) == (
        "{\n"
        "  a: 1,\n"
        "  b: [1, 2],\n"
        "  c: { x: true, y: null },\n"
        "  d: [\n"
        "    { name: /^a$/ },\n"
        "  ],\n"
        "  e: {},\n"
        "  f: [],\n"
        "  g: {\n"
        '    nested: { deep: "z" },\n'
        "  },\n"
        "}"
    )


@pytest.mark.parametrize("text", NASTY)
def test_json_text_round_trips_and_is_inert(text: str) -> None:
    out = jsstring.json_text({"k": [text, 1, None], "n": {"t": text}})
    assert json.loads(out) == {"k": [text, 1, None], "n": {"t": text}}
    assert not set(out) & {"<", ">", "&", "\u2028", "\u2029"}
    out.encode("utf-8")  # no lone surrogate left


def test_json_text_layout() -> None:
    assert jsstring.json_text({"a": [1, 2], "b": [{"c": "d"}], "e": [], "f": {}}) == (
        '{\n  "a": [1, 2],\n  "b": [\n    {\n      "c": "d"\n    }\n  ],\n'
        '  "e": [],\n  "f": {}\n}\n'
    )
