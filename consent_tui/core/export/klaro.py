"""``klaro``: a JavaScript file defining ``klaroConfig`` for Klaro 0.7.

One Klaro service per catalogue service, grouped by the catalogue's purposes;
services of a category with ``consent = false`` are ``required``. Texts are
rendered by Klaro as plain text (``htmlTexts: false``); every language of the
catalogue gets its service and purpose texts, and each service description
ends with the list of what it stores, so the banner names every cookie. When
the catalogue maps Google consent types or declares local or session storage,
the file ends with :mod:`banner_runtime`'s script, given every service's
``onAccept``/``onDecline``.
"""

from __future__ import annotations

import re
from typing import Final

from consent_tui.core import consentmode
from consent_tui.core.export import banner_common as common
from consent_tui.core.export import banner_runtime, jsstring
from consent_tui.core.export.banner_common import Localiser
from consent_tui.core.export.banner_texts import storage_label, ui
from consent_tui.core.export.jsstring import JsValue, Regex
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.model import Catalogue, Cookie, Service

# Klaro puts service names in CSS selectors ("[data-name='…']"): keep them plain.
_PLAIN_NAME: Final = re.compile(r"[A-Za-z0-9_.:-]+")


def klaro_names(catalogue: Catalogue, notes: list[str]) -> dict[str, str]:
    """Service id -> Klaro service name (the id, unless Klaro cannot use it)."""
    names: dict[str, str] = {}
    taken = {sid for sid in catalogue.services if _PLAIN_NAME.fullmatch(sid)}
    for sid in catalogue.services:
        if _PLAIN_NAME.fullmatch(sid):
            names[sid] = sid
            continue
        base = re.sub(r"[^A-Za-z0-9_.:-]+", "-", sid).strip("-") or "service"
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        names[sid] = name
        notes.append(f"klaro: service {sid!r} is named {name!r} (Klaro needs plain names)")
    return names


def storage_name(catalogue: Catalogue) -> str:
    """Klaro's consent cookie: ``klaro``, and ``klaro-rev<N>`` from ``[banner] revision`` 1 on.

    Klaro has no revision: it asks again when it finds no stored choice (or a new
    service). A new cookie name for each revision leaves the choices made under an
    earlier one unread, so every visitor is asked again.
    """
    revision = catalogue.banner_settings.revision or 0
    return f"klaro-rev{revision}" if revision > 0 else "klaro"


def cookie_matcher(cookie: Cookie, name: str) -> JsValue:
    """A Klaro ``cookies`` entry: name, RegExp, or [name, path, domain]."""
    matcher: JsValue = name
    if cookie.is_pattern or name.startswith("^"):  # Klaro reads "^…" strings as regexes
        matcher = Regex.from_pattern(name)
    if cookie.domain:
        return [matcher, cookie.path or "/", cookie.domain]
    if cookie.path:
        return [matcher, cookie.path]
    return matcher


def storage_summary(service: Service, lang: str, texts: Localiser) -> str:
    """``Cookies and storage: sessionid (2 weeks), id (local storage, persistent)``."""
    items = []
    for index, cookie in enumerate(service.cookies):
        details = list(texts.duration_parts(service, index, cookie, lang))
        if cookie.storage_type != "http_cookie":
            details.insert(0, storage_label(cookie.storage_type, lang))
        shown = ", ".join(d for d in details if d)
        items.append(f"{cookie.name or '?'} ({shown})" if shown else cookie.name or "?")
    if not items:
        return ""
    words = ui(lang)
    return words["storage"].format(items=words["list_sep"].join(items))


def _service(catalogue: Catalogue, service: Service, name: str, texts: Localiser) -> JsValue:
    def texts_in(lang: str) -> JsValue:
        description = texts.text(service.description, lang, f"services.{service.id}", "description")
        summary = storage_summary(service, lang, texts)
        return {
            "title": texts.service_title(service, lang),
            "description": " ".join(part for part in (description, summary) if part),
        }

    # "zz" is what Klaro shows when the page's language is none of the catalogue's.
    default = catalogue.default_language
    translations = {lang: texts_in(lang) for lang in catalogue.languages}
    cookies = [
        cookie_matcher(c, name) for c, name in common.clearable_cookies(service, texts.notes)
    ]
    return {
        "name": name,
        "purposes": list(service.purposes or ()),
        "required": not common.needs_consent(catalogue, service),
        "cookies": cookies,
        "translations": {"zz": translations[default]} | translations,
    }


def build_config(catalogue: Catalogue, notes: list[str]) -> dict[str, JsValue]:
    """The ``klaroConfig`` object, as data for :func:`jsstring.dumps`."""
    default = catalogue.default_language
    texts = Localiser(catalogue, notes)
    names = klaro_names(catalogue, notes)
    services = [_service(catalogue, s, names[s.id], texts) for s in catalogue.services.values()]
    used = {p for s in catalogue.services.values() for p in s.purposes or ()}
    urls = common.policy_urls(catalogue, notes)
    # Klaro links translations.<lang>.privacyPolicyUrl (else fallbackLang's) in its modal.
    translations: dict[str, JsValue] = {}
    for lang in catalogue.languages:
        url = {"privacyPolicyUrl": urls[lang]} if lang in urls else {}
        translations[lang] = url | {
            "purposes": {
                pid: {
                    "title": texts.text(p.title, lang, f"purposes.{pid}", "title") or pid,
                    "description": texts.text(
                        p.description, lang, f"purposes.{pid}", "description"
                    ),
                }
                for pid, p in catalogue.purposes.items()
                if pid in used
            }
        }
    group = all(s.purposes for s in catalogue.services.values())
    if not group:
        notes.append("klaro: some services have no purpose, so services are not grouped")
    config: dict[str, JsValue] = {
        "version": 1,
        "elementID": "klaro",
        "storageMethod": "cookie",
        "cookieName": storage_name(catalogue),
        "cookieExpiresAfterDays": common.lifetime_days(catalogue, notes),
        "htmlTexts": False,
        "default": False,
        "mustConsent": False,
        "acceptAll": True,
        "hideDeclineAll": False,
        "groupByPurpose": group,
        "purposeOrder": [pid for pid in catalogue.purposes if pid in used],
        "fallbackLang": default,
    }
    config["translations"] = translations
    config["services"] = services
    return config


def runtime_plan(catalogue: Catalogue, notes: list[str]) -> banner_runtime.Plan:
    """What the runtime does for Klaro: services by their Klaro names, no categories."""
    names = klaro_names(catalogue, [])

    def name(service: Service) -> str:
        return names[service.id]

    def category(service: Service) -> str:
        return service.category or ""

    for holder in consentmode.holders(catalogue):
        if holder.service is None:
            notes.append(
                f"klaro: category {holder.category!r} has consent_mode but no service: "
                "Klaro asks per service, so its consent types stay denied"
            )
    plan = banner_runtime.consent_plan(catalogue, name, category, empty_categories=False)
    plan["storage"] = banner_runtime.storage_plan(catalogue, name, category, notes)
    return plan


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    notes: list[str] = []
    config = build_config(catalogue, notes)
    plan = runtime_plan(catalogue, notes)
    text = (
        common.header_comment()
        + "// Load it before klaro.js; see docs/banners.md.\n"
        + f"var klaroConfig = {jsstring.dumps(config)};\n"
    )
    if banner_runtime.needed(plan):
        text += (
            "\n// Google consent mode and refused storage (see docs/banners.md):\n"
            f"{banner_runtime.script(plan)}.klaro(klaroConfig);\n"
        )
    return ExportResult(text, tuple(dict.fromkeys(notes)))


EXPORTER = Exporter(
    name="klaro",
    extension="js",
    description="Klaro consent manager configuration (klaroConfig), every language",
    render=render,
    per_language=False,
)
