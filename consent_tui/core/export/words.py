"""Localised words for one document: catalogue texts with fallbacks, built-in labels."""

from __future__ import annotations

import datetime as dt
from types import ModuleType

from consent_tui.core.durations import Duration, format_duration, try_parse
from consent_tui.core.export import cldr
from consent_tui.core.export.docmodel import Foreign, like
from consent_tui.core.export.escape import clean
from consent_tui.core.export.texts import builtin_language, texts_for
from consent_tui.core.model import Catalogue, Text
from consent_tui.core.reference import langtags


def declared_language(catalogue: Catalogue, lang: str) -> str | None:
    """The catalogue's language for ``lang``, or ``None`` when it has none.

    ``lang`` itself, however spelled (``FR`` is ``fr``, ``pt_br`` is ``pt-BR``), else
    the closest declared language of the same language (``fr-CA`` -> ``fr``,
    ``pt`` -> ``pt-BR``, ``zh-TW`` -> ``zh-Hant``): :func:`langtags.match`.
    """
    return langtags.match(lang, catalogue.languages)


def export_language(catalogue: Catalogue, lang: str | None, notes: list[str]) -> str:
    """The language an export is written in: ``lang`` when the catalogue declares it.

    Else, with a note, the declared language of the same primary tag (``fr``
    for ``fr-CA``), else the default language: the catalogue has no texts in
    ``lang``, and a document must be tagged with the language it is written in.
    (The CLI refuses a ``--lang`` that matches no declared language.)
    """
    if lang is None:
        return catalogue.default_language
    declared = declared_language(catalogue, lang)
    if declared is not None and langtags.same(declared, lang):
        return declared
    used = declared or catalogue.default_language
    notes.append(
        f"{lang!r} is not one of the catalogue's languages ({', '.join(catalogue.languages)}): "
        f"exported in {used!r}"
    )
    return used


_FORMS = ("zero", "two", "few", "many")  # CLDR plural forms beside "one" and "other"


class Words:
    """Texts in ``lang``; a text missing in it falls back, leaves a note and is :class:`Foreign`.

    ``lang`` should be one of the catalogue's languages (see :func:`export_language`).
    Built-in texts of a language without them are English, and :class:`Foreign` too,
    unless the catalogue gives its own (``[policy.document] words``, ``sections``,
    ``headers``). Durations and dates come from CLDR in any language it knows.
    """

    def __init__(self, catalogue: Catalogue, lang: str) -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.default = catalogue.default_language
        self.builtin: ModuleType = texts_for(lang)
        builtin = builtin_language(lang)
        # The language of the built-in texts when it is not the document's, else None.
        self.builtin_lang: str | None = None if builtin is not None else "en"
        self.duration_lang = builtin or (lang if cldr.has_locale(lang) else "en")
        self._duration_foreign = builtin is None and self.duration_lang == "en"
        self.notes: list[str] = []
        document = catalogue.document
        own_words = document.effective_layout.words or {}
        if builtin is None:
            given = set(own_words) | set(document.sections)
            missing = [k for k in (*self.builtin.LABELS, *self.builtin.SECTIONS) if k not in given]
            if missing:
                self.notes.append(
                    f"no built-in texts in {lang!r}: {len(missing)} standard texts (sections, "
                    "headers, words) are in English; give them in [policy.document] sections, "
                    "words and headers"
                )
        self.labels: dict[str, str] = self._builtin(self.builtin.LABELS)
        for key, text in own_words.items():
            self.labels[key] = self.text(text, f"policy.document.words.{key}")
        self.columns: dict[str, str] = self._builtin(self.builtin.COLUMNS)
        self.sections: dict[str, str] = self._builtin(self.builtin.SECTIONS)

    def _builtin(self, texts: dict[str, str]) -> dict[str, str]:
        if self.builtin_lang is None:
            return dict(texts)
        return {key: Foreign(value, self.builtin_lang) for key, value in texts.items()}

    def text(self, text: Text | None, where: str) -> str:
        """``text`` in the document's language, else the default language, else any."""
        if text is None:
            return ""
        value = text.values.get(self.lang)
        if value is not None:
            return clean(value).strip()
        for lang in (self.default, *text.values):
            value = text.values.get(lang)
            if value is not None:
                self.notes.append(f"{where}: no {self.lang!r} text; used the {lang!r} one")
                return Foreign(clean(value).strip(), lang)
        return ""

    def label(self, key: str) -> str:
        return self.labels[key]

    def column(self, key: str) -> str:
        return self.columns.get(key, key)

    def section(self, key: str) -> str:
        return self.sections[key]

    def duration(self, duration: Duration) -> str:
        if duration.kind != "fixed":
            return self.label(f"duration_{duration.kind}")
        text = cldr.duration_words(duration.parts, self.duration_lang)
        if text is None:  # no CLDR data: cannot happen for the built-in languages
            text = format_duration(duration, "en")
        return Foreign(text, "en") if self._duration_foreign else text

    def duration_text(self, raw: str | None) -> str:
        """A duration as written, rendered in the document's language when it parses."""
        if raw is None:
            return ""
        parsed = try_parse(raw)
        return self.duration(parsed) if parsed is not None else clean(raw)

    def count(self, key: str, n: int) -> str:
        """ "3 services": ``<key>_1`` for one, else ``<key>_n``, or the catalogue's
        ``<key>_few`` / ``_many`` / ``_two`` / ``_zero`` where CLDR's plural rules of the
        language say so (languages with more plural forms than English)."""
        name = f"{key}_1" if n == 1 else f"{key}_n"
        if n != 1 and any(f"{key}_{form}" in self.labels for form in _FORMS):
            category = cldr.plural_category(self.lang, n)
            if category in _FORMS and f"{key}_{category}" in self.labels:
                name = f"{key}_{category}"
        label = self.label(name)
        return like(label.replace("{n}", str(n)), label)

    def date(self, day: int, month: int, year: int) -> str:
        if self.builtin_lang is not None:
            written = cldr.long_date(dt.date(year, month, day), self.lang)
            if written is not None:
                return written
        text: str = self.builtin.date(day, month, year)
        return Foreign(text, self.builtin_lang) if self.builtin_lang else text
