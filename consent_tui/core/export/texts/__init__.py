"""The built-in standard texts of the policy document, by language.

A catalogue overrides any of them in ``[policy.document] sections``: the keys are
the section ids in :data:`SECTION_IDS` (a section's body) and ``<id>_title`` (its
heading); ``title`` and ``intro`` too. An empty body leaves the section out.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Final

from consent_tui.core.export.texts import de, en, es, fr, it, nl, pt

BUILTIN: Final[dict[str, ModuleType]] = {
    "en": en,
    "fr": fr,
    "de": de,
    "es": es,
    "it": it,
    "nl": nl,
    "pt": pt,
}

# The standard sections, in document order; "cookies_used" introduces the tables.
SECTION_IDS: Final = (
    "what_is_a_cookie",
    "kinds_of_cookies",
    "cookies_used",
    "manage_consent",
    "browser_settings",
    "controller_contact",
)
BEFORE_TABLES: Final = ("what_is_a_cookie", "kinds_of_cookies")
AFTER_TABLES: Final = ("manage_consent", "browser_settings", "controller_contact")

# Every key ``[policy.document] sections`` understands; "changes_title" heads the list of
# [[policy.changelog]] entries, which has no body text of its own.
OVERRIDE_KEYS: Final = (
    "title",
    "intro",
    *(key for sid in SECTION_IDS for key in (f"{sid}_title", sid)),
    "changes_title",
)

PLACEHOLDERS: Final = ("site", "site_url", "controller", "consent_lifetime")
_PLACEHOLDER: Final = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


def builtin_language(lang: str) -> str | None:
    """The built-in language for ``lang`` ("fr-CA" -> "fr"), or ``None``."""
    if lang in BUILTIN:
        return lang
    primary = lang.split("-", 1)[0].lower()
    return primary if primary in BUILTIN else None


def texts_for(lang: str) -> ModuleType:
    """The module of built-in texts for ``lang``, English when there is none."""
    return BUILTIN[builtin_language(lang) or "en"]


def fill(text: str, values: dict[str, str]) -> str:
    """Replace the known ``{placeholder}``s; any other brace is left as written."""
    if "{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
