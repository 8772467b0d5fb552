"""Pilot flows of the editor: edit, add, duplicate, delete, rename, undo, save.

Each test drives the keys a user would press and checks the model
(``app.session.catalogue``) and, after saving, the file's exact text.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, SelectionList

from consent_tui.core.store import load_text
from consent_tui.ui.dialogs.confirm import ConfirmDelete
from consent_tui.ui.dialogs.entity_forms import CookieForm, PurposeForm, ServiceForm
from consent_tui.ui.screens.editor import EditorScreen
from tests.ui.helpers import SIZE, copy_sample, editor, make_app, ready


def replaced(original: str, old: str, new: str) -> str:
    assert original.count(old) == 1, old
    return original.replace(old, new)


async def test_edit_cookie_duration_and_save(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2", "down", "down", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CookieForm)
        duration = form.query_one("#field-duration", Input)
        duration.value = ""
        duration.focus()
        await pilot.press(*"2 years")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        cookie = app.session.catalogue.services["ods-csrf"].cookies[0]
        assert cookie.duration == "2 years"
        assert app.session.dirty and app.screen.title == "opendatasoft.toml ●"
        app.session.save()
        await pilot.pause()
        assert app.screen.title == "opendatasoft.toml"
    expected = replaced(before, 'duration = "1 year"\n', 'duration = "2 years"\n')
    assert path.read_text(encoding="utf-8") == expected


async def test_form_refuses_an_invalid_value_and_says_why(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-duration", Input).value = "2 weks"
        await pilot.pause()
        error = form.query_one("#field-duration-error")
        assert error.display and "unknown unit 'weks'" in str(error.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open
        summary = str(form.query_one("#form-errors").render())
        assert summary.startswith("Cannot save") and "Duration" in summary
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.catalogue.services["ods-auth"].cookies[0].duration == "2 weeks"
        assert not app.session.dirty


async def test_add_service_then_undo_and_redo(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ServiceForm)
        assert form.query_one("#field-id", Input).value == "new-service"
        form.query_one("#field-id", Input).value = "matomo"
        form.query_one("#field-provider", Input).value = "InnoCraft"
        form.query_one("#field-function", Input).value = "Audience measurement"
        await pilot.press("ctrl+s")
        await pilot.pause()
        cat = app.session.catalogue
        assert list(cat.services)[-1] == "matomo"
        service = cat.services["matomo"]
        assert service.provider == "InnoCraft"
        assert dict(service.function.values) == {"en": "Audience measurement"}  # type: ignore[union-attr]
        ed = editor(app)
        assert ed.view("services").grid.cursor_key == "matomo"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "matomo" not in app.session.catalogue.services
        assert not app.session.dirty
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "matomo" in app.session.catalogue.services


async def test_add_cookie_to_the_selected_cookies_service(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2", "down", "a")  # on django_language (ods-language)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CookieForm)
        form.query_one("#field-name", Input).value = "ui_theme"
        form.query_one("#field-duration", Input).value = "1 year"
        await pilot.press("ctrl+s")
        await pilot.pause()
        cookies = app.session.catalogue.services["ods-language"].cookies
        assert [c.name for c in cookies] == ["django_language", "ui_theme"]
        assert editor(app).view("cookies").grid.cursor_key == "ods-language/1"


async def test_a_new_cookie_needs_a_name(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2", "a")
        await pilot.pause()
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Name: required" in str(form.query_one("#form-errors").render())


async def test_duplicate_service_and_cookie(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await pilot.pause()
        cat = app.session.catalogue
        assert list(cat.services)[:2] == ["ods-auth", "ods-auth-copy"]
        assert editor(app).view("services").grid.cursor_key == "ods-auth-copy"
        await pilot.press("2", "c")
        await pilot.pause()
        names = [c.name for c in app.session.catalogue.services["ods-auth"].cookies]
        assert names == ["sessionid", "sessionid_copy"]


async def test_delete_purpose_names_its_users_and_removes_references(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("3", "down", "down", "d")  # the "api" purpose
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDelete)
        text = str(dialog.query_one("#confirm-text").render())
        assert "Delete the purpose api?" in text
        assert "1 service lists it among its purposes: ods-csrf; it will be removed" in text
        await pilot.press("y")
        await pilot.pause()
        cat = app.session.catalogue
        assert "api" not in cat.purposes
        assert cat.services["ods-csrf"].purposes == ()
        app.session.save()
    assert load_text(path.read_text(encoding="utf-8")) == cat


async def test_delete_can_be_declined(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = app.session.catalogue
        await pilot.press("d")
        await pilot.pause()
        assert "Its 1 cookie go with it: sessionid." in str(
            app.screen.query_one("#confirm-text").render()
        )
        await pilot.press("n")
        await pilot.pause()
        assert app.session.catalogue is before


async def test_rename_purpose_id_updates_services_and_file(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("3", "down", "down", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PurposeForm)
        form.query_one("#field-id", Input).value = "api-security"
        await pilot.press("ctrl+s")
        await pilot.pause()
        cat = app.session.catalogue
        assert "api-security" in cat.purposes and "api" not in cat.purposes
        assert cat.services["ods-csrf"].purposes == ("api-security",)
        assert editor(app).view("purposes").grid.cursor_key == "api-security"
        app.session.save()
    text = path.read_text(encoding="utf-8")
    assert "[purposes.api-security]" in text and 'purposes = ["api-security"]' in text
    assert load_text(text) == cat
    assert text.count("\n") == before.count("\n")


async def test_rename_to_a_used_id_is_refused_at_the_field(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-id", Input).value = "ods-csrf"
        await pilot.pause()
        assert "'ods-csrf' is already used" in str(form.query_one("#field-id-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form


async def test_service_purposes_multi_select(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        purposes = app.screen.query_one("#field-purposes", SelectionList)
        purposes.select("language")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.catalogue.services["ods-auth"].purposes == ("authentication", "language")


async def test_move_cookie_to_another_service(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        app.screen.query_one("#field-service").value = "ods-csrf"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        cat = app.session.catalogue
        assert cat.services["ods-auth"].cookies == ()
        assert [c.name for c in cat.services["ods-csrf"].cookies] == ["csrftoken", "sessionid"]
        assert editor(app).view("cookies").grid.cursor_key == "ods-csrf/1"
