"""Every translatable text is given in every declared language, and only in those.

The texts of each table are its fields of type ``text`` (core/fields); the
required ones leave their default language to the `required` family.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Final

from consent_tui.core.fields import entity
from consent_tui.core.model import Text
from consent_tui.core.reference import langtags
from consent_tui.core.rules.base import (
    Context,
    Loc,
    Rule,
    category_loc,
    changelog_loc,
    cookie_loc,
    is_blank,
    language,
    policy_loc,
    purpose_loc,
    service_loc,
)
from consent_tui.core.rules.document import section_texts
from consent_tui.core.rules.values import language_problem

FAMILY = "translations"

MISSING_TRANSLATION = Rule(
    "missing-translation",
    "warning",
    FAMILY,
    "A translatable text has no text (or an empty one) in a language [policy] declares.",
    "Visitors reading that language would see the default language in the middle of their "
    "own, or nothing; information must be given in clear and plain language (GDPR art. 12(1)).",
    'Add the translation, e.g. description = { en = "…", fr = "…" }.',
    source="GDPR art. 12(1)",
    bad="""\
[policy]
languages = ["en", "fr"]

[categories.necessary]
title = "Strictly necessary"
""",
    good="""\
[policy]
languages = ["en", "fr"]

[categories.necessary]
title = { en = "Strictly necessary", fr = "Strictement nécessaires" }
""",
)
UNDECLARED_LANGUAGE = Rule(
    "undeclared-language",
    "warning",
    FAMILY,
    "A text has a translation in a language [policy] languages does not declare.",
    "Only declared languages are exported, so this translation is never shown; often the "
    "language was forgotten in [policy] languages, or the code is mistyped.",
    "Add the language to [policy] languages, or remove the translation.",
    bad="""\
[categories.necessary]
title = { en = "Strictly necessary", de = "Unbedingt erforderlich" }
""",
    good="""\
[categories.necessary]
title = "Strictly necessary"
""",
)

RULES: Final = (MISSING_TRANSLATION, UNDECLARED_LANGUAGE)


def _text(
    ctx: Context,
    loc: Loc,
    field: str,
    text: Text | None,
    required: bool,
    key: tuple[str, ...] | None = None,
) -> None:
    """Check one text; ``required`` texts leave the default language to `required`."""
    if text is None:
        return
    values = text.values
    if values.keys() == ctx.declared and not any(map(is_blank, values.values())):
        return
    key = key or (field,)
    for lang, value in values.items():
        if lang in ctx.declared:
            if is_blank(value) and not (required and lang == ctx.lang):
                ctx.report(
                    MISSING_TRANSLATION,
                    loc,
                    f"{field} of {loc.label} is empty in {language(lang)}",
                    field=field,
                    key=key if text.plain else (*key, lang),
                    alt=key,
                    language=lang,
                )
        elif not langtags.is_valid(lang):
            language_problem(ctx, loc, lang, field, (*key, lang))
        else:
            declared = ", ".join(ctx.languages)
            ctx.report(
                UNDECLARED_LANGUAGE,
                loc,
                f"{field} of {loc.label} has a {language(lang)} text, but [policy] "
                f"languages declares only {declared}",
                field=field,
                key=(*key, lang),
                alt=key,
                language=lang,
            )
    for lang in ctx.expected:
        if lang not in values and not (required and lang == ctx.lang):
            first = next(iter(values), None)
            ctx.report(
                MISSING_TRANSLATION,
                loc,
                f"{field} of {loc.label} has no {language(lang)} text",
                field=field,
                key=key,
                alt=(*key, first) if first is not None else None,
                language=lang,
                hint=f'add `{field}.{lang} = "…"`'
                if not text.plain
                else f'write {field} = {{ {ctx.lang} = "…", {lang} = "…" }}',
            )


def _texts(kind: str) -> tuple[tuple[str, bool], ...]:
    """(key, required) of the translatable texts of ``kind``, from its description."""
    desc = entity(kind)
    hit = _TEXTS.get(kind)
    if hit is None or hit[0] is not desc:
        texts = tuple((f.key, f.required is True) for f in desc.values if f.type == "text")
        _TEXTS[kind] = hit = (desc, texts)
    return hit[1]


_TEXTS: dict[str, tuple[object, tuple[tuple[str, bool], ...]]] = {}


def _entity(ctx: Context, kind: str, loc: Loc, item: object) -> None:
    for key, required in _texts(kind):
        _text(ctx, loc, key, getattr(item, key), required)


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    policy = cat.policy
    loc = policy_loc()
    _entity(ctx, "policy", loc, policy)
    if policy.document is not None:
        for name, text in section_texts(policy.document, ctx.lang).items():
            key = ("document", "sections", name)
            _text(ctx, loc, f"document.sections.{name}", text, False, key)
    for i, entry in enumerate(policy.changelog):
        _entity(ctx, "changelog", changelog_loc(i), entry)
    for i, (cid, category) in enumerate(cat.categories.items()):
        _entity(ctx, "category", category_loc(i, cid), category)
    for i, (pid, purpose) in enumerate(cat.purposes.items()):
        _entity(ctx, "purpose", purpose_loc(i, pid), purpose)
    declared = ctx.declared
    cookie_texts = _texts("cookie")
    names = [name for name, _ in cookie_texts]
    texts = attrgetter(*names) if len(names) > 1 else (lambda c: (getattr(c, names[0]),))
    for si, (sid, service) in enumerate(cat.services.items()):
        _entity(ctx, "service", service_loc(si, sid), service)
        for ci, cookie in enumerate(service.cookies):
            for text in texts(cookie) if names else ():
                if not _clean(text, declared):
                    break
            else:
                continue  # every text clean: the usual cookie, quickly
            loc = cookie_loc(si, sid, ci, cookie.name)
            for name, required in cookie_texts:
                _text(ctx, loc, name, getattr(cookie, name), required)


def _clean(text: Text | None, declared: frozenset[str]) -> bool:
    """Fast path: absent, or every declared language and no empty text."""
    if text is None:
        return True
    values = text.values
    return values.keys() == declared and not any(map(is_blank, values.values()))
