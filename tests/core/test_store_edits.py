"""Edits change only what they must: one value, one line; comments, spacing and order stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_tui.core import store
from consent_tui.core.model import Catalogue, Text, replace
from consent_tui.core.store import load_text, patch_full
from tests.conftest import sample_paths
from tests.core.store_support import (
    ROUNDTRIP,
    add,
    add_cookie,
    changed_lines,
    first_service,
    fixtures,
    new_cookie,
    new_service,
    put_service,
    remove,
    rename,
    rename_service,
    rendered,
    set_cookie,
)

FILES = sample_paths() + fixtures()


def _id(path: Path) -> str:
    return path.name


def _load(name: str) -> store.Document:
    return store.load(ROUNDTRIP / name)


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_changing_one_cookie_value_changes_only_its_line(path: Path) -> None:
    document = store.load(path)
    catalogue = document.catalogue
    service = next(s for s in catalogue.services.values() if s.cookies)
    cookie = service.cookies[-1]
    out = rendered(document, set_cookie(catalogue, service.id, -1, duration="3 months"))
    removed, added = changed_lines(document.text, out)
    assert len(removed) == len(added) == 1
    assert f'"{cookie.duration}"' in removed[0] or f"'{cookie.duration}'" in removed[0]
    assert added[0] == removed[0].replace(str(cookie.duration), "3 months")


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_changing_a_service_field_changes_only_its_line(path: Path) -> None:
    document = store.load(path)
    service = first_service(document.catalogue)
    assert service.provider
    new = put_service(document.catalogue, replace(service, provider="Someone Else"))
    removed, added = changed_lines(document.text, rendered(document, new))
    assert len(removed) == len(added) == 1
    assert added[0] == removed[0].replace(service.provider, "Someone Else", 1)


def test_a_trailing_comment_and_spacing_survive_a_value_change() -> None:
    document = _load("comments.toml")
    out = rendered(document, set_cookie(document.catalogue, "matomo", 0, duration="12 months"))
    assert 'duration = "12 months" # CNIL maximum\n' in out


def test_a_literal_string_stays_literal() -> None:
    document = _load("quoting.toml")
    service = first_service(document.catalogue)
    out = rendered(document, put_service(document.catalogue, replace(service, country="BE")))
    removed, added = changed_lines(document.text, out)
    assert (removed, added) == (["country = 'FR'\n"], ["country = 'BE'\n"])


def test_a_multiline_string_edit_stays_multiline() -> None:
    document = _load("quoting.toml")
    service = first_service(document.catalogue)
    text = "Deux lignes\net une 'citation'\n"
    description = Text({"fr": text}, plain=True)
    out = rendered(
        document, put_service(document.catalogue, replace(service, description=description))
    )
    assert "description = '''\nDeux lignes\net une 'citation'\n'''" in out


def test_removing_a_field_removes_its_line_only() -> None:
    document = _load("comments.toml")
    service = document.catalogue.services["matomo"]
    out = rendered(document, put_service(document.catalogue, replace(service, country=None)))
    removed, added = changed_lines(document.text, out)
    assert (removed, added) == (['country = "NZ"\n'], [])


def test_a_new_field_goes_after_its_model_predecessor_with_the_neighbours_indent() -> None:
    document = _load("spacing.toml")
    service = first_service(document.catalogue)
    cookies = (replace(service.cookies[0], path="/ads"), *service.cookies[1:])
    out = rendered(document, put_service(document.catalogue, replace(service, cookies=cookies)))
    removed, added = changed_lines(document.text, out)
    assert removed == []
    assert added == ['\tpath   = "/ads"\n']  # aligned like "name   =" and "type   ="
    assert '\tdomain = ".ads.example.com"\n\tpath   = "/ads"\n\tduration = "1 year"' in out


def test_renaming_a_service_rewrites_only_its_headers_and_keeps_its_place() -> None:
    document = _load("comments.toml")
    out = rendered(document, rename_service(document.catalogue, "shop-session", "shop"))
    removed, added = changed_lines(document.text, out)
    assert removed == [
        "[services.shop-session]\n",
        "[[services.shop-session.cookies]]\n",
        "[[services.shop-session.cookies]]\n",
    ]
    assert added == [r.replace("shop-session", "shop") for r in removed]
    assert out.index("[services.shop]") < out.index("[services.matomo]")


def test_renaming_to_an_id_that_needs_quotes() -> None:
    document = _load("comments.toml")
    out = rendered(document, rename(document.catalogue, "categories", "necessary", "tout à fait"))
    assert '[categories."tout à fait"]\n' in out


def test_renaming_and_editing_a_category_at_once() -> None:
    document = _load("subtables.toml")
    catalogue = rename(document.catalogue, "categories", "necessary", "essential")
    category = catalogue.categories["essential"]
    assert category.title is not None
    title = category.title.with_value("fr", "Essentiels")
    catalogue = replace(
        catalogue, categories={"essential": replace(category, title=title, consent=True)}
    )
    out = rendered(document, catalogue)
    removed, added = changed_lines(document.text, out)
    assert removed == [
        "[categories.necessary]\n",
        "consent = false\n",
        "[categories.necessary.title]\n",
        'fr = "Nécessaires"\n',
    ]
    assert added == [
        "[categories.essential]\n",
        "consent = true\n",
        "[categories.essential.title]\n",
        'fr = "Essentiels"\n',
    ]


def test_a_plain_text_gaining_a_language_becomes_an_inline_table() -> None:
    document = _load("inline-arrays.toml")
    service = document.catalogue.services["cdn"]
    assert service.function is not None and service.function.plain
    function = service.function.with_value("nl", "Levering")
    out = rendered(document, put_service(document.catalogue, replace(service, function=function)))
    removed, added = changed_lines(document.text, out)
    assert (removed, added) == (
        ['function = "Delivery"\n'],
        ['function = { en = "Delivery", nl = "Levering" }\n'],
    )


def test_a_sub_table_text_stays_a_sub_table() -> None:
    document = _load("subtables.toml")
    service = document.catalogue.services["csrf"]
    assert service.function is not None
    function = service.function.with_value("fr", "Anti-falsification").with_value(
        "es", "Protección"
    )
    out = rendered(document, put_service(document.catalogue, replace(service, function=function)))
    removed, added = changed_lines(document.text, out)
    assert removed == ['fr = "Protection des formulaires"\n']
    assert added == ['fr = "Anti-falsification"\n', 'es = "Protección"\n']


def test_crlf_is_kept_on_every_line_an_edit_adds() -> None:
    document = _load("crlf.toml")
    catalogue = add(document.catalogue, "services", new_service(document.catalogue))
    catalogue = add_cookie(catalogue, "matomo", new_cookie(catalogue), at=1)
    catalogue = rename_service(catalogue, "shop-session", "shop")
    service = catalogue.services["shop"]
    catalogue = put_service(catalogue, replace(service, safeguard="none needed", country=None))
    out = rendered(document, catalogue)
    assert out.count("\n") == out.count("\r\n") > 100
    assert "\r\r" not in out


def test_a_bom_is_kept() -> None:
    document = _load("bom.toml")
    out = rendered(document, remove(document.catalogue, "categories", "necessary"))
    assert out.startswith("\ufeff") and not out.startswith("\ufeff\ufeff")


def test_no_final_newline_stays_that_way() -> None:
    document = _load("spacing.toml")
    out = rendered(document, add(document.catalogue, "services", new_service(document.catalogue)))
    assert not out.endswith("\n")
    out = rendered(document, remove(document.catalogue, "services", "ads-network"))
    assert out.endswith('legal_basis = "consent"    ')


def test_removing_the_last_table_leaves_no_trailing_blank_lines() -> None:
    document = _load("subtables.toml")
    out = rendered(document, replace(document.catalogue, banner=None))
    assert out.endswith('type = "session_storage"\nduration = "session"\n')


def test_moving_a_cookie_keeps_its_comments() -> None:
    document = _load("comments.toml")
    service = document.catalogue.services["shop-session"]
    swapped = replace(service, cookies=service.cookies[::-1])
    out = rendered(document, put_service(document.catalogue, swapped))
    basket = out.index("# Remembers the basket between visits.\n[[services.shop-session.cookies]]")
    session = out.index("# The session itself.\n[[services.shop-session.cookies]]")
    assert basket < session
    assert 'duration = "session" # until the browser closes' in out


def test_moving_a_service_keeps_its_text() -> None:
    document = _load("comments.toml")
    services = document.catalogue.services
    reordered = replace(document.catalogue, services={k: services[k] for k in reversed(services)})
    out = rendered(document, reordered)
    assert out.index("[services.matomo]") < out.index("[services.shop-session]")
    assert "# Our own session cookie.\n[services.shop-session]\n" in out
    assert sorted(out.splitlines()) == sorted(document.text.splitlines())


def test_an_unusual_layout_goes_through_the_whole_file_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The policy is written with dotted keys at the top: no table of its own to edit."""
    calls: list[int] = []
    original = patch_full.render_full

    def spy(*args: object) -> str:
        calls.append(1)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(patch_full, "render_full", spy)
    document = _load("dotted.toml")
    policy = replace(document.catalogue.policy, site_name="Punkte")
    out = rendered(document, replace(document.catalogue, policy=policy))
    assert calls == [1]
    removed, added = changed_lines(document.text, out)
    assert (removed, added) == (
        ['policy.site_name = "Dotted"\n'],
        ['policy.site_name = "Punkte"\n'],
    )


def test_the_common_edits_never_need_the_whole_file_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> str:
        raise AssertionError("the whole-file path was used")

    monkeypatch.setattr(patch_full, "render_full", refuse)
    for path in sample_paths():
        document = store.load(path)
        catalogue = document.catalogue
        service = first_service(catalogue)
        edits: list[Catalogue] = [
            add(catalogue, "services", new_service(catalogue)),
            remove(catalogue, "services", service.id),
            rename_service(catalogue, service.id, "renamed"),
            add_cookie(catalogue, service.id, new_cookie(catalogue)),
            put_service(catalogue, replace(service, provider="X", country=None)),
        ]
        for edited in edits:
            rendered(document, edited)


def test_an_equal_entity_rebuilt_by_the_editor_changes_nothing() -> None:
    document = _load("comments.toml")
    service = document.catalogue.services["matomo"]
    rebuilt = replace(service, cookies=tuple(replace(c) for c in service.cookies))
    assert rebuilt is not service and rebuilt == service
    assert rendered(document, put_service(document.catalogue, rebuilt)) == document.text


def test_rendering_twice_from_a_saved_document(tmp_path: Path) -> None:
    """The document ``save`` returns is the base of the next edit."""
    path = tmp_path / "c.toml"
    path.write_bytes((ROUNDTRIP / "comments.toml").read_bytes())
    document = store.load(path)
    first = store.save(document, set_cookie(document.catalogue, "matomo", 1, duration="1 hour"))
    second = store.save(first, add_cookie(first.catalogue, "matomo", new_cookie(first.catalogue)))
    assert load_text(path.read_text(encoding="utf-8")) == second.catalogue
    assert 'duration = "1 hour"\n' in second.text
    assert second.text.count("[[services.matomo.cookies]]") == 3
