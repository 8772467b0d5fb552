"""wrong-type hints: the line a hint offers to write is one the field accepts."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest

from consent_tui.core.rules.fields import FIELDS
from consent_tui.core.validation import Problem
from tests.core.validation_support import base_data, check, dumps, found

# Where each kind of table sits in base_data, and the field name problems give it.
_TABLES = {
    "policy": (("policy",), ""),
    "document": (("policy", "document"), "document."),
    "banner": (("banner",), ""),
    "category": (("categories", "analytics"), ""),
    "purpose": (("purposes", "analytics"), ""),
    "service": (("services", "stats"), ""),
    "cookie": (("services", "stats", "cookies", 0), ""),
}
_TABLE_VALUED = {"document", "sections", "cookies", "changelog"}
_JUNK: list[Any] = [3, 0, -1, 1.5, True, False, "x", "3", "1, 7", "first", "en", "analytics"]
_JUNK += ["https://www.example.org", "13 months", ["x"], [1], ["en", 2]]
_SNIPPET = re.compile(r"`([\w.]+) = ([^`]+)`")


def _table(data: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    node: Any = data
    for part in path:
        if isinstance(node, dict) and part not in node:
            node[part] = {}
        node = node[part]
    return node  # type: ignore[no-any-return]


def _cases() -> list[tuple[str, str, Any]]:
    return [
        (kind, field, value)
        for kind, (_, _) in _TABLES.items()
        for field in FIELDS[kind]
        if field not in _TABLE_VALUED
        for value in _JUNK
    ]


def _wrong_type(data: dict[str, Any], field: str) -> Problem | None:
    return next(
        (p for p in check(dumps(data)) if p.rule == "wrong-type" and p.field == field), None
    )


@pytest.mark.parametrize(("kind", "field", "value"), _cases())
def test_a_hinted_line_is_accepted(kind: str, field: str, value: Any) -> None:
    path, prefix = _TABLES[kind]
    data = base_data(["en"])
    _table(data, path)[field] = value
    problem = _wrong_type(data, prefix + field)
    if problem is None:
        return  # the value has the right type for this field
    assert problem.hint
    snippet = _SNIPPET.search(problem.hint)
    if snippet is None:
        return  # the hint names the form to write, without a line
    assert snippet.group(1) == field, problem.hint
    _table(data, path)[field] = tomllib.loads("v = " + snippet.group(2))["v"]
    errors = [
        p
        for p in check(dumps(data))
        if p.field == prefix + field and p.severity == "error" and p.entity == problem.entity
    ]
    assert errors == [], (problem.hint, errors)


@pytest.mark.parametrize(
    ("fragment", "hint"),
    [
        (
            "[services.stats]\nparty = 3\n",
            'write one of "first" or "third", in quotes: `party = "first"`',
        ),
        (
            "[services.stats]\nparty = false\n",
            'write one of "first" or "third", in quotes: `party = "first"`',
        ),
        (
            "[[services.stats.cookies]]\nname = 'a'\nduration = 'session'\ntype = 3\n",
            'write one of "http_cookie", "local_storage", "session_storage", "indexed_db" or '
            '"pixel", in quotes: `type = "http_cookie"`',
        ),
        (
            "[purposes.analytics]\nlegal_basis = 1\n",
            'write one of "consent", "contract", "legal_obligation", "legitimate_interests", '
            '"vital_interests" or "public_task", in quotes: `legal_basis = "consent"`',
        ),
        (
            "[services.stats]\ncategory = 3\n",
            'write one of "necessary" or "analytics", in quotes: `category = "necessary"`',
        ),
        (
            "[services.stats]\ncountry = 33\n",
            'write country as a string (an ISO 3166-1 alpha-2 code such as "FR")',
        ),
        (
            "[services.stats]\ncookies = 'x'\n",
            "write each cookie as a table of its own: a `[[services.stats.cookies]]` header, "
            'then `name = "x"` and `duration = "…"` on the lines below it',
        ),
        (
            "[services.stats]\ncookies = 3\n",
            "write each cookie as a table of its own: a `[[services.stats.cookies]]` header, "
            'then `name = "…"` and `duration = "…"` on the lines below it',
        ),
        (
            "[purposes.analytics]\ntcf_purposes = '1, 7'\n",
            "write an array: `tcf_purposes = [1, 7]`",
        ),
        ("[services.stats]\npurposes = 'analytic'\n", 'write an array: `purposes = ["analytics"]`'),
        (
            "[policy]\nupdated = 'yesterday'\n",
            "write updated as a TOML date such as 2026-11-28 (without quotes)",
        ),
        ("[banner]\nrevision = '³'\n", "write revision as an integer"),
    ],
)
def test_hints_for_enum_and_structured_fields(fragment: str, hint: str) -> None:
    [p] = found(fragment, "wrong-type")
    assert p.hint == hint


def test_the_cookies_hint_gives_a_table_that_loads() -> None:
    [p] = found('[services."Ad Partner"]\ncookies = "uid"\n', "wrong-type")
    assert p.hint is not None
    header, name = re.findall(r"`([^`]+)`", p.hint)[:2]
    assert header == '[[services."Ad Partner".cookies]]'
    assert tomllib.loads(f'{header}\n{name}\nduration = "session"\n')
