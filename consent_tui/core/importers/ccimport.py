"""A vanilla-cookieconsent 3 configuration (``CookieConsent.run({…})``) -> catalogue data.

Its categories (``readOnly`` ones need no consent) become categories, their
``services`` services, the cookies of ``autoClear`` and of each service
cookies. The preferences modal of each language gives the categories' titles
and descriptions and, in its cookie tables (headers and rows per language),
every cookie with its service, lifetime and description; the table's columns
are found by their keys and headers as a page's would be. consent-tui's own
export also names each service per language (``serviceLabels``).
"""

from __future__ import annotations

from typing import Any

from consent_tui.core.export.banner_texts import ui
from consent_tui.core.importers import bannertext as bt
from consent_tui.core.importers.bannerdata import Data, Draft, cookie_entry, languages_of
from consent_tui.core.importers.columns import header_role
from consent_tui.core.importers.ids import slug
from consent_tui.core.importers.jsdata import Regex


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _autoclear(item: Any) -> Data | None:
    if not isinstance(item, dict):
        return None
    name = item.get("name")
    if isinstance(name, Regex):
        name = bt.pattern(name.source)
    if not isinstance(name, str) or not name:
        return None
    path = item.get("path") if isinstance(item.get("path"), str) else None
    domain = item.get("domain") if isinstance(item.get("domain"), str) else None
    return cookie_entry(name, path=path if path != "/" else None, domain=domain)


def _roles(table: dict[str, Any]) -> dict[str, str]:
    """A cookie table's row keys -> role, from their headers (or the keys themselves)."""
    out: dict[str, str] = {}
    for key, header in _dict(table.get("headers")).items():
        found = header_role(bt.plain(header)) if isinstance(header, str) else None
        found = found or header_role(key)
        if found is not None and found[0] not in out.values():
            out[key] = found[0]
    return out


def import_cookieconsent(
    config: dict[str, Any], labels: dict[str, Any] | None, plan: Data | None, forced: str | None
) -> Draft:
    language = _dict(config.get("language"))
    langs = languages_of(language, [], forced, ("default",))
    draft = Draft(langs)
    translations = {lang: _dict(_dict(language.get("translations")).get(lang)) for lang in langs}
    for lang, value in _dict(language.get("translations")).items():
        if isinstance(value, str):
            draft.notes.remark(f"the {lang!r} texts are loaded from {value!r}: not read")
    draft.plan_homes(plan)
    draft.banner_from_plan(plan)
    sections = {lang: _sections(t) for lang, t in translations.items()}
    titles_by_lang = _labels(config, labels, langs)
    for cid, category in _dict(config.get("categories")).items():
        category = _dict(category)
        texts = {lang: s.get(cid, {}) for lang, s in sections.items()}
        titles = {
            lang: bt.plain(t["title"])
            for lang, t in texts.items()
            if isinstance(t.get("title"), str)
        }
        about = {
            lang: bt.plain(t["description"])
            for lang, t in texts.items()
            if isinstance(t.get("description"), str) and t["description"]
        }
        ident = slug(cid, "category") if cid != slug(cid, cid) else cid
        draft.purpose(ident, titles or {langs[0]: cid}, about or None)
        draft.notes.review(("purposes", ident), "title", "one purpose per category, from its title")
        draft.category(
            ident, category.get("readOnly") is True, titles=titles or None, descriptions=about
        )
        _services(draft, ident, cid, category, texts, titles_by_lang)
    _policy(draft, translations, sections)
    revision = config.get("revision")
    if isinstance(revision, int) and not isinstance(revision, bool) and revision > 0:
        draft.banner["revision"] = revision
    days = _dict(config.get("cookie")).get("expiresAfterDays")
    if isinstance(days, int) and not isinstance(days, bool) and days > 0:
        draft.banner["consent_lifetime"] = f"{days} days"
    return draft


def _sections(translation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Category id -> its section of the preferences modal; ``""`` -> the other sections."""
    out: dict[str, dict[str, Any]] = {}
    others = []
    for section in _dict(translation.get("preferencesModal")).get("sections") or []:
        section = _dict(section)
        linked = section.get("linkedCategory")
        if isinstance(linked, str):
            out[linked] = section
        else:
            others.append(section)
    out[""] = {"others": others}
    return out


def _labels(config: Data, labels: Data | None, langs: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Service id -> its label per language (``serviceLabels``, else the configuration's)."""
    out: dict[str, dict[str, str]] = {}
    for category in _dict(config.get("categories")).values():
        for sid, service in _dict(_dict(category).get("services")).items():
            label = _dict(service).get("label")
            if isinstance(label, str):
                out.setdefault(sid, {lang: bt.plain(label) for lang in langs})
    for lang, rows in _dict(labels).items():
        for row in rows if isinstance(rows, list) else []:
            if isinstance(row, list) and len(row) == 3 and all(isinstance(v, str) for v in row):
                out.setdefault(row[1], {})[lang] = bt.plain(row[2])
    return out


def _services(
    draft: Draft,
    ident: str,
    cid: str,
    category: dict[str, Any],
    texts: dict[str, dict[str, Any]],
    labels: dict[str, dict[str, str]],
) -> None:
    listed = _dict(category.get("services"))
    rows = _rows(draft, texts)
    by_title: dict[str, str] = {}
    order = list(listed)
    for sid in listed:
        for title in labels.get(sid, {}).values():
            by_title.setdefault(title, sid)
    cookies: dict[str, list[Data]] = {sid: [] for sid in order}
    for lang_rows in rows[:1]:
        for row in lang_rows:
            owner = by_title.get(row.get("provider", ""))
            if owner is None:
                owner = (row.get("provider") and slug(row["provider"], ident)) or f"{ident}-cookies"
                if owner not in cookies:
                    order.append(owner)
                    cookies[owner] = []
                    labels.setdefault(owner, {draft.languages[0]: row.get("provider") or ""})
            cookies[owner].append(row)
    cleared = [
        c
        for c in (_autoclear(i) for i in _dict(category.get("autoClear")).get("cookies") or [])
        if c
    ]
    for sid in order:
        service = _dict(listed.get(sid))
        matchers = [c for c in (_autoclear(i) for i in service.get("cookies") or []) if c]
        entries = _cookies(draft, rows, cookies[sid], matchers)
        known = {c["name"] for c in entries}
        if not listed or sid == order[0]:
            entries += [c for c in cleared if c["name"] not in known and not _elsewhere(c, listed)]
        titles = labels.get(sid) or {draft.languages[0]: sid}
        provider, functions = bt.split_title(titles)
        draft.service(
            draft.service_id(sid),
            provider=provider,
            functions=functions,
            category=ident,
            purposes=[ident],
            descriptions={},
            cookies=entries,
            where=f"categories.{cid}.services.{sid}",
        )


def _elsewhere(cookie: Data, listed: dict[str, Any]) -> bool:
    for service in listed.values():
        for item in _dict(service).get("cookies") or []:
            found = _autoclear(item)
            if found and found["name"] == cookie["name"]:
                return True
    return False


def _rows(draft: Draft, texts: dict[str, dict[str, Any]]) -> list[list[dict[str, str]]]:
    """The cookie table's rows in each language, keys named by role."""
    out = []
    for lang in draft.languages:
        table = _dict(texts.get(lang, {}).get("cookieTable"))
        roles = _roles(table)
        rows = []
        for row in table.get("body") or []:
            values = {
                roles.get(k, k): bt.plain(v) for k, v in _dict(row).items() if isinstance(v, str)
            }
            values["lang"] = lang
            rows.append(values)
        out.append(rows)
    return out


def _cookies(
    draft: Draft, rows: list[list[dict[str, str]]], mine: list[dict[str, str]], matchers: list[Data]
) -> list[Data]:
    by_name = {m["name"]: m for m in matchers}
    out: list[Data] = []
    first = rows[0] if rows else []
    for row in mine:
        index = first.index(row)
        lang = draft.languages[0]
        name, kind = bt.table_name(row.get("name", ""), lang)
        found = by_name.pop(name, None)
        cookie = cookie_entry(
            name,
            kind=kind,
            path=(found or {}).get("path"),
            domain=(found or {}).get("domain") or row.get("domain") or None,
        )
        duration, _ = bt.duration_cell(row.get("duration", ""))
        if duration:
            cookie["duration"] = duration
        notes: dict[str, str] = {}
        descriptions: dict[str, str] = {}
        for position, lang_rows in enumerate(rows):
            if index >= len(lang_rows):
                continue
            other = lang_rows[index]
            lang = draft.languages[position]
            _, note = bt.duration_cell(other.get("duration", ""))
            if note:
                notes[lang] = note
            if other.get("description"):
                descriptions[lang] = other["description"]
        if draft.text(notes) is not None:
            cookie["duration_note"] = draft.text(notes)
        if draft.text(descriptions) is not None:
            cookie["description"] = draft.text(descriptions)
        out.append(cookie)
    out += by_name.values()
    return out


def _policy(
    draft: Draft, translations: dict[str, dict[str, Any]], sections: dict[str, Any]
) -> None:
    intros: dict[str, str] = {}
    titles: dict[str, str] = {}
    builtin: set[str] = set()
    urls: dict[str, str] = {}
    for lang, translation in translations.items():
        words = ui(lang)
        for section in sections[lang][""]["others"]:
            if "title" not in section and isinstance(section.get("description"), str):
                intros[lang] = bt.plain(section["description"])
            elif section.get("title") == words["more_title"]:
                _contact(draft, section.get("description"), words["contact"])
        footer = _dict(translation.get("consentModal")).get("footer")
        if isinstance(footer, str):
            import re

            found = re.search(r'href="([^"]*)"[^>]*>(.*?)</a>', footer)
            if found:
                urls[lang] = bt.plain(found.group(1))
                titles[lang] = bt.plain(found.group(2))
                if titles[lang] == words["policy_link"]:
                    builtin.add(lang)
    if draft.text(intros) is not None:
        draft.policy["intro"] = draft.text(intros)
    if set(titles) - builtin and draft.text(titles) is not None:
        draft.policy["title"] = draft.text(titles)  # the policy's own title, in the link
    if urls:
        draft.policy_url(urls)


def _contact(draft: Draft, text: Any, label: str) -> None:
    import html
    import re

    if not isinstance(text, str):
        return
    escaped = re.escape(html.escape(label, quote=False))
    found = re.search(escaped + r'\s*<a href="((?:mailto:|https?://)[^"]*)"', text)
    if found and "contact" not in draft.policy:
        draft.policy["contact"] = bt.plain(found.group(1))
