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
from typing import Any

from consent_tui.core.errors import NotACatalogueError
from consent_tui.core.fields import Entity, Field
from consent_tui.core.fields import entity as describe
from consent_tui.core.fields.kinds import LIST_ITEMS, STRING_TYPES, python_class
from consent_tui.core.model import FORMAT_VERSION, Catalogue, Cookie, Extra, Policy, Text
from consent_tui.core.store import nesting
from consent_tui.core.store.tomlscan import Path, SourceMap

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
        values: dict[str, Any] = {"policy": self.policy(policy_data), "format_version": version}
        top = describe("catalogue")
        for field in top.values:  # the tables, as the description lists them
            key = field.key
            if key in values:
                continue
            if field.type == "entities":
                values[key] = self._collection(data, key, field.ref, extra)
            elif isinstance(data.get(key), dict):
                values[key] = self._entity(field.ref, data[key], 2)
            elif key in data:
                extra[key] = data[key]
        for key, value in data.items():
            if key not in top.keys:
                extra[key] = value
        self._shallow(extra, 1)
        kept = [f.key for f in top.values if f.type == "entities" or f.key == "policy"]
        empty = [k for k in kept if data.get(k) == {}]
        catalogue: Catalogue = top.model(**values, extra=Extra(extra, empty) if empty else extra)
        return catalogue

    def _collection(
        self, data: dict[str, Any], name: str, kind: str, extra: _Kept
    ) -> dict[str, Any]:
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
        out: dict[str, Any] = {}
        for key, value in table.items():
            body = self._table(value, (name, key), f"the {kind} {key!r}")
            out[key] = self._entity(kind, body, 3, id=key)
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
        plan = _plan(kind)
        extra: _Kept = {}
        empty: list[str] = []
        values = given
        for key, simple, field in plan.readers:
            if simple is not None:
                values[key] = simple(self, data, key, extra)
            else:
                values[key] = self._read(field, data, extra, empty, level)
        rest = self._rest(data, plan.keys, extra, level)  # after the fields: their misfits too
        return plan.model(**values, extra=Extra(rest, empty) if empty else rest)

    def _read(
        self, field: Field, data: dict[str, Any], extra: _Kept, empty: list[str], level: int
    ) -> Any:
        """A value that is a table of its own: texts, a sub-table, an array of tables."""
        key, kind = field.key, field.type
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

    def policy(self, data: dict[str, Any]) -> Policy:
        policy: Policy = self._entity("policy", data, 2)
        return policy

    def cookie(self, data: dict[str, Any]) -> Cookie:
        """A cookie: the usual one (known keys, right types) read in one go."""
        quick = self.quick_cookie(data)
        return quick if quick is not None else self.any_cookie(data)

    def quick_cookie(self, data: dict[str, Any]) -> Cookie | None:
        """The cookie when every key is known and of the right type, else ``None``."""
        quick = self._quick
        if quick is None or quick.entity is not describe("cookie"):
            quick = self._quick = _QuickCookie(describe("cookie"))
        values: dict[str, Any] = {}
        classes = quick.classes  # an unknown key has none: the general way
        for key, value in data.items():
            cls = classes.get(key)
            if value.__class__ is cls:
                values[key] = value
            elif cls is Text:
                value = self._quick_text(value)
                if value is _MISFIT:
                    return None
                values[key] = value
            else:
                return None
        cookie: Cookie = quick.model(**values)
        return cookie

    def any_cookie(self, data: dict[str, Any]) -> Cookie:
        """Any cookie table: each field read on its own, misfits and unknown keys kept."""
        cookie: Cookie = self._entity("cookie", data, 5)
        return cookie


_Simple = Callable[[Builder, Mapping[str, Any], str, _Kept], Any]


def _simple(field: Field) -> _Simple | None:
    """The reader of a value that is not a table, by its type; ``None`` for the others."""
    kind = field.type
    if kind in STRING_TYPES:
        return Builder._str
    if kind in ("text", "url_text"):
        return Builder._text
    if kind == "ints":
        return Builder._ints
    if kind in LIST_ITEMS:
        return Builder._strings
    fits = _FITS.get(kind)
    return None if fits is None else _scalar(fits)


def _scalar(fits: Callable[[object], bool]) -> _Simple:
    """A reader keeping ``data[key]`` when it ``fits`` (misfits go to extra)."""

    def read(_builder: Builder, data: Mapping[str, Any], key: str, extra: _Kept) -> Any:
        value = data.get(key)
        if value is None or fits(value):
            return value
        extra[key] = value
        return None

    return read


class _Plan:
    """How to read one kind of table: its model, its keys, a reader per field."""

    def __init__(self, desc: Entity) -> None:
        self.desc, self.model, self.keys = desc, desc.model, desc.keys
        self.readers = tuple((f.key, _simple(f), f) for f in desc.values)


_PLANS: dict[str, _Plan] = {}


def _plan(kind: str) -> _Plan:
    """The plan of ``kind``'s description as it is now (made once per description)."""
    desc = describe(kind)
    plan = _PLANS.get(kind)
    if plan is None or plan.desc is not desc:
        plan = _PLANS[kind] = _Plan(desc)
    return plan


class _QuickCookie:
    """What the quick path of a cookie needs of its description: its keys' classes, its model."""

    def __init__(self, entity: Entity) -> None:
        self.entity = entity
        self.classes: dict[str, type] = {}
        for field in entity.values:
            cls = python_class(field)
            if cls not in (str, Text, bool):  # read the general way
                continue
            self.classes[field.key] = cls
        self.model = entity.model
        if len(self.classes) != len(entity.values):
            self.classes = {}  # a key of another type: every cookie the general way


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_FITS: dict[str, Callable[[object], bool]] = {
    "bool": bool.__instancecheck__,
    "int": _is_int,
    "date": lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
}


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
