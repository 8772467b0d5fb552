"""Required fields are present and not empty (texts: in the default language)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

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

_EXAMPLES: Final = {
    "site_name": '"Example"',
    "site_url": '"https://www.example.org"',
    "controller": '"Example Ltd, 1 Main Street, Brussels"',
    "title": '"…"',
    "description": '"…"',
    "consent": "true",
    "provider": '"Example Ltd"',
    "function": '"Audience measurement"',
    "category": '"necessary"',
    "purposes": '["analytics"]',
    "party": '"first"',
    "name": '"session_id"',
}


def _hint(field: str, loc: Loc) -> str:
    return f"add `{field} = {_EXAMPLES.get(field, '…')}` to {loc.label}"


class _Checker:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def string(self, loc: Loc, extra: Mapping[str, Any], field: str, value: str | None) -> None:
        if field in extra:  # wrong type: reported by `wrong-type`
            return
        if value is None:
            self.ctx.report(
                MISSING, loc, f"{loc.label} has no {field}", field=field, hint=_hint(field, loc)
            )
        elif is_blank(value):
            self.ctx.report(
                MISSING,
                loc,
                f"{loc.label} has an empty {field}",
                field=field,
                hint=_hint(field, loc),
            )

    def text(self, loc: Loc, extra: Mapping[str, Any], field: str, value: Text | None) -> None:
        if field in extra:
            return
        lang = self.ctx.lang
        if value is None:
            self.ctx.report(
                MISSING, loc, f"{loc.label} has no {field}", field=field, hint=_hint(field, loc)
            )
            return
        text = value.values.get(lang)
        if text is None:
            self.ctx.report(
                MISSING,
                loc,
                f"{field} of {loc.label} has no text in the default language, {language(lang)}",
                field=field,
                language=lang,
                hint=f'add `{field}.{lang} = "…"` (the first language of [policy] languages '
                "is the default)",
            )
        elif is_blank(text):
            self.ctx.report(
                MISSING,
                loc,
                f"{loc.label} has an empty {field}",
                field=field,
                key=(field,) if value.plain else (field, lang),
                language=lang,
                alt=(field,),
                hint=_hint(field, loc),
            )

    def optional(self, loc: Loc, field: str, value: str | None) -> None:
        if value is not None and is_blank(value):
            self.ctx.report(EMPTY, loc, f"{field} of {loc.label} is empty", field=field)


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    c = _Checker(ctx)
    policy = cat.policy
    loc = policy_loc()
    c.string(loc, policy.extra, "site_name", policy.site_name)
    c.string(loc, policy.extra, "site_url", policy.site_url)
    c.string(loc, policy.extra, "controller", policy.controller)
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
        loc = category_loc(i, cid)
        c.text(loc, category.extra, "title", category.title)
        if category.consent is None and "consent" not in category.extra:
            ctx.report(
                MISSING,
                loc,
                f"{loc.label} does not say whether it needs consent",
                field="consent",
                hint=f"add `consent = true` to {loc.label} "
                "(false only for strictly necessary cookies)",
            )
    for i, (pid, purpose) in enumerate(cat.purposes.items()):
        loc = purpose_loc(i, pid)
        c.text(loc, purpose.extra, "title", purpose.title)
        c.text(loc, purpose.extra, "description", purpose.description)
        if purpose.legal_basis is None and "legal_basis" not in purpose.extra:
            ctx.report(
                NO_BASIS, loc, f"{loc.label} does not state its legal basis", field="legal_basis"
            )
        elif purpose.legal_basis is not None and is_blank(purpose.legal_basis):
            ctx.report(NO_BASIS, loc, f"{loc.label} has an empty legal_basis", field="legal_basis")
    for si, (sid, service) in enumerate(cat.services.items()):
        loc = service_loc(si, sid)
        extra = service.extra
        c.string(loc, extra, "provider", service.provider)
        c.text(loc, extra, "function", service.function)
        c.string(loc, extra, "category", service.category)
        c.string(loc, extra, "party", service.party)
        if "purposes" not in extra:
            if service.purposes is None:
                ctx.report(
                    MISSING,
                    loc,
                    f"{loc.label} has no purposes",
                    field="purposes",
                    hint=_hint("purposes", loc),
                )
            elif not service.purposes:
                ctx.report(
                    MISSING,
                    loc,
                    f"{loc.label} lists no purposes",
                    field="purposes",
                    hint="name at least one purpose id in purposes",
                )
        c.optional(loc, "privacy_policy", service.privacy_policy)
        c.optional(loc, "country", service.country)
        c.optional(loc, "safeguard", service.safeguard)
        for ci, cookie in enumerate(service.cookies):
            name = cookie.name
            if (
                name is None
                or is_blank(name)
                or (cookie.domain is not None and is_blank(cookie.domain))
                or (cookie.path is not None and is_blank(cookie.path))
                or (cookie.type is not None and is_blank(cookie.type))
            ):
                loc = cookie_loc(si, sid, ci, None if name is None or is_blank(name) else name)
                c.string(loc, cookie.extra, "name", name)
                c.optional(loc, "type", cookie.type)
                c.optional(loc, "domain", cookie.domain)
                c.optional(loc, "path", cookie.path)
