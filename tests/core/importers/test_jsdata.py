"""Reading JavaScript object-literal data without running it."""

from __future__ import annotations

import math

import pytest

from consent_tui.core.importers.errors import SourceError
from consent_tui.core.importers.jsdata import Regex, read_json_or_js, read_value


def test_data_as_configurations_write_it() -> None:
    text = """
    // a line comment
    /* a block
       comment */
    {
      name: 'single', "double": "d\\u00e9j\\xe0 \\u{1F36A} \\ud83c\\udf6a",
      plain: `template`, numbers: [1, -2, +3, 1.5, .5, 1e3, 0x1F, 0o17, 0b101, 1_000, 10n],
      holes: [1, , 3, ],
      regex: /^_pk_id\\.[^/]*$/gi, flags: /a\\/b/,
      nothing: null, missing: undefined, yes: true, no: false,
      "quoted key": 1, 42: 'number key', [ "computed" ]: 'ok',
      nested: { deeper: { deepest: [ { a: 1 } ] } },
      continued: 'a\\
b',
    }
    """
    value = read_json_or_js(text, "c.js")
    assert value == {
        "name": "single",
        "double": "déjà 🍪 🍪",
        "plain": "template",
        "numbers": [1, -2, 3, 1.5, 0.5, 1000.0, 31, 15, 5, 1000, 10],
        "holes": [1, None, 3],
        "regex": Regex("^_pk_id\\.[^/]*$", "gi"),
        "flags": Regex("a\\/b", ""),
        "nothing": None,
        "missing": None,
        "yes": True,
        "no": False,
        "quoted key": 1,
        "42": "number key",
        "computed": "ok",
        "nested": {"deeper": {"deepest": [{"a": 1}]}},
        "continued": "ab",
    }
    assert math.isinf(read_json_or_js("{a: Infinity}", "c.js")["a"])


def test_functions_are_left_out_and_named() -> None:
    text = """{
      callback: function (consent, service) { if (x) { return /}/.test(y); } },
      onAccept: async function named() { await go(); },
      onReject: () => { clear(); },
      arrow: x => { y(); },
      method(a, b) { return `${a}` + "}"; },
      kept: 1,
    }"""
    value, skipped, _end = read_value(text, "c.js", 0, "config")
    assert value == {"kept": 1}
    assert skipped == [
        "config.callback",
        "config.onAccept",
        "config.onReject",
        "config.arrow",
        "config.method",
    ]


def test_a_value_ends_where_its_brackets_close() -> None:
    text = "var klaroConfig = { a: [1, 2] }; klaro.render(klaroConfig);"
    value, _skipped, end = read_value(text, "c.js", text.index("{"))
    assert value == {"a": [1, 2]} and text[end:].startswith(";")


@pytest.mark.parametrize(
    ("text", "place", "message"),
    [
        ("{a: b}", "1:5", "the name 'b' (a variable or a call)"),
        ("{a: 1 + 2}", "1:7", "'+' after a"),
        ("{...rest}", "1:2", "a spread (...)"),
        ("{a}", "1:3", "the shorthand property 'a'"),
        ("{a: `x${y}`}", "1:5", "a template literal with ${…}"),
        ("{a: foo()}", "1:5", "the name 'foo' (a variable or a call)"),
        ("{a: new Date()}", "1:5", "the name 'new' (a variable or a call)"),
        ("{a: [1, ...b]}", "1:9", "a spread (...)"),
        ("{[key]: 1}", "1:3", "a computed key"),
        ("{a: x => x + 1}", "1:10", "an arrow function without a { body }"),
        ("{a: 1} extra", "1:8", "more after the data"),
        ("{a: true.toString()}", "1:5", "the name 'true' (a variable or a call)"),
    ],
)
def test_code_is_refused_with_its_place(text: str, place: str, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        read_json_or_js(text, "c.js")
    error = caught.value
    assert f"{error.line}:{error.col}" == place
    assert error.message == f"is code, not data: {message}; consent-tui reads plain data only"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{a: 'open", "a string that is not closed"),
        ("{a: `open", "a template literal that is not closed"),
        ("{a: /open", "a regular expression that is not closed"),
        ("{a: 1", "the data ends inside an object"),
        ("{a: function () { ", "a function that does not end (no '}')"),
        ("[" * 300 + "]" * 300, "the data is nested more than 200 levels deep"),
    ],
)
def test_broken_data_is_refused(text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_json_or_js(text, "c.js")
