"""The forms of services, cookies, purposes and categories."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from consent_tui.core.model import (
    LEGAL_BASES,
    PARTIES,
    STORAGE_TYPES,
    Catalogue,
    Category,
    Cookie,
    Purpose,
    Service,
    Text,
    text_in,
)
from consent_tui.core.store import set_field
from consent_tui.ui.dialogs import validators as v
from consent_tui.ui.dialogs.fields import (
    ChoiceField,
    Field,
    ListField,
    MultiField,
    TextField,
    TranslatedField,
)
from consent_tui.ui.dialogs.form import EntityForm


class _Texts:
    """Makes translated fields for one catalogue."""

    def __init__(self, cat: Catalogue, lang: str) -> None:
        self.cat, self.lang = cat, lang

    def __call__(
        self, name: str, label: str, original: Text | None, *, long: bool = False, help: str = ""
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
        )


E = TypeVar("E")


def _apply(entity: E, form: EntityForm[Any]) -> E:
    for name, value in form.values().items():
        entity = set_field(entity, name, value)
    return entity


def review_fields(original: bool | None) -> list[Field]:
    """The ``review`` mark of a drafted table: shown only while the table has one."""
    if original is None:
        return []
    return [
        ChoiceField(
            "review",
            "Review",
            original,
            [("needs review (drafted, not checked)", True), ("reviewed", False)],
            blank="(not set: reviewed)",
            help="Once you have checked it, choose (not set): the needs-review warning goes.",
        )
    ]


def _title(cat: Catalogue, texts: Text | None, fallback: str) -> str:
    return text_in(texts, cat.default_language) or fallback


class ServiceForm(EntityForm[Service]):
    def __init__(
        self, cat: Catalogue, service: Service, *, new: bool, lang: str, focus: str | None = None
    ) -> None:
        self.service = service
        t = _Texts(cat, lang)
        taken = [k for k in cat.services if k != service.id or new]
        categories = [
            (f"{c.id} — {_title(cat, c.title, c.id)}", c.id) for c in cat.categories.values()
        ]
        purposes = [(f"{p.id} — {_title(cat, p.title, p.id)}", p.id) for p in cat.purposes.values()]
        fields: list[Field] = [
            TextField(
                "id",
                "Id",
                service.id,
                validators=[v.id_check(taken, None)],
                required=True,
                help="Renaming keeps the cookies.",
            ),
            TextField("provider", "Provider", service.provider, placeholder="Google Ireland Ltd"),
            t("function", "Function", service.function),
            t("location", "Where used", service.location),
            ChoiceField("category", "Category", service.category, categories),
            MultiField(
                "purposes",
                "Purposes",
                service.purposes,
                purposes,
                help="space toggles the highlighted purpose",
            ),
            ChoiceField("party", "Party", service.party, [(p, p) for p in PARTIES]),
            TextField(
                "privacy_policy",
                "Privacy policy",
                service.privacy_policy,
                validators=[v.Check(v.url_problem)],
                placeholder="https://…",
            ),
            TextField(
                "country",
                "Country",
                service.country,
                validators=[v.Check(v.country_problem)],
                placeholder="FR",
            ),
            TextField(
                "safeguard",
                "Transfer safeguard",
                service.safeguard,
                placeholder="e.g. EU-US Data Privacy Framework",
            ),
            t("description", "Description", service.description, long=True),
            *review_fields(service.review),
        ]
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
        t = _Texts(cat, lang)
        services = [
            (f"{s.id} — {s.provider}" if s.provider else s.id, s.id) for s in cat.services.values()
        ]
        fields: list[Field] = [
            ChoiceField(
                "service",
                "Service",
                service_id,
                services,
                blank=None,
                help="Choose another service to move the cookie.",
                target="move",
            ),
            TextField(
                "name",
                "Name",
                cookie.name,
                required=True,
                help="A * stands for any characters (e.g. _ga_*).",
            ),
            ChoiceField(
                "type",
                "Type",
                cookie.type,
                [(s, s) for s in STORAGE_TYPES],
                blank="(not set: http_cookie)",
            ),
            TextField(
                "domain",
                "Domain",
                cookie.domain,
                validators=[v.Check(v.domain_problem)],
                placeholder=".example.com",
            ),
            TextField(
                "path", "Path", cookie.path, validators=[v.Check(v.path_problem)], placeholder="/"
            ),
            TextField(
                "duration",
                "Duration",
                cookie.duration,
                validators=[v.Check(v.duration_problem)],
                placeholder="session, 13 months, 1 year 6 months, P13M …",
            ),
            t("duration_note", "Duration note", cookie.duration_note),
            t("description", "Description", cookie.description, long=True),
        ]
        name = cookie.name or "cookie"
        verb = f"Add cookie to {service_id}" if new else f"Edit cookie {name} ({service_id})"
        super().__init__(verb, fields, languages=cat.languages, lang=lang, focus=focus)

    def result(self) -> CookieResult:
        move = self.fields[0].value()
        return CookieResult(move, _apply(self.cookie, self))


class PurposeForm(EntityForm[Purpose]):
    def __init__(
        self, cat: Catalogue, purpose: Purpose, *, new: bool, lang: str, focus: str | None = None
    ) -> None:
        self.purpose = purpose
        t = _Texts(cat, lang)
        taken = [k for k in cat.purposes if k != purpose.id or new]
        used = cat.services_using_purpose(purpose.id) if not new else []
        fields: list[Field] = [
            TextField(
                "id",
                "Id",
                purpose.id,
                validators=[v.id_check(taken, None)],
                required=True,
                help=f"Renaming updates {len(used)} service(s) using it." if used else "",
            ),
            t("title", "Title", purpose.title),
            t("description", "Description", purpose.description, long=True),
            ChoiceField(
                "legal_basis",
                "Legal basis",
                purpose.legal_basis,
                [(b.replace("_", " "), b) for b in LEGAL_BASES],
            ),
            ListField(
                "tcf_purposes",
                "TCF purposes",
                purpose.tcf_purposes,
                numbers=True,
                validators=[v.Check(v.int_list_problem(1, 11))],
                placeholder="1, 3, 4",
            ),
        ]
        verb = "Add purpose" if new else f"Edit purpose {purpose.id}"
        super().__init__(verb, fields, languages=cat.languages, lang=lang, focus=focus)

    def result(self) -> Purpose:
        return _apply(self.purpose, self)


class CategoryForm(EntityForm[Category]):
    def __init__(
        self, cat: Catalogue, category: Category, *, new: bool, lang: str, focus: str | None = None
    ) -> None:
        self.category = category
        t = _Texts(cat, lang)
        taken = [k for k in cat.categories if k != category.id or new]
        fields: list[Field] = [
            TextField("id", "Id", category.id, validators=[v.id_check(taken, None)], required=True),
            t("title", "Title", category.title),
            t("description", "Description", category.description, long=True),
            ChoiceField(
                "consent",
                "Consent",
                category.consent,
                [
                    ("required (visitors opt in)", True),
                    ("not required (strictly necessary)", False),
                ],
            ),
        ]
        verb = "Add category" if new else f"Edit category {category.id}"
        super().__init__(verb, fields, languages=cat.languages, lang=lang, focus=focus)

    def result(self) -> Category:
        return _apply(self.category, self)
