"""Table cells of the policy document, one builder per column id."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from consent_tui.core.export.docmodel import Cell, Item, Span, like
from consent_tui.core.export.escape import clean, safe_url
from consent_tui.core.export.words import Words
from consent_tui.core.model import Cookie, Service, Text

_PHRASE = re.compile(r"(\{any\}|\{a\}|\{b\})")
_STARS = re.compile(r"\*+")
_STORAGE_ENTRIES = ("local_storage", "session_storage", "indexed_db")
Spans = tuple[Span, ...]


def _item(*spans: Span) -> Item:
    if len(spans) == 1:  # the usual cell: one value
        return Item(spans if spans[0].text else ())
    return Item(tuple(span for span in spans if span.text))


def _plain(text: str) -> Cell:
    return Cell((_item(Span.of(text)),) if text else ())


def pattern_item(name: str, storage: str, words: Words) -> Item:
    """A name with ``*`` wildcards in words: "any cookie starting with _ga_"."""
    anything = words.label("any_entry" if storage in _STORAGE_ENTRIES else "any_cookie")
    parts = _STARS.sub("*", name).split("*")
    a, b = parts[0], parts[-1]
    if len(parts) == 2 and a and not b:
        key = "starting"
    elif len(parts) == 2 and b and not a:
        key = "ending"
    elif len(parts) == 2 and a and b:
        key = "starting_ending"
    elif len(parts) == 3 and not a and not b and parts[1]:
        key, a = "containing", parts[1]
    elif not any(parts):
        return _item(Span.of(anything))
    else:
        key, a = "matching", name
    phrase = words.label(key)
    spans = []
    for piece in _PHRASE.split(phrase):
        if piece == "{any}":
            spans.append(Span.of(anything))
        elif piece in ("{a}", "{b}"):
            spans.append(Span(a if piece == "{a}" else b, code=True))
        else:
            spans.append(Span.of(like(piece, phrase)))
    return _item(*spans)


def cookie_item(cookie: Cookie, words: Words, names: str = "words") -> Item:
    """A cookie's name: its ``display_name``, else as written, else a pattern in words."""
    if cookie.display_name is not None:
        return _item(Span(clean(cookie.display_name), code=True))
    name = clean(cookie.name or "")
    if "*" in name and names != "as_written":
        return pattern_item(name, cookie.storage_type, words)
    return _item(Span(name, code=True))


def _shown_name(cookie: Cookie) -> str:
    return clean(cookie.display_name if cookie.display_name is not None else cookie.name or "")


# Columns of a cookie whose cell depends only on these fields: in a table per cookie,
# rows with the same values share one cell. (Texts by identity: one Text, one cell.)
_SHARED: Mapping[str, Callable[[Cookie], tuple[object, ...]]] = {
    "type": lambda c: (c.type,),
    "domain": lambda c: (c.domain,),
    "path": lambda c: (c.path,),
    "duration": lambda c: (c.duration, id(c.duration_text), id(c.duration_note)),
}


class CellBuilder:
    """Builds the cells of one row for the catalogue's columns.

    A row is a service with the cookies it shows: all of them (a row per
    service), or one (a row per cookie, ``per_cookie``). ``names`` and
    ``durations`` are the table's value styles; ``own`` the user's own columns
    (id -> ``cookie`` or ``service``).
    """

    names = "words"
    durations = "words"
    per_cookie = False

    def __init__(
        self,
        words: Words,
        site_host: str | None,
        services: Mapping[str, Service] | None = None,
        own: Mapping[str, str] | None = None,
    ) -> None:
        self.words = words
        self.site_host = site_host
        self.services = services or {}
        self.own = own or {}
        self._memo: dict[tuple[object, ...], Cell] = {}
        self.builders: dict[str, Callable[[Service], Cell]] = {
            "provider": self.provider,
            "function_location": self.function_location,
            "cookies": self.cookies,
            "purposes": self.purposes,
            "duration": self.duration,
            "type": self.type,
            "party": self.party,
            "domain": self.domain,
            "description": self.description,
            "privacy_policy": self.privacy_policy,
            "service": lambda s: _plain(clean(s.id)),
            "function": lambda s: _plain(self.words.text(s.function, f"services.{s.id}.function")),
            "location": lambda s: _plain(self.words.text(s.location, f"services.{s.id}.location")),
            "category": self.category,
            "purpose_titles": self.purpose_titles,
            "path": lambda s: self._per_cookie(s, lambda _i, c: (Span(clean(c.path or "")),)),
            "cookie_description": self.cookie_description,
            "service_description": self.service_description,
            "country": lambda s: _plain(clean(s.country or "")),
            "safeguard": lambda s: _plain(clean(s.safeguard or "")),
        }

    def cell(self, column: str, service: Service) -> Cell:
        if self.per_cookie and column in _SHARED and len(service.cookies) == 1:
            return self._shared(column, service)
        build = self.builders.get(column)
        if build is not None:
            return build(service)
        of = self.own.get(column)
        if of == "service":
            return _plain(
                self._own_value(service.extra.get(column), f"services.{service.id}.{column}")
            )
        if of == "cookie":
            return self._per_cookie(
                service,
                lambda i, c: (
                    Span.of(self._own_value(c.extra.get(column), self._where(service, i, column))),
                ),
            )
        return Cell()

    def _own_value(self, value: object, where: str) -> str:
        """A value of the user's own column: a string, a number, or a translatable text."""
        if isinstance(value, str):
            return clean(value).strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            return self.words.text(Text(dict(value)), where)
        return ""

    def _shared(self, column: str, service: Service) -> Cell:
        """A cookie's cell that many rows share (its type, duration, domain): made once."""
        cookie = service.cookies[0]
        key = (column, self.names, self.durations, *_SHARED[column](cookie))
        cell = self._memo.get(key)
        if cell is None:
            cell = self._memo[key] = self.builders[column](service)
        return cell

    def ctext(self, text: Text | None, service: Service, index: int, key: str) -> str:
        """A cookie's text in the document's language; its place is worked out for a note only."""
        if text is None or self.words.lang in text.values:
            return self.words.text(text, "")
        return self.words.text(text, self._where(service, index, key))

    def _where(self, service: Service, index: int, key: str) -> str:
        """``services.<id>.cookies[<n>].<key>``, ``n`` counted in the catalogue's service."""
        original = self.services.get(service.id)
        if original is not None and service.cookies:
            cookie = service.cookies[index]
            for n, candidate in enumerate(original.cookies):
                if candidate is cookie:
                    index = n
                    break
        return f"services.{service.id}.cookies[{index}].{key}"

    def category(self, service: Service) -> Cell:
        cid = service.category or ""
        category = self.words.catalogue.categories.get(cid)
        if category is None:
            return _plain(clean(cid))
        return _plain(self.words.text(category.title, f"categories.{cid}.title") or clean(cid))

    def purpose_titles(self, service: Service) -> Cell:
        items = []
        for pid in service.purposes or ():
            purpose = self.words.catalogue.purposes.get(pid)
            text = self.words.text(purpose.title, f"purposes.{pid}.title") if purpose else ""
            items.append(_item(Span.of(text or clean(pid))))
        return Cell(tuple(items))

    def cookie_description(self, service: Service) -> Cell:
        return self._per_cookie(
            service,
            lambda i, c: (Span.of(self.ctext(c.description, service, i, "description")),),
        )

    def service_description(self, service: Service) -> Cell:
        where = f"services.{service.id}.description"
        return _plain(self.words.text(service.description, where))

    def provider(self, service: Service) -> Cell:
        return _plain(clean(service.provider or service.id))

    def function_location(self, service: Service) -> Cell:
        where = f"services.{service.id}"
        function = self.words.text(service.function, f"{where}.function")
        location = self.words.text(service.location, f"{where}.location")
        if function and location:
            return Cell((_item(Span.of(function), Span(" ("), Span.of(location), Span(")")),))
        return _plain(function or location)

    def cookies(self, service: Service) -> Cell:
        return Cell(tuple(cookie_item(c, self.words, self.names) for c in service.cookies))

    def purposes(self, service: Service) -> Cell:
        items = []
        for pid in service.purposes or ():
            purpose = self.words.catalogue.purposes.get(pid)
            text = ""
            if purpose is not None:
                where = f"purposes.{pid}"
                text = self.words.text(purpose.description, f"{where}.description")
                text = text or self.words.text(purpose.title, f"{where}.title")
            items.append(_item(Span.of(text or clean(pid))))
        return Cell(tuple(items))

    def _per_cookie(self, service: Service, value: Callable[[int, Cookie], Spans]) -> Cell:
        """One value when every cookie shares it, else "name: value" per cookie."""
        if len(service.cookies) == 1:  # a row per cookie: the usual case, made quick
            item = _item(*value(0, service.cookies[0]))
            return Cell((item,)) if item.spans else Cell()
        values = [value(i, c) for i, c in enumerate(service.cookies)]
        if not values or all(v == values[0] for v in values):
            return Cell((_item(*values[0]),) if values and _item(*values[0]).spans else ())
        colon = Span.of(self.words.label("colon"))
        return Cell(
            tuple(
                _item(Span(_shown_name(c), code=True), colon, *v)
                for c, v in zip(service.cookies, values, strict=True)
                if _item(*v).spans
            )
        )

    def duration(self, service: Service) -> Cell:
        def spans(index: int, cookie: Cookie) -> Spans:
            value = Span.of(self.duration_value(service, index, cookie))
            note = Span.of(self.ctext(cookie.duration_note, service, index, "duration_note"))
            if value.text and note.text:
                return (value, Span(" ("), note, Span(")"))
            return (value, note)

        return self._per_cookie(service, spans)

    def duration_value(self, service: Service, index: int, cookie: Cookie) -> str:
        """The cookie's ``duration_text``, else its duration as written or in words."""
        if cookie.duration_text is not None:
            return self.ctext(cookie.duration_text, service, index, "duration_text")
        if self.durations == "as_written":
            return clean(cookie.duration or "").strip()
        return self.words.duration_text(cookie.duration)

    def type(self, service: Service) -> Cell:
        labels = self.words.labels
        return self._per_cookie(
            service, lambda _i, c: (Span.of(labels.get(c.storage_type, clean(c.storage_type))),)
        )

    def party(self, service: Service) -> Cell:
        party = service.party or ""
        return _plain(self.words.labels.get(party, clean(party)) if party else "")

    def domain(self, service: Service) -> Cell:
        host = self.site_host or ""
        return self._per_cookie(
            service, lambda _i, c: (Span(clean(c.domain) if c.domain else host),)
        )

    def description(self, service: Service) -> Cell:
        """The service's description, else its cookies'; in a row per cookie, the other way."""
        if self.per_cookie and any(c.description is not None for c in service.cookies):
            return self.cookie_description(service)
        text = self.words.text(service.description, f"services.{service.id}.description")
        if text:
            return _plain(text)
        return self.cookie_description(service)

    def privacy_policy(self, service: Service) -> Cell:
        url = clean(service.privacy_policy or "")
        return Cell((_item(Span(url, url=safe_url(url))),) if url else ())


def host_of(url: str | None) -> str | None:
    """The host name of a site URL, for display."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return clean(host) if host else None
