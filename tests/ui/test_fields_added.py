"""Adding a key to cookies is one more field in their description (and the model's attribute).

Here a copy of the cookie description gains ``shelf`` (required, shown as a
column), its model a ``shelf`` attribute, and nothing else changes: the store
reads and writes it, validation knows its type and asks for it, the JSON
Schema lists it, the cookies table shows it and the cookie form edits it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from textual.widgets import Input

from consent_tui.core.fields import ENTITIES, Column, Field, entity, words
from consent_tui.core.model import Cookie
from consent_tui.core.schema.generate import catalogue_schema
from consent_tui.core.store import load_text, to_data
from consent_tui.ui.dialogs.entity_forms import CookieForm
from consent_tui.ui.screens.editor import EditorScreen
from tests.core.validation_support import check
from tests.ui.helpers import SIZE, editor, make_app, ready, settle


@dataclass(frozen=True, slots=True)
class ShelvedCookie(Cookie):
    shelf: str | None = None


SHELF = Field(
    "shelf",
    "string",
    words("Shelf"),
    doc="Which shelf of the jar the cookie sits on.",
    placeholder="top, middle or bottom",
    required=True,
    column=Column(6, max_width=10),
)
CATALOGUE = """\
format_version = 1

[policy]
site_name = "Bakery"
site_url = "https://bakery.example"
controller = "Bakery Ltd"
contact = "mailto:hello@bakery.example"

[categories.necessary]
title = "Necessary"
consent = false

[purposes.cart]
title = "Cart"
description = "To remember your cart"
legal_basis = "contract"

[services.cart]
provider = "Bakery Ltd"
function = "Cart"
category = "necessary"
purposes = ["cart"]
party = "first"

[[services.cart.cookies]]
name = "cart_id"
duration = "session"
shelf = "top"
"""


@pytest.fixture(autouse=True)
def shelved(monkeypatch: pytest.MonkeyPatch) -> None:
    described = entity("cookie").with_field(SHELF, after="path", model=ShelvedCookie)
    monkeypatch.setitem(ENTITIES, "cookie", described)


def test_the_store_reads_and_writes_it() -> None:
    cookie = load_text(CATALOGUE).services["cart"].cookies[0]
    assert isinstance(cookie, ShelvedCookie) and cookie.shelf == "top" and not cookie.extra
    data = to_data(load_text(CATALOGUE))
    assert data == tomllib.loads(CATALOGUE)
    assert list(data["services"]["cart"]["cookies"][0]) == ["name", "shelf", "duration"]


def test_validation_knows_its_type_and_asks_for_it() -> None:
    assert [p.rule for p in check(CATALOGUE)] == []
    wrong = [p for p in check(CATALOGUE.replace('"top"', "3")) if p.field == "shelf"]
    assert [(p.rule, p.message) for p in wrong] == [
        (
            "wrong-type",
            "shelf of cookie `cart_id` of service `cart` must be a string, not an integer (3)",
        )
    ]
    assert wrong[0].hint == 'write it in quotes: `shelf = "3"`'
    missing = [p for p in check(CATALOGUE.replace('shelf = "top"\n', "")) if p.field == "shelf"]
    assert [(p.rule, p.message) for p in missing] == [
        ("missing-required-field", "cookie `cart_id` of service `cart` has no shelf")
    ]
    typo = [p for p in check(CATALOGUE.replace("shelf =", "shelve =")) if p.rule == "unknown-key"]
    assert typo[0].hint == "did you mean `shelf`?"


def test_the_schema_lists_it() -> None:
    schema = catalogue_schema()
    cookie = schema["$defs"]["cookie"]
    assert list(cookie["properties"])[3:5] == ["path", "shelf"]
    assert cookie["properties"]["shelf"] == {
        "type": "string",
        "minLength": 1,
        "description": "Which shelf of the jar the cookie sits on. Required.",
    }
    assert cookie["required"] == ["name", "shelf"]  # duration: unless duration_text
    assert cookie["then"] == {"required": ["duration"]}
    validator = jsonschema.Draft202012Validator(schema)
    data = tomllib.loads(CATALOGUE)
    assert list(validator.iter_errors(data)) == []
    data["services"]["cart"]["cookies"][0]["shelf"] = 3
    assert [e.message for e in validator.iter_errors(data)] == ["3 is not of type 'string'"]


async def test_the_table_shows_it_and_the_form_edits_it(tmp_path: Path) -> None:
    path = tmp_path / "bakery.toml"
    path.write_text(CATALOGUE, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await settle(pilot)
        cookies = editor(app).view("cookies")
        labels = [c.label for c in cookies.grid.columns]
        assert labels == ["Name", "Service", "Duration", "Type", "Domain", "Shelf", "Problems"]
        assert cookies.grid.row("cart/0").cells[5] == "top"  # type: ignore[union-attr]
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CookieForm)
        shelf = form.query_one("#field-shelf", Input)
        assert shelf.value == "top" and shelf.placeholder == "top, middle or bottom"
        shelf.value = "middle"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        cookie = app.session.catalogue.services["cart"].cookies[0]
        assert isinstance(cookie, ShelvedCookie) and cookie.shelf == "middle"
        app.session.save()
    assert path.read_text(encoding="utf-8") == CATALOGUE.replace('"top"', '"middle"')


def test_a_copy_leaves_the_description_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    assert not entity("cookie").has("shelf")
    assert "shelf" not in catalogue_schema()["$defs"]["cookie"]["properties"]
