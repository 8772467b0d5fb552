"""The policy form: ``[policy]``, ``[policy.document]`` and ``[banner]``.

Its fields come from the three tables' descriptions (``core/fields``), in the
order the policy view lists them; ``result`` puts each back in its table.
"""

from __future__ import annotations

from dataclasses import dataclass

from consent_tui.core.fields import entity
from consent_tui.core.model import Banner, Catalogue, DocumentSettings, Policy
from consent_tui.core.store import set_field
from consent_tui.ui.dialogs.field_forms import DateField as DateField
from consent_tui.ui.dialogs.field_forms import Maker
from consent_tui.ui.dialogs.form import EntityForm


@dataclass(frozen=True, slots=True)
class PolicyResult:
    policy: Policy
    banner: Banner | None


class PolicyForm(EntityForm[PolicyResult]):
    def __init__(self, cat: Catalogue, *, lang: str, focus: str | None = None) -> None:
        self.cat = cat
        maker = Maker(cat, lang)
        fields = maker.fields(entity("policy"), cat.policy)
        fields += maker.fields(
            entity("document"), cat.document, prefix="document.", target="document"
        )
        fields += maker.fields(
            entity("banner"), cat.banner_settings, prefix="banner.", target="banner"
        )
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
