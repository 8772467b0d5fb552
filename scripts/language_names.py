"""Rewrite consent_tui/core/reference/data/languages.tsv: code, English name, name in the language.

The names are the Unicode CLDR's, read through the ``language_data`` package,
which consent-tui does not depend on (16 MB and a compiled trie, for a table of
a few hundred lines). Run by hand when CLDR gains languages:

    uv run --with language_data python scripts/language_names.py

The codes are the ISO 639-1 languages already listed, the languages CLDR has
names in, and the script variants whose name differs by script (``sr-Latn``).
"""

from __future__ import annotations

from pathlib import Path

from langcodes import Language, standardize_tag, tag_is_valid
from language_data.name_data import LANGUAGES_WITH_NAME_DATA

TABLE = Path(__file__).resolve().parent.parent / "consent_tui/core/reference/data/languages.tsv"
SCRIPT_VARIANTS = (
    "az-Cyrl", "bs-Cyrl", "ff-Adlm", "ha-Arab", "ks-Deva", "mn-Mong", "ms-Arab", "pa-Arab",
    "sd-Deva", "shi-Latn", "sr-Cyrl", "sr-Latn", "uz-Arab", "uz-Cyrl", "vai-Latn", "yue-Hans",
    "zh-Hans", "zh-Hant",
)  # fmt: skip
HEADER = """\
# Language codes (BCP 47 standard form), English names, and each language's name for itself.
# Names from the Unicode CLDR (Unicode License v3); rewritten by scripts/language_names.py.
# An empty third column: CLDR has no name of the language in itself; the English one is shown.
"""


def _name(tag: str, in_lang: str) -> str:
    try:
        return str(Language.get(tag).language_name(in_lang))
    except (AttributeError, LookupError):
        return ""


def main() -> None:
    old = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()]
    known = {row[0]: row[1] for row in old if row and not row[0].startswith("#")}
    codes = {standardize_tag(c) for c in [*known, *LANGUAGES_WITH_NAME_DATA]}
    # "sh" is "sr-Latn", a script variant; langcodes' registry may not know CLDR's newest yet.
    codes = {c for c in codes if "-" not in c and tag_is_valid(c)}
    rows = []
    for code in sorted(codes):
        english = _name(code, "en") or known.get(code, code)
        own = _name(code, code) if code in LANGUAGES_WITH_NAME_DATA else ""
        rows.append((code, english, "" if own == code else own))
    autonyms = {code: own for code, _, own in rows}
    for tag in SCRIPT_VARIANTS:
        own = _name(tag, tag)
        if own and own != autonyms.get(tag.split("-")[0]):
            rows.append((tag, _name(tag, "en"), own))
    rows.sort()
    TABLE.write_text(HEADER + "".join(f"{c}\t{e}\t{o}\n" for c, e, o in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
