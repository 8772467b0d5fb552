"""Fuzzing: random catalogues with junk of every TOML type in every field never make
``validate`` raise; it only returns problems, each with a real rule and a real place."""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consent_tui.core.errors import CatalogueError
from consent_tui.core.model import Catalogue, Category, Cookie, Policy, Purpose, Service, Text
from consent_tui.core.rules import RULES
from consent_tui.core.store import load_text
from consent_tui.core.validation import Problem, source_map, validate
from consent_tui.core.values import printable
from tests.core.validation_support import dumps

TEXTS = st.text(st.characters(codec="utf-8"), max_size=12)
SCALARS = st.one_of(
    TEXTS,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), st.just(dt.UTC))),
    st.times(),
)
JUNK = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXTS, inner, max_size=3)),
    max_leaves=6,
)
IDS = st.one_of(st.sampled_from(["a", "b", "necessary", "x-1", "A B", "", "é"]), TEXTS)
LANGS = st.sampled_from(["en", "fr", "de", "pt-BR", "xx", "EN", ""])
WORDS = st.sampled_from(
    [
        "13 months",
        "session",
        "persistent",
        "P1Y2M",
        "0 days",
        "9" * 30 + " years",
        "soon",
        "https://x.example/p",
        "http://x",
        "mailto:a@b.c",
        "consent",
        "third",
        "first",
        "local_storage",
        "pixel",
        "legitimate_interests",
        "US",
        "FR",
        "CH",
        "*",
        "_ga_*",
        "a*b",
        ".example.org",
        "/",
        "",
        " ",
    ]
)


def _text_value() -> st.SearchStrategy[Any]:
    return st.one_of(TEXTS, WORDS, st.dictionaries(LANGS, st.one_of(TEXTS, WORDS), max_size=3))


def _value(kind: str) -> st.SearchStrategy[Any]:
    good = {
        "text": _text_value(),
        "str": st.one_of(WORDS, TEXTS),
        "strs": st.lists(st.one_of(IDS, WORDS), max_size=3),
        "ints": st.lists(st.integers(-2, 14), max_size=4),
        "bool": st.booleans(),
        "int": st.integers(-3, 5),
        "date": st.dates(),
    }[kind]
    return st.one_of(good, good, JUNK)


def _table(fields: dict[str, str]) -> st.SearchStrategy[dict[str, Any]]:
    known = st.fixed_dictionaries({}, optional={k: _value(v) for k, v in fields.items()})
    unknown = st.dictionaries(st.sampled_from(["colour", "duraton", "x"]), JUNK, max_size=1)
    return st.builds(lambda a, b: {**b, **a}, known, unknown)


POLICY = {
    "title": "text",
    "site_name": "str",
    "site_url": "str",
    "controller": "str",
    "contact": "str",
    "updated": "date",
    "intro": "text",
}
CATEGORY = {"title": "text", "description": "text", "consent": "bool"}
PURPOSE = {"title": "text", "description": "text", "legal_basis": "str", "tcf_purposes": "ints"}
SERVICE = {
    "provider": "str",
    "function": "text",
    "location": "text",
    "category": "str",
    "purposes": "strs",
    "party": "str",
    "privacy_policy": "str",
    "country": "str",
    "safeguard": "str",
    "description": "text",
}
COOKIE = {
    "name": "str",
    "type": "str",
    "domain": "str",
    "path": "str",
    "duration": "str",
    "duration_note": "text",
    "description": "text",
}
BANNER = {"consent_lifetime": "str", "revision": "int"}


@st.composite
def catalogues(draw: st.DrawFn) -> dict[str, Any]:
    policy = draw(_table(POLICY))
    policy["languages"] = draw(st.one_of(st.lists(LANGS, max_size=3), JUNK))
    if draw(st.booleans()):
        policy["document"] = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "columns": _value("strs"),
                    "sections": st.dictionaries(TEXTS, _text_value(), max_size=2),
                },
            )
        )
    services = {}
    for sid in draw(st.lists(IDS, max_size=3, unique=True)):
        service = draw(_table(SERVICE))
        service["cookies"] = draw(st.lists(_table(COOKIE), max_size=4))
        services[sid] = service
    data: dict[str, Any] = {
        "format_version": 1,
        "policy": policy,
        "categories": draw(st.dictionaries(IDS, _table(CATEGORY), max_size=3)),
        "purposes": draw(st.dictionaries(IDS, _table(PURPOSE), max_size=3)),
        "services": services,
    }
    if draw(st.booleans()):
        data["banner"] = draw(_table(BANNER))
    return data


def _assert_sound(problems: list[Problem], text: str | None) -> None:
    lines = text.split("\n") if text is not None else []  # TOML lines end at \n only
    for p in problems:
        rule = RULES[p.rule]
        assert p.severity == rule.severity
        assert isinstance(p.message, str) and p.message
        assert printable(p.message) == p.message and printable(p.hint or "") == (p.hint or "")
        if p.line is not None:
            assert text is not None and 1 <= p.line <= len(lines)
            assert p.col is not None and 1 <= p.col <= len(lines[p.line - 1])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues())
def test_random_catalogues_never_make_validate_raise(data: dict[str, Any]) -> None:
    text = dumps(data)
    try:
        catalogue = load_text(text)
    except CatalogueError:
        return  # refused by the loader with a clear error: nothing to validate
    problems = validate(catalogue, source_map(text))
    _assert_sound(problems, text)
    assert validate(catalogue, source_map(text)) == problems  # deterministic


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(TEXTS, JUNK, max_size=4))
def test_junk_tables_at_every_level(junk: dict[str, Any]) -> None:
    for where in ("policy", "categories", "purposes", "services", "banner", None):
        data: dict[str, Any] = {"format_version": 1, "policy": {"site_name": "x"}}
        if where is None:
            data.update(junk)
            data["format_version"] = 1
        else:
            data[where] = junk
        text = dumps(data)
        try:
            catalogue = load_text(text)
        except CatalogueError:
            continue
        _assert_sound(validate(catalogue, source_map(text)), text)


def _texts() -> st.SearchStrategy[Text | None]:
    return st.one_of(st.none(), st.builds(Text, st.dictionaries(TEXTS, TEXTS, max_size=3)))


OPT = st.one_of(st.none(), TEXTS, WORDS)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.builds(
            Service,
            id=IDS,
            provider=OPT,
            function=_texts(),
            category=OPT,
            party=OPT,
            privacy_policy=OPT,
            country=OPT,
            safeguard=OPT,
            purposes=st.one_of(st.none(), st.tuples(IDS, IDS)),
            cookies=st.lists(
                st.builds(
                    Cookie,
                    name=OPT,
                    type=OPT,
                    domain=OPT,
                    path=OPT,
                    duration=OPT,
                    description=_texts(),
                ),
                max_size=4,
            ).map(tuple),
        ),
        max_size=3,
    ),
    st.dictionaries(
        IDS,
        st.builds(Category, id=IDS, title=_texts(), consent=st.one_of(st.none(), st.booleans())),
        max_size=2,
    ),
    st.dictionaries(
        IDS,
        st.builds(
            Purpose,
            id=IDS,
            title=_texts(),
            legal_basis=OPT,
            tcf_purposes=st.one_of(st.none(), st.tuples(st.integers())),
        ),
        max_size=2,
    ),
    st.builds(
        Policy,
        site_url=OPT,
        contact=OPT,
        languages=st.one_of(st.none(), st.lists(LANGS, max_size=3).map(tuple)),
    ),
)
def test_catalogues_built_in_memory(services, categories, purposes, policy) -> None:  # type: ignore[no-untyped-def]
    """The editor builds catalogues without the loader: any well-typed values are fine."""
    catalogue = Catalogue(
        policy=policy,
        categories=categories,
        purposes=purposes,
        services={s.id: s for s in services},
    )
    _assert_sound(validate(catalogue), None)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(TEXTS, JUNK, max_size=4))
def test_the_test_writer_round_trips(data: dict[str, Any]) -> None:
    def has_nan(value: Any) -> bool:
        if isinstance(value, float):
            return math.isnan(value)
        if isinstance(value, list):
            return any(has_nan(v) for v in value)
        if isinstance(value, dict):
            return any(has_nan(v) for v in value.values())
        return False

    if not has_nan(data):
        assert tomllib.loads(dumps(data)) == data
