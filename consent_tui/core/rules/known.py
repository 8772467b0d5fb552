"""Known cookies: ``known_categories`` is well formed, and declared cookies agree with the database.

``check`` runs with every validation (it reads only the categories). The
two database rules run only when an index is given (``validate --known``,
:func:`check_known`): without one they cost nothing, and a test sees only the
database its own data folder holds. A cookie of a first-party service is
compared only with entries that give no domain, or the cookie's or the site's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from consent_tui.core.durations import Duration, try_parse
from consent_tui.core.rules.base import (
    Context,
    Loc,
    Rule,
    category_loc,
    cookie_loc,
    did_you_mean,
    quote,
)

if TYPE_CHECKING:
    from consent_tui.core.known.entry import KnownEntry
    from consent_tui.core.known.index import KnownIndex
    from consent_tui.core.known.mapping import CategoryMapping

FAMILY = "known"

INVALID_KNOWN_CATEGORY = Rule(
    "invalid-known-category",
    "warning",
    FAMILY,
    "A category's `known_categories` names no category of the Open Cookie Database.",
    "The name is matched against the database's categories (Functional, Personalization, "
    "Analytics, Marketing, Security); a misspelt one never matches, and the default mapping "
    "stays in place without a word.",
    'Use one of "Functional", "Personalization", "Analytics", "Marketing" or "Security".',
    bad="""\
[categories.analytics]
known_categories = ["Analytic"]
""",
    good="""\
[categories.analytics]
known_categories = ["Analytics"]
""",
)
DUPLICATE_KNOWN_CATEGORY = Rule(
    "duplicate-known-category",
    "warning",
    FAMILY,
    "Two categories list the same Open Cookie Database category in `known_categories`.",
    "A database category maps to one category of the catalogue: the first that lists it "
    "wins, and the other declaration does nothing.",
    "Keep the database category in one `known_categories` only.",
    bad="""\
[categories.necessary]
known_categories = ["Functional", "Security"]

[categories.analytics]
known_categories = ["Analytics", "Security"]
""",
    good="""\
[categories.necessary]
known_categories = ["Functional", "Security"]

[categories.analytics]
known_categories = ["Analytics"]
""",
)
_ONLY_KNOWN = (
    " Runs only with `consent-tui validate --known`, against the database that "
    "`consent-tui known update` installed (docs/known.md). A cookie of a first-party "
    "service is compared only with entries that give no domain, or its own or the site's."
)
KNOWN_CATEGORY_DIFFERS = Rule(
    "known-category-differs",
    "info",
    FAMILY,
    "A declared cookie is listed by the Open Cookie Database in a category that maps to "
    "another category of the catalogue.",
    "A well-known cookie filed under the wrong category is set with the wrong consent (an "
    "analytics cookie among the necessary ones runs before the visitor says yes). The "
    "database can be wrong too, or mean something else: this is worth a look, not an error."
    + _ONLY_KNOWN,
    "Check the service's category; if the database's category means another of yours, "
    "say so with `known_categories` on that category.",
    bad="""\
[[services.site.cookies]]
name = "_gid"
duration = "1 day"
""",
    good="""\
[services.stats]
consent_mode = ["analytics_storage"]

[[services.stats.cookies]]
name = "_gid"
duration = "1 day"
""",
)
KNOWN_LIFETIME_DIFFERS = Rule(
    "known-lifetime-differs",
    "info",
    FAMILY,
    "A declared cookie's `duration` differs from the retention the Open Cookie Database "
    "gives for it.",
    "The lifetime shown to visitors should be the real one; a duration far from the "
    "database's may be a typo or an old value. Lifetimes within 2% of each other (\"365 "
    'days" and "1 year") agree; retention texts that are not one plain duration are '
    "never compared." + _ONLY_KNOWN,
    "Check the cookie's real lifetime (in the browser's developer tools) and correct "
    "whichever is wrong.",
    bad="""\
[services.stats]
consent_mode = ["analytics_storage"]

[[services.stats.cookies]]
name = "_gid"
duration = "13 months"
""",
    good="""\
[services.stats]
consent_mode = ["analytics_storage"]

[[services.stats.cookies]]
name = "_gid"
duration = "24 hours"
""",
)

RULES: Final = (
    INVALID_KNOWN_CATEGORY,
    DUPLICATE_KNOWN_CATEGORY,
    KNOWN_CATEGORY_DIFFERS,
    KNOWN_LIFETIME_DIFFERS,
)
DATABASE_RULES: Final = (KNOWN_CATEGORY_DIFFERS, KNOWN_LIFETIME_DIFFERS)
TOLERANCE: Final = 0.02  # lifetimes this close (relative) agree


def check(ctx: Context) -> None:
    """``known_categories``: every name is a database category, each listed once."""
    first: dict[str, str] = {}
    for index, (cid, category) in enumerate(ctx.catalogue.categories.items()):
        names = category.known_categories
        if not names:
            continue  # the usual case: nothing to import, nothing to check
        from consent_tui.core.known.entry import CATEGORIES
        from consent_tui.core.known.normalise import category_of

        loc = category_loc(index, cid)
        for name in names:
            known = category_of(name)
            if known not in CATEGORIES:
                guess = did_you_mean(name, CATEGORIES)
                ctx.report(
                    INVALID_KNOWN_CATEGORY,
                    loc,
                    f"{loc.label} lists {name!r} in known_categories, which is not an Open "
                    "Cookie Database category",
                    field="known_categories",
                    hint=f'did you mean "{guess}"?' if guess else None,
                )
                continue
            owner = first.setdefault(known, cid)
            if owner != cid:
                ctx.report(
                    DUPLICATE_KNOWN_CATEGORY,
                    loc,
                    f"{loc.label} lists {known} in known_categories, as category `{owner}` "
                    f"already does: {known} stays mapped to `{owner}`",
                    field="known_categories",
                )


def check_known(ctx: Context, index: KnownIndex) -> None:
    """Compare every declared cookie the database knows with what the database says."""
    from consent_tui.core.known.mapping import category_mapping

    mapping = category_mapping(ctx.catalogue)
    site = urlsplit(ctx.catalogue.policy.site_url or "").hostname or ""
    for si, (sid, service) in enumerate(ctx.catalogue.services.items()):
        first_party = service.party == "first"
        for ci, cookie in enumerate(service.cookies):
            if not cookie.name:
                continue
            entries = index.lookup(cookie.name, cookie.domain)
            if first_party:  # another site's cookie of the same name is not this one
                entries = [e for e in entries if _own(e, cookie.domain, site)]
            if not entries:
                continue
            loc = cookie_loc(si, sid, ci, cookie.name)
            if service.category:
                _category(ctx, loc, service.category, entries, mapping)
            mine = try_parse(cookie.duration)
            if mine is not None:
                _lifetime(ctx, loc, cookie.duration or "", mine, entries)


def _own(entry: KnownEntry, domain: str | None, site: str) -> bool:
    """Whether a first-party cookie (on ``domain`` or the site's host) can be ``entry``."""
    if not entry.domains:
        return True
    return any(d and entry.matches_domain(d) for d in (domain, site))


def _facts(entries: list[KnownEntry], what: str) -> str:
    """``Analytics (Google Analytics)``, entries of the same value sharing their platforms."""
    groups: dict[str, list[str]] = {}
    for entry in entries:
        value = entry.category if what == "category" else (entry.duration or "")
        groups.setdefault(value, []).append(entry.platform or entry.controller or "?")
    return "; ".join(f"{v} ({', '.join(dict.fromkeys(p))})" for v, p in groups.items())


def _category(
    ctx: Context, loc: Loc, declared: str, entries: list[KnownEntry], mapping: CategoryMapping
) -> None:
    targets = [mapping.category_for(e.category) for e in entries]
    if declared in targets:
        return
    if all(t is None for t in targets) and not mapping.known_for(declared):
        return  # nothing says what either category means in this catalogue
    shown = [f"`{t}`" for t in dict.fromkeys(targets) if t is not None]
    where = f", which maps to {' or '.join(shown)} here" if shown else ""
    ctx.report(
        KNOWN_CATEGORY_DIFFERS,
        loc,
        f"{loc.label} is in category `{declared}`, but the Open Cookie Database lists it as "
        f"{_facts(entries, 'category')}{where}",
        key=("name",),
    )


def agree(mine: Duration, known: Duration) -> bool:
    """Whether two lifetimes say the same: same kind, and fixed ones within :data:`TOLERANCE`."""
    if mine.kind != "fixed" or known.kind != "fixed":
        return mine.kind == known.kind
    a, b = mine.seconds or 0, known.seconds or 0
    return abs(a - b) <= max(TOLERANCE * max(a, b), 60)


def _lifetime(ctx: Context, loc: Loc, text: str, mine: Duration, entries: list[KnownEntry]) -> None:
    parsed = [(e, d) for e in entries if (d := try_parse(e.duration)) is not None]
    if not parsed or any(agree(mine, d) for _e, d in parsed):
        return
    ctx.report(
        KNOWN_LIFETIME_DIFFERS,
        loc,
        f"{loc.label} lasts {quote(text)}, but the Open Cookie Database gives "
        f"{_facts([e for e, _d in parsed], 'duration')}",
        field="duration",
    )
