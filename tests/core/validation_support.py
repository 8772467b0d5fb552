"""Helpers for the validation tests: a small TOML writer and catalogues built from fragments.

The writer lays tables out itself and writes values with the store's emitter
(not tomlkit, not tomli_w), so the fuzz tests can dump any junk of every TOML
type. ``compose`` merges a rule's example fragment into a complete, valid
catalogue, the way docs/rules.md describes.
"""

from __future__ import annotations

import tomllib
from typing import Any

from consent_tui.core.store import load_text
from consent_tui.core.store.patch_emit import emit_value, format_key
from consent_tui.core.validation import Problem, source_map, validate


def _is_aot(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _table(data: dict[str, Any], path: list[str], out: list[str], header: str | None) -> None:
    if header is not None:
        out.append(header)
    for k, v in data.items():
        if not isinstance(v, dict) and not _is_aot(v):
            out.append(f"{format_key(k)} = {emit_value(v)}")
    for k, v in data.items():
        sub = [*path, format_key(k)]
        if isinstance(v, dict):
            out.append("")
            _table(v, sub, out, "[" + ".".join(sub) + "]")
        elif _is_aot(v):
            for item in v:
                out.append("")
                _table(item, sub, out, "[[" + ".".join(sub) + "]]")


def dumps(data: dict[str, Any]) -> str:
    """TOML text for ``data`` (what ``tomllib.loads`` returns for it)."""
    out: list[str] = []
    _table(data, [], out, None)
    return "\n".join(out) + "\n"


# -- a complete, valid catalogue, and rule examples merged into it


def _text(langs: list[str], en: str) -> Any:
    if langs == ["en"]:
        return en
    return {lang: en if lang == "en" else f"{en} ({lang})" for lang in langs}


def base_data(langs: list[str]) -> dict[str, Any]:
    """A clean catalogue in ``langs``: two categories, two purposes, two services."""
    t = lambda en: _text(langs, en)  # noqa: E731
    return {
        "format_version": 1,
        "policy": {
            "title": t("Cookies policy"),
            "site_name": "Example",
            "site_url": "https://www.example.org",
            "controller": "Example Ltd",
            "contact": "mailto:privacy@example.org",
            "languages": langs,
        },
        "categories": {
            "necessary": {"title": t("Necessary"), "consent": False},
            "analytics": {"title": t("Analytics"), "consent": True},
        },
        "purposes": {
            "security": {
                "title": t("Security"),
                "description": t("To protect forms"),
                "legal_basis": "legitimate_interests",
            },
            "analytics": {
                "title": t("Audience measurement"),
                "description": t("To count visits"),
                "legal_basis": "consent",
            },
        },
        "services": {
            "site": {
                "provider": "Example Ltd",
                "function": t("Sign-in"),
                "category": "necessary",
                "purposes": ["security"],
                "party": "first",
                "country": "FR",
                "cookies": [{"name": "session", "duration": "session"}],
            },
            "stats": {
                "provider": "Example Ltd",
                "function": t("Statistics"),
                "category": "analytics",
                "purposes": ["analytics"],
                "party": "first",
                "country": "FR",
                "cookies": [{"name": "_stats_id", "duration": "13 months"}],
            },
        },
    }


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` over ``base``: tables merge key by key, other values replace."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict) and value:
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def compose(fragment: str) -> str:
    """A whole catalogue: ``fragment`` merged into :func:`base_data`.

    The base is written in the languages the fragment's [policy] declares
    (English otherwise); an empty table in the fragment replaces the base's.
    """
    extra = tomllib.loads(fragment)
    langs = extra.get("policy", {}).get("languages", ["en"])
    if not all(isinstance(x, str) for x in langs) or not langs:
        langs = ["en"]
    return dumps(merge(base_data(list(dict.fromkeys(langs))), extra))


def check(text: str) -> list[Problem]:
    """Load ``text`` and validate it with lines and columns."""
    return validate(load_text(text), source_map(text))


def rules_of(problems: list[Problem]) -> list[str]:
    return [p.rule for p in problems]


def found(fragment: str, rule: str) -> list[Problem]:
    """The problems of ``rule`` in the catalogue made from ``fragment``."""
    return [p for p in check(compose(fragment)) if p.rule == rule]


def messages(fragment: str, rule: str) -> list[str]:
    return [p.message for p in found(fragment, rule)]


def edited(edit: Any, langs: list[str] | None = None) -> str:
    """The base catalogue after ``edit(data)`` changed its data in place."""
    data = base_data(langs or ["en"])
    edit(data)
    return dumps(data)
