"""The policy view: ``[policy]``, ``[policy.document]`` and ``[banner]`` at a glance.

One row per setting; enter (or e) opens the policy form on that setting.
"""

from __future__ import annotations

from consent_tui.core.model import Catalogue, Text
from consent_tui.ui.problems import ProblemIndex, mark_cell, tone
from consent_tui.ui.text import visible
from consent_tui.ui.views.table_view import TableView
from consent_tui.ui.widgets.grid import Column, Row

# (row key = form field name, label)
POLICY_FIELDS: tuple[tuple[str, str], ...] = (
    ("site_name", "Site name"),
    ("site_url", "Site address"),
    ("controller", "Data controller"),
    ("contact", "Privacy contact"),
    ("title", "Document title"),
    ("languages", "Languages"),
    ("updated", "Last updated"),
    ("intro", "Introduction"),
    ("document.columns", "Table columns"),
    ("banner.consent_lifetime", "Consent lifetime"),
    ("banner.revision", "Consent revision"),
)


def _show(value: object, lang: str, default: str) -> tuple[str, str]:
    """The value in ``lang`` and the list of languages it is written in."""
    if value is None:
        return "", ""
    if isinstance(value, Text):
        text = value.get(lang, default) or ""
        return visible(text), " ".join(value.languages)
    if isinstance(value, tuple):
        return visible(", ".join(str(v) for v in value)), ""
    return visible(value), ""


def policy_values(cat: Catalogue) -> dict[str, object]:
    """Each row key's value in the model (``None`` when the file leaves it out)."""
    policy, doc, banner = cat.policy, cat.policy.document, cat.banner
    values: dict[str, object] = {
        "site_name": policy.site_name,
        "site_url": policy.site_url,
        "controller": policy.controller,
        "contact": policy.contact,
        "title": policy.title,
        "languages": policy.languages,
        "updated": policy.updated.isoformat() if policy.updated else None,
        "intro": policy.intro,
        "document.columns": doc.columns if doc else None,
        "banner.consent_lifetime": banner.consent_lifetime if banner else None,
        "banner.revision": banner.revision if banner else None,
    }
    for name, text in (doc.sections if doc else {}).items():
        values[f"document.sections.{name}"] = text
    return values


class PolicyView(TableView):
    KIND = "policy"
    NOUN = ("setting", "settings")
    TITLE = "Policy"
    CAN_ADD = False
    COLUMNS = (
        Column("setting", "Setting", max_width=28),
        Column("value", "Value", max_width=200, grow=True),
        Column("languages", "Written in", max_width=14),
        Column("problems", "Problems", min_width=8, max_width=9, tone=tone),
    )
    HELP = (
        "Who publishes the policy and how the exported document looks: `[policy]`, "
        "`[policy.document]` and `[banner]`. Enter or e opens the policy form on the "
        "selected setting; its language switch edits each translation."
    )

    def build_rows(self, catalogue: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
        default = catalogue.default_language
        labels = dict(POLICY_FIELDS)
        out = []
        for key, value in policy_values(catalogue).items():
            label = labels.get(key) or "Section " + visible(key.rsplit(".", 1)[-1])
            shown, langs = _show(value, lang, default)
            field = key.rsplit(".", 1)[-1]
            found = [p for p in problems.of("policy", "") if p.field in (key, field)]
            found += [p for p in problems.of("banner", "") if p.field in (key, field)]
            out.append(Row(key, (label, shown, langs, mark_cell(found))))
        return out
