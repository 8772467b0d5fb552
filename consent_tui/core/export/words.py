"""Localised words for one document: catalogue texts with fallbacks, built-in labels."""

from __future__ import annotations

from types import ModuleType

from consent_tui.core.durations import Duration, format_duration, supported_languages, try_parse
from consent_tui.core.export.escape import clean
from consent_tui.core.export.texts import builtin_language, texts_for
from consent_tui.core.model import Catalogue, Text


class Words:
    """Texts in ``lang``; a text missing in it falls back and leaves a note."""

    def __init__(self, catalogue: Catalogue, lang: str) -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.default = catalogue.default_language
        self.builtin: ModuleType = texts_for(lang)
        builtin = builtin_language(lang)
        self.duration_lang = builtin if builtin in supported_languages() else "en"
        self.notes: list[str] = []
        if builtin is None:
            self.notes.append(
                f"no built-in texts in {lang!r}: the standard sections, headers and "
                "durations are in English (override them in [policy.document] sections)"
            )
        if lang not in catalogue.languages:
            declared = ", ".join(catalogue.languages)
            self.notes.append(
                f"{lang!r} is not one of the catalogue's languages ({declared}): "
                f"its texts are shown in {self.default!r}"
            )
            self._quiet = True
        else:
            self._quiet = False

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
                if not self._quiet:
                    self.notes.append(f"{where}: no {self.lang!r} text; used the {lang!r} one")
                return clean(value).strip()
        return ""

    def label(self, key: str) -> str:
        labels: dict[str, str] = self.builtin.LABELS
        return labels[key]

    def column(self, key: str) -> str:
        columns: dict[str, str] = self.builtin.COLUMNS
        return columns.get(key, key)

    def section(self, key: str) -> str:
        sections: dict[str, str] = self.builtin.SECTIONS
        return sections[key]

    def duration(self, duration: Duration) -> str:
        return format_duration(duration, self.duration_lang)

    def duration_text(self, raw: str | None) -> str:
        """A duration as written, rendered in the document's language when it parses."""
        if raw is None:
            return ""
        parsed = try_parse(raw)
        return self.duration(parsed) if parsed is not None else clean(raw)

    def count(self, key: str, n: int) -> str:
        return self.label(f"{key}_1" if n == 1 else f"{key}_n").replace("{n}", str(n))

    def date(self, day: int, month: int, year: int) -> str:
        text: str = self.builtin.date(day, month, year)
        return text
