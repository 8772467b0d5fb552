"""What the layout shows from the catalogue: own columns, durations as written, other languages.

The same family as :mod:`consent_tui.core.rules.layout` ("Document layout").
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields import entity
from consent_tui.core.model import DOCUMENT_COLUMNS
from consent_tui.core.model.layout import Layout
from consent_tui.core.rules.base import (
    Context,
    Rule,
    cookie_loc,
    policy_loc,
    quote,
    service_loc,
)
from consent_tui.core.rules.fields import FIELDS, own_loc
from consent_tui.core.rules.values import INVALID_VALUE

FAMILY = "layout"

OWN_COLUMN_CLASH = Rule(
    "own-column-clash",
    "error",
    FAMILY,
    "An own column has the id of a built-in column or of a key the format already defines.",
    "An own column shows a key you add to cookies or services; a key the format defines is "
    "read as that field (and a built-in column id would be ambiguous), so the column would "
    "never show your values.",
    "Give the column another id, and use that key in the cookies or services.",
    bad="""\
[policy.document.own_columns.domain]
of = "cookie"
""",
    good="""\
[policy.document.own_columns.set_on]
of = "cookie"
header = "Set on"
""",
)
OWN_COLUMN_VALUE = Rule(
    "own-column-value",
    "error",
    FAMILY,
    "A value of an own column is not a string, a number or a translatable text.",
    "The document shows an own column's value as text: a table, an array or a date cannot "
    "be shown, and the cell stays empty.",
    'Write the value as a string, or as a table of language -> text such as { en = "…" }.',
    bad="""\
[policy.document.own_columns.data_kind]
of = "cookie"
header = "Data kind"

[[services.site.cookies]]
name = "sid"
duration = "session"
data_kind = ["identifier"]
""",
    good="""\
[policy.document.own_columns.data_kind]
of = "cookie"
header = "Data kind"

[[services.site.cookies]]
name = "sid"
duration = "session"
data_kind = "identifier"
""",
)
DISPLAY_ONLY_DURATION = Rule(
    "display-only-duration",
    "warning",
    FAMILY,
    "A cookie has a `duration_text` but no `duration`.",
    "The document shows the text as written, but validation cannot check the lifetime "
    "against the 13-month limit, and the banners and the TCF disclosure cannot state it.",
    'Add the lifetime in the duration syntax as well (`duration = "1 year"`); the text is '
    "still what the document shows.",
    bad="""\
[[services.site.cookies]]
name = "sid"
duration_text = "Expires after 1 year"
""",
    good="""\
[[services.site.cookies]]
name = "sid"
duration = "1 year"
duration_text = "Expires after 1 year"
""",
)
MISSING_LANGUAGE_TEXTS = Rule(
    "missing-language-texts",
    "warning",
    FAMILY,
    "A declared language has no built-in texts, and the catalogue does not give them all.",
    "The built-in texts (standard sections, words, column headers) exist in en, fr, de, es, "
    "it, nl and pt. In another language, each text the catalogue does not give is written in "
    "English, so the document mixes two languages.",
    "Give the texts in that language in [policy.document] sections, words and headers (the "
    "message lists what is missing), or remove the language.",
    bad="""\
[policy]
site_name = "Example"
site_url = "https://example.org"
controller = "Example Ltd"
languages = ["en", "pl"]
""",
    good="""\
[policy]
site_name = "Example"
site_url = "https://example.org"
controller = "Example Ltd"
languages = ["en", "fr"]
""",
)
RULES: Final = (MISSING_LANGUAGE_TEXTS, OWN_COLUMN_CLASH, OWN_COLUMN_VALUE, DISPLAY_ONLY_DURATION)


def _own_columns(ctx: Context, layout: Layout) -> None:
    builtin = set(DOCUMENT_COLUMNS)
    for column, own in (layout.own_columns or {}).items():
        loc = own_loc(column)
        if own.of not in entity("own_column").field("of").values and "of" not in own.extra:
            ctx.report(
                INVALID_VALUE,
                loc,
                f"of of {loc.label} is {quote(own.of)}: an own column shows a key of "
                '"cookie" or of "service"',
                field="of",
                hint='write of = "cookie" or of = "service"',
            )
        fields = FIELDS.get(own.of or "", {})
        if column in builtin or column in fields or column == "id":
            what = "a built-in column" if column in builtin else f"a {own.of} key of the format"
            ctx.report(
                OWN_COLUMN_CLASH,
                loc,
                f"the own column `{column}` has the id of {what}",
                field="of",
                key=(),
                hint=f"rename it, e.g. `{column}_text`, and use that key",
            )


def _own_values(ctx: Context, layout: Layout) -> None:
    cookie_keys, service_keys = layout.own_keys("cookie"), layout.own_keys("service")
    for si, (sid, service) in enumerate(ctx.catalogue.services.items()):
        for key in service_keys & service.extra.keys():
            if not _shown(service.extra[key]):
                ctx.report(
                    OWN_COLUMN_VALUE,
                    service_loc(si, sid),
                    f"`{key}` of service `{sid}` (an own column) is not a string or a text",
                    field=key,
                )
        for ci, cookie in enumerate(service.cookies):
            for key in cookie_keys & cookie.extra.keys():
                if not _shown(cookie.extra[key]):
                    loc = cookie_loc(si, sid, ci, cookie.name)
                    ctx.report(
                        OWN_COLUMN_VALUE,
                        loc,
                        f"`{key}` of {loc.label} (an own column) is not a string or a text",
                        field=key,
                    )


def _shown(value: object) -> bool:
    if isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool)):
        return True
    return (
        isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values())
    )


def _display_only(ctx: Context) -> None:
    for si, (sid, service) in enumerate(ctx.catalogue.services.items()):
        for ci, cookie in enumerate(service.cookies):
            if cookie.duration is None and cookie.duration_text is not None:
                loc = cookie_loc(si, sid, ci, cookie.name)
                ctx.report(
                    DISPLAY_ONLY_DURATION,
                    loc,
                    f"{loc.label} has a duration_text but no duration: its lifetime cannot be "
                    "checked nor given to the banners",
                    field="duration_text",
                )


def _languages(ctx: Context) -> None:
    from consent_tui.core.export.texts import builtin_language
    from consent_tui.core.export.texts.en import COLUMNS, LABELS, SECTIONS

    document = ctx.catalogue.document
    layout = document.effective_layout
    shown = [c for c in document.effective_columns if c in COLUMNS]
    for lang in ctx.expected:
        if builtin_language(lang) is not None:
            continue
        words = layout.words or {}
        headers = layout.table.headers or {}
        missing = [
            *(f"sections.{k}" for k in SECTIONS if lang not in _langs(document.sections.get(k))),
            *(f"words.{k}" for k in LABELS if lang not in _langs(words.get(k))),
            *(f"headers.{k}" for k in shown if lang not in _langs(headers.get(k))),
        ]
        if missing:
            ctx.report(
                MISSING_LANGUAGE_TEXTS,
                policy_loc(),
                f"there are no built-in texts in {lang!r}, and {len(missing)} of them are not "
                f"given in [policy.document]: {', '.join(missing[:4])}"
                + (", …" if len(missing) > 4 else ""),
                field="languages",
                language=lang,
            )


def _langs(text: object) -> tuple[str, ...]:
    return tuple(getattr(text, "values", {}))


def check(ctx: Context) -> None:
    _display_only(ctx)
    _languages(ctx)
    layout = ctx.catalogue.document.layout
    if layout is not None:
        _own_columns(ctx, layout)
        _own_values(ctx, layout)
