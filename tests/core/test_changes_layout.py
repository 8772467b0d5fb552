"""Comments, layout and order are no change: only what the catalogue means is compared."""

from __future__ import annotations

import random
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate
from consent_tui.core.changes import compare
from consent_tui.core.store import load_text
from tests.conftest import sample_paths
from tests.core.changes_support import BASE, between
from tests.core.validation_support import dumps


def _shuffled(data: Any, rng: random.Random) -> Any:
    """Every table's keys in another order, and every array of tables too (cookies)."""
    if isinstance(data, dict):
        items = list(data.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    if isinstance(data, list) and data and all(isinstance(v, dict) for v in data):
        shuffled = [_shuffled(v, rng) for v in data]
        rng.shuffle(shuffled)
        return shuffled
    return data


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_a_sample_rewritten_in_another_layout_and_order_has_no_change(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)  # the languages keep their order: the first is the default
    for seed in range(3):
        shuffled = _shuffled(data, random.Random(seed))
        if "languages" in data["policy"]:
            shuffled["policy"]["languages"] = data["policy"]["languages"]
        other = dumps(shuffled)
        assert other != text
        assert compare(load_text(text), load_text(other)).changes == ()


def test_comment_only_edits_are_no_change() -> None:
    commented = "# Our cookies\n" + BASE.replace(
        "[services.stats]\n", "# --- statistics ---\n[services.stats]  # the audience tool\n"
    ).replace('duration = "6 months"', 'duration = "6 months"  # CNIL: under 13 months')
    assert commented != BASE
    assert between(BASE, commented).changes == ()


def test_layout_only_edits_are_no_change() -> None:
    relaid = (
        BASE.replace('title = { en = "Security", fr = "Sécurité" }',
                     'title.en = "Security"\ntitle.fr = "Sécurité"')
        .replace('site_name = "Shop"', "site_name = 'Shop'")
        .replace("tcf_purposes = [1, 8]", "tcf_purposes = [\n  8,\n  1,\n]")
        .replace('purposes = ["stats"]', 'purposes = [ "stats", ]')
        .replace("\n\n", "\n\n\n")
        .replace("\n", "\r\n")
    )  # fmt: skip
    assert between(BASE, "\ufeff" + relaid).changes == ()


def test_a_bare_string_is_the_default_language() -> None:
    one = BASE.replace('languages = ["en", "fr"]', 'languages = ["en"]')
    bare = one.replace('title = { en = "Necessary", fr = "Nécessaires" }', 'title = "Necessary"')
    table = one.replace(
        'title = { en = "Necessary", fr = "Nécessaires" }', 'title = { en = "Necessary" }'
    )
    assert between(bare, table).changes == ()


def test_cookies_written_inline_or_as_tables_are_the_same() -> None:
    tables = '[[services.site.cookies]]\nname = "session"\nduration = "session"\n'
    tables += 'description = { en = "Keeps you signed in", fr = "Vous garde connecté" }\n\n'
    tables += '[[services.site.cookies]]\nname = "csrf"\nduration = "1 day"\n'
    inline = (
        'cookies = [\n  { name = "csrf", duration = "1 day" },\n'
        '  { name = "session", duration = "session", description = { en = "Keeps you signed in", '
        'fr = "Vous garde connecté" } },\n]\n'
    )
    other = BASE.replace('country = "FR"\n\n' + tables, 'country = "FR"\n' + inline)
    assert other != BASE
    assert between(BASE, other).changes == ()


def test_services_in_another_order_are_no_change() -> None:
    start = BASE.index("[services.site]")
    middle = BASE.index("[services.stats]")
    swapped = BASE[:start] + BASE[middle:] + "\n" + BASE[start:middle]
    assert between(BASE, swapped).changes == ()


def test_a_large_generated_catalogue_against_itself_reformatted() -> None:
    text = generate(2_000)
    other = re.sub(r"  # lifetime", "", text)
    assert compare(load_text(text), load_text(other)).changes == ()


def test_languages_other_than_the_default_in_another_order_are_no_change() -> None:
    three = BASE.replace('languages = ["en", "fr"]', 'languages = ["en", "fr", "de"]')
    assert between(three, three.replace('["en", "fr", "de"]', '["en", "de", "fr"]')).changes == ()
    one = BASE.replace('languages = ["en", "fr"]\n', "")
    assert (
        between(
            one,
            one.replace('controller = "Shop Ltd"', 'controller = "Shop Ltd"\nlanguages = ["en"]'),
        ).changes
        == ()
    )
    swapped = between(three, three.replace('["en", "fr", "de"]', '["fr", "en", "de"]'))
    assert [c.field for c in swapped.changes][:1] == ["languages"]  # the default language changed
