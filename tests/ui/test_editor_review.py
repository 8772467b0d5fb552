"""Reviewing a drafted catalogue in the editor: the review mark is a field of its form."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from consent_tui.cli import main
from consent_tui.core.store import load
from consent_tui.ui.dialogs.entity_forms import ServiceForm
from consent_tui.ui.dialogs.policy_form import PolicyForm
from consent_tui.ui.screens.editor import EditorScreen
from tests.conftest import DATA
from tests.ui.helpers import SIZE, make_app, ready


def _drafted(tmp_path: Path) -> Path:
    out = tmp_path / "site.toml"
    assert main(["init", "--from", str(DATA / "audit" / "accept.har"), "-o", str(out)]) == 0
    return out


async def test_clearing_the_mark_of_a_service_and_the_policy(tmp_path: Path) -> None:
    path = _drafted(tmp_path)
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("1", "enter")  # the first service: unreviewed
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ServiceForm) and form.service.id == "unreviewed"
        review = form.query_one("#field-review", Select)
        assert review.value is True
        review.value = Select.NULL
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.session.catalogue.services["unreviewed"].review is None
        await pilot.press("5", "enter")
        await pilot.pause()
        policy_form = app.screen
        assert isinstance(policy_form, PolicyForm)
        policy_form.query_one("#field-review", Select).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.catalogue.policy.review is False
        app.session.save()
    after = path.read_text(encoding="utf-8")
    policy, service, *_others = before.split("review = true\n")
    assert after == before.replace(
        policy + "review = true\n" + service + "review = true\n",
        policy + "review = false\n" + service,
    )
    assert after != before
    catalogue = load(path).catalogue
    assert [s.review for s in catalogue.services.values()] == [None, True, True, True]


async def test_a_table_without_the_mark_shows_no_review_field(tmp_path: Path) -> None:
    from tests.ui.helpers import copy_sample

    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ServiceForm)
        assert not app.screen.query("#field-review")
