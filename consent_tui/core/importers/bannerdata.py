"""Catalogue data drafted from a banner configuration: for the Klaro and cookieconsent readers.

A :class:`Draft` collects categories, purposes, services and cookies in the
order the configuration gives them, with the texts of every language, and
reads consent-tui's own runtime plan (Google consent mode types, the refused
storage to clear) when the configuration carries one. What a banner does not
say (the site, the controller, a service's party) is left for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from consent_tui.core.importers.bannertext import Stored
from consent_tui.core.importers.ids import Ids, slug, text_value
from consent_tui.core.importers.language import standard
from consent_tui.core.importers.notes import Notes
from consent_tui.core.model import CONSENT_TYPES

Data = dict[str, Any]
_ID_OK = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")


def languages_of(
    config: Data, services: list[Data], forced: str | None, keys: tuple[str, ...]
) -> tuple[str, ...]:
    """The configuration's languages, its default first (``keys`` name the default's key)."""
    if forced:
        return (forced,)
    found: list[str] = []
    for key in keys:
        value = config.get(key)
        if isinstance(value, str) and standard(value):
            found.append(standard(value) or value)
            break
    translations = config.get("translations")
    for holder in [config, *services]:
        translations = holder.get("translations")
        if isinstance(translations, dict):
            found += [standard(k) or k for k in translations if k != "zz" and standard(k)]
    return tuple(dict.fromkeys(found)) or ("en",)


def cookie_entry(
    name: str, *, kind: str | None = None, path: str | None = None, domain: str | None = None
) -> Data:
    entry: Data = {"name": name}
    if kind and kind != "http_cookie":
        entry["type"] = kind
    if domain:
        entry["domain"] = domain
    if path:
        entry["path"] = path
    return entry


@dataclass
class Draft:
    languages: tuple[str, ...]
    notes: Notes = field(default_factory=Notes)
    categories: dict[str, Data] = field(default_factory=dict)
    purposes: dict[str, Data] = field(default_factory=dict)
    services: dict[str, Data] = field(default_factory=dict)
    banner: Data = field(default_factory=dict)
    policy: Data = field(default_factory=dict)
    ids: Ids = field(default_factory=Ids)
    modes: dict[str, list[str]] = field(default_factory=dict)  # service -> consent types
    category_modes: dict[str, list[str]] = field(default_factory=dict)
    stored: dict[str, dict[str, list[Stored]]] = field(default_factory=dict)

    def text(self, values: dict[str, str]) -> Any:
        return text_value(values, self.languages)

    def purpose(
        self, pid: str, titles: dict[str, str], descriptions: dict[str, str] | None
    ) -> None:
        data: Data = {"title": self.text(titles)}
        data["description"] = self.text(descriptions or {}) or self.text(titles)
        if not descriptions:
            self.notes.review(("purposes", pid), "description", "the configuration has none")
        self.purposes[pid] = data

    def category(
        self,
        cid: str,
        required: bool,
        builtin: dict[str, str] | None = None,
        titles: dict[str, str] | None = None,
        descriptions: dict[str, str] | None = None,
    ) -> None:
        if cid in self.categories:
            return
        if titles is None and builtin is not None:
            titles = {
                lang: builtin.get(lang.split("-")[0], builtin["en"]) for lang in self.languages
            }
        if titles is None and cid in self.purposes:
            titles = None
            data: Data = {"title": self.purposes[cid]["title"]}
        else:
            data = {"title": self.text(titles or {}) or cid.replace("-", " ").capitalize()}
        if not titles and cid not in self.purposes:
            self.notes.review(("categories", cid), "title", "named after its id: give it a title")
        description = self.text(descriptions or {})
        if description is not None:
            data["description"] = description
        data["consent"] = not required
        if cid in self.category_modes:
            data["consent_mode"] = self.category_modes[cid]
        self.categories[cid] = data

    def service_id(self, name: str) -> str:
        base = name if _ID_OK.match(name) else slug(name, "service")
        if base != name:
            self.notes.remark(f"service {name!r} is named {base!r}, an id of the catalogue format")
        return self.ids.take(base)

    def notes_for(self, sid: str, lang: str, stored: list[Stored]) -> None:
        self.stored.setdefault(sid, {})[lang] = stored

    def merge_cookies(self, sid: str, stored: list[Stored], matchers: list[Data]) -> list[Data]:
        """The cookies of a storage list (in its order) with the matchers' paths and domains."""
        by_name = {m["name"]: m for m in matchers}
        out: list[Data] = []
        per_lang = self.stored.get(sid, {})
        for index, entry in enumerate(stored):
            found = by_name.pop(entry.name, None)
            cookie = cookie_entry(
                entry.name,
                kind=entry.kind,
                path=found.get("path") if found else None,
                domain=found.get("domain") if found else None,
            )
            if entry.duration:
                cookie["duration"] = entry.duration
            notes = {
                lang: items[index].note
                for lang, items in per_lang.items()
                if index < len(items) and items[index].note
            }
            note = self.text(notes)
            if note is not None:
                cookie["duration_note"] = note
            out.append(cookie)
        out += by_name.values()
        return out

    def service(
        self,
        sid: str,
        *,
        provider: str,
        functions: dict[str, str],
        category: str,
        purposes: list[str],
        descriptions: dict[str, str],
        cookies: list[Data],
        where: str,
    ) -> None:
        path = ("services", sid)
        data: Data = {}
        if provider:
            data["provider"] = provider
        data["function"] = self.text(functions) or provider
        data["category"] = category
        if not purposes:
            purposes = [category] if category in self.purposes else []
        if purposes:
            data["purposes"] = purposes
        else:
            self.notes.review(path, "purposes", "the configuration names none")
        self.notes.review(path, "party", "the configuration does not say: first or third party?")
        description = self.text(descriptions)
        if description is not None:
            data["description"] = description
        if sid in self.modes:
            data["consent_mode"] = self.modes[sid]
        for cookie in cookies:
            if "duration" not in cookie:
                self.notes.review(
                    (*path, "cookies", cookies.index(cookie)),
                    "duration",
                    "not in the configuration",
                )
        if cookies:
            data["cookies"] = cookies
        self.notes.comment(path, where)
        self.services[sid] = data

    # -- consent-tui's runtime plan (Google consent mode, refused storage)

    def plan_homes(self, plan: Data | None) -> dict[str, str]:
        """Service -> category, from the plan's holders and storage lists."""
        homes: dict[str, str] = {}
        if not plan:
            return homes
        for key in ("holders", "storage"):
            for entry in plan.get(key) or []:
                if isinstance(entry, dict) and isinstance(entry.get("category"), str):
                    service = entry.get("service")
                    types = [t for t in entry.get("types") or [] if t in CONSENT_TYPES]
                    if isinstance(service, str):
                        homes[service] = entry["category"]
                        if key == "holders":
                            self.modes[
                                slug(service, service) if not _ID_OK.match(service) else service
                            ] = types
                    elif key == "holders":
                        self.category_modes[entry["category"]] = types
        return homes

    def banner_from_plan(self, plan: Data | None) -> None:
        if not plan:
            return
        if isinstance(plan.get("wait"), int):
            self.banner["wait_for_update"] = plan["wait"]
        if isinstance(plan.get("region"), list):
            self.banner["region"] = [r for r in plan["region"] if isinstance(r, str)]
        for key, name in (("redaction", "ads_data_redaction"), ("passthrough", "url_passthrough")):
            if isinstance(plan.get(key), bool):
                self.banner[name] = plan[key]

    def policy_url(self, urls: dict[str, str]) -> None:
        values = set(urls.values())
        if len(values) == 1 and self.languages[0] in urls:
            self.banner["policy_url"] = values.pop()
        else:
            self.banner["policy_url"] = {
                lang: urls[lang] for lang in self.languages if lang in urls
            }

    def data(self) -> Data:
        policy: Data = dict(self.policy)
        policy["languages"] = list(self.languages)
        for key, why in (
            ("site_name", "the configuration does not say: fill it in"),
            ("site_url", "the configuration does not say: fill it in"),
            ("controller", "who answers for the site: fill it in"),
        ):
            if key not in policy:
                self.notes.review(("policy",), key, why)
        out: Data = {"format_version": 1, "policy": policy}
        if self.banner:
            out["banner"] = self.banner
        out["categories"] = self.categories
        out["purposes"] = self.purposes
        out["services"] = self.services
        return out
