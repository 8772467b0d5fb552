"""Browsing: filter, sort, problems (live, counted, jump), translations, policy, preview."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from consent_tui.core.model import Text
from consent_tui.core.store import set_cookie_field
from consent_tui.ui.dialogs.entity_forms import CookieForm, ServiceForm
from consent_tui.ui.dialogs.policy_form import PolicyForm
from consent_tui.ui.screens.editor import EditorScreen
from consent_tui.ui.views.preview import PreviewView
from tests.ui.helpers import SIZE, copy_sample, editor, make_app, ready, settle


async def test_filter_as_you_type_matches_any_column(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path, "news-site.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2", "slash", *"google-ANA")
        grid = editor(app).view("cookies").grid
        keys = grid.visible_keys()
        assert keys and all(k.startswith("google-analytics/") for k in keys)
        total = grid.total_count
        # every word must match, in any column: a name and a duration
        await pilot.press("ctrl+u")  # clear the input
        await pilot.press(*"13 _ga")
        names = [grid.row(k).cells[0] for k in grid.visible_keys()]  # type: ignore[union-attr]
        assert names == ["_ga", "_ga_*", "__gads"]  # "_ga" inside "__gads" too
        await pilot.press("enter")  # back to the table, the filter stays
        assert app.focused is grid
        await pilot.press("escape")
        assert grid.row_count == total and grid.filter_text == ""


async def test_sort_by_column_with_keys_and_header_click(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path, "news-site.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2")
        view = editor(app).view("cookies")
        grid = view.grid
        file_order = grid.visible_keys()
        await pilot.press("s")  # by name
        names = [grid.row(k).cells[0].casefold() for k in grid.visible_keys()]  # type: ignore[union-attr]
        assert names == sorted(names)
        await pilot.press("S")  # reversed
        names = [grid.row(k).cells[0].casefold() for k in grid.visible_keys()]  # type: ignore[union-attr]
        assert names == sorted(names, reverse=True)
        assert "sorted by Name ▼" in str(view.query_one(".status").render())
        # click the Duration header: sessions first, then by length
        await pilot.click(grid, offset=(grid._column_edge(2) + 1, 0))
        durations = [grid.row(k).cells[2] for k in grid.visible_keys()]  # type: ignore[union-attr]
        assert durations[0] == "session"
        assert grid.sort_column == 2
        for _ in range(len(grid.columns) - 2):
            await pilot.press("s")
        assert grid.sort_column is None and grid.visible_keys() == file_order


async def test_problems_are_live_counted_and_jump_to_the_field(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await settle(pilot)
        ed = editor(app)
        assert ed.sub_title == "no problems"
        cat = set_cookie_field(app.session.catalogue, "ods-csrf", 0, "duration", "forever")
        app.session.apply(cat, "Break a duration")
        await settle(pilot)
        assert ed.sub_title == "1 error"
        assert ed.bar.label("problems") == "Problems (1)"
        await pilot.press("2")
        cookies = ed.view("cookies").grid
        assert cookies.row("ods-csrf/0").cells[-1] == "✗ 1"  # type: ignore[union-attr]
        await pilot.press("6")
        problems = ed.view("problems").grid
        assert problems.row("0").cells[:4] == (  # type: ignore[union-attr]
            "error",
            "invalid-duration",
            "cookie ods-csrf/0",
            "duration",
        )
        # the line is that of the text a save would write now
        line = app.session.render().splitlines().index('duration = "forever"') + 1
        assert problems.row("0").cells[5] == str(line)  # type: ignore[union-attr]
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CookieForm)
        assert ed.active == "cookies" and cookies.cursor_key == "ods-csrf/0"
        duration = form.query_one("#field-duration", Input)
        assert form.focused is duration
        duration.value = "1 year"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert ed.sub_title == "no problems"


async def test_language_switch_edits_each_translation(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ServiceForm)
        function = form.query_one("#field-function", Input)
        assert function.value == "Authentication"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert form.query_one("#form-lang", Select).value == "fr"
        assert function.value == "Authentification"
        function.value = "Connexion"
        await pilot.press("ctrl+l")  # back to English: the French edit is kept
        await pilot.pause()
        assert function.value == "Authentication"
        await pilot.press("ctrl+s")
        await pilot.pause()
        service = app.session.catalogue.services["ods-auth"]
        assert service.function == Text({"en": "Authentication", "fr": "Connexion"})
        assert service.location is app.session.document.catalogue.services["ods-auth"].location


async def test_policy_view_and_form(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("5", "down", "down", "enter")  # Data controller
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PolicyForm)
        controller = form.query_one("#field-controller", Input)
        assert form.focused is controller
        controller.value = "Opendatasoft SAS"
        form.query_one("#field-updated", Input).value = "2026-12-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        view = editor(app).view("policy")
        assert view.grid.row("controller").cells[1] == "Opendatasoft SAS"
        app.session.save()
    expected = before.replace('controller = "Opendatasoft"', 'controller = "Opendatasoft SAS"')
    expected = expected.replace("updated = 2026-11-28", "updated = 2026-12-01")
    assert path.read_text(encoding="utf-8") == expected


async def test_policy_form_rejects_a_bad_date(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("5", "enter")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-updated", Input).value = "28/11/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Last updated: a date written YYYY-MM-DD" in str(
            form.query_one("#form-errors").render()
        )


async def test_preview_renders_the_markdown_export_in_each_language(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("7")
        await settle(pilot)
        preview = editor(app).view("preview")
        assert isinstance(preview, PreviewView)
        text = preview.lines.text()
        assert text.startswith("Cookies policy") and "csrftoken" in text
        await pilot.press("l")
        await settle(pilot)
        assert preview.lines.text().startswith("Politique relative aux cookies")
        # edits reach the preview a moment later
        cat = set_cookie_field(app.session.catalogue, "ods-csrf", 0, "name", "xsrf_token")
        app.session.apply(cat, "Rename a cookie")
        await settle(pilot)
        assert "xsrf_token" in preview.lines.text()


async def test_down_leaves_the_filter_for_the_rows(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"ods", "down")
        grid = editor(app).view("services").grid
        assert app.focused is grid and grid.filter_text == "ods"
        await pilot.press("down")
        assert grid.cursor_key == "ods-language"


async def test_the_filter_applies_as_the_value_changes(tmp_path: Path) -> None:
    """Rows and their count follow the filter's value at once, not a message later.

    So a keystroke's new characters, rows and status line are painted in one frame
    (see benchmarks/bench_ui.py): setting the value, with no pause, has filtered.
    """
    app = make_app(copy_sample(tmp_path, "news-site.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2")
        view = editor(app).view("cookies")
        grid = view.grid
        total = grid.total_count
        view.filter_input.value = "_GA"
        assert grid.filter_text == "_ga" and 0 < grid.row_count < total
        status = str(view.query_one(".status").render())
        assert f"{grid.row_count} of {total} cookies match “_ga”" in status
        view.filter_input.value = ""
        assert grid.filter_text == "" and grid.row_count == total
        assert str(view.query_one(".status").render()).startswith(f"{total} cookies")
