"""Reading one field of a parsed table: the right type goes to the field, anything else to extra.

The base of :class:`~consent_tui.core.store.builder.Builder`: each reader takes
``data`` (a parsed table), a key and ``extra`` (the entity's kept values), and
returns the value when it has the field's type, else ``None`` with the value
kept in ``extra`` under its key (validation reports it, saving writes it back).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from consent_tui.core.model import Text
from consent_tui.core.store import nesting

Kept = dict[str, Any]
IS_STR = str.__instancecheck__
IS_DICT = dict.__instancecheck__
MISFIT = object()  # a value of the wrong type: the slow readers keep it in extra


class FieldReader:
    """The typed readers of single fields, for one file."""

    def __init__(self, body: str, path: str | None) -> None:
        self._body = body  # the text without its BOM: for the places of errors
        self._path = path
        self._lang = "en"

    def _str(self, data: Mapping[str, Any], key: str, extra: Kept) -> str | None:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return value
        extra[key] = value
        return None

    def _text(self, data: Mapping[str, Any], key: str, extra: Kept) -> Text | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            return Text({self._lang: value}, plain=True)
        if isinstance(value, dict) and value and all(map(IS_STR, value.values())):
            return Text(dict(value))
        extra[key] = value
        return None

    def _quick_text(self, value: Any) -> Any:
        """``value`` as a :class:`Text` (``None`` if absent), else :data:`MISFIT`."""
        if value is None:
            return None
        if value.__class__ is str:
            return Text({self._lang: value}, plain=True)
        if value.__class__ is dict and value and all(map(IS_STR, value.values())):
            return Text(value)  # tomllib's own fresh table: nothing else holds it
        return MISFIT

    def _bool(self, data: Mapping[str, Any], key: str, extra: Kept) -> bool | None:
        value = data.get(key)
        if value is None or isinstance(value, bool):
            return value
        extra[key] = value
        return None

    def _strings(self, data: Mapping[str, Any], key: str, extra: Kept) -> tuple[str, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, list) and all(map(IS_STR, value)):
            return tuple(value)
        extra[key] = value
        return None

    def _rest(
        self, data: Mapping[str, Any], known: set[str] | frozenset[str], extra: Kept, level: int
    ) -> Kept:
        """``extra`` with the keys of ``data`` not in ``known``; values at ``level`` checked."""
        for key, value in data.items():
            if key not in known:
                extra[key] = value
        if extra:
            self._shallow(extra, level)
        return extra

    def _shallow(self, extra: Kept, level: int) -> None:
        """Refuse a kept value nested beyond :data:`nesting.MAX_DEPTH` (nothing else nests)."""
        for key, value in extra.items():
            if isinstance(value, dict | list) and nesting.too_deep(value, level, (key,)):
                raise nesting.refusal(self._body, self._path)

    def _int(self, data: Mapping[str, Any], key: str, extra: Kept) -> int | None:
        value = data.get(key)
        if value is None or is_int(value):
            return value
        extra[key] = value
        return None

    def _ints(self, data: Mapping[str, Any], key: str, extra: Kept) -> tuple[int, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, list) and all(map(is_int, value)):
            return tuple(value)
        extra[key] = value
        return None

    def _date(self, data: Mapping[str, Any], key: str, extra: Kept) -> dt.date | None:
        """A TOML local date (not a date-time, not a time)."""
        value = data.get(key)
        if value is None or value.__class__ is dt.date:
            return value
        extra[key] = value
        return None


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
