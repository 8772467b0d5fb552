"""Keys the format does not know (kept on save, but used by nothing)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from consent_tui.core.rules.base import (
    Context,
    Loc,
    Rule,
    banner_loc,
    catalogue_loc,
    category_loc,
    cookie_loc,
    did_you_mean,
    document_loc,
    policy_loc,
    purpose_loc,
    service_loc,
)
from consent_tui.core.rules.fields import FIELDS

FAMILY = "unknown-keys"

UNKNOWN_KEY = Rule(
    "unknown-key",
    "warning",
    FAMILY,
    "A table holds a key the catalogue format does not define.",
    "consent-tui keeps the key when it saves, but nothing reads it: it is often a typo of a "
    "real key, whose value is then missing.",
    "Correct the key's spelling, or remove it (see docs/format.md for the keys of each table).",
    bad="""\
[[services.site.cookies]]
name = "session"
duraton = "session"
""",
    good="""\
[[services.site.cookies]]
name = "session"
duration = "session"
""",
)

RULES: Final = (UNKNOWN_KEY,)


def _unknown(ctx: Context, loc: Loc, kind: str, extra: Mapping[str, Any], prefix: str = "") -> None:
    known = FIELDS[kind]
    for key in extra:
        if key in known:
            continue  # a known key with a wrong value: `wrong-type`
        guess = did_you_mean(key, known)
        hint = f"did you mean `{guess}`?" if guess else f"known keys: {', '.join(known)}"
        ctx.report(
            UNKNOWN_KEY,
            loc,
            f"unknown key `{prefix}{key}` in {loc.label}",
            field=prefix + key,
            key=(key,),
            hint=hint,
        )


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    if cat.extra:
        _unknown(ctx, catalogue_loc(), "catalogue", cat.extra)
    policy = cat.policy
    if policy.extra:
        _unknown(ctx, policy_loc(), "policy", policy.extra)
    if policy.document is not None and policy.document.extra:
        _unknown(ctx, document_loc(), "document", policy.document.extra, "document.")
    if cat.banner is not None and cat.banner.extra:
        _unknown(ctx, banner_loc(), "banner", cat.banner.extra)
    for i, (cid, category) in enumerate(cat.categories.items()):
        if category.extra:
            _unknown(ctx, category_loc(i, cid), "category", category.extra)
    for i, (pid, purpose) in enumerate(cat.purposes.items()):
        if purpose.extra:
            _unknown(ctx, purpose_loc(i, pid), "purpose", purpose.extra)
    for si, (sid, service) in enumerate(cat.services.items()):
        if service.extra:
            _unknown(ctx, service_loc(si, sid), "service", service.extra)
        for ci, cookie in enumerate(service.cookies):
            if cookie.extra:
                _unknown(ctx, cookie_loc(si, sid, ci, cookie.name), "cookie", cookie.extra)
