"""Pictures of the editor's dialogs at 120x36: forms, delete, export, help, hostile text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.ui.snapshots import SIZE, stage, steps
from tests.ui.test_hostile_text import HOSTILE


def test_service_form(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The form of the opendatasoft authentication service: id, provider, translated
    texts (⇄), category select, purposes multi-select, the language switch at the top."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("enter"))


async def _bad_duration(pilot: Any) -> None:
    field = pilot.app.screen.query_one("#field-duration", Input)
    field.value = "2 weks"
    field.focus()
    await pilot.pause()
    await pilot.press("ctrl+s")


def test_cookie_form_refuses_an_error(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The csrftoken cookie's form after typing "2 weks": the error under the field
    and, after ctrl+s, the summary saying why it cannot be saved."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")
    keys = ("2", "down", "down", "enter")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*keys, then=_bad_duration))


def test_cookie_form_in_french(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same form switched to French with ctrl+l: the translated fields show the
    French texts; the others are unchanged."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")
    keys = ("2", "down", "down", "enter", "ctrl+l")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*keys))


def test_purpose_form(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A purpose's form: id (with how many services a rename updates), title,
    description, legal basis select, TCF purpose numbers."""
    app = stage(tmp_path, monkeypatch, "news-site.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("3", "down", "enter"))


def test_category_form(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A category's form: id, title, description and whether consent is required."""
    app = stage(tmp_path, monkeypatch, "news-site.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("4", "down", "enter"))


def test_policy_form(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The policy form opened from the policy view on "Site address"."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("5", "down", "enter"))


def test_delete_purpose_confirmation(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleting the news site's statistics purpose: the dialog names the purpose and
    the services whose purposes will lose it."""
    app = stage(tmp_path, monkeypatch, "news-site.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("3", "down", "d"))


def test_export_dialog(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The export dialog: format, language and the file written next to the catalogue."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("ctrl+e"))


def test_help(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F1 on the cookies view: what the view shows, then the keys that work there with
    their binding ids."""
    app = stage(tmp_path, monkeypatch, "opendatasoft.toml")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/user/.config")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("2", "f1"))


def test_hostile_text(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A catalogue of markup and escape sequences: the services view shows "[red]ads[/red]",
    "[@click=app.quit]…" and ␛ symbols literally, in the default colours."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    from consent_tui.core.session import Session
    from consent_tui.ui.app import ConsentApp

    monkeypatch.chdir(folder)
    app = ConsentApp(Session.open(Path("hostile.toml")))
    app.recovery_delay = 3600
    assert snap_compare(app, terminal_size=SIZE, run_before=steps())
