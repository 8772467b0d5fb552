"""A small catalogue and text edits for the comparison tests: each case edits the text."""

from __future__ import annotations

from collections.abc import Callable

from consent_tui.core.changes import Comparison, compare
from consent_tui.core.store import load_text

BASE = """\
format_version = 1

[policy]
site_name = "Shop"
site_url = "https://shop.example"
controller = "Shop Ltd"
languages = ["en", "fr"]

[banner]
revision = 2

[categories.necessary]
title = { en = "Necessary", fr = "Nécessaires" }
consent = false

[categories.analytics]
title = { en = "Analytics", fr = "Statistiques" }
consent = true

[purposes.security]
title = { en = "Security", fr = "Sécurité" }
description = { en = "To protect forms", fr = "Protéger les formulaires" }
legal_basis = "legitimate_interests"

[purposes.stats]
title = { en = "Statistics", fr = "Statistiques" }
description = { en = "To count visits", fr = "Compter les visites" }
legal_basis = "consent"
tcf_purposes = [1, 8]

[services.site]
provider = "Shop Ltd"
function = { en = "Sign-in", fr = "Connexion" }
category = "necessary"
purposes = ["security"]
party = "first"
country = "FR"

[[services.site.cookies]]
name = "session"
duration = "session"
description = { en = "Keeps you signed in", fr = "Vous garde connecté" }

[[services.site.cookies]]
name = "csrf"
duration = "1 day"

[services.stats]
provider = "Stats Inc."
function = { en = "Audience", fr = "Audience" }
category = "analytics"
purposes = ["stats"]
party = "third"
privacy_policy = "https://stats.example/privacy"
country = "FR"

[[services.stats.cookies]]
name = "_st_id"
duration = "6 months"
description = { en = "Visitor id", fr = "Identifiant" }

[[services.stats.cookies]]
name = "_st_ses_*"
duration = "30 minutes"
"""

Edit = Callable[[str], str]


def sub(*pairs: str) -> Edit:
    """Replace each ``old`` with ``new`` (pairs of arguments), each found exactly once."""

    def edit(text: str) -> str:
        for old, new in zip(pairs[::2], pairs[1::2], strict=True):
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        return text

    return edit


def append(block: str) -> Edit:
    return lambda text: text + "\n" + block


def then(*edits: Edit) -> Edit:
    def edit(text: str) -> str:
        for step in edits:
            text = step(text)
        return text

    return edit


def between(old: str, new: str) -> Comparison:
    return compare(load_text(old), load_text(new))


def found(edit: Edit, base: str = BASE) -> list[tuple[str, str | None, str | None]]:
    """(rule, id, field) of each change ``edit`` makes to ``base``."""
    return [(c.rule, c.id, c.field) for c in between(base, edit(base)).changes]
