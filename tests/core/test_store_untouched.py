"""Saving never changes what nobody edited: explicitly empty arrays and tables, the
other services of a table written with dotted keys, the other elements of an
inline array and their comments."""

from __future__ import annotations

from consent_tui.core import store
from consent_tui.core.model import Extra, replace, written_empty
from consent_tui.core.store import set_cookie_field
from tests.core.store_support import (
    ROUNDTRIP,
    add_cookie,
    changed_lines,
    new_cookie,
    put_service,
    remove,
    remove_cookie,
    rendered,
)


def _load(name: str) -> store.Document:
    return store.load(ROUNDTRIP / name)


def _provider(document: store.Document, service: str, provider: str) -> str:
    catalogue = document.catalogue
    new = put_service(catalogue, replace(catalogue.services[service], provider=provider))
    return rendered(document, new)


def test_editing_a_service_keeps_its_empty_cookies_array() -> None:
    document = _load("empty-arrays.toml")
    out = _provider(document, "newsletter", "Someone Else")
    assert changed_lines(document.text, out) == (
        ['provider = "Empty Org"\n'],
        ['provider = "Someone Else"\n'],
    )
    assert "cookies = [] # none yet: the form sets nothing\n" in out


def test_editing_a_service_keeps_an_empty_array_written_on_two_lines() -> None:
    document = _load("empty-arrays.toml")
    out = _provider(document, "pending", "Someone Else")
    assert changed_lines(document.text, out) == (
        ['provider = "Someone"\n'],
        ['provider = "Someone Else"\n'],
    )


def test_editing_the_policy_keeps_empty_sections_and_an_empty_table() -> None:
    document = _load("empty-arrays.toml")
    policy = replace(document.catalogue.policy, site_name="Renamed")
    out = rendered(document, replace(document.catalogue, policy=policy))
    assert changed_lines(document.text, out) == (
        ['site_name = "Empty"\n'],
        ['site_name = "Renamed"\n'],
    )


def test_the_model_remembers_what_was_written_empty() -> None:
    catalogue = _load("empty-arrays.toml").catalogue
    newsletter = catalogue.services["newsletter"]
    assert newsletter.cookies == () and written_empty(newsletter.extra) == {"cookies"}
    assert newsletter.extra == {}  # compares like the plain mapping it holds
    assert written_empty(catalogue.services["session"].extra) == frozenset()
    assert written_empty(catalogue.extra) == {"purposes"}
    assert catalogue.policy.document is not None
    assert written_empty(catalogue.policy.document.extra) == {"sections"}
    assert isinstance(catalogue.extra, Extra)


def test_a_misfit_beside_an_empty_cookies_array_is_kept() -> None:
    text = "format_version = 1\n[services.a]\nprovider = 1\ncookies = []\n"
    service = store.from_text(text).catalogue.services["a"]
    assert dict(service.extra) == {"provider": 1}
    assert written_empty(service.extra) == {"cookies"}


def test_cookies_added_to_an_empty_array_and_removed_again_leave_it_as_it_was() -> None:
    document = _load("empty-arrays.toml")
    added = add_cookie(document.catalogue, "newsletter", new_cookie(document.catalogue))
    out = rendered(document, added)
    assert 'cookies = [\n    { name = "added_cookie", ' in out
    assert "] # none yet: the form sets nothing\n" in out
    again = store.from_text(out)
    saved = store.Document(None, out, added)  # what save returns: the edited model
    back = remove_cookie(saved.catalogue, "newsletter", 0)
    assert rendered(saved, back) == document.text
    assert again.catalogue == added


def test_editing_one_dotted_service_leaves_the_others_alone() -> None:
    document = _load("dotted-services.toml")
    out = _provider(document, "auth", "Someone Else")
    assert changed_lines(document.text, out) == (
        ['auth.provider = "Dotted Org"\n'],
        ['auth.provider = "Someone Else"\n'],
    )
    assert "forms.cookies = [] # none\n" in out


def test_editing_one_inline_cookie_keeps_the_comments_on_the_others() -> None:
    document = _load("inline-arrays.toml")
    catalogue = set_cookie_field(document.catalogue, "i18n", 1, "duration", "session")
    out = rendered(document, catalogue)
    assert changed_lines(document.text, out) == (
        ['    { name = "lang_seen", type = "local_storage", duration = "persistent" },\n'],
        ['    { name = "lang_seen", type = "local_storage", duration = "session" },\n'],
    )


def test_editing_a_commented_inline_cookie_keeps_its_comment() -> None:
    document = _load("inline-arrays.toml")
    catalogue = set_cookie_field(document.catalogue, "i18n", 0, "duration", "2 years")
    removed, added = changed_lines(document.text, rendered(document, catalogue))
    assert added == [
        '    { name = "lang", type = "http_cookie", duration = "2 years" }, '
        "# note: set on first visit\n"
    ]
    assert len(removed) == 1


def test_removing_an_inline_cookie_takes_its_comments_only() -> None:
    document = _load("dotted-services.toml")
    out = rendered(document, remove_cookie(document.catalogue, "auth", 0))
    assert changed_lines(document.text, out) == (
        [
            "    # the session itself\n",
            '    { name = "sid", duration = "session" }, # set at sign-in\n',
        ],
        [],
    )


def test_removing_a_table_keeps_the_comment_above_the_next_one() -> None:
    """tomlkit files that comment under the table before it: it must not go with it."""
    document = _load("dotted-services.toml")
    out = rendered(document, remove(document.catalogue, "purposes", "session"))
    assert "\n# Every service in one table, written with dotted keys.\n[services]\n" in out
