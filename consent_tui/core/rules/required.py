"""Required fields are present and not empty (texts: in the default language).

Which fields are required comes from their description (core/fields): each
field whose missing rule is `missing-required-field`; optional strings are
checked for blanks. `missing-contact` and `missing-legal-basis` are this
family's own words for two recommended fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import Any, Final

from consent_tui.core.fields import Entity, Field, Unless, entity
from consent_tui.core.fields.kinds import STRING_TYPES
from consent_tui.core.model import Text
from consent_tui.core.rules.base import (
    Context,
    Loc,
    Rule,
    catalogue_loc,
    category_loc,
    cookie_loc,
    is_blank,
    language,
    policy_loc,
    purpose_loc,
    service_loc,
)

FAMILY = "required"

MISSING = Rule(
    "missing-required-field",
    "error",
    FAMILY,
    "A field the format requires is missing, empty, or has no text in the default language.",
    "The policy document and the banner are built from these fields; without them a visitor "
    "is not told who sets a cookie, why, or for how long, which the information duty of "
    "ePrivacy art. 5(3) and GDPR art. 13 requires.",
    "Add the field with a value; for a translatable text, give the default language.",
    source="Directive 2002/58/EC (ePrivacy) art. 5(3); GDPR art. 13",
    bad="""\
[services.newsletter]
provider = "Example Ltd"
category = "necessary"
purposes = ["security"]
""",
    good="""\
[services.newsletter]
provider = "Example Ltd"
function = "Newsletter sign-up"
category = "necessary"
purposes = ["security"]
party = "first"
""",
)
EMPTY = Rule(
    "empty-value",
    "warning",
    FAMILY,
    "An optional field is present but empty (or only spaces).",
    "An empty value is shown as a blank in the document, or ignored; it is usually a "
    "placeholder someone forgot to fill in.",
    "Fill the value in, or remove the line.",
    bad="""\
[[services.site.cookies]]
name = "session"
duration = "session"
domain = ""
""",
    good="""\
[[services.site.cookies]]
name = "session"
duration = "session"
""",
)
NO_CONTACT = Rule(
    "missing-contact",
    "warning",
    FAMILY,
    "[policy] gives no contact for the controller.",
    "GDPR art. 13(1)(a) requires the identity and the contact details of the controller "
    "(and of its data protection officer, art. 13(1)(b)); visitors need a way to ask about "
    "their data or withdraw consent.",
    'Add contact = "mailto:privacy@example.org" (or a contact page URL) to [policy].',
    source="GDPR art. 13(1)(a) and (b)",
    bad="""\
[policy]
contact = ""
""",
    good="""\
[policy]
contact = "https://www.example.org/contact"
""",
)
NO_BASIS = Rule(
    "missing-legal-basis",
    "warning",
    FAMILY,
    "A purpose does not state its legal basis.",
    "GDPR art. 13(1)(c) requires telling people the legal basis of each processing purpose; "
    "the consent rules of this linter also need it.",
    'Add legal_basis = "consent" (or contract, legal_obligation, legitimate_interests, '
    "vital_interests, public_task).",
    source="GDPR art. 6(1) and 13(1)(c)",
    bad="""\
[purposes.fraud]
title = "Fraud prevention"
description = "To detect fraudulent orders"

[services.site]
purposes = ["security", "fraud"]
""",
    good="""\
[purposes.fraud]
title = "Fraud prevention"
description = "To detect fraudulent orders"
legal_basis = "legitimate_interests"

[services.site]
purposes = ["security", "fraud"]
""",
)
NO_SERVICES = Rule(
    "no-services",
    "warning",
    FAMILY,
    "The catalogue lists no service at all.",
    "A cookie policy without any service tells visitors nothing; an empty catalogue is "
    "usually a file that is not finished.",
    "Add the services the site uses, each with its cookies: [services.<id>].",
    bad="""\
[services]
""",
    good="""\
[services.site]
provider = "Example Ltd"
""",
)

RULES: Final = (MISSING, EMPTY, NO_CONTACT, NO_BASIS, NO_SERVICES)

# What a missing field's own rule is, in this family (the others live with their checks).
_OWN: Final = frozenset((NO_CONTACT.id, NO_BASIS.id))


def _hint(field: Field, loc: Loc) -> str:
    return f"add `{field.key} = {field.example or '…'}` to {loc.label}"


class _Checker:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def string(self, loc: Loc, extra: Mapping[str, Any], field: Field, value: str | None) -> None:
        key = field.key
        if key in extra:  # wrong type: reported by `wrong-type`
            return
        if value is None:
            self.ctx.report(
                MISSING, loc, f"{loc.label} has no {key}", field=key, hint=_hint(field, loc)
            )
        elif is_blank(value):
            self.ctx.report(
                MISSING,
                loc,
                f"{loc.label} has an empty {key}",
                field=key,
                hint=_hint(field, loc),
            )

    def text(self, loc: Loc, extra: Mapping[str, Any], field: Field, value: Text | None) -> None:
        key = field.key
        if key in extra:
            return
        lang = self.ctx.lang
        if value is None:
            self.ctx.report(
                MISSING, loc, f"{loc.label} has no {key}", field=key, hint=_hint(field, loc)
            )
            return
        text = value.values.get(lang)
        if text is None:
            self.ctx.report(
                MISSING,
                loc,
                f"{key} of {loc.label} has no text in the default language, {language(lang)}",
                field=key,
                language=lang,
                hint=f'add `{key}.{lang} = "…"` (the first language of [policy] languages '
                "is the default)",
            )
        elif is_blank(text):
            self.ctx.report(
                MISSING,
                loc,
                f"{loc.label} has an empty {key}",
                field=key,
                key=(key,) if value.plain else (key, lang),
                language=lang,
                alt=(key,),
                hint=_hint(field, loc),
            )

    def flag(self, loc: Loc, extra: Mapping[str, Any], field: Field, value: object) -> None:
        if value is not None or field.key in extra:
            return
        if field.key == "consent":
            message = f"{loc.label} does not say whether it needs consent"
            hint = (
                f"add `consent = true` to {loc.label} (false only for strictly necessary cookies)"
            )
        else:
            message, hint = f"{loc.label} has no {field.key}", _hint(field, loc)
        self.ctx.report(MISSING, loc, message, field=field.key, hint=hint)

    def items(self, loc: Loc, extra: Mapping[str, Any], field: Field, value: object) -> None:
        key = field.key
        if key in extra:
            return
        if value is None:
            self.ctx.report(
                MISSING, loc, f"{loc.label} has no {key}", field=key, hint=_hint(field, loc)
            )
        elif not value:
            noun = f"{field.ref} id" if field.ref else "item"
            self.ctx.report(
                MISSING,
                loc,
                f"{loc.label} lists no {key}",
                field=key,
                hint=f"name at least one {noun} in {key}",
            )

    def optional(self, loc: Loc, field: str, value: str | None) -> None:
        if value is not None and is_blank(value):
            self.ctx.report(EMPTY, loc, f"{field} of {loc.label} is empty", field=field)

    def entity(self, kind: str, loc: Loc, entity: Any) -> None:
        """Every required field of ``entity``, then its optional strings that are blank."""
        plan = _plan(kind)
        extra = entity.extra
        for field, handler in plan.checks:
            handler(self, loc, extra, field, getattr(entity, field.key))
        for key in plan.optional:
            value = getattr(entity, key)
            if value is not None and is_blank(value):
                self.optional(loc, key, value)


_Handler = Callable[[_Checker, Loc, Mapping[str, Any], Field, Any], None]
_HANDLERS: Final[dict[str, _Handler]] = {
    "text": _Checker.text,
    "flag": _Checker.flag,
    "items": _Checker.items,
    "string": _Checker.string,
}


class _Plan:
    """The fields of one kind this family checks: the required ones, the optional strings."""

    def __init__(self, desc: Entity) -> None:
        self.desc = desc
        fields = desc.values
        self.required = tuple(f for f in fields if f.missing_rule == MISSING.id)
        self.optional = tuple(
            f.key
            for f in fields
            if f.type in STRING_TYPES
            and f.required is not True
            and not isinstance(f.required, Unless)  # its own rule says when it is missing
            and f.missing_rule not in _OWN
        )
        self.checks: tuple[tuple[Field, _Handler], ...] = tuple(
            (f, _HANDLERS[_handler(f)]) for f in self.required
        )
        # a quick look at a cookie: its required values, and every string it is checked for
        self.needed = _getter(tuple(f.key for f in self.required))
        self.strings = _getter(
            tuple(f.key for f in self.required if f.type in STRING_TYPES) + self.optional
        )


def _handler(field: Field) -> str:
    if field.type == "text":
        return "text"
    if field.type == "bool":
        return "flag"
    return "items" if field.is_list else "string"


_PLANS: dict[str, _Plan] = {}


def _plan(kind: str) -> _Plan:
    desc = entity(kind)
    plan = _PLANS.get(kind)
    if plan is None or plan.desc is not desc:
        plan = _PLANS[kind] = _Plan(desc)
    return plan


def _getter(keys: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the values of ``keys`` of an entity, as a tuple."""
    if len(keys) == 1:
        key = keys[0]
        return lambda item: (getattr(item, key),)
    return attrgetter(*keys) if keys else (lambda item: ())


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    c = _Checker(ctx)
    policy = cat.policy
    loc = policy_loc()
    c.entity("policy", loc, policy)
    if (policy.contact is None or is_blank(policy.contact)) and "contact" not in policy.extra:
        ctx.report(NO_CONTACT, loc, "[policy] gives no contact for the controller", field="contact")
    if policy.languages is not None and not policy.languages:
        ctx.report(
            EMPTY, loc, "languages of [policy] is empty: English (en) is assumed", field="languages"
        )
    if not cat.services:
        ctx.report(
            NO_SERVICES, catalogue_loc(), "the catalogue lists no services", key=("services",)
        )
    for i, (cid, category) in enumerate(cat.categories.items()):
        c.entity("category", category_loc(i, cid), category)
    for i, (pid, purpose) in enumerate(cat.purposes.items()):
        loc = purpose_loc(i, pid)
        c.entity("purpose", loc, purpose)
        if purpose.legal_basis is None and "legal_basis" not in purpose.extra:
            ctx.report(
                NO_BASIS, loc, f"{loc.label} does not state its legal basis", field="legal_basis"
            )
        elif purpose.legal_basis is not None and is_blank(purpose.legal_basis):
            ctx.report(NO_BASIS, loc, f"{loc.label} has an empty legal_basis", field="legal_basis")
    cookies = _plan("cookie")
    needed, strings = cookies.needed, cookies.strings
    for si, (sid, service) in enumerate(cat.services.items()):
        c.entity("service", service_loc(si, sid), service)
        for ci, cookie in enumerate(service.cookies):
            if None not in needed(cookie):  # the usual cookie, quickly: nothing missing, …
                for value in strings(cookie):
                    if value is not None and (not value or value.isspace()):
                        break
                else:
                    continue  # … and nothing blank
            c.entity("cookie", cookie_loc(si, sid, ci, _named(cookie.name)), cookie)


def _named(name: str | None) -> str | None:
    return None if name is None or is_blank(name) else name
