"""``cookieconsent``: an ES module that runs vanilla-cookieconsent 3 with the catalogue.

The module imports the library as ``vanilla-cookieconsent`` (a bundler resolves
it from ``node_modules``; a plain page maps it with an import map), builds the
configuration and calls ``CookieConsent.run(config)``. Categories follow the
catalogue (``consent = false`` makes a category read-only and enabled); each
language gets the preferences modal with one section per category and a
cookie table listing every cookie of that category in that language.

vanilla-cookieconsent renders its texts as HTML, so every catalogue text is
HTML-escaped here before it is written as a JavaScript string.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from consent_tui.core.export import banner_common as common
from consent_tui.core.export import jsstring
from consent_tui.core.export.banner_texts import storage_label, ui
from consent_tui.core.export.jsstring import JsValue, Regex
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.model import Catalogue, Cookie, Service, text_in

UNCATEGORISED = "uncategorised"


def esc(text: str) -> str:
    """Plain text for a place the library fills with ``innerHTML``.

    ``{`` becomes ``&#123;`` so that a catalogue text can never be taken for the
    library's ``{{revisionMessage}}`` placeholder.
    """
    return html.escape(text, quote=False).replace("{", "&#123;")


def link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{esc(label)}</a>'


def category_services(catalogue: Catalogue, notes: list[str]) -> dict[str, list[Service]]:
    """Category id -> its services, declared categories first, in file order."""
    groups: dict[str, list[Service]] = {cid: [] for cid in catalogue.categories}
    for service in catalogue.services.values():
        cid = service.category or UNCATEGORISED
        if cid not in groups:
            notes.append(
                f"cookieconsent: category {cid!r} of service {service.id!r} is not declared; "
                "it is shown by its id and needs consent"
            )
            groups[cid] = []
        groups[cid].append(service)
    return groups


def cookie_item(cookie: Cookie, name: str) -> JsValue:
    """An ``autoClear`` entry ``{name, path, domain}``."""
    item: dict[str, JsValue] = {"name": Regex.from_pattern(name) if cookie.is_pattern else name}
    if cookie.path:
        item["path"] = cookie.path
    if cookie.domain:
        item["domain"] = cookie.domain
    return item


def clearable(services: list[Service], notes: list[str]) -> Iterator[tuple[Service, JsValue]]:
    for service in services:
        for cookie, name in common.clearable_cookies(service, notes):
            yield service, cookie_item(cookie, name)


def build_categories(
    catalogue: Catalogue, groups: dict[str, list[Service]], notes: list[str]
) -> dict[str, JsValue]:
    default = catalogue.default_language
    categories: dict[str, JsValue] = {}
    for cid, services in groups.items():
        category = catalogue.categories.get(cid)
        necessary = category is not None and category.consent is False
        entry: dict[str, JsValue] = {"enabled": True, "readOnly": True} if necessary else {}
        items = [] if necessary else list(clearable(services, notes))
        entry["services"] = {
            s.id: {"label": esc(common.service_title(s, default, default))}
            | ({"cookies": own} if (own := [i for o, i in items if o is s]) else {})
            for s in services
        }
        if items:
            entry["autoClear"] = {"cookies": [item for _, item in items]}
        categories[cid] = entry
    return categories


def cookie_table(catalogue: Catalogue, services: list[Service], lang: str) -> JsValue:
    """Headers and one row per cookie of ``services``, in ``lang``; None when empty."""
    default = catalogue.default_language
    texts = ui(lang)
    cookies = [(s, c) for s in services for c in s.cookies]
    if not cookies:
        return None
    headers = {"name": texts["col_name"], "service": texts["col_service"]}
    with_domain = any(c.domain for _, c in cookies)
    if with_domain:
        headers["domain"] = texts["col_domain"]
    headers |= {"duration": texts["col_duration"], "description": texts["col_description"]}
    body: list[JsValue] = []
    for service, cookie in cookies:
        name = cookie.name or ""
        if cookie.storage_type != "http_cookie":
            name = f"{name} ({storage_label(cookie.storage_type, lang)})"
        row = {
            "name": esc(name),
            "service": esc(common.service_title(service, lang, default)),
            "domain": esc(cookie.domain or ""),
            "duration": esc(common.duration_text(cookie, lang, default)),
            "description": esc(text_in(cookie.description, lang, default)),
        }
        body.append({key: row[key] for key in headers})
    return {"headers": {k: esc(v) for k, v in headers.items()}, "body": body}


def translation(
    catalogue: Catalogue,
    groups: dict[str, list[Service]],
    lang: str,
    urls: dict[str, str],
    notes: list[str],
) -> JsValue:
    default = catalogue.default_language
    texts = ui(lang, notes)
    intro = text_in(catalogue.policy.intro, lang, default)
    description = esc(intro or texts["consent_description"])
    consent: dict[str, JsValue] = {"title": esc(texts["consent_title"])}
    if catalogue.banner_settings.revision:
        description += " {{revisionMessage}}"
        consent["revisionMessage"] = esc(texts["revision"])
    consent |= {
        "description": description,
        "acceptAllBtn": esc(texts["accept_all"]),
        "acceptNecessaryBtn": esc(texts["reject_all"]),
        "showPreferencesBtn": esc(texts["manage"]),
    }
    policy_label = text_in(catalogue.policy.title, lang, default) or texts["policy_link"]
    if lang in urls:
        consent["footer"] = link(urls[lang], policy_label)
    sections: list[JsValue] = []
    if intro:
        sections.append({"description": esc(intro)})
    for cid, services in groups.items():
        category = catalogue.categories.get(cid)
        section: dict[str, JsValue] = {
            "title": esc(text_in(category.title if category else None, lang, default) or cid),
            "description": esc(text_in(category.description if category else None, lang, default)),
            "linkedCategory": cid,
        }
        table = cookie_table(catalogue, services, lang)
        if table is not None:
            section["cookieTable"] = table
        sections.append(section)
    more = []
    contact = catalogue.policy.contact
    if contact and common.safe_url(contact):
        shown = contact.removeprefix("mailto:")
        more.append(f"{esc(texts['contact'])} {link(contact, shown)}")
    if lang in urls:
        more.append(link(urls[lang], policy_label))
    if more:
        sections.append({"title": esc(texts["more_title"]), "description": "<br>".join(more)})
    return {
        "consentModal": consent,
        "preferencesModal": {
            "title": esc(texts["preferences_title"]),
            "acceptAllBtn": esc(texts["accept_all"]),
            "acceptNecessaryBtn": esc(texts["reject_all"]),
            "savePreferencesBtn": esc(texts["save"]),
            "closeIconLabel": esc(texts["close"]),
            "serviceCounterLabel": esc(texts["service_counter"]),
            "sections": sections,
        },
    }


def build_config(catalogue: Catalogue, notes: list[str]) -> dict[str, JsValue]:
    """The object given to ``CookieConsent.run``, as data for :func:`jsstring.dumps`."""
    groups = category_services(catalogue, notes)
    urls = common.policy_urls(catalogue, notes)
    return {
        "mode": "opt-in",
        "revision": catalogue.banner_settings.revision or 0,
        "autoClearCookies": True,
        "manageScriptTags": True,
        "cookie": {
            "name": "cc_cookie",
            "expiresAfterDays": common.lifetime_days(catalogue, notes),
        },
        "categories": build_categories(catalogue, groups, notes),
        "language": {
            "default": catalogue.default_language,
            "autoDetect": "document",
            "translations": {
                lang: translation(catalogue, groups, lang, urls, notes)
                for lang in catalogue.languages
            },
        },
    }


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    notes: list[str] = []
    config = build_config(catalogue, notes)
    text = (
        common.header_comment()
        + '// An ES module; the page or bundler resolves "vanilla-cookieconsent":\n'
        + "// see docs/banners.md.\n"
        + 'import * as CookieConsent from "vanilla-cookieconsent";\n\n'
        + f"export const config = {jsstring.dumps(config)};\n\n"
        + "export const ready = CookieConsent.run(config);\n"
        + "export { CookieConsent };\n"
    )
    return ExportResult(text, tuple(dict.fromkeys(notes)))


EXPORTER = Exporter(
    name="cookieconsent",
    extension="js",
    description="vanilla-cookieconsent 3 ES module (CookieConsent.run), every language",
    render=render,
    per_language=False,
)
