"""Property test: random edits saved one after another keep the file right.

Each example picks a sample or fixture, applies a random sequence of edits
(set a value, add, remove, rename, move) through the model as the editor
does, and saves after every edit. The file must parse with ``tomllib``, load
back as exactly the edited model, and keep every line outside the tables it
edited, in order. ``CONSENT_TUI_PROPERTY_EXAMPLES=2000`` runs a longer search.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consent_tui.core import store
from consent_tui.core.model import Catalogue, Category, Cookie, Purpose, Text, replace
from consent_tui.core.store import BOM, Statement, load_text, patch_full, serialize, tomlscan
from consent_tui.core.store.chunks import ChunkIndex
from consent_tui.core.store.patch import runs
from consent_tui.core.store.patch_data import same
from tests.conftest import sample_paths
from tests.core.store_support import (
    add,
    add_cookie,
    fixtures,
    new_service,
    put_service,
    remove,
    remove_cookie,
    rename,
    rename_service,
)

FILES = sample_paths() + fixtures()
# Values with quotes, backslashes, comment and table signs, tabs, line breaks, accents.
VALUES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"),
    min_size=0,
    max_size=24,
) | st.sampled_from(['a "quoted" word', "back\\slash", "# not a comment", "[not.a.table]", "é\tè"])
IDS = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True) | st.sampled_from(
    ["with space", "ünïcode", "dot.ted"]
)

# ("services", id) or ("policy", ""): a table; ("cookie", service id, index): one cookie.
# An edit names a cookie as ("cookie", id(cookie)), mapped to its place in the original.
Touched = set[tuple[Any, ...]]
Path_ = tuple[str | int, ...]
Edit = Callable[[Catalogue, st.DataObject, Touched], Catalogue]


def _pick(data: st.DataObject, items: Any, label: str) -> Any:
    return data.draw(st.sampled_from(sorted(items)), label=label)


def _text_like(old: Text | None, catalogue: Catalogue, value: str) -> Text:
    """A new value for a text, keeping the way it is written (plain stays plain)."""
    lang = catalogue.default_language
    if old is None:
        return Text({lang: value}, plain=True)
    return old.with_value(lang, value) if lang in old.values else Text({**old.values, lang: value})


def set_service_field(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    if not c.services:
        return c
    key = _pick(data, c.services, "service")
    service = c.services[key]
    field = data.draw(st.sampled_from(["provider", "country", "function", "safeguard"]))
    value = data.draw(VALUES, label="value")
    if field == "function":
        new = replace(service, function=_text_like(service.function, c, value))
    else:
        new = replace(service, **{field: value or None})
    touched.add(("services", key))
    return put_service(c, new)


def set_cookie_field(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    with_cookies = [k for k, s in c.services.items() if s.cookies]
    if not with_cookies:
        return c
    key = _pick(data, with_cookies, "service")
    service = c.services[key]
    index = data.draw(st.integers(0, len(service.cookies) - 1), label="cookie")
    cookie = service.cookies[index]
    field = data.draw(st.sampled_from(["name", "duration", "domain", "description"]))
    value = data.draw(VALUES, label="value")
    if field == "description":
        new = replace(cookie, description=_text_like(cookie.description, c, value))
    else:
        new = replace(cookie, **{field: value or None})
    cookies = (*service.cookies[:index], new, *service.cookies[index + 1 :])
    touched.add(("cookie", id(cookie)))  # only this cookie: its neighbours' text stays
    return put_service(c, replace(service, cookies=cookies))


def add_a_cookie(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    if not c.services:
        return c
    key = _pick(data, c.services, "service")
    at = data.draw(st.integers(0, len(c.services[key].cookies)), label="at")
    name = data.draw(VALUES, label="name") or "x"
    touched.add(("services", key))
    return add_cookie(c, key, Cookie(name=name, duration="1 day"), at=at)


def remove_a_cookie(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    with_cookies = [k for k, s in c.services.items() if s.cookies]
    if not with_cookies:
        return c
    key = _pick(data, with_cookies, "service")
    index = data.draw(st.integers(0, len(c.services[key].cookies) - 1), label="cookie")
    touched.add(("services", key))
    return remove_cookie(c, key, index)


def move_a_cookie(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    with_two = [k for k, s in c.services.items() if len(s.cookies) > 1]
    if not with_two:
        return c
    key = _pick(data, with_two, "service")
    service = c.services[key]
    cookies = list(service.cookies)
    cookies.append(cookies.pop(0))
    touched.add(("services", key))
    return put_service(c, replace(service, cookies=tuple(cookies)))


def add_a_table(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    kind = data.draw(st.sampled_from(["services", "categories", "purposes"]), label="kind")
    key = data.draw(IDS, label="id")
    if key in getattr(c, kind):
        return c
    title = Text({c.default_language: data.draw(VALUES, label="title")}, plain=True)
    entity: Any = {
        "services": lambda: replace(new_service(c, key), provider=title.values[c.default_language]),
        "categories": lambda: Category(id=key, title=title, consent=True),
        "purposes": lambda: Purpose(id=key, title=title, legal_basis="consent"),
    }[kind]()
    return add(c, kind, entity)


def remove_a_table(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    kind = data.draw(st.sampled_from(["services", "categories", "purposes"]), label="kind")
    items = getattr(c, kind)
    if not items:
        return c
    key = _pick(data, items, "id")
    touched.add((kind, key))
    return remove(c, kind, key)


def rename_a_table(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    kind = data.draw(st.sampled_from(["services", "categories", "purposes"]), label="kind")
    items = getattr(c, kind)
    new_key = data.draw(IDS, label="new id")
    if not items or new_key in items:
        return c
    key = _pick(data, items, "id")
    touched.add((kind, key))
    if kind == "services":
        return rename_service(c, key, new_key)
    return rename(c, kind, key, new_key)


def move_a_service(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    if len(c.services) < 2:
        return c
    key = _pick(data, c.services, "service")
    before = list(c.services)
    order = [k for k in before if k != key]
    to = data.draw(st.integers(0, len(order)), label="to")
    order.insert(to, key)
    # Which tables "moved" is a matter of view: the store may move the ones in between.
    low, high = sorted((before.index(key), to))
    touched.update(("services", k) for k in before[low : high + 1])
    return replace(c, services={k: c.services[k] for k in order})


def duplicate_a_service(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    if not c.services:
        return c
    key = _pick(data, c.services, "service")
    copy = f"{key}-copy"
    if copy in c.services:
        return c
    services: dict[str, Any] = {}
    for k, v in c.services.items():
        services[k] = v
        if k == key:
            services[copy] = replace(v, id=copy)
    return replace(c, services=services)


def set_policy_field(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    value = data.draw(VALUES, label="value")
    field = data.draw(st.sampled_from(["site_name", "controller", "intro"]), label="field")
    if field == "intro":
        policy = replace(c.policy, intro=_text_like(c.policy.intro, c, value))
    else:
        policy = replace(c.policy, **{field: value})
    touched.add(("policy", ""))
    return replace(c, policy=policy)


def translate_a_service(c: Catalogue, data: st.DataObject, touched: Touched) -> Catalogue:
    """A function text gains (or changes) a translation in a second language."""
    if not c.services:
        return c
    key = _pick(data, c.services, "service")
    service = c.services[key]
    lang = data.draw(st.sampled_from(["nl", "es", c.default_language]), label="lang")
    base = service.function or Text({c.default_language: "f"}, plain=True)
    function = base.with_value(lang, data.draw(VALUES, label="value"))
    touched.add(("services", key))
    return put_service(c, replace(service, function=function))


EDITS: list[Edit] = [
    move_a_service,
    duplicate_a_service,
    set_policy_field,
    translate_a_service,
    set_service_field,
    set_cookie_field,
    add_a_cookie,
    remove_a_cookie,
    move_a_cookie,
    add_a_table,
    remove_a_table,
    rename_a_table,
]


def _ids(catalogue: Catalogue) -> Touched:
    kinds = ("services", "categories", "purposes")
    return {(kind, key) for kind in kinds for key in getattr(catalogue, kind)}


def _line_span(body: str, start: int, end: int) -> range:
    return range(body.count("\n", 0, start), body.count("\n", 0, end) + 1)


def _statement_lines(body: str, statements: list[Statement], path: Path_) -> list[int]:
    """Lines of the key statements at or under ``path`` (a table written with dotted
    keys or inline in its parent), and the blank lines right after each."""
    lines: list[int] = []
    text_lines = body.split("\n")
    for stmt in statements:
        if stmt.kind == "key" and stmt.path[: len(path)] == path:
            span = _line_span(body, stmt.start, stmt.end)
            lines += span
            after = span[-1] + 1
            while after < len(text_lines) and not text_lines[after].strip():
                lines.append(after)
                after += 1
    return lines


def _cookie_lines(
    body: str, index: ChunkIndex, statements: list[Statement], key: str, i: int
) -> list[int]:
    """Lines of cookie ``i`` of service ``key``: its [[table]], or its line of an inline array."""
    members = index.members(("services", key, "cookies", i))
    if members:
        return [n for run in runs(members) for n in _table_lines(body, index, run)]
    found = [s for s in statements if s.kind == "key" and s.path == ("services", key, "cookies")]
    if not found:
        return []
    span = _line_span(body, found[0].start, found[0].end)
    text_lines = body.split("\n")
    elements = [n for n in span[1:] if text_lines[n].lstrip().startswith("{")]
    if len(span) == 1 or "{" in text_lines[span[0]] or i >= len(elements):
        return list(span)  # a one-line array, or a layout this test does not split
    return [elements[i]]


def _table_lines(body: str, index: ChunkIndex, run: list[int]) -> range:
    start = 0 if run[0] < 0 else index.lead_start(run[0])
    return _line_span(body, start, index.gap_end(run[-1]))


def _untouched_lines(text: str, touched: Touched) -> list[str]:
    """The original lines outside every touched table (or cookie), in order."""
    body = text.removeprefix(BOM)
    index = ChunkIndex(body)
    statements = list(tomlscan.scan(body))
    cut = [False] * (body.count("\n") + 1)
    for entry in touched:
        if entry[0] == "cookie":
            lines: Any = _cookie_lines(body, index, statements, entry[1], entry[2])
        else:
            kind, key = entry
            path = (kind, key) if key else (kind,)
            members = index.members(path)
            lines = [n for run in runs(members) for n in _table_lines(body, index, run)]
            if not members:  # written in its parent table, whose header goes if it empties
                lines = _statement_lines(body, statements, path)
                parent = index.find(path[:-1])
                if parent is not None:
                    lines += _line_span(body, index.lead_start(parent), index.headers[parent].end)
        for line in lines:
            cut[line] = True
    lines = [line for n, line in enumerate(body.splitlines()) if not cut[n]]
    while lines and not lines[-1].strip():  # blank lines left at the end may go
        lines.pop()
    return lines


@settings(
    max_examples=int(os.environ.get("CONSENT_TUI_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(path=st.sampled_from(FILES), data=st.data())
def test_random_edits_saved_in_turn_keep_the_file_right(path: Path, data: st.DataObject) -> None:
    slow_path = patch_full.render_full
    if path.name not in ("dotted.toml", "dotted-services.toml"):
        # only dotted keys in a parent table need the slow path
        slow_path = mock.Mock(side_effect=AssertionError("the whole-file path was used"))
    with (
        tempfile.TemporaryDirectory() as folder,
        mock.patch.object(patch_full, "render_full", slow_path),
    ):
        target = Path(folder) / path.name
        target.write_bytes(path.read_bytes())
        document = store.load(target)
        original = document.text
        first = document.catalogue  # keeps the cookies alive: their ids stay theirs
        origin = {
            id(cookie): (key, i)
            for key, service in first.services.items()
            for i, cookie in enumerate(service.cookies)
        }
        touched: Touched = set()
        originals: dict[tuple[str, str], str] = {}  # current id -> id in the original file
        for _ in range(data.draw(st.integers(1, 6), label="edits")):
            edit = data.draw(st.sampled_from(EDITS), label="edit")
            step: Touched = set()
            catalogue = edit(document.catalogue, data, step)
            gone, came = (
                _ids(document.catalogue) - _ids(catalogue),
                _ids(catalogue) - _ids(document.catalogue),
            )
            if len(gone) == len(came) == 1 and edit is rename_a_table:
                (old,), (new,) = gone, came
                originals[new] = originals.pop(old, old[1])
            for entry in step:
                if entry[0] == "cookie":
                    touched |= {("cookie", *origin[entry[1]])} if entry[1] in origin else set()
                else:
                    kind, key = entry
                    touched.add((kind, originals.get((kind, key), key)))
            document = store.save(document, catalogue)
            saved = target.read_bytes().decode("utf-8")
            assert saved == document.text
            # the data, explicitly empty arrays and tables included (the model holds those
            # as absent, so comparing models alone would miss them)
            assert same(tomllib.loads(saved.removeprefix(BOM)), serialize.to_data(catalogue))
            assert load_text(saved) == catalogue
        kept = iter(document.text.removeprefix(BOM).splitlines())
        missing = [line for line in _untouched_lines(original, touched) if line not in kept]
        assert missing == []
