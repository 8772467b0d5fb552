"""Typed entities from the parsed tables of a catalogue.

Scalar values of the wrong type are kept in the entity's ``extra`` (validation
reports them) beside unknown keys; only a structure that cannot be a catalogue
is refused, with the place of the trouble. The usual cookie (known keys of the
right types) is read in one go: there are thousands of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from consent_tui.core.errors import NotACatalogueError
from consent_tui.core.model import (
    FORMAT_VERSION,
    Banner,
    Catalogue,
    Category,
    ChangelogEntry,
    Cookie,
    DocumentSettings,
    Extra,
    Policy,
    Purpose,
    Service,
    Text,
)
from consent_tui.core.store.audit_settings import read_audit
from consent_tui.core.store.field_reader import IS_DICT, MISFIT, FieldReader, Kept, is_int
from consent_tui.core.store.layout_io import LAYOUT_KEYS, read_layout
from consent_tui.core.store.sourcemap import SourceMap
from consent_tui.core.store.tomlscan import Path

T = TypeVar("T")

_SERVICE_KEYS = frozenset(
    ("provider", "function", "location", "category", "purposes", "party", "privacy_policy")
) | frozenset(("country", "safeguard", "description", "cookies", "consent_mode", "review"))
_CATEGORY_KEYS = frozenset(("title", "description", "consent", "known_categories", "consent_mode"))
_BANNER_KEYS = frozenset(("revision", "consent_lifetime", "policy_url", "wait_for_update"))
_BANNER_KEYS |= frozenset(("ads_data_redaction", "url_passthrough", "region"))
_TOP_KEYS = frozenset(("format_version", "policy", "categories", "purposes", "services", "banner"))
_COOKIE_KEYS = frozenset(
    ("name", "type", "domain", "path", "duration", "duration_note", "refresh", "description")
) | frozenset(("display_name", "duration_text"))


class Builder(FieldReader):
    """Turns the parsed tables into entities, collecting misplaced values."""

    def __init__(self, body: str, path: str | None) -> None:
        super().__init__(body, path)
        self._map: SourceMap | None = None

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
        extra: Kept = {}
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
        audit = read_audit(data, extra, self._shallow)
        for key, value in data.items():
            if key not in _TOP_KEYS and key != "audit":
                extra[key] = value
        self._shallow(extra, 1)
        empty = [k for k in ("policy", "categories", "purposes", "services") if data.get(k) == {}]
        return Catalogue(
            policy=policy,
            categories=categories,
            purposes=purposes,
            services=services,
            banner=banner,
            audit=audit,
            format_version=version,
            extra=Extra(extra, empty) if empty else extra,
        )

    def _collection(
        self,
        data: dict[str, Any],
        name: str,
        what: str,
        build: Callable[[str, dict[str, Any]], T],
        extra: Kept,
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

    def policy(self, data: dict[str, Any]) -> Policy:
        extra: Kept = {}
        languages = self._strings(data, "languages", extra)
        updated = data.get("updated")
        if updated is not None and not (
            isinstance(updated, dt.date) and not isinstance(updated, dt.datetime)
        ):
            extra["updated"] = updated
            updated = None
        document = None
        if "document" in data:
            doc = data["document"]
            if isinstance(doc, dict):
                document = self.document(doc)
            else:
                extra["document"] = doc
        changelog = self.changelog(data, extra)
        known = {"title", "site_name", "site_url", "controller", "contact", "languages"}
        known |= {"updated", "intro", "document", "changelog", "review"}
        rest = self._rest(data, known, extra, 2)
        return Policy(
            title=self._text(data, "title", extra),
            site_name=self._str(data, "site_name", extra),
            site_url=self._str(data, "site_url", extra),
            controller=self._str(data, "controller", extra),
            contact=self._str(data, "contact", extra),
            languages=languages,
            updated=updated,
            intro=self._text(data, "intro", extra),
            document=document,
            changelog=changelog,
            review=self._bool(data, "review", extra),
            extra=Extra(rest, ("changelog",)) if data.get("changelog") == [] else rest,
        )

    def changelog(self, data: dict[str, Any], extra: Kept) -> tuple[ChangelogEntry, ...]:
        """``[[policy.changelog]]`` entries; anything but an array of tables stays in ``extra``."""
        raw = data.get("changelog")
        if raw is None or raw == []:
            return ()
        if not (isinstance(raw, list) and all(map(IS_DICT, raw))):
            extra["changelog"] = raw
            return ()
        entries = []
        for item in raw:
            kept: Kept = {}
            date = item.get("date")
            if date is not None and (type(date) is not dt.date):
                kept["date"], date = date, None
            text = self._text(item, "text", kept)
            entries.append(ChangelogEntry(date, text, self._rest(item, {"date", "text"}, kept, 4)))
        return tuple(entries)

    def document(self, data: dict[str, Any]) -> DocumentSettings:
        extra: Kept = {}
        columns = self._strings(data, "columns", extra)
        sections: dict[str, Text] = {}
        raw_sections = data.get("sections")
        if isinstance(raw_sections, dict):
            bad: dict[str, Any] = {}
            for key in raw_sections:
                text = self._text(raw_sections, key, bad)
                if text is not None:
                    sections[key] = text
            if bad:  # keep the table whole, as written, for validation to report
                extra["sections"] = raw_sections
                sections = {}
        elif raw_sections is not None:
            extra["sections"] = raw_sections
        self._shallow({k: v for k, v in data.items() if k in LAYOUT_KEYS}, 3)
        layout = read_layout(data, self._lang, extra)  # layout.py: the other keys
        rest = self._rest(data, LAYOUT_KEYS | {"columns", "sections"}, extra, 3)
        return DocumentSettings(
            columns=columns,
            sections=sections,
            extra=Extra(rest, ("sections",)) if raw_sections == {} else rest,
            layout=None if layout.is_empty else layout,
        )

    def banner(self, data: dict[str, Any]) -> Banner:
        extra: Kept = {}
        return Banner(
            consent_lifetime=self._str(data, "consent_lifetime", extra),
            revision=self._int(data, "revision", extra),
            policy_url=self._text(data, "policy_url", extra),
            wait_for_update=self._int(data, "wait_for_update", extra),
            ads_data_redaction=self._bool(data, "ads_data_redaction", extra),
            url_passthrough=self._bool(data, "url_passthrough", extra),
            region=self._strings(data, "region", extra),
            extra=self._rest(data, _BANNER_KEYS, extra, 2),
        )

    def category(self, key: str, data: dict[str, Any]) -> Category:
        extra: Kept = {}
        return Category(
            id=key,
            title=self._text(data, "title", extra),
            description=self._text(data, "description", extra),
            consent=self._bool(data, "consent", extra),
            known_categories=self._strings(data, "known_categories", extra),
            consent_mode=self._strings(data, "consent_mode", extra),
            extra=self._rest(data, _CATEGORY_KEYS, extra, 3),
        )

    def purpose(self, key: str, data: dict[str, Any]) -> Purpose:
        extra: Kept = {}
        tcf = data.get("tcf_purposes")
        if tcf is not None and not (isinstance(tcf, list) and all(is_int(v) for v in tcf)):
            extra["tcf_purposes"] = tcf
            tcf = None
        known = {"title", "description", "legal_basis", "tcf_purposes"}
        return Purpose(
            id=key,
            title=self._text(data, "title", extra),
            description=self._text(data, "description", extra),
            legal_basis=self._str(data, "legal_basis", extra),
            tcf_purposes=tuple(tcf) if tcf is not None else None,
            extra=self._rest(data, known, extra, 3),
        )

    def service(self, key: str, data: dict[str, Any]) -> Service:
        extra: Kept = {}
        cookies: list[Cookie] = []
        raw_cookies = data.get("cookies", [])
        if isinstance(raw_cookies, list) and all(map(IS_DICT, raw_cookies)):
            cookies = list(map(self.cookie, raw_cookies))
        else:  # kept whole, as written, for validation to report
            extra["cookies"] = raw_cookies
        text, string = self._text, self._str
        fields = (
            string(data, "provider", extra),
            text(data, "function", extra),
            text(data, "location", extra),
            string(data, "category", extra),
            self._strings(data, "purposes", extra),
            string(data, "party", extra),
            string(data, "privacy_policy", extra),
            string(data, "country", extra),
            string(data, "safeguard", extra),
            text(data, "description", extra),
        )
        consent_mode = self._strings(data, "consent_mode", extra)
        review = self._bool(data, "review", extra)
        rest = self._rest(data, _SERVICE_KEYS, extra, 3)  # after the fields: their misfits too
        if raw_cookies == [] and "cookies" in data:  # `cookies = []`: kept on save
            rest = Extra(rest, ("cookies",))
        return Service(
            key,
            *fields,
            cookies=tuple(cookies),
            consent_mode=consent_mode,
            review=review,
            extra=rest,
        )

    def cookie(self, data: dict[str, Any]) -> Cookie:
        """A cookie: the usual one (known keys, right types) read in one go."""
        quick = self.quick_cookie(data)
        return quick if quick is not None else self.any_cookie(data)

    def quick_cookie(self, data: dict[str, Any]) -> Cookie | None:
        """The cookie when every key is known and of the right type, else ``None``."""
        if data.keys() <= _COOKIE_KEYS:
            get = data.get
            name, kind, domain = get("name"), get("type"), get("domain")
            path, duration, refresh = get("path"), get("duration"), get("refresh")
            note = self._quick_text(get("duration_note"))
            description = self._quick_text(get("description"))
            display, shown = get("display_name"), self._quick_text(get("duration_text"))
            if (
                (name is None or name.__class__ is str)
                and (kind is None or kind.__class__ is str)
                and (domain is None or domain.__class__ is str)
                and (path is None or path.__class__ is str)
                and (duration is None or duration.__class__ is str)
                and (refresh is None or refresh.__class__ is bool)
                and note is not MISFIT
                and description is not MISFIT
                and (display is None or display.__class__ is str)
                and shown is not MISFIT
            ):
                return Cookie(
                    name, kind, domain, path, duration, note, refresh, description, display, shown
                )
        return None

    def any_cookie(self, data: dict[str, Any]) -> Cookie:
        """Any cookie table: each field read on its own, misfits and unknown keys kept."""
        extra: Kept = {}
        return Cookie(
            name=self._str(data, "name", extra),
            type=self._str(data, "type", extra),
            domain=self._str(data, "domain", extra),
            path=self._str(data, "path", extra),
            duration=self._str(data, "duration", extra),
            duration_note=self._text(data, "duration_note", extra),
            refresh=self._bool(data, "refresh", extra),
            description=self._text(data, "description", extra),
            display_name=self._str(data, "display_name", extra),
            duration_text=self._text(data, "duration_text", extra),
            extra=self._rest(data, _COOKIE_KEYS, extra, 5),
        )


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
