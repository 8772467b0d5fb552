"""Catalogue text is shown as text: markup, actions and escape sequences stay inert."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from consent_tui.core.session import Session
from consent_tui.ui.app import ConsentApp
from consent_tui.ui.dialogs.entity_forms import CookieForm
from tests.ui.helpers import SIZE, editor, raw_output, ready, screen_text, settle

HOSTILE = r"""format_version = 1

[policy]
site_name = "[b]Bold[/b] site"
languages = ["en"]
intro = "Read [link=https://evil.example]this[/link] \u001b]0;pwned\u0007"

[categories."[red]cat[/red]"]
title = "[/]"
consent = true

[purposes.track]
title = "[@click=app.quit]Quit now[/]"
legal_basis = "consent"

[services."[red]ads[/red]"]
provider = "[@click=app.quit]Click me[/]"
function = "\u001b[31mRED\u001b[0m \u009b2J \u202eevil"
category = "[red]cat[/red]"
purposes = ["track"]

[[services."[red]ads[/red]".cookies]]
name = "\u001b[31mred_cookie\u001b[0m"
duration = "[forever]"
"""

ESC = "\x1b"
C1 = "\x9b"


def hostile_app(tmp_path: Path) -> ConsentApp:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    app = ConsentApp(Session.open(path))
    app.recovery_delay = 3600
    return app


def assert_inert(app: ConsentApp) -> None:
    out = raw_output(app)
    assert ESC not in out and C1 not in out and "\x07" not in out and "\u202e" not in out


async def test_every_view_shows_the_text_literally(tmp_path: Path) -> None:
    app = hostile_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await settle(pilot)
        text = screen_text(app)
        assert "[red]ads[/red]" in text and "[@click=app.quit]Click me[/]" in text
        assert "␛[31mRED␛[0m <U+009B>2J <U+202" in text  # cut to the column width
        assert_inert(app)
        for key, expected in [
            ("2", "␛[31mred_cookie␛[0m"),
            ("3", "[@click=app.quit]Quit now[/]"),
            ("4", "[red]cat[/red]"),
            ("5", "[b]Bold[/b] site"),
            ("6", "'[forever]' is not a duration"),  # the selected problem, in full
        ]:
            await pilot.press(key, "end")
            await pilot.pause()
            assert expected in screen_text(app), key
            assert_inert(app)
        await pilot.press("7")
        await settle(pilot)
        assert "[link=https://evil.example]this[/link]" in screen_text(app)
        assert_inert(app)


async def test_clicking_action_markup_does_nothing(tmp_path: Path) -> None:
    app = hostile_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for x in range(20, 60, 4):
            await pilot.click(offset=(x, 5))
        await pilot.pause()
        assert app.is_running and app.session is not None


async def test_forms_show_escapes_and_keep_untouched_values_exactly(tmp_path: Path) -> None:
    app = hostile_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CookieForm)
        name = form.query_one("#field-name", Input)
        assert name.value == "␛[31mred_cookie␛[0m"
        assert_inert(app)
        form.query_one("#field-duration", Input).value = "1 year"
        await pilot.press("ctrl+s")
        await pilot.pause()
        cookie = app.session.catalogue.services["[red]ads[/red]"].cookies[0]
        assert cookie.name == "\x1b[31mred_cookie\x1b[0m" and cookie.duration == "1 year"


async def test_notifications_and_palette_stay_literal(tmp_path: Path) -> None:
    app = hostile_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"red")
        await settle(pilot)
        assert "[red]ads[/red]" in screen_text(app)
        assert_inert(app)
        await pilot.press("escape", "2", "d", "y")
        await pilot.pause()
        assert "Delete cookie ␛[31mred_cookie␛[0m" in screen_text(app)
        assert_inert(app)
        assert editor(app).view("cookies").grid.total_count == 0
