"""The policy view: ``[policy]``, ``[policy.document]`` and ``[banner]`` at a glance.

One row per setting, as the field description lists the policy form's fields
(``core.fields.settings_fields``); enter (or e) opens the policy form on that setting.
"""

from __future__ import annotations

from consent_tui.core.fields import Field, entity, settings_fields
from consent_tui.core.fields.show import display
from consent_tui.core.model import Catalogue, Text
from consent_tui.ui.problems import ProblemIndex, mark_cell, tone
from consent_tui.ui.text import visible
from consent_tui.ui.views.table_view import TableView
from consent_tui.ui.widgets.grid import Column, Row


def policy_fields() -> list[tuple[str, Field]]:
    """(row key = the form's field name, field) of each setting, from core/fields.

    A table of texts (``[policy.document.sections]``) is one row per text, after the others.
    """
    return [(name, f) for name, f in settings_fields() if f.type != "texts"]


def _show(field: Field | None, value: object, lang: str, default: str) -> tuple[str, str]:
    """The value in ``lang`` and the list of languages it is written in."""
    if value is None:
        return "", ""
    if isinstance(value, Text):
        text = value.get(lang, default) or ""
        return visible(text), " ".join(value.languages)
    if field is not None:
        return visible(display(field, value, lang, default)), ""
    return visible(value), ""


def _owners(cat: Catalogue) -> dict[str, object]:
    return {"": cat.policy, "document": cat.policy.document, "banner": cat.banner}


def policy_values(cat: Catalogue) -> dict[str, object]:
    """Each row key's value in the model (``None`` when the file leaves it out)."""
    owners = _owners(cat)
    values: dict[str, object] = {}
    for name, field in policy_fields():
        owner = owners[name.rpartition(".")[0]]
        value = getattr(owner, field.key) if owner is not None else None
        if value is not None or field.form != "when set":  # a mark only while it is set
            values[name] = value
    doc = cat.policy.document
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
        fields = dict(policy_fields())
        section = entity("document").field("sections").label_en
        out = []
        for key, value in policy_values(catalogue).items():
            field = fields.get(key)
            label = field.label_en if field else f"{section} {visible(key.rsplit('.', 1)[-1])}"
            shown, langs = _show(field, value, lang, default)
            last = key.rsplit(".", 1)[-1]
            found = [p for p in problems.of("policy", "") if p.field in (key, last)]
            found += [p for p in problems.of("banner", "") if p.field in (key, last)]
            out.append(Row(key, (label, shown, langs, mark_cell(found))))
        return out
