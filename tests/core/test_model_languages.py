"""Changing the default language keeps every text in its language."""

from __future__ import annotations

import tomlkit

from consent_tui.core.languages import set_languages
from consent_tui.core.model import Text
from consent_tui.core.store import load_text, to_data
from tests.conftest import SAMPLES

PLAIN = """\
format_version = 1
[policy]
languages = ["en", "fr"]
title = "Cookies policy"
[policy.document.sections]
intro = "Hello"
[categories.necessary]
title = "Necessary"
description = { en = "Needed", fr = "Nécessaires" }
consent = false
[services.a]
function = "Sign-in"
[[services.a.cookies]]
name = "sid"
description = "The session"
[banner]
policy_url = "https://example.org/cookies"
"""


def test_plain_texts_become_tables_when_the_default_changes() -> None:
    catalogue = load_text(PLAIN)
    changed = set_languages(catalogue, ("fr", "en"))
    assert changed.languages == ("fr", "en")
    data = to_data(changed)
    assert data["policy"]["title"] == {"en": "Cookies policy"}
    assert data["policy"]["document"]["sections"] == {"intro": {"en": "Hello"}}
    assert data["categories"]["necessary"]["title"] == {"en": "Necessary"}
    assert data["services"]["a"]["function"] == {"en": "Sign-in"}
    assert data["services"]["a"]["cookies"][0]["description"] == {"en": "The session"}
    assert data["banner"]["policy_url"] == {"en": "https://example.org/cookies"}
    # written and read back, every text is still English
    again = load_text(tomlkit.dumps(data))
    assert again.policy.title == Text({"en": "Cookies policy"})
    assert again.services["a"].cookies[0].description == Text({"en": "The session"})


def test_tables_and_untouched_parts_are_shared() -> None:
    catalogue = load_text(PLAIN)
    changed = set_languages(catalogue, ("fr", "en"))
    description = catalogue.categories["necessary"].description
    assert changed.categories["necessary"].description is description


def test_same_default_changes_only_the_list() -> None:
    catalogue = load_text(PLAIN)
    changed = set_languages(catalogue, ("en", "fr", "de"))
    assert changed.languages == ("en", "fr", "de")
    assert changed.services is catalogue.services
    assert changed.policy.title is catalogue.policy.title


def test_removing_the_list_means_english() -> None:
    text = (SAMPLES / "minimal.toml").read_text(encoding="utf-8")
    catalogue = load_text(text)
    assert set_languages(catalogue, None) == catalogue
    french = set_languages(catalogue, ("fr",))
    assert to_data(french)["services"]["cart"]["function"] == {"en": "Shopping cart"}
    assert set_languages(french, None).services["cart"].function == Text({"en": "Shopping cart"})
