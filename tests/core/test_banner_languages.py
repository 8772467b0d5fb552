"""Banner exports say which texts fell back to another language, as the documents do."""

from __future__ import annotations

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.store import load, load_text
from tests.conftest import SAMPLES

PARTLY_FRENCH = """\
format_version = 1
[policy]
site_name = "S"
site_url = "https://s.example"
controller = "C"
languages = ["en", "fr"]
intro = { en = "We use cookies." }
[categories.stats]
title = { en = "Statistics" }
description = { en = "Counting visits.", fr = "Compter les visites." }
consent = true
[purposes.measure]
title = { en = "Measure", fr = "Mesure" }
description = { en = "To count visits" }
[services.ga]
provider = "Google"
function = { en = "Analytics" }
description = { fr = "Mesure d'audience" }
category = "stats"
purposes = ["measure"]
[[services.ga.cookies]]
name = "_ga"
duration = "13 months"
duration_note = { en = "renewed on each visit" }
description = { en = "Tells visitors apart.", fr = "Distingue les visiteurs." }
[[services.ga.cookies]]
name = "_gid"
duration = "1 day"
description = { en = "Tells visitors apart for a day." }
"""

EXPECTED = {
    "klaro": [
        "services.ga.description: no 'en' text; used the 'fr' one",
        "services.ga.function: no 'fr' text; used the 'en' one",
        "services.ga.cookies[0].duration_note: no 'fr' text; used the 'en' one",
        "purposes.measure.description: no 'fr' text; used the 'en' one",
    ],
    "cookieconsent": [
        "policy.intro: no 'fr' text; used the 'en' one",
        "categories.stats.title: no 'fr' text; used the 'en' one",
        "services.ga.function: no 'fr' text; used the 'en' one",
        "services.ga.cookies[0].duration_note: no 'fr' text; used the 'en' one",
        "services.ga.cookies[1].description: no 'fr' text; used the 'en' one",
    ],
}


@pytest.mark.parametrize("fmt", EXPECTED)
def test_every_fallback_has_a_note(fmt: str) -> None:
    result = registry.get(fmt).render(load_text(PARTLY_FRENCH), ExportOptions())
    fallbacks = [note for note in result.notes if "text; used the" in note]
    assert sorted(fallbacks) == sorted(EXPECTED[fmt])


def test_tcf_notes_the_fallbacks_of_its_language() -> None:
    result = registry.get("tcf-disclosures").render(
        load_text(PARTLY_FRENCH), ExportOptions(lang="fr")
    )
    fallbacks = [note for note in result.notes if "text; used the" in note]
    assert fallbacks == [
        "services.ga.function: no 'fr' text; used the 'en' one",
        "services.ga.cookies[1].description: no 'fr' text; used the 'en' one",
    ]


def test_a_fully_translated_catalogue_has_no_fallback_note() -> None:
    catalogue = load(SAMPLES / "opendatasoft.toml").catalogue
    for fmt in ("klaro", "cookieconsent", "tcf-disclosures"):
        notes = registry.get(fmt).render(catalogue, ExportOptions(lang="fr")).notes
        assert not [note for note in notes if "text; used the" in note], fmt
