"""Discoverability: footer bindings, help, command palette, remapped keys, themes."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.binding import Binding
from textual.command import CommandPalette
from textual.widgets import Input, Markdown

from consent_tui import paths
from consent_tui.ui.app import ConsentApp
from consent_tui.ui.dialogs.entity_forms import ServiceForm
from consent_tui.ui.dialogs.help import HelpScreen
from consent_tui.ui.keys import binding_classes, known_ids
from tests.ui.helpers import SIZE, copy_sample, editor, make_app, ready, screen_text, settle


def footer_keys(app: object) -> dict[str, bool]:
    """Description -> enabled, for the bindings the footer shows now."""
    screen = app.screen  # type: ignore[attr-defined]
    return {
        active.binding.description: active.enabled
        for active in screen.active_bindings.values()
        if active.binding.show
    }


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    bindings = known_ids([ConsentApp, *binding_classes()])
    assert len(bindings) > 30
    for binding_id, binding in bindings.items():
        assert isinstance(binding, Binding)
        assert binding.tooltip, binding_id


async def test_footer_shows_what_applies_now(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        keys = footer_keys(app)
        assert keys["Edit"] and keys["Delete"] and keys["Filter"]
        assert keys["Undo"] is False  # nothing to undo yet: greyed out
        assert "Clear" not in keys
        await pilot.press("6")  # problems: nothing to add or delete
        keys = footer_keys(app)
        assert "Add" not in keys and "Delete" not in keys
        await pilot.press("1", "c")
        await pilot.pause()
        assert footer_keys(app)["Undo"] is True
        await pilot.press("slash", "x")
        assert footer_keys(app)["Clear"] is True


async def test_f1_shows_help_for_the_current_view(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("3", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one(Markdown).source
        assert text.startswith("# Purposes")
        assert "Renaming a purpose's id updates every service" in text
        assert "| `d` | Delete |" in text and "(`view.delete`)" in text
        assert "| `/` | Filter |" in text and "| `up`, `k` | Up |" in text  # as typed
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_jumps_to_a_cookie_by_name(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path, "news-site.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"VISITOR_PRIVACY")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        ed = editor(app)
        assert ed.active == "cookies"
        assert ed.view("cookies").grid.cursor_key == "youtube/2"


async def test_palette_offers_the_editor_actions(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"add purpose")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-id", Input).value == "new-purpose"
        assert editor(app).active == "purposes"


async def test_keys_are_remapped_from_the_config_file(tmp_path: Path) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True)
    config.write_text('[keys]\n"view.edit" = "f2"\nnot-a-binding = "x"\n', encoding="utf-8")
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        assert "unknown binding ids in [keys]: not-a-binding" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, ServiceForm)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ServiceForm)


async def test_the_chosen_theme_is_remembered(tmp_path: Path) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True)
    config.write_text('# my settings\n[keys]\nundo = "ctrl+u"\n', encoding="utf-8")
    path = copy_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.theme = "nord"
        await pilot.pause()
    text = config.read_text(encoding="utf-8")
    assert text == '# my settings\ntheme = "nord"\n\n[keys]\nundo = "ctrl+u"\n'
    assert tomllib.loads(text)["theme"] == "nord"
    again = make_app(path)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert again.theme == "nord"
