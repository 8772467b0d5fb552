"""The forms of services, cookies, purposes and categories.

Each form's fields come from the field description (``core/fields``) through
:class:`~consent_tui.ui.dialogs.field_forms.Maker`; what is left here is what
only a form knows: the ids already taken, the service a cookie moves to, the
title and a help line counted from the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from consent_tui.core.fields import entity
from consent_tui.core.model import Catalogue, Category, Cookie, Purpose, Service
from consent_tui.core.store import set_field
from consent_tui.ui.dialogs.field_forms import Maker
from consent_tui.ui.dialogs.form import EntityForm

E = TypeVar("E")


def _apply(entity: E, form: EntityForm[Any]) -> E:
    for name, value in form.values().items():
        entity = set_field(entity, name, value)
    return entity


class ServiceForm(EntityForm[Service]):
    def __init__(
        self, cat: Catalogue, service: Service, *, new: bool, lang: str, focus: str | None = None
    ) -> None:
        self.service = service
        taken = [k for k in cat.services if k != service.id or new]
        fields = Maker(cat, lang).fields(entity("service"), service, taken=taken, new=new)
        verb = "Add service" if new else f"Edit service {service.id}"
        super().__init__(verb, fields, languages=cat.languages, lang=lang, focus=focus)

    def result(self) -> Service:
        return _apply(self.service, self)


@dataclass(frozen=True, slots=True)
class CookieResult:
    """The edited cookie and the service it now belongs to."""

    service_id: str
    cookie: Cookie


class CookieForm(EntityForm[CookieResult]):
    def __init__(
        self,
        cat: Catalogue,
        service_id: str,
        cookie: Cookie,
        *,
        new: bool,
        lang: str,
        focus: str | None = None,
    ) -> None:
        self.cookie = cookie
        fields = Maker(cat, lang).fields(entity("cookie"), cookie, parent=service_id, new=new)
        name = cookie.name or "cookie"
        verb = f"Add cookie to {service_id}" if new else f"Edit cookie {name} ({service_id})"
        super().__init__(verb, fields, languages=cat.languages, lang=lang, focus=focus)

    def result(self) -> CookieResult:
        move = self.field("service")
        assert move is not None
        return CookieResult(move.value(), _apply(self.cookie, self))


class PurposeForm(EntityForm[Purpose]):
    def __init__(
        self, cat: Catalogue, purpose: Purpose, *, new: bool, lang: str, focus: str | None = None
    ) -> None:
        self.purpose = purpose
        taken = [k for k in cat.purposes if k != purpose.id or new]
        used = cat.services_using_purpose(purpose.id) if not new else []
        helps = {"id": f"Renaming updates {len(used)} service(s) using it." if used else ""}
        maker = Maker(cat, lang)
        fields = maker.fields(entity("purpose"), purpose, taken=taken, new=new, helps=helps)
        verb = "Add purpose" if new else f"Edit purpose {purpose.id}"
        super().__init__(verb, fields, languages=cat.languages, lang=lang, focus=focus)

    def result(self) -> Purpose:
        return _apply(self.purpose, self)


class CategoryForm(EntityForm[Category]):
    def __init__(
        self, cat: Catalogue, category: Category, *, new: bool, lang: str, focus: str | None = None
    ) -> None:
        self.category = category
        taken = [k for k in cat.categories if k != category.id or new]
        fields = Maker(cat, lang).fields(entity("category"), category, taken=taken, new=new)
        verb = "Add category" if new else f"Edit category {category.id}"
        super().__init__(verb, fields, languages=cat.languages, lang=lang, focus=focus)

    def result(self) -> Category:
        return _apply(self.category, self)
