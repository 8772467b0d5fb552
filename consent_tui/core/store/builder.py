"""Typed entities from the parsed tables of a catalogue.

Each table is read as its description says (core/fields; a reader per field
type, see ``read_plan``). Scalar values of the wrong type are kept in the
entity's ``extra`` (validation reports them) beside unknown keys; only a
structure that cannot be a catalogue is refused, with the place of the trouble.
The usual cookie (known keys of the right types) is read in one go: there are
thousands of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from consent_tui.core.errors import NotACatalogueError
from consent_tui.core.fields import Field
from consent_tui.core.fields import entity as describe
from consent_tui.core.model import FORMAT_VERSION, Catalogue, Cookie, Extra, Policy, Text
from consent_tui.core.store.field_reader import IS_DICT, MISFIT, FieldReader, Kept
from consent_tui.core.store.read_plan import Plan, QuickCookie, plan
from consent_tui.core.store.sourcemap import SourceMap
from consent_tui.core.store.tomlscan import Path


class Builder(FieldReader):
    """Turns the parsed tables into entities, collecting misplaced values."""

    def __init__(self, body: str, path: str | None) -> None:
        super().__init__(body, path)
        self._map: SourceMap | None = None
        self._quick: QuickCookie | None = None

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

    def _version(self, data: dict[str, Any]) -> int:
        """``format_version``, when this consent-tui reads it; else the file is refused."""
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
        return version

    def catalogue(self, data: dict[str, Any]) -> Catalogue:
        extra: Kept = {}
        version = self._version(data)
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
        self, data: dict[str, Any], name: str, kind: str, extra: Kept
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

    # -- the entities, each read as its description (core/fields) says

    def _entity(self, kind: str, data: dict[str, Any], level: int, **given: Any) -> Any:
        """The entity of ``kind`` from its table at nesting ``level`` (misfits kept in extra)."""
        how = plan(kind)
        extra: Kept = {}
        empty: list[str] = []
        values = self._values(how, data, extra, empty, level, given)
        rest = self._rest(data, how.keys, extra, level)  # after the fields: their misfits too
        return how.model(**values, extra=Extra(rest, empty) if empty else rest)

    def _values(
        self,
        how: Plan,
        data: dict[str, Any],
        extra: Kept,
        empty: list[str],
        level: int,
        values: dict[str, Any],
    ) -> dict[str, Any]:
        """``values`` with each field of ``how`` read from ``data`` (absent ones left out)."""
        for key, simple, field in how.readers:
            if simple is not None:
                values[key] = simple(self, data, key, extra)
            elif field.type == "inline":
                part = self._part(field, how, data, extra, empty, level)
                if part is not None:
                    values[key] = part
            elif key in data:
                values[key] = self._read(field, how.absent[key], data, extra, empty, level)
        return values

    def _part(
        self,
        field: Field,
        host: Plan,
        data: dict[str, Any],
        extra: Kept,
        empty: list[str],
        level: int,
    ) -> Any:
        """An inline part read from its host's table (misfits in the host's ``extra``).

        ``None`` when the table holds none of its values: the host keeps its default.
        """
        how = plan(field.ref, host.taken)
        values = self._values(how, data, extra, empty, level, {})
        part = how.model(**values)
        return None if part == how.blank else part

    def _read(
        self,
        field: Field,
        absent: Any,
        data: dict[str, Any],
        extra: Kept,
        empty: list[str],
        level: int,
    ) -> Any:
        """A value that is a table of its own: texts, a sub-table, tables, keyed entries.

        A misfit goes to ``extra`` whole, as written, and the model holds ``absent``
        (what it holds when the key is left out); a value written that equals
        ``absent`` (``cookies = []``, ``sections = {}``) is noted in ``empty``.
        """
        key, kind = field.key, field.type
        raw = data[key]
        if (raw == [] and kind == "tables" and absent == ()) or (
            raw == {} and kind in ("texts", "entities") and absent == {}
        ):
            empty.append(key)  # written, holding nothing: as absent, but kept on save
            return absent
        if kind == "texts":
            texts = self._texts(raw)
            if texts is not None:
                return texts
        elif kind == "table":
            if isinstance(raw, dict):
                return self._entity(field.ref, raw, level + 1)
        elif kind == "tables":
            if isinstance(raw, list) and all(map(IS_DICT, raw)):
                read = self.cookie if field.ref == "cookie" else self._reader(field.ref, level)
                return tuple(map(read, raw))
        elif kind == "entities":
            if isinstance(raw, dict) and all(map(IS_DICT, raw.values())):
                ids = describe(field.ref).has("id")
                return {
                    k: self._entity(field.ref, v, level + 2, **({"id": k} if ids else {}))
                    for k, v in raw.items()
                }
        else:
            raise ValueError(f"{key}: a {kind} field is not read inside a table")
        extra[key] = raw  # kept whole, as written, for validation to report
        return absent

    def _reader(self, kind: str, level: int) -> Callable[[dict[str, Any]], Any]:
        return lambda data: self._entity(kind, data, level + 2)

    def _texts(self, raw: object) -> dict[str, Text] | None:
        """A table of name -> text; ``None`` when it is not one (one misfit spoils it)."""
        if not isinstance(raw, dict):
            return None
        texts: dict[str, Text] = {}
        bad: Kept = {}
        for name in raw:
            text = self._text(raw, name, bad)
            if text is not None:
                texts[name] = text
        return None if bad else texts

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
            quick = self._quick = QuickCookie(describe("cookie"))
        values: dict[str, Any] = {}
        classes = quick.classes  # an unknown key has none: the general way
        for key, value in data.items():
            cls = classes.get(key)
            if value.__class__ is cls:
                values[key] = value
            elif cls is Text:
                value = self._quick_text(value)
                if value is MISFIT:
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
