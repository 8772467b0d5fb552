"""Typed entities from the parsed tables of a catalogue.

Each table is read as its description says (core/fields: a reader per field
type). Scalar values of the wrong type are kept in the entity's ``extra``
(validation reports them) beside unknown keys; only a structure that cannot be
a catalogue is refused, with the place of the trouble. The usual cookie (known
keys of the right types) is read in one go: there are thousands of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from consent_tui.core.errors import NotACatalogueError
from consent_tui.core.fields import Entity, Field
from consent_tui.core.fields import entity as describe
from consent_tui.core.fields.kinds import LIST_ITEMS, STRING_TYPES, python_class
from consent_tui.core.model import (
    FORMAT_VERSION,
    Banner,
    Catalogue,
    Category,
    Cookie,
    Extra,
    Policy,
    Purpose,
    Service,
    Text,
)
from consent_tui.core.store import nesting
from consent_tui.core.store.tomlscan import Path, SourceMap

T = TypeVar("T")

_Kept = dict[str, Any]
_IS_STR = str.__instancecheck__
_IS_DICT = dict.__instancecheck__
_MISFIT = object()  # a value of the wrong type: the slow readers keep it in extra


class Builder:
    """Turns the parsed tables into entities, collecting misplaced values."""

    def __init__(self, body: str, path: str | None) -> None:
        self._body = body  # the text without its BOM: for the places of errors
        self._path = path
        self._map: SourceMap | None = None
        self._lang = "en"
        self._quick: _QuickCookie | None = None

    def _fail(self, message: str, where: Path) -> NotACatalogueError:
        if self._map is None:
            self._map = SourceMap(self._body)
        stmt = self._map.nearest(where)
        line, col = (stmt.line, stmt.col) if stmt else (None, None)
        return NotACatalogueError(message, path=self._path, line=line, col=col)

    def _table(self, value: object, where: Path, what: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            dotted = ".".join(str(p) for p in where)
            raise self._fail(f"{dotted} must be a table ({what}), not {_kind(value)}", where)
        return value

    def catalogue(self, data: dict[str, Any]) -> Catalogue:
        extra: _Kept = {}
        version = data.get("format_version")
        if not data:
            raise self._fail(
                "the file is empty: a catalogue starts with "
                f"`format_version = {FORMAT_VERSION}` and a [policy] table",
                (),
            )
        if "format_version" not in data:
            known = {"policy", "services", "categories", "purposes"}
            if not known & data.keys():
                raise self._fail(
                    "not a consent-tui catalogue: no format_version, [policy] or [services]", ()
                )
            raise self._fail(
                f"format_version is missing; add `format_version = {FORMAT_VERSION}` at the top",
                (),
            )
        if not isinstance(version, int) or isinstance(version, bool):
            raise self._fail(
                f"format_version must be an integer, not {_kind(version)}", ("format_version",)
            )
        if version > FORMAT_VERSION:
            raise self._fail(
                f"this catalogue uses format version {version}, but this consent-tui reads "
                f"version {FORMAT_VERSION} at most; upgrade consent-tui to edit it",
                ("format_version",),
            )
        if version < 1:
            raise self._fail(f"format_version {version} does not exist", ("format_version",))
        policy_data = data.get("policy")
        if not isinstance(policy_data, dict):
            if policy_data is not None:
                extra["policy"] = policy_data
            policy_data = {}
        langs = policy_data.get("languages")
        if isinstance(langs, list) and langs and all(isinstance(x, str) for x in langs):
            self._lang = langs[0]
        policy = self.policy(policy_data)
        categories = self._collection(data, "categories", "category", self.category, extra)
        purposes = self._collection(data, "purposes", "purpose", self.purpose, extra)
        services = self._collection(data, "services", "service", self.service, extra)
        banner = None
        if isinstance(data.get("banner"), dict):
            banner = self.banner(data["banner"])
        elif "banner" in data:
            extra["banner"] = data["banner"]
        known = {"format_version", "policy", "categories", "purposes", "services", "banner"}
        for key, value in data.items():
            if key not in known:
                extra[key] = value
        self._shallow(extra, 1)
        empty = [k for k in ("policy", "categories", "purposes", "services") if data.get(k) == {}]
        return Catalogue(
            policy=policy,
            categories=categories,
            purposes=purposes,
            services=services,
            banner=banner,
            format_version=version,
            extra=Extra(extra, empty) if empty else extra,
        )

    def _collection(
        self,
        data: dict[str, Any],
        name: str,
        what: str,
        build: Callable[[str, dict[str, Any]], T],
        extra: _Kept,
    ) -> dict[str, T]:
        """``[name.<id>]`` tables as entities; a ``name`` that is no table goes to ``extra``.

        An entry that is not a table (``[services]`` then ``a = 1``) has no entity to
        live in and cannot be kept apart from its siblings: the file is refused.
        """
        table = data.get(name)
        if table is None:
            return {}
        if not isinstance(table, dict):
            extra[name] = table
            return {}
        out: dict[str, T] = {}
        for key, value in table.items():
            body = self._table(value, (name, key), f"the {what} {key!r}")
            out[key] = build(key, body)
        return out

    # -- field readers: the right type goes to the field, anything else to extra

    def _str(self, data: Mapping[str, Any], key: str, extra: _Kept) -> str | None:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return value
        extra[key] = value
        return None

    def _text(self, data: Mapping[str, Any], key: str, extra: _Kept) -> Text | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            return Text({self._lang: value}, plain=True)
        if isinstance(value, dict) and value and all(map(_IS_STR, value.values())):
            return Text(dict(value))
        extra[key] = value
        return None

    def _quick_text(self, value: Any) -> Any:
        """``value`` as a :class:`Text` (``None`` if absent), else :data:`_MISFIT`."""
        if value is None:
            return None
        if value.__class__ is str:
            return Text({self._lang: value}, plain=True)
        if value.__class__ is dict and value and all(map(_IS_STR, value.values())):
            return Text(value)  # tomllib's own fresh table: nothing else holds it
        return _MISFIT

    def _bool(self, data: Mapping[str, Any], key: str, extra: _Kept) -> bool | None:
        value = data.get(key)
        if value is None or isinstance(value, bool):
            return value
        extra[key] = value
        return None

    def _strings(self, data: Mapping[str, Any], key: str, extra: _Kept) -> tuple[str, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, list) and all(map(_IS_STR, value)):
            return tuple(value)
        extra[key] = value
        return None

    def _rest(
        self, data: Mapping[str, Any], known: set[str] | frozenset[str], extra: _Kept, level: int
    ) -> _Kept:
        """``extra`` with the keys of ``data`` not in ``known``; values at ``level`` checked."""
        for key, value in data.items():
            if key not in known:
                extra[key] = value
        if extra:
            self._shallow(extra, level)
        return extra

    def _shallow(self, extra: _Kept, level: int) -> None:
        """Refuse a kept value nested beyond :data:`nesting.MAX_DEPTH` (nothing else nests)."""
        for key, value in extra.items():
            if isinstance(value, dict | list) and nesting.too_deep(value, level, (key,)):
                raise nesting.refusal(self._body, self._path)

    # -- the entities, each read as its description (core/fields) says

    def _entity(self, kind: str, data: dict[str, Any], level: int, **given: Any) -> Any:
        """The entity of ``kind`` from its table at nesting ``level`` (misfits kept in extra)."""
        desc = describe(kind)
        extra: _Kept = {}
        empty: list[str] = []
        values = {f.key: self._read(f, data, extra, empty, level) for f in desc.values}
        rest = self._rest(data, desc.keys, extra, level)  # after the fields: their misfits too
        return desc.model(**given, **values, extra=Extra(rest, empty) if empty else rest)

    def _read(
        self, field: Field, data: dict[str, Any], extra: _Kept, empty: list[str], level: int
    ) -> Any:
        key, kind = field.key, field.type
        if kind in STRING_TYPES:
            return self._str(data, key, extra)
        if kind in ("text", "url_text"):
            return self._text(data, key, extra)
        if kind == "bool":
            return self._bool(data, key, extra)
        if kind == "int":
            return self._int(data, key, extra)
        if kind == "date":
            return self._date(data, key, extra)
        if kind == "ints":
            return self._ints(data, key, extra)
        if kind in LIST_ITEMS:
            return self._strings(data, key, extra)
        if kind == "texts":
            return self._texts(data, key, extra, empty)
        if kind == "table":
            value = data.get(key)
            if value is None or isinstance(value, dict):
                return None if value is None else self._entity(field.ref, value, level + 1)
            extra[key] = value
            return None
        if kind == "tables":
            raw = data.get(key, [])
            if raw == [] and key in data:  # `cookies = []`: kept on save
                empty.append(key)
            if isinstance(raw, list) and all(map(_IS_DICT, raw)):
                read = self.cookie if field.ref == "cookie" else self._reader(field.ref, level)
                return tuple(map(read, raw))
            extra[key] = raw  # kept whole, as written, for validation to report
            return ()
        raise ValueError(f"{key}: a {kind} field is not read inside a table")

    def _reader(self, kind: str, level: int) -> Callable[[dict[str, Any]], Any]:
        return lambda data: self._entity(kind, data, level + 2)

    def _date(self, data: Mapping[str, Any], key: str, extra: _Kept) -> dt.date | None:
        value = data.get(key)
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        extra[key] = value
        return None

    def _ints(self, data: Mapping[str, Any], key: str, extra: _Kept) -> tuple[int, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, list) and all(_is_int(v) for v in value):
            return tuple(value)
        extra[key] = value
        return None

    def _texts(
        self, data: Mapping[str, Any], key: str, extra: _Kept, empty: list[str]
    ) -> dict[str, Text]:
        """A table of name -> text; one misfit keeps the whole table, as written, in extra."""
        raw = data.get(key)
        if raw == {}:
            empty.append(key)
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            extra[key] = raw
            return {}
        texts: dict[str, Text] = {}
        bad: dict[str, Any] = {}
        for name in raw:
            text = self._text(raw, name, bad)
            if text is not None:
                texts[name] = text
        if bad:  # for validation to report
            extra[key] = raw
            return {}
        return texts

    def _int(self, data: Mapping[str, Any], key: str, extra: _Kept) -> int | None:
        value = data.get(key)
        if value is None or _is_int(value):
            return value
        extra[key] = value
        return None

    def policy(self, data: dict[str, Any]) -> Policy:
        policy: Policy = self._entity("policy", data, 2)
        return policy

    def banner(self, data: dict[str, Any]) -> Banner:
        banner: Banner = self._entity("banner", data, 2)
        return banner

    def category(self, key: str, data: dict[str, Any]) -> Category:
        entity: Category = self._entity("category", data, 3, id=key)
        return entity

    def purpose(self, key: str, data: dict[str, Any]) -> Purpose:
        entity: Purpose = self._entity("purpose", data, 3, id=key)
        return entity

    def service(self, key: str, data: dict[str, Any]) -> Service:
        entity: Service = self._entity("service", data, 3, id=key)
        return entity

    def cookie(self, data: dict[str, Any]) -> Cookie:
        """A cookie: the usual one (known keys, right types) read in one go."""
        quick = self.quick_cookie(data)
        return quick if quick is not None else self.any_cookie(data)

    def quick_cookie(self, data: dict[str, Any]) -> Cookie | None:
        """The cookie when every key is known and of the right type, else ``None``."""
        quick = self._quick
        if quick is None or quick.entity is not describe("cookie"):
            quick = self._quick = _QuickCookie(describe("cookie"))
        if not data.keys() <= quick.keys:
            return None
        values: dict[str, Any] = {}
        classes = quick.classes
        for key, value in data.items():
            cls = classes[key]
            if cls is Text:
                value = self._quick_text(value)
                if value is _MISFIT:
                    return None
            elif value.__class__ is not cls:
                return None
            values[key] = value
        cookie: Cookie = quick.entity.model(**values)
        return cookie

    def any_cookie(self, data: dict[str, Any]) -> Cookie:
        """Any cookie table: each field read on its own, misfits and unknown keys kept."""
        cookie: Cookie = self._entity("cookie", data, 5)
        return cookie


class _QuickCookie:
    """What the quick path of a cookie needs of its description: its keys and their classes."""

    def __init__(self, entity: Entity) -> None:
        self.entity = entity
        self.classes: dict[str, type] = {}
        for field in entity.values:
            cls = python_class(field)
            if cls not in (str, Text, bool):  # read the general way
                continue
            self.classes[field.key] = cls
        self.keys = (
            frozenset(self.classes) if len(self.classes) == len(entity.values) else frozenset()
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value: object) -> str:
    names = {
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        list: "an array",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
