"""Code lists the rules check against: ISO 3166-1 countries, the EEA, adequacy decisions.

The lists live as data files beside this module (``data/*.tsv``, code and
English name per line) and are read once, on first use. Language tags are
checked and named by :mod:`consent_tui.core.reference.langtags`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Final

_DATA = Path(__file__).resolve().parent / "data"

# Codes people write that ISO does not use, and what they mean.
COUNTRY_ALIASES: Final = {"UK": "GB", "EL": "GR"}


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


def is_country(code: str) -> bool:
    return code in countries()


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
