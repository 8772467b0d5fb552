"""References resolve: a service's category and purposes exist, and everything is used."""

from __future__ import annotations

from typing import Final

from consent_tui.core.rules.base import (
    Context,
    Rule,
    category_loc,
    did_you_mean,
    is_blank,
    purpose_loc,
    service_loc,
)

FAMILY = "references"

UNKNOWN_CATEGORY = Rule(
    "unknown-category",
    "error",
    FAMILY,
    "A service's `category` names no category of the catalogue.",
    "The service would be missing from the document and from the banner, so its cookies "
    "could be set without the choice the visitor made for its category.",
    "Use the id of a [categories.<id>] table, or add that category.",
    bad="""\
[services.stats]
category = "statistics"
""",
    good="""\
[services.stats]
category = "analytics"
""",
)
UNKNOWN_PURPOSE = Rule(
    "unknown-purpose",
    "error",
    FAMILY,
    "A service's `purposes` names a purpose the catalogue does not define.",
    "Visitors must be told the purpose of each cookie (ePrivacy art. 5(3), GDPR art. 13(1)(c)); "
    "a purpose with no definition has no text to show.",
    "Use the id of a [purposes.<id>] table, or add that purpose.",
    source="Directive 2002/58/EC art. 5(3); GDPR art. 13(1)(c)",
    bad="""\
[services.stats]
purposes = ["analytic"]
""",
    good="""\
[services.stats]
purposes = ["analytics"]
""",
)
UNUSED_CATEGORY = Rule(
    "unused-category",
    "info",
    FAMILY,
    "A category holds no service.",
    "An empty category shows an empty section in the document and a switch that does "
    "nothing in the banner.",
    "Put services in it, or remove it.",
    bad="""\
[categories.marketing]
title = "Marketing"
consent = true
""",
    good="""\
[categories.marketing]
title = "Marketing"
consent = true

[services.mailer]
provider = "Example Ltd"
function = "Newsletter campaigns"
category = "marketing"
purposes = ["analytics"]
party = "first"
country = "FR"
""",
)
UNUSED_PURPOSE = Rule(
    "unused-purpose",
    "info",
    FAMILY,
    "No service names this purpose.",
    "A purpose nobody uses is shown nowhere; it is often left over from a removed service.",
    "Name it in a service's purposes, or remove it.",
    bad="""\
[purposes.ads]
title = "Advertising"
description = "To show ads"
legal_basis = "consent"
""",
    good="""\
[purposes.ads]
title = "Advertising"
description = "To show ads"
legal_basis = "consent"

[services.stats]
purposes = ["analytics", "ads"]
""",
)
DUPLICATE_REFERENCE = Rule(
    "duplicate-reference",
    "warning",
    FAMILY,
    "A service lists the same purpose twice.",
    "The purpose would be shown twice in the document.",
    "Remove the repeated id from purposes.",
    bad="""\
[services.stats]
purposes = ["analytics", "analytics"]
""",
    good="""\
[services.stats]
purposes = ["analytics"]
""",
)

RULES: Final = (
    UNKNOWN_CATEGORY,
    UNKNOWN_PURPOSE,
    UNUSED_CATEGORY,
    UNUSED_PURPOSE,
    DUPLICATE_REFERENCE,
)


def _hint(value: str, ids: list[str], table: str) -> str:
    guess = did_you_mean(value, ids)
    if guess is not None:
        return f'did you mean "{guess}"?'
    if not ids:
        return f"define [{table}.{value}] first"
    shown = ", ".join(ids[:8]) + (", …" if len(ids) > 8 else "")
    return f"use one of: {shown}; or define [{table}.{value}]"


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    categories, purposes = cat.categories, cat.purposes
    used_categories: set[str] = set()
    used_purposes: set[str] = set()
    for si, (sid, service) in enumerate(cat.services.items()):
        category = service.category
        if category is not None:
            used_categories.add(category)
            if category not in categories and not is_blank(category):
                loc = service_loc(si, sid)
                ctx.report(
                    UNKNOWN_CATEGORY,
                    loc,
                    f"{loc.label} is in category `{category}`, which is not defined",
                    field="category",
                    hint=_hint(category, list(categories), "categories"),
                )
        names = service.purposes or ()
        used_purposes.update(names)
        missing = [p for p in names if p not in purposes]
        if missing or len(set(names)) != len(names):
            loc = service_loc(si, sid)
            for pid in dict.fromkeys(missing):
                what = f"purpose `{pid}`" if not is_blank(pid) else "an empty purpose id"
                ctx.report(
                    UNKNOWN_PURPOSE,
                    loc,
                    f"{loc.label} names {what}, which is not defined",
                    field="purposes",
                    hint=_hint(pid, list(purposes), "purposes"),
                )
            seen: set[str] = set()
            for pid in names:
                if pid in seen:
                    ctx.report(
                        DUPLICATE_REFERENCE,
                        loc,
                        f"{loc.label} lists purpose `{pid}` twice",
                        field="purposes",
                    )
                seen.add(pid)
    for i, cid in enumerate(categories):
        if cid not in used_categories:
            loc = category_loc(i, cid)
            ctx.report(UNUSED_CATEGORY, loc, f"no service is in {loc.label}")
    for i, pid in enumerate(purposes):
        if pid not in used_purposes:
            loc = purpose_loc(i, pid)
            ctx.report(UNUSED_PURPOSE, loc, f"no service names {loc.label}")
