"""The editor names languages ("português (pt-BR)") in its pickers and checks tags in its forms."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from consent_tui.core.fields.checks import language_list_problem
from consent_tui.ui.dialogs.export import ExportScreen
from consent_tui.ui.dialogs.form import EntityForm
from tests.ui.helpers import SIZE, make_app, ready, screen_text

TAGS = ["en", "pt-BR", "zh-Hant", "sr-Latn"]


def _catalogue(tmp_path: Path) -> Path:
    texts = ", ".join(f'{tag} = "Necessary {tag}"' for tag in TAGS)
    path = tmp_path / "cookies.toml"
    path.write_text(
        "format_version = 1\n\n[policy]\n"
        'site_name = "Example"\nsite_url = "https://example.com"\ncontroller = "Example Ltd"\n'
        'contact = "mailto:privacy@example.com"\n'
        f"languages = [{', '.join(f'{chr(34)}{t}{chr(34)}' for t in TAGS)}]\n\n"
        f"[categories.necessary]\ntitle = {{ {texts} }}\ndescription = {{ {texts} }}\n"
        "consent = false\n",
        encoding="utf-8",
    )
    return path


async def test_the_preview_names_its_languages(tmp_path: Path) -> None:
    app = make_app(_catalogue(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("7")
        await pilot.pause()
        assert "Language English (en)" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert "Language português (pt-BR)" in screen_text(app)
        assert app.screen.query_one("#preview-lang", Select).value == "pt-BR"


async def test_the_export_dialog_and_the_forms_name_their_languages(tmp_path: Path) -> None:
    app = make_app(_catalogue(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one("#export-lang", Select).value = "sr-Latn"
        await pilot.pause()
        assert "srpski (sr-Latn)" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("4", "e")
        await pilot.pause()
        assert isinstance(app.screen, EntityForm)
        assert "English (en)" in screen_text(app)
        await pilot.press("ctrl+l", "ctrl+l")
        await pilot.pause()
        assert "中文 (zh-Hant)" in screen_text(app)
        assert "Necessary zh-Hant" in screen_text(app)


def test_the_languages_field_explains_a_bad_tag() -> None:
    assert language_list_problem("en, zh-Hant, sr-Latn, es-419") is None
    assert language_list_problem("en, pt_br") == (
        "'pt_br' is not a language tag (BCP 47): write \"pt-BR\" (português)"
    )
    assert language_list_problem("en, klingon-ish") == (
        "'klingon-ish' is not a language tag (BCP 47): use en, fr, pt-BR, zh-Hant …, "
        "separated by commas"
    )
