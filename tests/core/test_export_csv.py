"""The CSV export: one row per cookie, and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.escape import spreadsheet_safe
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.store import load
from tests.conftest import SAMPLES


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =x", "'  =x"),
        ("a;=1+1", "a;'=1+1"),
        ("a, =1+1", "a, '=1+1"),
        ("a;b", "a;b"),
        ("-1", "-1"),
        ("3600", "3600"),
        ("13 months", "13 months"),
        ("", ""),
        ("_ga_*", "_ga_*"),
        # a piece a spreadsheet may start a cell with: after a line break or any delimiter
        ("a\n=cmd", "a\n'=cmd"),
        ("a\r\n+cmd", "a\r\n'+cmd"),
        ("a\r-2+3", "a\r'-2+3"),
        ("a\n  @SUM(A1)", "a\n  '@SUM(A1)"),
        ("a\n\tb", "a\n'\tb"),
        ("a|=1", "a|'=1"),
        ("a\t=1", "a\t'=1"),
        ('a;"=1', "a;\"'=1"),
        ('"=1', "'\"=1"),
        ("\nfoo", "'\nfoo"),
        ("a\nb-c", "a\nb-c"),
        ("1;2", "1;2"),
    ],
)
def test_spreadsheet_safe(value: str, safe: str) -> None:
    assert spreadsheet_safe(value) == safe


def rows(lang: str) -> list[dict[str, str]]:
    catalogue = load(SAMPLES / "news-site.toml").catalogue
    text = registry.get("csv").render(catalogue, ExportOptions(lang=lang)).text
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_one_row_per_cookie_with_seconds() -> None:
    table = rows("en")
    catalogue = load(SAMPLES / "news-site.toml").catalogue
    assert len(table) == catalogue.cookie_count()
    ga = next(r for r in table if r["Cookie"] == "_ga_*")
    assert ga["Matches"] == "any cookie starting with _ga_"
    assert ga["Duration"] == "13 months" and ga["Duration (seconds)"] == str(13 * 2629746)
    assert ga["Category"] == "Audience measurement" and ga["Consent required"] == "yes"
    assert ga["Party"] == "Third party" and ga["Privacy policy"].startswith("https://")
    storage = next(r for r in table if r["Cookie"] == "lanterne:reader-settings")
    assert storage["Type"] == "Local storage" and storage["Duration (seconds)"] == ""


def test_french_headers_and_values() -> None:
    table = rows("fr")
    first = table[0]
    assert list(first)[:3] == ["Service", "Fournisseur", "Catégorie"]
    assert first["Consentement requis"] == "non" and first["Durée"] == "session"


def test_a_session_cookie_has_no_lifetime_in_seconds() -> None:
    """A session cookie: "session" in words, the seconds cell empty (not 0 seconds)."""
    for lang, word in (("en", "session"), ("fr", "session")):
        table = rows(lang)
        session = [r for r in table if r["Cookie"] == "lanterne_session"]
        assert len(session) == 1
        cells = list(session[0].values())
        assert cells[10] == word and cells[11] == ""
    fixed = next(r for r in rows("en") if r["Cookie"] == "lanterne_remember")
    assert fixed["Duration (seconds)"] == str(30 * 86400)
