"""Fuzzed catalogues: any TOML either loads or is refused with a place, and loads faithfully."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consent_tui.core.errors import CatalogueError
from consent_tui.core.store import load_text, to_data

_scalars = st.one_of(
    st.text(max_size=8),
    st.integers(-5, 20),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)),
    st.sampled_from(["en", "fr", "session", "13 months", "first", "third", "consent", "pixel"]),
)
_junk = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["en", "fr", "x", "name"]), inner, max_size=3),
    ),
    max_leaves=6,
)
_text = st.one_of(st.text(max_size=8), st.fixed_dictionaries({"en": st.text(max_size=8)}), _junk)


def _entity(keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from([*keys, "unknown"]), _text, max_size=len(keys))


_cookie = _entity(
    ["name", "type", "domain", "path", "duration", "duration_note", "refresh", "description"]
)
_service = st.builds(
    lambda body, cookies: {**body, **({"cookies": cookies} if cookies is not None else {})},
    _entity(["provider", "function", "location", "category", "purposes", "party", "country"]),
    st.one_of(st.none(), st.lists(_cookie, max_size=2), _junk),
)
_ids = st.sampled_from(["a", "b", "necessary", "ga-4"])
_catalogue = st.fixed_dictionaries(
    {"format_version": st.just(1)},
    optional={
        "policy": st.one_of(
            _entity(["title", "site_name", "site_url", "languages", "updated", "intro"]),
            _junk,
        ),
        "categories": st.one_of(
            st.dictionaries(
                _ids, _entity(["title", "description", "consent"]), min_size=1, max_size=2
            ),
            _junk,
        ),
        "purposes": st.dictionaries(
            _ids,
            _entity(["title", "description", "legal_basis", "tcf_purposes"]),
            min_size=1,
            max_size=2,
        ),
        "services": st.one_of(st.dictionaries(_ids, _service, min_size=1, max_size=2), _junk),
        "banner": st.one_of(_entity(["consent_lifetime", "revision", "policy_url"]), _junk),
        "extra": _junk,
    },
)


def _has_empty_container(data: dict[str, Any]) -> bool:
    """An empty table or array where the model has a collection: it leaves those out."""
    if any(data.get(name) == {} for name in ("policy", "categories", "purposes", "services")):
        return True
    services = data.get("services")
    if isinstance(services, dict):
        return any(isinstance(s, dict) and s.get("cookies") == [] for s in services.values())
    return False


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_catalogue)
def test_fuzzed_catalogues_load_or_are_refused_with_a_place(data: dict[str, Any]) -> None:
    text = tomlkit.dumps(data)
    parsed = tomllib.loads(text)
    try:
        catalogue = load_text(text, "fuzz.toml")
    except CatalogueError as error:
        assert error.line is not None, str(error)
        assert str(error).startswith("fuzz.toml:")
        return
    if not _has_empty_container(parsed):
        assert to_data(catalogue) == parsed


@given(st.text(max_size=200))
def test_any_text_loads_or_raises_a_catalogue_error(text: str) -> None:
    try:
        load_text(text, "fuzz.toml")
    except CatalogueError as error:
        assert str(error).startswith("fuzz.toml")
