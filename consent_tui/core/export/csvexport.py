"""CSV: one row per cookie, for spreadsheets; no cell can run as a formula.

Every field is quoted, so neither ``,`` nor ``;`` inside a text splits it, and
:func:`~consent_tui.core.export.escape.spreadsheet_safe` neutralises what a
spreadsheet would evaluate, at the start of a cell and wherever a spreadsheet
assuming another delimiter (or cutting at a line break) would start one. A
session cookie's duration is "session", with no seconds (it is no lifetime of 0).
A UTF-8 byte-order mark lets Excel read accents.
"""

from __future__ import annotations

import csv
import io

from consent_tui.core.durations import try_parse
from consent_tui.core.export.cells import pattern_item
from consent_tui.core.export.escape import clean, spreadsheet_safe
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.export.words import Words, export_language
from consent_tui.core.model import Catalogue, Cookie, Service

FIELDS = (
    "service",
    "provider",
    "category",
    "consent",
    "purposes",
    "cookie",
    "pattern",
    "type",
    "domain",
    "path",
    "duration",
    "duration_seconds",
    "duration_note",
    "party",
    "description",
    "privacy_policy",
    "country",
)
BOM = "\ufeff"


class _Rows:
    def __init__(self, catalogue: Catalogue, words: Words) -> None:
        self.catalogue = catalogue
        self.words = words
        self.labels: dict[str, str] = words.builtin.LABELS

    def service_values(self, service: Service) -> dict[str, str]:
        words = self.words
        category = self.catalogue.categories.get(service.category or "")
        consent = ""
        if category is not None and category.consent is not None:
            consent = self.labels["yes" if category.consent else "no"]
        purposes = []
        for pid in service.purposes or ():
            purpose = self.catalogue.purposes.get(pid)
            title = words.text(purpose.title, f"purposes.{pid}.title") if purpose else ""
            purposes.append(title or pid)
        title = words.text(category.title, f"categories.{category.id}.title") if category else ""
        return {
            "service": service.id,
            "provider": service.provider or "",
            "category": title or service.category or "",
            "consent": consent,
            "purposes": "; ".join(purposes),
            "party": self.labels.get(service.party or "", service.party or ""),
            "privacy_policy": service.privacy_policy or "",
            "country": service.country or "",
        }

    def cookie_values(self, service: Service, index: int, cookie: Cookie) -> dict[str, str]:
        where = f"services.{service.id}.cookies[{index}]"
        name = cookie.name or ""
        parsed = try_parse(cookie.duration)
        # a session cookie has no lifetime to count: "session" in words, no seconds
        session = parsed is not None and parsed.kind == "session"
        seconds = parsed.seconds if parsed is not None and not session else None
        pattern = pattern_item(name, cookie.storage_type, self.words).text if "*" in name else ""
        description = self.words.text(cookie.description, f"{where}.description")
        if not description:
            description = self.words.text(service.description, f"services.{service.id}.description")
        return {
            "cookie": name,
            "pattern": pattern,
            "type": self.labels.get(cookie.storage_type, cookie.storage_type),
            "domain": cookie.domain or "",
            "path": cookie.path or "",
            "duration": self.words.duration_text(cookie.duration),
            "duration_seconds": "" if seconds is None else str(seconds),
            "duration_note": self.words.text(cookie.duration_note, f"{where}.duration_note"),
            "description": description,
        }


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    notes: list[str] = []
    words = Words(catalogue, export_language(catalogue, options.lang, notes))
    words.notes[:0] = notes
    rows = _Rows(catalogue, words)
    headers: dict[str, str] = words.builtin.CSV
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([headers[f] for f in FIELDS])
    for service in catalogue.services.values():
        shared = _safe(rows.service_values(service))  # once per service, not per cookie
        for index, cookie in enumerate(service.cookies):
            values = shared | _safe(rows.cookie_values(service, index, cookie))
            writer.writerow([values[f] for f in FIELDS])
    return ExportResult(BOM + out.getvalue(), tuple(dict.fromkeys(words.notes)))


def _safe(values: dict[str, str]) -> dict[str, str]:
    """Cells fit for a spreadsheet: controls dropped, no formula anywhere."""
    return {key: spreadsheet_safe(clean(value)) for key, value in values.items()}


EXPORTER = Exporter(
    name="csv",
    extension="csv",
    description="one row per cookie, for spreadsheets",
    render=render,
    options=frozenset({"lang"}),
)
