"""``[[audit.ignore]]`` entries: each names what it ignores and says why."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields import entity
from consent_tui.core.rules.base import Context, Rule, did_you_mean, is_blank, quote
from consent_tui.core.rules.fields import audit_ignore_loc

FAMILY = "audit"

INCOMPLETE = Rule(
    "incomplete-audit-ignore",
    "error",
    FAMILY,
    "An `[[audit.ignore]]` entry has no `name`, or no `reason`.",
    "An entry without a name ignores nothing, and one without a reason leaves the next "
    "reader (or auditor) unable to tell a deliberate decision from a forgotten cookie: "
    "`consent-tui audit` shows the reason beside every ignored item.",
    "Give the entry the name (or `*` pattern) it ignores and a reason.",
    bad="""\
[[audit.ignore]]
name = "__cf_bm"
""",
    good="""\
[[audit.ignore]]
name = "__cf_bm"
reason = "Set by our CDN's bot protection on every response; declared by the CDN"
""",
)
BAD_TYPE = Rule(
    "invalid-audit-ignore-type",
    "error",
    FAMILY,
    "An `[[audit.ignore]]` entry's `type` is not a storage type.",
    "The entry would ignore nothing: observed items always have one of the storage types.",
    "Use http_cookie, local_storage, session_storage or indexed_db, or leave `type` out "
    "to ignore the name in every kind of storage.",
    bad="""\
[[audit.ignore]]
name = "debug"
reason = "A developer tool's key"
type = "localStorage"
""",
    good="""\
[[audit.ignore]]
name = "debug"
reason = "A developer tool's key"
type = "local_storage"
""",
)

RULES: Final = (INCOMPLETE, BAD_TYPE)


def check(ctx: Context) -> None:
    audit = ctx.catalogue.audit
    if audit is None:
        return
    desc = entity("audit_ignore")
    types = tuple(str(v) for v in desc.field("type").values)
    needed = [f.key for f in desc.values if f.missing_rule == INCOMPLETE.id]  # name, reason
    for i, entry in enumerate(audit.ignore):
        loc = audit_ignore_loc(i)
        for key in needed:
            value = getattr(entry, key)
            if (value is None and key not in entry.extra) or (
                value is not None and is_blank(value)
            ):
                ctx.report(INCOMPLETE, loc, f"{loc.label} has no `{key}`", field=key, alt=())
        if entry.type is not None and entry.type not in types:
            guess = did_you_mean(entry.type, types)
            hint = f'did you mean "{guess}"?' if guess else None
            ctx.report(
                BAD_TYPE,
                loc,
                f"{loc.label} has type {quote(entry.type)}, not a storage type",
                field="type",
                hint=hint,
            )
