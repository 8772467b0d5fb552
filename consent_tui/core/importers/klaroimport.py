"""A Klaro configuration (``klaroConfig``) -> catalogue data.

Klaro lists services with their purposes, cookies (names, ``^regex`` patterns,
``[name, path, domain]``), ``required`` and ``optOut`` flags and texts per
language. Services become services, purposes purposes; a required service goes
into a category that needs no consent, the others into a category per purpose
(Klaro has no categories; consent-tui's own export names them in its runtime
plan, which is read when present). The storage list consent-tui's export puts
at the end of each description gives the cookies' types and lifetimes back.
"""

from __future__ import annotations

import re
from typing import Any

from consent_tui.core.importers import bannertext as bt
from consent_tui.core.importers.bannerdata import Draft, cookie_entry, languages_of
from consent_tui.core.importers.ids import slug
from consent_tui.core.importers.jsdata import Regex

_REVISION = re.compile(r"klaro-rev(\d+)\Z")
_NECESSARY = {
    "en": "Strictly necessary",
    "fr": "Strictement nécessaires",
    "de": "Unbedingt erforderlich",
    "es": "Estrictamente necesarias",
    "it": "Strettamente necessari",
    "nl": "Strikt noodzakelijk",
    "pt": "Estritamente necessários",
}


def _texts(value: Any, langs: tuple[str, ...], key: str) -> dict[str, str]:
    """``translations[lang][key]`` of a Klaro object, per language."""
    out: dict[str, str] = {}
    translations = value.get("translations") if isinstance(value, dict) else None
    if isinstance(translations, dict):
        fallback = translations.get("zz")
        for lang in langs:
            for entry in (translations.get(lang), fallback):
                if isinstance(entry, dict) and isinstance(entry.get(key), str):
                    out[lang] = entry[key]
                    break
    if not out and isinstance(value, dict) and isinstance(value.get(key), str):
        out = {lang: value[key] for lang in langs}
    return out


def _matcher(item: Any, draft: Draft, where: str) -> dict[str, Any] | None:
    """A Klaro ``cookies`` entry as a cookie (name or pattern, path, domain)."""
    path = domain = None
    if isinstance(item, list) and item:
        item, rest = item[0], item[1:]
        path = rest[0] if rest and isinstance(rest[0], str) else None
        domain = rest[1] if len(rest) > 1 and isinstance(rest[1], str) else None
    if isinstance(item, str) and item.startswith("^"):
        item = Regex(item)
    if isinstance(item, Regex):
        name = bt.pattern(item.source)
        if name is None:
            draft.notes.remark(f"{where}: /{item.source}/ is no prefix or suffix pattern; not read")
            return None
    elif isinstance(item, str) and item:
        name = item
    else:
        return None
    return cookie_entry(name, path=path if path not in (None, "/") else None, domain=domain)


def import_klaro(config: dict[str, Any], plan: dict[str, Any] | None, forced: str | None) -> Draft:
    services = [
        s for s in config.get("services") or config.get("apps") or [] if isinstance(s, dict)
    ]
    langs = languages_of(config, services, forced, ("lang", "fallbackLang"))
    draft = Draft(langs)
    purpose_ids = [p for p in config.get("purposeOrder") or [] if isinstance(p, str)]
    for service in services:
        purpose_ids += [p for p in service.get("purposes") or [] if isinstance(p, str)]
    for pid in dict.fromkeys(purpose_ids):
        texts = _purpose_texts(config, pid, langs)
        draft.purpose(
            slug(pid, "purpose"), texts.get("title") or {langs[0]: pid}, texts.get("description")
        )
    homes = draft.plan_homes(plan)
    for number, service in enumerate(services, 1):
        _service(draft, service, number, homes)
    draft.banner_from_plan(plan)
    name = config.get("cookieName") or config.get("storageName")
    revision = _REVISION.match(name) if isinstance(name, str) else None
    if revision:
        draft.banner["revision"] = int(revision.group(1))
    days = config.get("cookieExpiresAfterDays")
    if isinstance(days, int) and not isinstance(days, bool) and days > 0:
        draft.banner["consent_lifetime"] = f"{days} days"
    urls = {lang: u for lang, u in _policy_urls(config, langs).items() if u}
    if urls:
        draft.policy_url(urls)
    return draft


def _purpose_texts(
    config: dict[str, Any], pid: str, langs: tuple[str, ...]
) -> dict[str, dict[str, str]]:
    titles: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    translations = config.get("translations")
    for lang in langs:
        entry = translations.get(lang) if isinstance(translations, dict) else None
        found = (entry or {}).get("purposes", {}).get(pid) if isinstance(entry, dict) else None
        if isinstance(found, str):
            titles[lang] = found
        elif isinstance(found, dict):
            if isinstance(found.get("title"), str):
                titles[lang] = found["title"]
            if isinstance(found.get("description"), str) and found["description"]:
                descriptions[lang] = found["description"]
    return {"title": titles, "description": descriptions}


def _policy_urls(config: dict[str, Any], langs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    translations = config.get("translations")
    for lang in langs:
        entry = translations.get(lang) if isinstance(translations, dict) else None
        url = entry.get("privacyPolicyUrl") if isinstance(entry, dict) else None
        if isinstance(url, str):
            out[lang] = url
    old = config.get("privacyPolicy")
    if not out and isinstance(old, str):
        out = {langs[0]: old}
    elif not out and isinstance(old, dict):
        out = {lang: old[lang] for lang in langs if isinstance(old.get(lang), str)}
        if not out and isinstance(old.get("default"), str):
            out = {langs[0]: old["default"]}
    return out


def _service(draft: Draft, service: dict[str, Any], number: int, homes: dict[str, str]) -> None:
    langs = draft.languages
    given = service.get("name")
    name = given if isinstance(given, str) and given else f"service-{number}"
    sid = draft.service_id(name)
    where = f"services[{number - 1}] ({name!r})"
    titles = _texts(service, langs, "title") or {lang: name for lang in langs}
    provider, functions = bt.split_title(titles)
    descriptions = _texts(service, langs, "description")
    stored: list[bt.Stored] = []
    own: dict[str, str] = {}
    for lang, text in descriptions.items():
        found = bt.storage_list(text, lang)
        if found is None:
            own[lang] = text
            continue
        own[lang] = found[0]
        if lang == langs[0] or not stored:
            stored = found[1] if lang == langs[0] else stored or found[1]
        draft.notes_for(sid, lang, found[1])
    required = service.get("required") is True
    purposes = [slug(p, "purpose") for p in service.get("purposes") or [] if isinstance(p, str)]
    category = homes.get(name) or (
        "necessary" if required else (purposes[0] if purposes else "other")
    )
    draft.category(category, required, _NECESSARY if category == "necessary" else None)
    if service.get("optOut") is True or service.get("default") is True:
        draft.notes.remark(
            f"{where}: on before any choice (optOut or default): consent-tui's banners ask first"
        )
    matchers = []
    for item in service.get("cookies") or []:
        cookie = _matcher(item, draft, where)
        if cookie is not None:
            matchers.append(cookie)
    draft.service(
        sid,
        provider=provider,
        functions=functions,
        category=category,
        purposes=purposes,
        descriptions={k: v for k, v in own.items() if v},
        cookies=draft.merge_cookies(sid, stored, matchers),
        where=where,
    )
