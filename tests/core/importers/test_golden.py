"""The catalogues imports write, byte for byte: comments, review marks, layout, order.

Rewrite them with ``UPDATE_GOLDEN=1 uv run pytest tests/core/importers/test_golden.py``
and read ``git diff tests/golden/import`` before committing them. Each written text
also loads (through the store) as the catalogue the import built, and its summary's
validation is the validation of that text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_tui.core.importers import import_sources
from consent_tui.core.store import load_text
from consent_tui.core.validation import validate_text
from tests.conftest import ROOT
from tests.core.test_export_golden import check_golden

GOLDEN = ROOT / "tests" / "golden" / "import"
CASES: dict[str, list[str]] = {
    "cookiebot-en": ["tests/data/import/cookiebot-en.html"],
    "cookieyes-es": ["tests/data/import/cookieyes-es.html"],
    "onetrust-en": ["tests/data/import/onetrust-en.html"],
    "per-service-fr": ["tests/data/import/per-service-fr.html"],
    "sitewide-it": ["tests/data/import/sitewide-it.html"],
    "blank-pt": ["tests/data/import/blank-pt.html"],
    "no-header-nl": ["tests/data/import/no-header-nl.html"],
    "spans-de": ["tests/data/import/spans-de.html"],
    "sections-en": ["tests/data/import/sections-en.html"],
    "hand-written-en": ["tests/data/import/hand-written-en.md"],
    "shop-en": ["tests/data/import/shop-en.csv"],
    "shop-de": ["tests/data/import/shop-de.tsv"],
    "twin": ["tests/data/import/twin.en.html", "tests/data/import/twin.fr.html"],
    "klaro-config": ["tests/data/import/klaro-config.js"],
    "cookieconsent-config": ["tests/data/import/cookieconsent-config.mjs"],
    "news-site.klaro": ["tests/golden/banners/news-site.klaro.js"],
    "news-site.cookieconsent": ["tests/golden/banners/news-site.cookieconsent.js"],
}


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the sources' names in the comments are the ones given


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_written_catalogue(name: str) -> None:
    result = import_sources(CASES[name])
    check_golden(GOLDEN / f"{name}.toml", result.text)
    summary = "\n".join(result.summary.lines(f"{name}.toml")) + "\n"
    check_golden(GOLDEN / f"{name}.summary.txt", summary)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_text_loads_as_the_catalogue_built_and_validates_as_summarised(name: str) -> None:
    result = import_sources(CASES[name])
    assert load_text(result.text) == result.catalogue
    problems = validate_text(result.text)
    assert [(p.rule, p.line) for p in problems] == [
        (p.rule, p.line) for p in result.summary.problems
    ]


def test_every_golden_file_has_a_case() -> None:
    names = {p.name.split(".toml")[0].split(".summary")[0] for p in GOLDEN.iterdir()}
    assert names == set(CASES)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_comments_say_where_each_service_and_cookie_came_from() -> None:
    lines = _lines(GOLDEN / "cookiebot-en.toml")
    headers = [i for i, line in enumerate(lines) if line.startswith("[services.")]
    assert headers
    for index in headers:
        assert lines[index - 1].startswith("# tests/data/import/cookiebot-en.html, table ")
    cookies = [i for i, line in enumerate(lines) if line.startswith("[[services.")]
    assert all(lines[i - 1].startswith("# row ") for i in cookies)
