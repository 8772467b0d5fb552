"""Forms made from the field description: every type has a widget, checks agree with validate."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select

from consent_tui.core.fields import ENTITIES, Entity
from consent_tui.core.model import Category
from consent_tui.ui.dialogs.entity_forms import (
    CategoryForm,
    CookieForm,
    PurposeForm,
    ServiceForm,
)
from consent_tui.ui.dialogs.field_forms import Maker, RefField
from consent_tui.ui.dialogs.policy_form import PolicyForm
from consent_tui.ui.screens.editor import EditorScreen
from tests.ui.helpers import SIZE, copy_sample, make_app, ready

_SUB_TABLES = ("table", "tables", "entities", "inline")


def _everything(desc: Entity) -> Entity:
    """A copy of ``desc`` whose every field is in the form."""
    fields = tuple(dataclasses.replace(f, form=True) for f in desc.fields)
    return dataclasses.replace(desc, fields=fields)


def _forms(app: Any) -> list[tuple[str, Any]]:
    cat = app.session.catalogue
    service = cat.services["google-analytics"]  # consent_mode, cookies with refresh
    return [
        ("service", ServiceForm(cat, service, new=False, lang="en")),
        ("cookie", CookieForm(cat, service.id, service.cookies[0], new=False, lang="en")),
        ("purpose", PurposeForm(cat, cat.purposes["audience-measurement"], new=False, lang="en")),
        ("category", CategoryForm(cat, cat.categories["statistics"], new=False, lang="en")),
        ("policy", PolicyForm(cat, lang="en")),
    ]


async def test_every_field_of_every_kind_has_a_widget_that_keeps_its_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every described field put in the forms (as a later change may do), each form
    shows a widget per field, and saving it untouched gives the entity back unchanged."""
    for kind, desc in list(ENTITIES.items()):
        monkeypatch.setitem(ENTITIES, kind, _everything(desc))
    app = make_app(copy_sample(tmp_path, "news-site.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for kind, form in _forms(app):
            await app.push_screen(form)
            await pilot.pause()
            kinds = ("policy", "document", "banner") if kind == "policy" else (kind,)
            for part in kinds:
                prefix = "" if part in (kind, "policy") else f"{part}-"
                for field in ENTITIES[part].fields:
                    if field.type in _SUB_TABLES or field.type == "texts":
                        continue
                    assert form.query(f"#field-{prefix}{field.key}"), (kind, field.key)
            result = form.result()
            if kind == "policy":
                assert result.policy is app.session.catalogue.policy
                assert result.banner is app.session.catalogue.banner
            elif kind == "cookie":
                assert result.cookie is form.cookie and result.service_id == "google-analytics"
            else:
                assert result == getattr(form, kind)
            form.dismiss(None)
            await pilot.pause()


async def test_a_country_validate_refuses_is_refused_in_the_form(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ServiceForm)
        form.query_one("#field-country", Input).value = "UK"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Country: a two-letter ISO 3166 country code" in str(
            form.query_one("#form-errors").render()
        )
        form.query_one("#field-country", Input).value = "GB"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.session.catalogue.services["ods-auth"].country == "GB"


async def test_a_new_id_has_the_form_validate_asks_for(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ServiceForm)
        form.query_one("#field-id", Input).value = "Matomo"
        await pilot.pause()
        error = str(form.query_one("#field-id-error").render())
        assert "lower-case letters" in error


def test_pickers_name_every_entry_the_same_way(tmp_path: Path) -> None:
    """An entry without a title is offered by its id alone, like a service without a provider."""
    from consent_tui.core.store import load

    cat = load(copy_sample(tmp_path)).catalogue
    categories = dict(cat.categories)
    categories["untitled"] = Category("untitled")
    cat = dataclasses.replace(cat, categories=categories)
    options = Maker(cat, "en").options("category")
    assert options[-1] == ("untitled", "untitled")
    assert all(label.startswith(f"{ident} — ") for label, ident in options[:-1])


async def test_a_cookies_service_picker_is_a_reference_without_blank(tmp_path: Path) -> None:
    app = make_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CookieForm)
        picker = form.field("service")
        assert isinstance(picker, RefField) and picker.ref == "service"
        assert picker.target == "move"
        assert picker.blank is None and form.query_one("#field-service", Select).value == "ods-auth"
