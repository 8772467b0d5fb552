"""The policy document and the banner configurations state the same consent lifetime.

``[banner] consent_lifetime`` is written into the policy ("your choices are kept
for …") and into Klaro's ``cookieExpiresAfterDays`` and vanilla-cookieconsent's
``expiresAfterDays``. Whatever the value, the three agree (banners count whole
days), and a value they cannot use as it is gives the same loud note everywhere.
"""

from __future__ import annotations

import re

import pytest

from consent_tui.core.durations import parse_duration
from consent_tui.core.export import registry
from consent_tui.core.export.lifetime import consent_lifetime
from consent_tui.core.export.registry import ExportOptions, ExportResult
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load_text

BASE = """\
format_version = 1
[policy]
site_name = "S"
site_url = "https://s.example"
controller = "C"
languages = ["en", "fr"]
"""
KEPT_FOR = re.compile(r"Your choices are kept for (.+?); after that")
GARDES = re.compile(r"Vos choix sont conservés (.+?) ; passé ce délai")
KLARO_DAYS = re.compile(r"cookieExpiresAfterDays: (\d+),")
CC_DAYS = re.compile(r"expiresAfterDays: (\d+) \}")

# consent_lifetime -> (days every export states, the document's English words, adjusted?)
CASES = {
    "12 hours": (1, "1 day", True),
    "session": (1, "1 day", True),
    "PT23H59M": (1, "1 day", True),
    "1 day": (1, "1 day", False),
    "36 hours": (1, "36 hours", False),
    "30 days": (30, "30 days", False),
    "6 months": (182, "6 months", False),
    "P13M": (395, "13 months", False),
    "400 days": (400, "400 days", False),
    "2 years": (400, "400 days", True),
    "persistent": (182, "182 days", True),
    "soon": (182, "182 days", True),
}
IN_FRENCH = {
    "1 day": "1 jour",
    "36 hours": "36 heures",
    "30 days": "30 jours",
    "6 months": "6 mois",
    "13 months": "13 mois",
    "400 days": "400 jours",
    "182 days": "182 jours",
}


def catalogue(lifetime: str | None) -> Catalogue:
    banner = "" if lifetime is None else f'[banner]\nconsent_lifetime = "{lifetime}"\n'
    return load_text(BASE + banner)


def export(fmt: str, cat: Catalogue, lang: str = "en") -> ExportResult:
    return registry.get(fmt).render(cat, ExportOptions(lang=lang))


def one(pattern: re.Pattern[str], text: str) -> str:
    found = pattern.findall(" ".join(text.split()))
    assert len(found) == 1, (pattern.pattern, found)
    return str(found[0])


@pytest.mark.parametrize("lifetime", CASES)
def test_document_and_banners_state_the_same_lifetime(lifetime: str) -> None:
    days, words, adjusted = CASES[lifetime]
    cat = catalogue(lifetime)
    text = export("text", cat)
    stated = one(KEPT_FOR, text.text)
    assert stated == words
    assert (parse_duration(stated).seconds or 0) // 86400 == days
    assert one(GARDES, export("markdown", cat, "fr").text) == IN_FRENCH[words]
    klaro = export("klaro", cat)
    cookieconsent = export("cookieconsent", cat)
    assert int(one(KLARO_DAYS, klaro.text)) == days
    assert int(one(CC_DAYS, cookieconsent.text)) == days
    notes = [n for r in (text, klaro, cookieconsent) for n in r.notes if "consent_lifetime" in n]
    if adjusted:
        assert len(notes) == 3 and len(set(notes)) == 1, notes
        assert notes[0].endswith((f"say {words}", f"use the default, {words}"))
    else:
        assert notes == []


def test_the_default_is_182_days_without_a_note() -> None:
    lifetime = consent_lifetime(catalogue(None))
    assert (lifetime.days, lifetime.note) == (182, None)
    assert one(KEPT_FOR, export("text", catalogue(None)).text) == "182 days"


def test_a_lifetime_under_a_day_says_so_loudly() -> None:
    note = consent_lifetime(catalogue("12 hours")).note
    assert note == (
        "[banner] consent_lifetime '12 hours' is less than a day, the least a banner keeps "
        "consent: the policy and the banners say 1 day"
    )
