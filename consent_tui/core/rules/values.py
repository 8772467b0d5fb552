"""Allowed values: enumerations, ids, country and language codes, TCF numbers, cookie names.

The enumerations are the choices of each table's ``enum`` fields (core/fields).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Final

from consent_tui.core.fields import entity
from consent_tui.core.fields.checks import ID_PATTERN
from consent_tui.core.reference import codes, langtags
from consent_tui.core.rules.base import (
    Context,
    Loc,
    Rule,
    category_loc,
    cookie_loc,
    did_you_mean,
    is_blank,
    language,
    one_of,
    policy_loc,
    purpose_loc,
    quote,
    service_loc,
)
from consent_tui.core.values import BAD_COOKIE_NAME, slug

FAMILY = "values"

INVALID_VALUE = Rule(
    "invalid-value",
    "error",
    FAMILY,
    "`party`, a cookie's `type`, a purpose's `legal_basis` or a [policy.document] column is not "
    "one of its allowed values.",
    "Exports and the consent rules depend on these values; an unknown one is ignored.",
    "Use one of the values the message lists.",
    source="GDPR art. 6(1) (the six legal bases)",
    bad="""\
[purposes.analytics]
legal_basis = "legitimate interest"
""",
    good="""\
[purposes.analytics]
legal_basis = "consent"
""",
)
INVALID_ID = Rule(
    "invalid-id",
    "error",
    FAMILY,
    "A category, purpose or service id is not of the form `[a-z0-9][a-z0-9_-]*`.",
    "Ids become keys of the banner configurations and anchors of the document; capitals, "
    "spaces and other signs break them or make them differ between tools.",
    "Rename the table with lower-case letters, digits, `-` and `_` (and update references).",
    bad="""\
[services."Google Analytics"]
provider = "Google Ireland Limited"
function = "Audience measurement"
category = "analytics"
purposes = ["analytics"]
party = "third"
privacy_policy = "https://policies.google.com/privacy"
country = "IE"
consent_mode = ["analytics_storage"]
""",
    good="""\
[services.google-analytics]
provider = "Google Ireland Limited"
function = "Audience measurement"
category = "analytics"
purposes = ["analytics"]
party = "third"
privacy_policy = "https://policies.google.com/privacy"
country = "IE"
consent_mode = ["analytics_storage"]
""",
)
INVALID_COUNTRY = Rule(
    "invalid-country",
    "error",
    FAMILY,
    "A service's `country` is not an ISO 3166-1 alpha-2 code.",
    "The transfer check and the exports need the country code to know whether data leaves the EEA.",
    'Write the two-letter upper-case code, such as "FR", "DE" or "US" ("GB", not "UK").',
    source="ISO 3166-1",
    bad="""\
[services.site]
country = "France"
""",
    good="""\
[services.site]
country = "FR"
""",
)
INVALID_LANGUAGE = Rule(
    "invalid-language",
    "error",
    FAMILY,
    "A language code (in [policy] languages or a translated text) is not a valid BCP 47 "
    "language tag (`en`, `pt-BR`, `zh-Hant`, `sr-Latn`), written in its standard form.",
    "Languages name the translations of every text and the files `--all-languages` writes; "
    "an unknown code is shown to visitors as it is.",
    'Write a tag such as "en" or "fr", with a region ("pt-BR") or a script ("zh-Hant") when '
    "the texts are written for one, spelled as registered (`pt-BR`, not `pt_br` or `PT-br`).",
    source="BCP 47 (IETF language tags, RFC 5646) and the IANA language subtag registry",
    bad="""\
[policy]
languages = ["english"]
""",
    good="""\
[policy]
languages = ["en"]
""",
)
DUPLICATE_LANGUAGE = Rule(
    "duplicate-language",
    "warning",
    FAMILY,
    "[policy] languages names the same language twice.",
    "Every language is exported once; the second mention is ignored and is likely a typo for "
    "another language.",
    "Remove the repeated code from languages.",
    bad="""\
[policy]
languages = ["en", "en"]
""",
    good="""\
[policy]
languages = ["en"]
""",
)
INVALID_TCF = Rule(
    "invalid-tcf-purpose",
    "error",
    FAMILY,
    "A purpose's `tcf_purposes` holds a number that is not an IAB TCF v2.2 purpose (1 to 11), "
    "or the same number twice.",
    "The TCF device-storage disclosure export lists these numbers; vendors and CMPs reject "
    "unknown purposes.",
    "Use the TCF v2.2 purpose numbers 1 to 11, each once.",
    source="IAB Europe Transparency and Consent Framework v2.2, Policies, Appendix A",
    bad="""\
[purposes.analytics]
tcf_purposes = [1, 12]
""",
    good="""\
[purposes.analytics]
tcf_purposes = [1, 8]
""",
)
INVALID_COOKIE_NAME = Rule(
    "invalid-cookie-name",
    "error",
    FAMILY,
    "An HTTP cookie's name holds `;`, `=`, a control character, or starts or ends with a space.",
    "Browsers split a cookie at `;` and `=`, reject control characters and trim spaces, so a "
    "cookie with such a name cannot exist under that name.",
    "Write the name exactly as the browser shows it in its storage inspector.",
    source="RFC 6265 section 4.1.1; RFC 6265bis (cookie name syntax)",
    bad="""\
[[services.site.cookies]]
name = "session=abc"
duration = "session"
""",
    good="""\
[[services.site.cookies]]
name = "session"
duration = "session"
""",
)

RULES: Final = (
    INVALID_VALUE,
    INVALID_ID,
    INVALID_COUNTRY,
    INVALID_LANGUAGE,
    DUPLICATE_LANGUAGE,
    INVALID_TCF,
    INVALID_COOKIE_NAME,
)

TCF_PURPOSES: Final = range(1, 12)
_BAD_NAME: Final = BAD_COOKIE_NAME


def _enum(ctx: Context, loc: Loc, field: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is None or value in allowed or is_blank(value):
        return
    guess = did_you_mean(value.replace(" ", "_"), allowed)
    hint = f'write `{field} = "{guess}"`' if guess else f"use {one_of(allowed)}"
    ctx.report(
        INVALID_VALUE,
        loc,
        f"{field} of {loc.label} is {quote(value)}, which is not one of {one_of(allowed)}",
        field=field,
        hint=hint,
    )


def _id(ctx: Context, loc: Loc, key: str, what: str) -> None:
    if ID_PATTERN.fullmatch(key):
        return
    ctx.report(
        INVALID_ID,
        loc,
        f"{what} id {quote(key)} is not a valid id (lower-case letters, digits, - and _)",
        hint=f"rename it to `{slug(key)}` and update the references to it",
    )


def _country(ctx: Context, loc: Loc, value: str | None) -> None:
    if value is None or is_blank(value) or codes.is_country(value):
        return
    guess = codes.suggest_country(value)
    hint = f'write `country = "{guess}"` ({codes.countries()[guess]})' if guess else None
    ctx.report(
        INVALID_COUNTRY,
        loc,
        f"country of {loc.label} is {quote(value)}, not an ISO 3166-1 alpha-2 country code",
        field="country",
        hint=hint,
    )


def language_problem(ctx: Context, loc: Loc, tag: str, field: str, key: tuple[str, ...]) -> None:
    """Report ``tag`` as an invalid language code (used by the translation rules too)."""
    ctx.report(
        INVALID_LANGUAGE,
        loc,
        f"{quote(tag)} in {field} of {loc.label} is not a valid language tag (BCP 47)",
        field=field,
        key=key,
        alt=(field,),
        hint=langtags.hint(tag),
    )


def _enums(kind: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(key, allowed values) of the one-of-a-list fields of ``kind``, from its description."""
    desc = entity(kind)
    hit = _ENUMS.get(kind)
    if hit is None or hit[0] is not desc:
        enums = tuple(
            (f.key, tuple(str(v) for v in f.values)) for f in desc.values if f.type == "enum"
        )
        _ENUMS[kind] = hit = (desc, enums)
    return hit[1]


_ENUMS: dict[str, tuple[object, tuple[tuple[str, tuple[str, ...]], ...]]] = {}


def _wrong(item: object, enums: tuple[tuple[str, tuple[str, ...]], ...]) -> bool:
    for key, allowed in enums:
        value = getattr(item, key)
        if value is not None and value not in allowed:
            return True
    return False


def _cookie_wrong(
    enums: tuple[tuple[str, tuple[str, ...]], ...],
) -> Callable[[object], bool]:
    """:func:`_wrong` for cookies, quicker for the usual one enum (``type``)."""
    if len(enums) != 1:
        return lambda cookie: _wrong(cookie, enums)
    key, allowed = enums[0]
    get = attrgetter(key)
    return lambda cookie: (value := get(cookie)) is not None and value not in allowed


def _check_enums(
    ctx: Context, loc: Loc, item: object, enums: tuple[tuple[str, tuple[str, ...]], ...]
) -> None:
    for key, allowed in enums:
        _enum(ctx, loc, key, getattr(item, key), allowed)


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    loc = policy_loc()
    seen: set[str] = set()
    for tag in cat.policy.languages or ():
        if not langtags.is_valid(tag):
            language_problem(ctx, loc, tag, "languages", ("languages",))
        elif tag in seen:
            ctx.report(
                DUPLICATE_LANGUAGE,
                loc,
                f"languages of [policy] names {language(tag)} twice",
                field="languages",
                language=tag,
            )
        seen.add(tag)
    for i, cid in enumerate(cat.categories):
        if not ID_PATTERN.fullmatch(cid):
            _id(ctx, category_loc(i, cid), cid, "category")
    enums = _enums("purpose")
    for i, (pid, purpose) in enumerate(cat.purposes.items()):
        tcf = purpose.tcf_purposes
        if not ID_PATTERN.fullmatch(pid) or _wrong(purpose, enums) or tcf:
            loc = purpose_loc(i, pid)
            _id(ctx, loc, pid, "purpose")
            _check_enums(ctx, loc, purpose, enums)
            _tcf(ctx, loc, tcf or ())
    enums, cookie_enums = _enums("service"), _enums("cookie")
    cookie_wrong = _cookie_wrong(cookie_enums)
    for si, (sid, service) in enumerate(cat.services.items()):
        country = service.country
        if (
            not ID_PATTERN.fullmatch(sid)
            or _wrong(service, enums)
            or (country is not None and not codes.is_country(country))
        ):
            loc = service_loc(si, sid)
            _id(ctx, loc, sid, "service")
            _check_enums(ctx, loc, service, enums)
            _country(ctx, loc, country)
        for ci, cookie in enumerate(service.cookies):
            kind, name = cookie.type, cookie.name
            bad_name = (
                name is not None
                and (kind is None or kind == "http_cookie")
                and _BAD_NAME.search(name) is not None
                and not is_blank(name)
            )
            if bad_name or cookie_wrong(cookie):
                loc = cookie_loc(si, sid, ci, name)
                _check_enums(ctx, loc, cookie, cookie_enums)
                if bad_name:
                    ctx.report(
                        INVALID_COOKIE_NAME,
                        loc,
                        f"{quote(name)} cannot be the name of an HTTP cookie: browsers split "
                        "names at ; and =, refuse control characters and trim spaces",
                        field="name",
                    )


def _tcf(ctx: Context, loc: Loc, numbers: tuple[int, ...]) -> None:
    seen: set[int] = set()
    for n in numbers:
        if n not in TCF_PURPOSES:
            ctx.report(
                INVALID_TCF,
                loc,
                f"tcf_purposes of {loc.label} holds {n}; IAB TCF v2.2 purposes are 1 to 11",
                field="tcf_purposes",
            )
        elif n in seen:
            ctx.report(
                INVALID_TCF,
                loc,
                f"tcf_purposes of {loc.label} lists purpose {n} twice",
                field="tcf_purposes",
                hint="remove the repeated number",
            )
        seen.add(n)
