"""The revision bump and the drafted changelog entry, on the model."""

from __future__ import annotations

import datetime as dt

from consent_tui.core.changes.draft import bumped, draft, has_new_entry, with_entry
from consent_tui.core.export.texts import en, fr
from consent_tui.core.model import ChangelogEntry, Text
from consent_tui.core.store import load_text
from tests.core.changes_support import BASE, between, sub

DAY = dt.date(2026, 3, 1)
VIDEO = """
[services.video]
provider = "Video Co"
function = { en = "Videos", fr = "Vidéos" }
category = "analytics"
purposes = ["stats"]
party = "third"
privacy_policy = "https://video.example/privacy"
country = "US"
"""


def test_bump_raises_the_revision_above_both() -> None:
    catalogue = load_text(BASE)
    assert bumped(catalogue, 2).banner_settings.revision == 3
    assert bumped(catalogue, 7).banner_settings.revision == 8  # NEW had gone below OLD
    bare = load_text(BASE.replace("[banner]\nrevision = 2\n", ""))
    assert bare.banner is None
    assert bumped(bare, None).banner_settings.revision == 1


def test_bump_replaces_a_revision_of_the_wrong_type() -> None:
    catalogue = load_text(BASE.replace("revision = 2", 'revision = "2"'))
    assert catalogue.banner is not None and "revision" in catalogue.banner.extra
    raised = bumped(catalogue, 2).banner
    assert raised is not None and raised.revision == 3 and "revision" not in raised.extra


def test_the_draft_tells_each_material_change_in_each_language() -> None:
    new_text = sub('duration = "6 months"', 'duration = "13 months"')(BASE) + VIDEO
    old, new = load_text(BASE), load_text(new_text)
    entry = draft(between(BASE, new_text), old, new, DAY)
    assert entry is not None and entry.date == DAY and entry.text is not None
    assert entry.text.values == {
        "en": "The cookie _st_id (Stats Inc. – Audience) is now kept for 13 months. "
        "New service: Video Co – Videos.",
        "fr": "Le cookie _st_id (Stats Inc. – Audience) est désormais conservé 13 mois. "
        "Nouveau service\u00a0: Video Co – Vidéos.",
    }


def test_details_without_a_sentence_are_summed_up() -> None:
    new_text = sub('provider = "Stats Inc."', 'provider = "Stats SAS"', "consent = true",
                   "consent = false")(BASE)  # fmt: skip
    entry = draft(between(BASE, new_text), load_text(BASE), load_text(new_text), DAY)
    assert entry is not None and entry.text is not None
    assert entry.text.values["en"] == (
        "Cookies in the category Analytics are now set without asking for your consent. "
        + en.CHANGELOG["other"]
    )
    assert entry.text.values["fr"].endswith(fr.CHANGELOG["other"])


def test_removed_things_are_named_from_the_old_catalogue() -> None:
    new_text = BASE[: BASE.index("[services.stats]")]
    entry = draft(between(BASE, new_text), load_text(BASE), load_text(new_text), DAY)
    assert entry is not None and entry.text is not None
    assert entry.text.values["en"] == "Stats Inc. – Audience is no longer used."


def test_no_change_no_draft() -> None:
    catalogue = load_text(BASE)
    assert draft(between(BASE, BASE), catalogue, catalogue, DAY) is None


def test_a_catalogue_without_built_in_sentences_gets_english_to_translate() -> None:
    base = BASE.replace('languages = ["en", "fr"]', 'languages = ["sv"]')
    new_text = base + VIDEO
    entry = draft(between(base, new_text), load_text(base), load_text(new_text), DAY)
    assert entry is not None and entry.text is not None
    assert entry.text.values == {"sv": "New service: Video Co – Videos."}


def test_an_entry_newer_than_the_old_changelog_counts_as_written() -> None:
    old = load_text(BASE)
    entry = ChangelogEntry(DAY, Text({"en": "x"}))
    new = with_entry(old, entry)
    assert new.policy.changelog == (entry,)
    assert has_new_entry(old, new)
    assert not has_new_entry(new, new)
    older = with_entry(new, ChangelogEntry(dt.date(2025, 1, 1), Text({"en": "y"})))
    assert not has_new_entry(new, older)


def test_an_older_updated_date_follows_the_new_entry() -> None:
    dated = load_text(
        BASE.replace('site_name = "Shop"', 'site_name = "Shop"\nupdated = 2026-01-01')
    )
    assert with_entry(dated, ChangelogEntry(DAY, Text({"en": "x"}))).policy.updated == DAY
    later = dt.date(2027, 1, 1)
    kept = load_text(BASE.replace('site_name = "Shop"', 'site_name = "Shop"\nupdated = 2027-01-01'))
    assert with_entry(kept, ChangelogEntry(DAY, Text({"en": "x"}))).policy.updated == later
    assert (
        with_entry(load_text(BASE), ChangelogEntry(DAY, Text({"en": "x"}))).policy.updated is None
    )
