"""``cookieconsent``: an ES module that runs vanilla-cookieconsent 3 with the catalogue.

The module imports the library as ``vanilla-cookieconsent`` (a bundler resolves
it from ``node_modules``; a plain page maps it with an import map), builds the
configuration and calls ``CookieConsent.run(config)``. Categories follow the
catalogue (``consent = false`` makes a category read-only and enabled); each
language gets the preferences modal with one section per category and a
cookie table listing every cookie of that category in that language.

vanilla-cookieconsent renders its texts as HTML, so every catalogue text is
HTML-escaped here before it is written as a JavaScript string. Each language's
texts are loaded through a function that first sets the service labels in that
language; :mod:`banner_runtime`'s script, when needed, comes before everything
and is given ``onConsent``/``onChange``.
"""

from __future__ import annotations

import html

from consent_tui.core.export import banner_common as common
from consent_tui.core.export import banner_runtime, jsstring
from consent_tui.core.export.banner_common import Localiser
from consent_tui.core.export.banner_texts import storage_label, ui
from consent_tui.core.export.jsstring import JsValue, Regex
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.model import Catalogue, Cookie, Service

UNCATEGORISED = "uncategorised"


def esc(text: str) -> str:
    """Plain text for a place the library fills with ``innerHTML``.

    ``{`` becomes ``&#123;`` so that a catalogue text can never be taken for the
    library's ``{{revisionMessage}}`` placeholder.
    """
    if "&" in text or "<" in text or ">" in text or "{" in text:
        return html.escape(text, quote=False).replace("{", "&#123;")
    return text


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


def build_categories(
    catalogue: Catalogue, groups: dict[str, list[Service]], texts: Localiser
) -> dict[str, JsValue]:
    default = catalogue.default_language
    categories: dict[str, JsValue] = {}
    for cid, services in groups.items():
        category = catalogue.categories.get(cid)
        necessary = category is not None and category.consent is False
        entry: dict[str, JsValue] = {"enabled": True, "readOnly": True} if necessary else {}
        cleared: list[JsValue] = []
        listed: dict[str, JsValue] = {}
        for service in services:
            label: dict[str, JsValue] = {"label": esc(texts.service_title(service, default))}
            if not necessary:
                own = [cookie_item(c, n) for c, n in common.clearable_cookies(service, texts.notes)]
                if own:
                    label["cookies"] = own
                    cleared += own
            listed[service.id] = label
        entry["services"] = listed
        if cleared:
            entry["autoClear"] = {"cookies": cleared}
        categories[cid] = entry
    return categories


class _Row:
    """What a cookie's table row says in every language."""

    __slots__ = ("cookie", "domain", "index", "name", "service")

    def __init__(self, service: Service, index: int, cookie: Cookie) -> None:
        self.service = service
        self.index = index
        self.cookie = cookie
        self.name = cookie.name or ""
        self.domain = esc(cookie.domain or "")


def table_rows(services: list[Service]) -> list[_Row]:
    return [_Row(s, i, c) for s in services for i, c in enumerate(s.cookies)]


def cookie_table(rows: list[_Row], lang: str, texts: Localiser) -> JsValue:
    """Headers and one row per cookie, in ``lang``; None when there is none."""
    if not rows:
        return None
    words = ui(lang)
    headers = {"name": words["col_name"], "service": words["col_service"]}
    with_domain = any(row.domain for row in rows)
    if with_domain:
        headers["domain"] = words["col_domain"]
    headers |= {"duration": words["col_duration"], "description": words["col_description"]}
    titles: dict[str, str] = {}
    body: list[JsValue] = []
    for row in rows:
        service, cookie = row.service, row.cookie
        title = titles.get(service.id)
        if title is None:
            title = titles[service.id] = esc(texts.service_title(service, lang))
        storage = cookie.storage_type
        shown = esc(row.name)
        if storage != "http_cookie":
            shown = f"{shown} ({esc(storage_label(storage, lang))})"
        where = f"services.{service.id}.cookies[{row.index}]"
        line: dict[str, JsValue] = {"name": shown, "service": title}
        if with_domain:
            line["domain"] = row.domain
        line["duration"] = esc(texts.duration_text(service, row.index, cookie, lang))
        line["description"] = esc(texts.text(cookie.description, lang, where, "description"))
        body.append(line)
    return {"headers": {k: esc(v) for k, v in headers.items()}, "body": body}


def translation(
    catalogue: Catalogue,
    groups: dict[str, list[_Row]],
    lang: str,
    urls: dict[str, str],
    texts: Localiser,
) -> JsValue:
    words = ui(lang, texts.notes)
    policy = catalogue.policy
    intro = texts.text(policy.intro, lang, "policy", "intro")
    description = esc(intro or words["consent_description"])
    consent: dict[str, JsValue] = {"title": esc(words["consent_title"])}
    if catalogue.banner_settings.revision:
        description += " {{revisionMessage}}"
        consent["revisionMessage"] = esc(words["revision"])
    consent |= {
        "description": description,
        "acceptAllBtn": esc(words["accept_all"]),
        "acceptNecessaryBtn": esc(words["reject_all"]),
        "showPreferencesBtn": esc(words["manage"]),
    }
    policy_label = texts.text(policy.title, lang, "policy", "title") or words["policy_link"]
    if lang in urls:
        consent["footer"] = link(urls[lang], policy_label)
    sections: list[JsValue] = []
    if intro:
        sections.append({"description": esc(intro)})
    for cid, rows in groups.items():
        category = catalogue.categories.get(cid)
        where = f"categories.{cid}"
        title = texts.text(category.title, lang, where, "title") if category else ""
        about = texts.text(category.description, lang, where, "description") if category else ""
        section: dict[str, JsValue] = {
            "title": esc(title or cid),
            "description": esc(about),
            "linkedCategory": cid,
        }
        table = cookie_table(rows, lang, texts)
        if table is not None:
            section["cookieTable"] = table
        sections.append(section)
    more = []
    contact = policy.contact
    if contact and common.safe_url(contact):
        shown = contact.removeprefix("mailto:")
        more.append(f"{esc(words['contact'])} {link(contact, shown)}")
    if lang in urls:
        more.append(link(urls[lang], policy_label))
    if more:
        sections.append({"title": esc(words["more_title"]), "description": "<br>".join(more)})
    return {
        "consentModal": consent,
        "preferencesModal": {
            "title": esc(words["preferences_title"]),
            "acceptAllBtn": esc(words["accept_all"]),
            "acceptNecessaryBtn": esc(words["reject_all"]),
            "savePreferencesBtn": esc(words["save"]),
            "closeIconLabel": esc(words["close"]),
            "serviceCounterLabel": esc(words["service_counter"]),
            "sections": sections,
        },
    }


def service_labels(
    catalogue: Catalogue, groups: dict[str, list[Service]], texts: Localiser
) -> dict[str, JsValue]:
    """Per language, ``[category, service, label]`` for every service.

    The library reads a service's label from the configuration, not from the
    language's texts: each language's translation, when the library loads it,
    sets these labels first (see :data:`_WIRING`).
    """
    return {
        lang: [
            [cid, service.id, esc(texts.service_title(service, lang))]
            for cid, services in groups.items()
            for service in services
        ]
        for lang in catalogue.languages
    }


def runtime_plan(
    catalogue: Catalogue, groups: dict[str, list[Service]], notes: list[str]
) -> banner_runtime.Plan:
    """What the runtime does here: services and categories by their catalogue ids."""
    grouped = {s.id: cid for cid, services in groups.items() for s in services}

    def name(service: Service) -> str:
        return service.id

    def category(service: Service) -> str:
        return grouped[service.id]

    plan = banner_runtime.consent_plan(catalogue, name, category, empty_categories=True)
    plan["storage"] = banner_runtime.storage_plan(catalogue, name, category, notes)
    return plan


def build_config(catalogue: Catalogue, notes: list[str]) -> dict[str, JsValue]:
    """The object given to ``CookieConsent.run``, as data for :func:`jsstring.dumps`.

    ``language.translations`` holds each language's texts; the module turns each
    into a function before it runs the library (see :data:`_WIRING`).
    """
    texts = Localiser(catalogue, notes)
    groups = category_services(catalogue, notes)
    urls = common.policy_urls(catalogue, notes)
    rows = {cid: table_rows(services) for cid, services in groups.items()}
    return {
        "mode": "opt-in",
        "revision": catalogue.banner_settings.revision or 0,
        "autoClearCookies": True,
        "manageScriptTags": True,
        "cookie": {
            "name": "cc_cookie",
            "expiresAfterDays": common.lifetime_days(catalogue, notes),
        },
        "categories": build_categories(catalogue, groups, texts),
        "language": {
            "default": catalogue.default_language,
            "autoDetect": "document",
            "translations": {
                lang: translation(catalogue, rows, lang, urls, texts)
                for lang in catalogue.languages
            },
        },
    }


# The library reads a service's label from the configuration, never from the language's
# texts: each language's texts become a function, which the library calls when it loads
# the language (at start and on setLanguage), and which sets the labels of that language.
_WIRING = """\
export const translations = { ...config.language.translations };
for (const lang of Object.keys(translations)) {
  Object.defineProperty(config.language.translations, lang, {
    enumerable: true,
    configurable: true,
    writable: true,
    value: () => {
      for (const [category, service, label] of serviceLabels[lang]) {
        config.categories[category].services[service].label = label;
      }
      return translations[lang];
    },
  });
}
"""


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    notes: list[str] = []
    config = build_config(catalogue, notes)
    groups = category_services(catalogue, [])
    labels = service_labels(catalogue, groups, Localiser(catalogue, notes))
    plan = runtime_plan(catalogue, groups, notes)
    text = (
        common.header_comment()
        + '// An ES module; the page or bundler resolves "vanilla-cookieconsent":\n'
        + "// see docs/banners.md.\n"
        + 'import * as CookieConsent from "vanilla-cookieconsent";\n\n'
    )
    if banner_runtime.needed(plan):
        text += (
            "// Google consent mode and refused storage, before anything else runs:\n"
            f"const runtime = {banner_runtime.script(plan)};\n\n"
        )
    text += (
        f"export const config = {jsstring.dumps(config)};\n\n"
        f"export const serviceLabels = {jsstring.dumps(labels)};\n\n" + _WIRING
    )
    if banner_runtime.needed(plan):
        text += "runtime.cookieconsent(CookieConsent, config);\n"
    text += "\nexport const ready = CookieConsent.run(config);\nexport { CookieConsent };\n"
    return ExportResult(text, tuple(dict.fromkeys(notes)))


EXPORTER = Exporter(
    name="cookieconsent",
    extension="js",
    description="vanilla-cookieconsent 3 ES module (CookieConsent.run), every language",
    render=render,
    per_language=False,
)
