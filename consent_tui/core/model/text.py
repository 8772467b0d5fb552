"""Translatable texts: one text in several languages, kept in the file's order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """A translatable text: language code -> text, in the file's order.

    ``plain`` records that the file wrote it as a bare string (meaning the
    default language), so an edit can keep that style.
    """

    values: Mapping[str, str]
    plain: bool = False

    @classmethod
    def of(cls, text: str, lang: str) -> Text:
        """A plain text in one language."""
        return cls({lang: text}, plain=True)

    def get(self, lang: str, fallback: str | None = None) -> str | None:
        """The text in ``lang``, else in ``fallback``, else ``None``."""
        value = self.values.get(lang)
        if value is None and fallback is not None:
            value = self.values.get(fallback)
        return value

    def with_value(self, lang: str, text: str | None) -> Text:
        """A copy with ``lang`` set to ``text`` (removed when ``None``).

        Removing the last language leaves an empty text, which has no TOML form:
        set the entity's field to ``None`` instead.
        """
        values = dict(self.values)
        if text is None:
            values.pop(lang, None)
        else:
            values[lang] = text
        plain = self.plain and list(values) == list(self.values)
        return Text(values, plain=plain)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.values)


def text_in(text: Text | None, lang: str, fallback: str | None = None) -> str:
    """The text in ``lang`` (falling back), or an empty string."""
    if text is None:
        return ""
    return text.get(lang, fallback) or ""
