"""Keys the format does not know (kept on save, but used by nothing)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from consent_tui.core.rules.base import Context, Loc, Rule, did_you_mean
from consent_tui.core.rules.fields import FIELDS, extras

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


def _unknown(
    ctx: Context,
    loc: Loc,
    kind: str,
    extra: Mapping[str, Any],
    prefix: str = "",
    own: frozenset[str] = frozenset(),
) -> None:
    known = FIELDS[kind]
    for key in extra:
        if key in known or key in own:
            continue  # a known key with a wrong value: `wrong-type`; an own column's key
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
    layout = ctx.catalogue.document.effective_layout
    own = {kind: layout.own_keys(kind) for kind in ("cookie", "service")}
    for extra in extras(ctx.catalogue):
        keys = own.get(extra.kind, frozenset())
        _unknown(ctx, extra.loc, extra.kind, extra.values, extra.prefix, keys)
