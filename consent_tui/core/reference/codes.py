"""Code lists the rules check against: ISO 3166-1 countries, ISO 639-1 languages, the EEA.

The lists live as data files beside this module (``data/*.tsv``, code and
English name per line; EEA members and adequacy decisions too) and are read
once, on first use.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Final

_DATA = Path(__file__).resolve().parent / "data"

# Codes people write that ISO does not use, and what they mean.
COUNTRY_ALIASES: Final = {"UK": "GB", "EL": "GR"}

_LANG_TAG = re.compile(r"([a-z]{2})(?:-([A-Z]{2}|[0-9]{3}))?")


@cache
def _table(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, label = line.split("\t")[:2]
            out[code] = label
    return out


def eea() -> dict[str, str]:
    """The member countries of the European Economic Area."""
    return _table("eea.tsv")


def adequacy() -> dict[str, str]:
    """Countries with an adequacy decision of the European Commission (GDPR art. 45)."""
    return _table("adequacy.tsv")


def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English short name."""
    return _table("countries.tsv")


def languages() -> dict[str, str]:
    """ISO 639-1 code -> English name."""
    return _table("languages.tsv")


def is_country(code: str) -> bool:
    return code in countries()


@cache
def is_language_tag(tag: str) -> bool:
    """``ll`` or ``ll-RR`` (ISO 639-1 language, ISO 3166-1 or UN M.49 region)."""
    match = _LANG_TAG.fullmatch(tag)
    if match is None or match.group(1) not in languages():
        return False
    region = match.group(2)
    return region is None or region.isdigit() or region in countries()


def language_name(tag: str) -> str:
    """``"French (fr)"``; the bare tag when the language is unknown."""
    name = languages().get(tag.split("-")[0])
    return f"{name} ({tag})" if name else f"`{tag}`"


def suggest_language(tag: str) -> str | None:
    """A valid spelling of ``tag`` (``pt_br`` -> ``pt-BR``), or ``None``."""
    parts = re.split(r"[-_]", tag.strip())
    if not parts or not parts[0]:
        return None
    lang = parts[0].lower()
    if lang not in languages():
        by_name = {v.lower(): k for k, v in languages().items()}
        lang = by_name.get(tag.strip().lower(), "")
        return lang or None
    if len(parts) == 1:
        return lang
    candidate = f"{lang}-{parts[1].upper()}"
    return candidate if len(parts) == 2 and is_language_tag(candidate) else None


def suggest_country(code: str) -> str | None:
    """A valid code for ``code`` (``fr`` -> ``FR``, ``UK`` -> ``GB``, ``France`` -> ``FR``)."""
    raw = code.strip()
    upper = raw.upper()
    if upper in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[upper]
    if upper in countries():
        return upper
    by_name = {v.lower(): k for k, v in countries().items()}
    return by_name.get(raw.lower()) or _alpha3().get(upper)


@cache
def _alpha3() -> dict[str, str]:
    out = {}
    for line in (_DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _name, alpha3 = line.split("\t")
            out[alpha3] = code
    return out


def country_name(code: str) -> str:
    name = countries().get(code)
    return f"{name} ({code})" if name else code
