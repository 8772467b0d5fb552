"""Form fields from the field description (core/fields): one widget per described field.

:class:`Maker` turns a described :class:`~consent_tui.core.fields.Field` and
the entity's value into the form field of its type: a line of text with the
type's check, a translated text, a choice, a picker of the catalogue's entries,
a list. A form asks for the fields that identify an entry (its id, a cookie's
name) before it saves; the format's other required fields are validation's to
report, so that a half-filled entry can be saved and finished later.

Pickers of other entries are :class:`RefField` and :class:`RefsField`, and
every option label comes from :meth:`Maker.options`: the one place to offer
"New…" or to follow the form's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from consent_tui.core.fields import Entity, entity
from consent_tui.core.fields import Field as Described
from consent_tui.core.fields.show import option_label, value_at
from consent_tui.core.model import Catalogue
from consent_tui.ui.dialogs import validators as v
from consent_tui.ui.dialogs.fields import (
    ChoiceField,
    Field,
    IntField,
    ListField,
    MultiField,
    TextField,
    TranslatedField,
)


class DateField(TextField):
    """A TOML date, typed YYYY-MM-DD."""

    def to_text(self, value: Any) -> str:
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def from_text(self, text: str) -> Any:
        return dt.date.fromisoformat(text)


class RefField(ChoiceField):
    """The id of another entry (a service's category, a cookie's service)."""

    def __init__(self, *args: Any, ref: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ref = ref


class RefsField(MultiField):
    """Ids of other entries (a service's purposes)."""

    def __init__(self, *args: Any, ref: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ref = ref


_LISTS = ("enums", "strings", "languages", "regions", "ints")
_TYPED = ("string", "url", "contact", "country", "domain", "path", "duration", "lifetime")


class Maker:
    """Makes the form fields of one catalogue's entities, in one language."""

    def __init__(self, cat: Catalogue, lang: str) -> None:
        self.cat, self.lang = cat, lang

    def options(self, kind: str) -> list[tuple[str, Any]]:
        """The entries of ``kind`` a picker offers, as (label, id)."""
        desc = entity(kind)
        default = self.cat.default_language
        items = getattr(self.cat, desc.noun[1]).values()
        return [(option_label(desc, item, default, default), item.id) for item in items]

    def fields(
        self,
        desc: Entity,
        item: Any,
        *,
        taken: Iterable[str] = (),
        new: bool = False,
        parent: str | None = None,
        prefix: str = "",
        target: str = "",
        helps: dict[str, str] | None = None,
    ) -> list[Field]:
        """The form fields of ``desc``'s shown fields, with ``item``'s values.

        ``prefix`` and ``target`` place a sub-table's fields ("banner." in the
        policy form); ``helps`` replaces a field's help line (a count known only now).
        """
        out: list[Field] = []
        for described in desc.in_form:
            if described.place == "parent":
                original: Any = parent
            elif item is None:
                original = None
            else:
                original = getattr(item, described.key)
            if described.form == "when set" and original is None:
                continue  # a mark the table has not (`review`): nothing to offer
            help = (helps or {}).get(described.key, described.help)
            identity = described.place == "id" or (
                not desc.has("id") and described.key == desc.title_key
            )
            also = value_at(desc.kind, item, described.also) if described.also else None
            made = self.field(
                described,
                original,
                also=tuple(also or ()),
                name=prefix + described.key,
                target=target,
                help=help,
                required=identity,
                taken=taken,
                current=None if new or item is None else getattr(item, "id", None),
            )
            out.extend(made)
        return out

    def field(
        self,
        d: Described,
        original: Any,
        *,
        name: str,
        target: str = "",
        help: str = "",
        required: bool = False,
        taken: Iterable[str] = (),
        current: str | None = None,
        also: tuple[str, ...] = (),
    ) -> list[Field]:
        """The form field(s) of ``d``: one, or one per text of a table of texts.

        ``also``: more values an ``enums`` field takes (the ids of ``d.also`` here).
        """
        label, kind = d.label_en, d.type
        if kind == "id":
            check = v.id_check(taken, current)
            return [TextField(name, label, original, validators=[check], required=True, help=help)]
        if kind in ("text", "url_text"):
            return [self._text(name, label, original, long=d.long, help=help, target=target)]
        if kind == "texts":
            return [
                self._text(f"{name}.{key}", f"{label} {key}", text, long=d.long, target=d.key)
                for key, text in (original or {}).items()
            ]
        if kind == "ref":
            parent = d.place == "parent"
            return [
                RefField(
                    name,
                    label,
                    original,
                    self.options(d.ref),
                    ref=d.ref,
                    blank=None if parent else "(not set)",
                    help=help,
                    target="move" if parent else target,
                )
            ]
        if kind == "refs":
            options = self.options(d.ref)
            return [RefsField(name, label, original, options, ref=d.ref, help=help)]
        if kind in ("enum", "bool"):
            options = [(c.label, c.value) for c in d.choices]
            if kind == "bool" and not options:
                options = [("yes", True), ("no", False)]
            blank = f"(not set: {d.default})" if d.default else "(not set)"
            return [
                ChoiceField(name, label, original, options, blank=blank, help=help, target=target)
            ]
        common: dict[str, Any] = {
            "validators": v.field_check(d, also),
            "placeholder": d.placeholder,
            "help": help,
            "target": target,
        }
        if kind in _LISTS:
            return [ListField(name, label, original, numbers=kind == "ints", **common)]
        if kind == "int":
            return [IntField(name, label, original, **common)]
        if kind == "date":
            return [DateField(name, label, original, **common)]
        if kind in _TYPED:
            return [TextField(name, label, original, required=required, **common)]
        return []  # sub-tables have forms of their own

    def _text(
        self, name: str, label: str, original: Any, *, long: bool, help: str = "", target: str
    ) -> TranslatedField:
        return TranslatedField(
            name,
            label,
            original,
            lang=self.lang,
            default=self.cat.default_language,
            single=len(self.cat.languages) == 1,
            long=long,
            help=help,
            target=target,
        )
