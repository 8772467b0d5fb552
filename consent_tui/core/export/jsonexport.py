"""JSON: the normalised catalogue, every language, for other programs.

Durations are parsed (seconds, and words in each language), references are
resolved (a service carries its category and purposes), plain strings become
``{language: text}`` maps and every field of the model is present (``null``
when absent; ``policy.changelog`` only when the catalogue has entries); only
``extra`` (unknown keys, values of the wrong type) is left out. Described by
``consent_tui/core/schema/export.schema.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from consent_tui.core.durations import Duration, format_duration, try_parse
from consent_tui.core.export import cldr
from consent_tui.core.export.escape import json_bidi_escaped
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.export.texts import builtin_language, texts_for
from consent_tui.core.model import Catalogue, Category, Cookie, Purpose, Service, Text
from consent_tui.core.store import layout_data

EXPORT_VERSION = 1
SCHEMA_ID = "urn:consent-tui:schema:export:1"

Data = dict[str, Any]


def schema_text() -> str:
    """The JSON Schema of this export, as shipped in the package."""
    folder = resources.files("consent_tui.core").joinpath("schema")
    return folder.joinpath("export.schema.json").read_text(encoding="utf-8")


def _text(text: Text | None) -> dict[str, str] | None:
    return dict(text.values) if text is not None else None


def _list(values: tuple[str, ...] | None) -> list[str] | None:
    return list(values) if values is not None else None


def pattern_regex(name: str) -> str:
    """A regular expression matching the names a ``*`` pattern stands for."""
    return "^" + ".*".join(re.escape(part) for part in name.split("*")) + "$"


class _Normaliser:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.languages = catalogue.languages
        self.categories = {c.id: self.category(c) for c in catalogue.categories.values()}
        self.purposes = {p.id: self.purpose(p) for p in catalogue.purposes.values()}
        self._durations: dict[str, Data | None] = {}
        layout = catalogue.document.effective_layout
        self.own_keys = {of: layout.own_keys(of) for of in ("cookie", "service")}

    def duration(self, raw: str | None) -> Data | None:
        if raw is None:
            return None
        if raw in self._durations:
            return self._durations[raw]
        parsed = try_parse(raw)
        out: Data = {"text": raw, "kind": None, "seconds": None, "label": None}
        if parsed is not None:
            out["kind"] = parsed.kind
            out["seconds"] = parsed.seconds
            out["label"] = {lang: self.label(parsed, lang) for lang in self.languages}
        self._durations[raw] = out
        return out

    def label(self, parsed: Duration, lang: str) -> str:
        """A duration in words in ``lang``: CLDR's, else (a language it lacks) English."""
        builtin = builtin_language(lang)
        if parsed.kind != "fixed":
            return str(texts_for(lang).LABELS[f"duration_{parsed.kind}"])
        written = cldr.duration_words(parsed.parts, builtin or lang)
        return written if written is not None else format_duration(parsed, "en")

    def category(self, category: Category) -> Data:
        return {
            "id": category.id,
            "title": _text(category.title),
            "description": _text(category.description),
            "consent": category.consent,
            "consent_mode": _list(category.consent_mode),
        }

    def purpose(self, purpose: Purpose) -> Data:
        tcf = list(purpose.tcf_purposes) if purpose.tcf_purposes is not None else None
        return {
            "id": purpose.id,
            "title": _text(purpose.title),
            "description": _text(purpose.description),
            "legal_basis": purpose.legal_basis,
            "tcf_purposes": tcf,
        }

    def own(self, extra: Mapping[str, Any], keys: frozenset[str]) -> Data:
        """The values of the entity's own columns (declared in the layout), by key."""
        out: Data = {}
        for key in keys:
            value = extra.get(key)
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                out[key] = (
                    {self.catalogue.default_language: value} if isinstance(value, str) else value
                )
            elif (
                isinstance(value, dict)
                and value
                and all(isinstance(v, str) for v in value.values())
            ):
                out[key] = dict(value)
        return out

    def cookie(self, cookie: Cookie) -> Data:
        name = cookie.name
        pattern = name is not None and "*" in name
        data = self._cookie(cookie, name, pattern)
        # Present only when written, so that exports of earlier catalogues stay as they were.
        if cookie.display_name is not None:
            data["display_name"] = cookie.display_name
        if cookie.duration_text is not None:
            data["duration_text"] = dict(cookie.duration_text.values)
        own = self.own(cookie.extra, self.own_keys["cookie"]) if cookie.extra else None
        if own:
            data["own_columns"] = own
        return data

    def _cookie(self, cookie: Cookie, name: str | None, pattern: bool) -> Data:
        return {
            "name": name,
            "pattern": pattern,
            "regex": pattern_regex(name) if pattern and name is not None else None,
            "type": cookie.storage_type,
            "domain": cookie.domain,
            "path": cookie.path,
            "duration": self.duration(cookie.duration),
            "duration_note": _text(cookie.duration_note),
            "refresh": cookie.refresh,
            "description": _text(cookie.description),
        }

    def service(self, service: Service) -> Data:
        category = None
        if service.category is not None:
            category = self.categories.get(service.category) or {
                "id": service.category,
                "missing": True,
            }
        purposes = [
            self.purposes.get(p) or {"id": p, "missing": True} for p in service.purposes or ()
        ]
        return {
            "id": service.id,
            "provider": service.provider,
            "function": _text(service.function),
            "location": _text(service.location),
            "description": _text(service.description),
            "category": category,
            "purposes": purposes,
            "party": service.party,
            "privacy_policy": service.privacy_policy,
            "country": service.country,
            "safeguard": service.safeguard,
            "consent_mode": _list(service.consent_mode),
            "cookies": [self.cookie(c) for c in service.cookies],
            **self._service_own(service),
        }

    def changelog(self) -> list[Data]:
        """The ``[[policy.changelog]]`` entries, in file order (written only when there are)."""
        return [
            {"date": e.date.isoformat() if e.date else None, "text": _text(e.text)}
            for e in self.catalogue.policy.changelog
        ]

    def _service_own(self, service: Service) -> Data:
        own = self.own(service.extra, self.own_keys["service"]) if service.extra else None
        return {"own_columns": own} if own else {}

    def _layout(self) -> Data:
        """The layout keys as written (texts as language maps); only when the file has any."""
        layout = self.catalogue.document.layout
        if layout is None:
            return {}
        return {"layout": layout_data(layout, lambda text: dict(text.values))}

    def catalogue_data(self) -> Data:
        catalogue = self.catalogue
        policy = catalogue.policy
        document = catalogue.document
        banner = catalogue.banner_settings
        data: Data = {
            "$schema": SCHEMA_ID,
            "export_version": EXPORT_VERSION,
            "format_version": catalogue.format_version,
            "languages": list(self.languages),
            "default_language": catalogue.default_language,
            "policy": {
                "title": _text(policy.title),
                "site_name": policy.site_name,
                "site_url": policy.site_url,
                "controller": policy.controller,
                "contact": policy.contact,
                "updated": policy.updated.isoformat() if policy.updated else None,
                "intro": _text(policy.intro),
                "document": {
                    "columns": list(document.effective_columns),
                    "sections": {k: dict(v.values) for k, v in document.sections.items()},
                    **self._layout(),
                },
            },
            "banner": {
                "consent_lifetime": self.duration(banner.effective_lifetime),
                "revision": banner.revision,
                "policy_url": _text(banner.policy_url),
                "wait_for_update": banner.wait_for_update,
                "ads_data_redaction": banner.ads_data_redaction,
                "url_passthrough": banner.url_passthrough,
                "region": _list(banner.region),
            },
            "categories": list(self.categories.values()),
            "purposes": list(self.purposes.values()),
            "services": [self.service(s) for s in catalogue.services.values()],
            "counts": {"services": len(catalogue.services), "cookies": catalogue.cookie_count()},
        }
        if policy.changelog:
            data["policy"]["changelog"] = self.changelog()
        return data


def normalise(catalogue: Catalogue) -> Data:
    """The catalogue as plain JSON data (see the module docstring)."""
    return _Normaliser(catalogue).catalogue_data()


def dumps(data: Data) -> str:
    """Indented at the top, one line per category, purpose and service.

    Readable and diff-friendly, and fast: ``json.dumps`` with ``indent`` runs in
    pure Python, without it in C.
    """
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            items = ",\n".join("    " + json.dumps(v, ensure_ascii=False) for v in value)
            body = f"[\n{items}\n  ]"
        else:
            body = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        lines.append(f"  {json.dumps(key)}: {body}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    return ExportResult(json_bidi_escaped(dumps(normalise(catalogue))))


EXPORTER = Exporter(
    name="json",
    extension="json",
    description="the normalised catalogue in every language, for other programs",
    render=render,
    per_language=False,
)
