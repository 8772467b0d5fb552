"""The function the editor calls: texts in, catalogue text and summary out, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consent_tui.core.importers import ImportOptions, SourceError, import_sources
from consent_tui.core.store import load_text
from tests.conftest import DATA

PASTED = """\
## Necessary

| Cookie | Expiry |
| --- | --- |
| sid | Session |
"""


def test_a_pasted_text_is_imported_like_a_file(tmp_path: Path) -> None:
    before = set(tmp_path.iterdir())
    result = import_sources(["pasted"], texts={"pasted": PASTED})
    assert set(tmp_path.iterdir()) == before
    catalogue = load_text(result.text)
    assert [c.name for s in catalogue.services.values() for c in s.cookies] == ["sid"]
    assert result.summary.tables_read == 1 and result.summary.cookies == 1
    assert result.tables["en"][0].heading == "Necessary"


def test_the_kind_and_the_language_can_be_named() -> None:
    text = "Name,Dauer\nsid,Sitzung\n"
    result = import_sources(["x"], ImportOptions(kind="csv", lang="de"), texts={"x": text})
    assert result.catalogue.languages == ("de",)
    cookie = next(iter(result.catalogue.services.values())).cookies[0]
    assert (cookie.name, cookie.duration) == ("sid", "session")


def test_importing_twice_writes_the_same_text() -> None:
    source = str(DATA / "import" / "cookiebot-en.html")
    assert import_sources([source]).text == import_sources([source]).text


def test_translations_must_be_the_same_tables() -> None:
    table = "<table><tr><th>{}</th><th>{}</th></tr><tr><td>{}</td><td>{}</td></tr></table>"
    english = "<html lang='en'>" + table.format("Name", "Expiry", "a", "1 day")
    french = "<html lang='fr'>" + table.format("Nom", "Durée", "b", "1 jour")
    with pytest.raises(
        SourceError,
        match=re.escape("is not en.html, table 1 (en) translated: row 1 names 'b', not 'a'"),
    ):
        import_sources(["en.html", "fr.html"], texts={"en.html": english, "fr.html": french})


def test_a_configuration_is_imported_on_its_own() -> None:
    with pytest.raises(SourceError, match="a banner configuration is imported on its own"):
        import_sources(
            ["a.md", "klaro.js"],
            texts={"a.md": PASTED, "klaro.js": "var klaroConfig = {services: []};"},
        )


def test_the_summary_of_a_configuration() -> None:
    result = import_sources([str(DATA / "import" / "klaro-config.js")])
    lines = result.summary.lines("x.toml")
    assert lines[:3] == [
        f"imported {DATA / 'import' / 'klaro-config.js'} into x.toml",
        "  configuration: klaro",
        "  catalogue: 3 categories, 3 services, 5 cookies; languages en, de",
    ]


def test_hostile_texts_cannot_break_the_written_file() -> None:
    heading = "Nec\x07essary ]] \n[evil]\x1b[31m \u2028 \" ' # \\"
    page = (
        f"<h2>{heading}</h2><table><tr><th>Name</th><th>Zweck \x00\x7f</th><th>[x]</th></tr>"
        f"<tr><td>a\x01b</td><td>\" ''' \\u0000</td><td>=1+1</td></tr></table>"
    )
    result = import_sources(["p.html"], texts={"p.html": page})
    assert load_text(result.text) == result.catalogue
    assert all(line.isprintable() for line in result.text.splitlines())
