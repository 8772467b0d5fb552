"""``tcf-disclosures``: the IAB TCF device storage disclosure JSON.

Follows "Vendor Device Storage & Operational Disclosures" (IAB Europe TCF,
v1.0 updated November 2022): a ``disclosures`` array, one record per storage
item, and a ``domains`` array. Mapping from the catalogue:

- ``http_cookie`` -> ``cookie``; local/session storage and IndexedDB -> ``web``;
  a ``pixel`` stores nothing by itself and has no identifier, so it is left out
  (with a note): declare the cookies a pixel sets as cookies.
- ``maxAgeSeconds``: the cookie's duration in seconds, 0 for a session cookie,
  ``null`` for other types. A ``persistent`` cookie is disclosed with the
  400-day cap browsers apply to every cookie (RFC 6265bis), with a note.
- ``cookieRefresh``: the cookie's ``refresh``; false when absent (or of the wrong type).
  Only for cookies: the specification defines it for no other type.
- ``domains``: the cookie's domain (``.example.com`` -> ``example.com`` and
  ``*.example.com``), else the host of ``[policy] site_url``.
- ``purposes``: the ``tcf_purposes`` of the service's purposes, plus purpose 1
  ("Store and/or access information on a device") when the service's category
  needs consent, which is how the specification marks storage subject to it.
- ``identifier``: the name; a pattern keeps its ``*`` wildcard, and a name that
  is only wildcards is refused, as the specification requires.
"""

from __future__ import annotations

from typing import Any, Final

from consent_tui.core import durations
from consent_tui.core.export import banner_common as common
from consent_tui.core.export import jsstring
from consent_tui.core.export.banner_common import Localiser
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.export.words import export_language
from consent_tui.core.model import Catalogue, Cookie, Service

TYPES: Final = {
    "http_cookie": "cookie",
    "local_storage": "web",
    "session_storage": "web",
    "indexed_db": "web",
}
COOKIE_CAP_SECONDS: Final = 400 * 86400
STORE_AND_ACCESS: Final = 1
LAST_PURPOSE: Final = 11  # TCF v2.2 defines purposes 1 to 11


def cookie_domains(cookie: Cookie, site: str | None) -> list[str]:
    domain = (cookie.domain or "").strip()
    if domain.startswith("."):
        return [domain[1:], f"*{domain}"]
    if domain:
        return [domain]
    return [site] if site else ["*"]


def max_age(cookie: Cookie, where: str, notes: list[str]) -> int | None:
    """A cookie's ``maxAgeSeconds`` (0 for a session); None when it cannot be disclosed."""
    parsed = durations.try_parse(cookie.duration)
    if parsed is None:
        notes.append(f"{where}: duration {cookie.duration!r} is not a duration; left out")
        return None
    if parsed.kind == "persistent":
        notes.append(f"{where}: 'persistent' disclosed as 400 days, the browsers' cookie cap")
        return COOKIE_CAP_SECONDS
    return parsed.seconds


def purposes_of(catalogue: Catalogue, service: Service, notes: list[str]) -> list[int]:
    numbers = common.tcf_purpose_numbers(catalogue, service)
    unknown = [n for n in numbers if not 1 <= n <= LAST_PURPOSE]
    if unknown:
        notes.append(f"service {service.id!r}: TCF has no purpose {unknown}; left out")
        numbers = [n for n in numbers if 1 <= n <= LAST_PURPOSE]
    consent = common.needs_consent(catalogue, service)
    if consent and STORE_AND_ACCESS not in numbers:
        numbers = sorted([STORE_AND_ACCESS, *numbers])
    elif not consent and STORE_AND_ACCESS in numbers:
        notes.append(
            f"service {service.id!r}: its category needs no consent, yet its purposes map "
            "to TCF purpose 1 (storage subject to consent); kept as mapped"
        )
    return numbers


class _Disclosures:
    """The disclosures of one catalogue in one language."""

    def __init__(self, catalogue: Catalogue, lang: str, notes: list[str]) -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.notes = notes
        self.texts = Localiser(catalogue, notes)
        self.site = common.site_host(catalogue)

    def disclosure(self, service: Service, index: int) -> dict[str, Any] | None:
        cookie = service.cookies[index]
        notes = self.notes
        where = f"service {service.id!r}, cookie {cookie.name or index!r}"
        kind = TYPES.get(cookie.storage_type)
        if kind is None:
            notes.append(f"{where}: a {cookie.storage_type} is not device storage; left out")
            return None
        name = (cookie.name or "").strip()
        problem = common.unusable_name(name)
        if problem:
            notes.append(f"{where}: the {kind} {problem}; TCF forbids that identifier; left out")
            return None
        seconds = None
        if kind == "cookie":
            seconds = max_age(cookie, where, notes)
            if seconds is None:
                return None
        texts, lang = self.texts, self.lang
        description = texts.text(
            cookie.description, lang, f"services.{service.id}.cookies[{index}]", "description"
        ) or texts.text(service.function, lang, f"services.{service.id}", "function")
        item: dict[str, Any] = {"identifier": name, "type": kind, "maxAgeSeconds": seconds}
        if kind == "cookie":  # the specification defines cookieRefresh for cookies only
            item["cookieRefresh"] = cookie.refresh is True
        item["domains"] = cookie_domains(cookie, self.site)
        item["purposes"] = purposes_of(self.catalogue, service, notes)
        if description:
            item["description"] = description
        return item

    def build(self) -> dict[str, Any]:
        disclosures = []
        uses: dict[str, dict[str, None]] = {}  # domain -> its uses, in order, once each
        for service in self.catalogue.services.values():
            use = None
            for index in range(len(service.cookies)):
                item = self.disclosure(service, index)
                if item is None:
                    continue
                disclosures.append(item)
                use = use or self.texts.service_title(service, self.lang)
                for domain in item["domains"]:
                    if domain != "*":
                        uses.setdefault(domain, {})[use] = None
        domains = [{"domain": d, "use": "; ".join(u)} for d, u in uses.items()]
        return {"disclosures": disclosures, "domains": domains}


def build(catalogue: Catalogue, lang: str, notes: list[str]) -> dict[str, Any]:
    return _Disclosures(catalogue, lang, notes).build()


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    notes: list[str] = []
    lang = export_language(catalogue, options.lang, notes)
    data = build(catalogue, lang, notes)
    return ExportResult(jsstring.json_text(data), tuple(dict.fromkeys(notes)))


EXPORTER = Exporter(
    name="tcf-disclosures",
    extension="json",
    description="IAB TCF device storage disclosures (deviceStorage.json)",
    render=render,
    per_language=False,
    options=frozenset({"lang"}),
)
