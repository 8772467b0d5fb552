"""The export dialog writes what ``consent-tui export`` writes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Select

from consent_tui.cli import main
from consent_tui.core.store import set_cookie_field
from consent_tui.ui.dialogs.export import ExportScreen
from consent_tui.ui.screens.editor import EditorScreen
from tests.ui.helpers import SIZE, copy_sample, make_app, ready, settle


async def test_export_dialog_writes_what_the_cli_writes(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert dialog.query_one("#export-format", Select).value == "markdown"
        target = dialog.query_one("#export-path", Input)
        assert target.value == str(tmp_path / "opendatasoft.en.md")
        dialog.query_one("#export-lang", Select).value = "fr"
        await pilot.pause()
        assert target.value == str(tmp_path / "opendatasoft.fr.md")  # follows the choice
        dialog.query_one("#export-format", Select).value = "html"
        await pilot.pause()
        assert target.value == str(tmp_path / "opendatasoft.fr.html")
        assert dialog.query_one("#export-fragment", Checkbox).display
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
    cli_out = tmp_path / "cli.html"
    assert main(["export", str(path), "-f", "html", "--lang", "fr", "-o", str(cli_out)]) == 0
    written = (tmp_path / "opendatasoft.fr.html").read_bytes()
    assert written == cli_out.read_bytes() and b"Politique relative aux cookies" in written


async def test_export_with_errors_needs_consent(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        cat = set_cookie_field(app.session.catalogue, "ods-csrf", 0, "duration", "forever")
        app.session.apply(cat, "Break a duration")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        target = tmp_path / "out.md"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "has 1 error(s)" in str(dialog.query_one("#export-status").render())
        assert not target.exists()
        dialog.query_one("#export-force", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "csrftoken" in target.read_text(encoding="utf-8")


async def test_export_reports_a_folder_it_cannot_write(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-path", Input).value = str(tmp_path)
        await pilot.pause()
        assert "is a folder" in str(dialog.query_one("#export-status").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)


async def test_export_never_overwrites_the_open_catalogue(tmp_path: Path) -> None:
    """Another spelling of the catalogue's own path is refused, in the dialog and on export."""
    path = copy_sample(tmp_path)
    original = path.read_bytes()
    (tmp_path / "sub").mkdir()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-path", Input).value = str(tmp_path / "sub" / ".." / path.name)
        await pilot.pause()
        status = dialog.query_one("#export-status")
        assert "is the open catalogue" in str(status.render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "is the input" in str(status.render())
    assert path.read_bytes() == original
