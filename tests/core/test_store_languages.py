"""A bare string means the default language: saves never move a text to another language."""

from __future__ import annotations

from pathlib import Path

from consent_tui.core import store
from consent_tui.core.languages import set_languages
from consent_tui.core.model import Catalogue, Text, replace
from consent_tui.core.store import load_text, patch_full, text_data

BILINGUAL = """\
format_version = 1

[policy]
languages = ["en", "fr"]
title = "Cookies policy"

[services.auth]
provider = "Example"
function = "Sign-in"

[[services.auth.cookies]]
name = "sid"
description = "The session"
"""


def _saved(tmp_path: Path, catalogue: Catalogue) -> Catalogue:
    """``catalogue`` saved into BILINGUAL's file, then the file loaded again."""
    path = tmp_path / "catalogue.toml"
    path.write_text(BILINGUAL, encoding="utf-8")
    store.save(store.load(path), catalogue)
    return store.load(path).catalogue


def _with_function(catalogue: Catalogue, function: Text) -> Catalogue:
    service = replace(catalogue.services["auth"], function=function)
    return replace(catalogue, services={"auth": service})


def test_a_plain_text_is_a_bare_string_only_in_the_default_language() -> None:
    assert text_data(Text({"en": "x"}, plain=True), "en") == "x"
    assert text_data(Text({"fr": "x"}, plain=True), "en") == {"fr": "x"}
    assert text_data(Text({"fr": "x"}, plain=True), "fr") == "x"
    assert text_data(Text({"en": "x"}), "en") == {"en": "x"}


def test_a_french_only_plain_text_is_saved_as_french(tmp_path: Path) -> None:
    catalogue = load_text(BILINGUAL)
    edited = _with_function(catalogue, Text({"fr": "Connexion"}, plain=True))
    reloaded = _saved(tmp_path, edited)
    # The same model; written as a table (a bare string would mean English), so read back as one.
    assert reloaded == _with_function(catalogue, Text({"fr": "Connexion"}))
    assert 'function = { fr = "Connexion" }' in (tmp_path / "catalogue.toml").read_text()


def test_a_new_french_only_plain_text_is_saved_as_french() -> None:
    document = store.from_text(BILINGUAL.replace('function = "Sign-in"\n', ""))
    edited = _with_function(document.catalogue, Text({"fr": "Connexion"}, plain=True))
    out = store.render(document, edited)
    assert load_text(out) == _with_function(document.catalogue, Text({"fr": "Connexion"}))


def test_the_whole_file_path_writes_the_same_table() -> None:
    catalogue = load_text(BILINGUAL)
    edited = _with_function(catalogue, Text({"fr": "Connexion"}, plain=True))
    out = patch_full.render_full(BILINGUAL, catalogue, edited, "\n")
    assert load_text(out) == _with_function(catalogue, Text({"fr": "Connexion"}))


def test_a_new_default_language_keeps_untouched_bare_strings_in_theirs(tmp_path: Path) -> None:
    catalogue = load_text(BILINGUAL)
    policy = replace(catalogue.policy, languages=("fr", "en"))  # not through set_languages
    reloaded = _saved(tmp_path, replace(catalogue, policy=policy))
    assert reloaded == set_languages(catalogue, ("fr", "en"))
    assert reloaded.services["auth"].cookies[0].description == Text({"en": "The session"})
