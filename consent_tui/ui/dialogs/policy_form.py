"""The policy form: ``[policy]``, ``[policy.document]`` and ``[banner]``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from consent_tui.core.model import Banner, Catalogue, DocumentSettings, Policy, Text
from consent_tui.core.store import set_field
from consent_tui.ui.dialogs import validators as v
from consent_tui.ui.dialogs.entity_forms import review_fields
from consent_tui.ui.dialogs.fields import Field, IntField, ListField, TextField, TranslatedField
from consent_tui.ui.dialogs.form import EntityForm


@dataclass(frozen=True, slots=True)
class PolicyResult:
    policy: Policy
    banner: Banner | None


class DateField(TextField):
    def to_text(self, value: Any) -> str:
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def from_text(self, text: str) -> Any:
        return dt.date.fromisoformat(text)


class PolicyForm(EntityForm[PolicyResult]):
    def __init__(self, cat: Catalogue, *, lang: str, focus: str | None = None) -> None:
        self.cat = cat
        policy, doc, banner = cat.policy, cat.document, cat.banner_settings
        single = len(cat.languages) == 1

        def t(
            name: str, label: str, original: Text | None, *, long: bool = False, target: str = ""
        ) -> TranslatedField:
            return TranslatedField(
                name,
                label,
                original,
                lang=lang,
                long=long,
                single=single,
                default=cat.default_language,
                target=target,
            )

        fields: list[Field] = [
            TextField("site_name", "Site name", policy.site_name),
            TextField(
                "site_url",
                "Site address",
                policy.site_url,
                validators=[v.Check(v.url_problem)],
                placeholder="https://example.com",
            ),
            TextField("controller", "Data controller", policy.controller),
            TextField(
                "contact",
                "Privacy contact",
                policy.contact,
                validators=[v.Check(v.contact_problem)],
                placeholder="mailto:privacy@example.com",
            ),
            t("title", "Document title", policy.title),
            ListField(
                "languages",
                "Languages",
                policy.languages,
                validators=[v.Check(v.language_list_problem)],
                placeholder="en, fr",
                help="The first is the default. New languages appear after saving.",
            ),
            DateField(
                "updated",
                "Last updated",
                policy.updated,
                validators=[v.Check(v.date_problem)],
                placeholder="YYYY-MM-DD",
            ),
            t("intro", "Introduction", policy.intro, long=True),
            ListField(
                "document.columns",
                "Table columns",
                doc.columns,
                target="document",
                validators=[v.Check(v.name_list_problem)],
                placeholder="provider, function_location, cookies, purposes",
            ),
            *review_fields(policy.review),
        ]
        for name, text in doc.sections.items():
            fields.append(
                t(
                    f"document.sections.{name}",
                    f"Section {name}",
                    text,
                    long=True,
                    target="sections",
                )
            )
        fields += [
            TextField(
                "banner.consent_lifetime",
                "Consent lifetime",
                banner.consent_lifetime,
                validators=[v.Check(v.duration_problem)],
                placeholder="182 days",
                target="banner",
            ),
            IntField(
                "banner.revision",
                "Consent revision",
                banner.revision,
                validators=[v.Check(v.int_problem)],
                target="banner",
                help="Raise it to ask every visitor again.",
            ),
        ]
        super().__init__(
            "Edit policy settings", fields, languages=cat.languages, lang=lang, focus=focus
        )

    def result(self) -> PolicyResult:
        policy = self.cat.policy
        for name, value in self.values().items():
            policy = set_field(policy, name, value)
        doc_changes = self.values("document")
        sections = self.values("sections")
        if doc_changes or sections:
            doc = policy.document or DocumentSettings()
            for name, value in doc_changes.items():
                doc = set_field(doc, name, value)
            if sections:
                merged = {k: sections.get(k, t) for k, t in doc.sections.items()}
                doc = set_field(doc, "sections", {k: t for k, t in merged.items() if t})
            policy = set_field(policy, "document", doc)
        banner = self.cat.banner
        banner_changes = self.values("banner")
        if banner_changes:
            banner = banner or Banner()
            for name, value in banner_changes.items():
                banner = set_field(banner, name, value)
        return PolicyResult(policy, banner)
