"""The document's "Changes to this policy" and its "last updated" date, in every format."""

from __future__ import annotations

import datetime as dt

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.document import build
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.export.texts import OVERRIDE_KEYS, en, fr
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load_text
from tests.core.changes_support import BASE

LOG = """
[[policy.changelog]]
date = 2026-03-01
text.en = "We now use Video Co.\\n\\nIts cookies need your consent."
text.fr = "Nous utilisons Video Co."

[[policy.changelog]]
date = 2026-06-15
text = { en = "Audience cookies live 13 months <b>now</b>." }

[[policy.changelog]]
date = 2025-12-24
text = "Older & first."
"""


def catalogue(extra: str = LOG, updated: str | None = None) -> Catalogue:
    text = BASE.replace('languages = ["en", "fr"]\n', 'languages = ["en", "fr"]\n' + extra)
    if updated:
        text = text.replace('site_name = "Shop"', f'site_name = "Shop"\nupdated = {updated}')
    return load_text(text)


def export(fmt: str, cat: Catalogue, lang: str = "en") -> str:
    return registry.get(fmt).render(cat, ExportOptions(lang=lang)).text


def test_entries_newest_first_and_last_updated_from_the_newest() -> None:
    doc = build(catalogue(), "en")
    assert doc.changes is not None
    assert doc.changes.title == en.SECTIONS["changes_title"] == "Changes to this policy"
    assert [e.date_iso for e in doc.changes.entries] == ["2026-06-15", "2026-03-01", "2025-12-24"]
    assert doc.changes.entries[1].paragraphs == (
        "We now use Video Co.",
        "Its cookies need your consent.",
    )
    assert (doc.updated, doc.updated_iso) == ("15 June 2026", "2026-06-15")


def test_policy_updated_wins_over_the_changelog() -> None:
    doc = build(catalogue(updated="2027-01-02"), "en")
    assert doc.updated_iso == "2027-01-02"


def test_french_heading_dates_and_fallback() -> None:
    doc = build(catalogue(), "fr")
    assert doc.changes is not None
    assert doc.changes.title == fr.SECTIONS["changes_title"] == "Modifications de cette politique"
    assert [e.date for e in doc.changes.entries] == [
        "15 juin 2026",
        "1er mars 2026",
        "24 décembre 2025",
    ]
    assert "policy.changelog[1].text: no 'fr' text; used the 'en' one" in doc.notes


def test_no_changelog_no_section() -> None:
    doc = build(load_text(BASE), "en")
    assert doc.changes is None and doc.updated is None
    for fmt in ("markdown", "html", "text"):
        assert "Changes to this policy" not in export(fmt, load_text(BASE))


def test_undated_or_empty_entries_are_left_out() -> None:
    doc = build(catalogue('\n[[policy.changelog]]\ntext = "No date"\n'), "en")
    assert doc.changes is None and doc.updated is None


def test_the_heading_can_be_overridden() -> None:
    assert "changes_title" in OVERRIDE_KEYS
    extra = LOG + '\n[policy.document.sections]\nchanges_title = "What changed on {site}"\n'
    doc = build(catalogue(extra), "en")
    assert doc.changes is not None and doc.changes.title == "What changed on Shop"


def test_markdown() -> None:
    out = export("markdown", catalogue())
    section = out[out.index("## Changes to this policy") :]
    assert section == (
        "## Changes to this policy\n\n"
        "- **15 June 2026**: Audience cookies live 13 months &lt;b&gt;now&lt;/b&gt;.\n"
        "- **1 March 2026**: We now use Video Co.\n\n"
        "  Its cookies need your consent.\n"
        "- **24 December 2025**: Older &amp; first.\n\n"
        "*Last updated: 15 June 2026*\n"
    )


def test_text() -> None:
    out = export("text", catalogue())
    section = out[out.index("Changes to this policy") :]
    assert section == (
        "Changes to this policy\n----------------------\n\n"
        "- 15 June 2026: Audience cookies live 13 months <b>now</b>.\n"
        "- 1 March 2026: We now use Video Co.\n\n"
        "  Its cookies need your consent.\n"
        "- 24 December 2025: Older & first.\n\n"
        "Last updated: 15 June 2026\n"
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_html(lang: str) -> None:
    out = export("html", catalogue(), lang)
    assert '<section class="policy-section" id="changes">' in out
    assert ".cookie-policy dl.changes dt" in out  # its style comes with it
    assert (
        '<dt><time datetime="2026-06-15">'
        + ("15 June 2026" if lang == "en" else "15 juin 2026")
        + "</time></dt>\n<dd><p"
        + (' lang="en"' if lang == "fr" else "")
        + ">Audience cookies live 13 months &lt;b&gt;now&lt;/b&gt;.</p></dd>"
    ) in out
    assert out.index('id="changes"') < out.index('class="updated"')


def test_a_language_without_the_heading_gets_the_english_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sections = {k: v for k, v in fr.SECTIONS.items() if k != "changes_title"}
    monkeypatch.setattr(fr, "SECTIONS", sections)
    doc = build(catalogue(), "fr")
    assert doc.changes is not None and doc.changes.title == "Changes to this policy"
    assert getattr(doc.changes.title, "lang", None) == "en"


def test_the_newest_entry_dates_the_banner_free_json_too() -> None:
    data = export("json", catalogue())
    assert '"changelog": [' in data and '"2026-06-15"' in data
    assert dt.date(2026, 6, 15) == catalogue().policy.last_changed
