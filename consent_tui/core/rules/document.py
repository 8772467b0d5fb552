"""[policy.document] settings: the document's columns and its replaced sections."""

from __future__ import annotations

from typing import Final

from consent_tui.core.model import DOCUMENT_COLUMNS, DocumentSettings, Text
from consent_tui.core.rules.base import Context, Rule, did_you_mean, document_loc, one_of, quote
from consent_tui.core.rules.values import INVALID_VALUE

FAMILY = "document"

DUPLICATE_COLUMN = Rule(
    "duplicate-column",
    "warning",
    FAMILY,
    "[policy.document] columns names the same column twice.",
    "The document would show that column twice in every table; the repeat is likely a typo "
    "for another column.",
    "Remove the repeated id from columns, or replace it with the column you meant.",
    bad="""\
[policy.document]
columns = ["provider", "cookies", "provider"]
""",
    good="""\
[policy.document]
columns = ["provider", "cookies", "purposes"]
""",
)
UNKNOWN_SECTION = Rule(
    "unknown-section",
    "warning",
    FAMILY,
    "[policy.document] sections names a section the document does not have.",
    "A section text replaces the built-in wording of a standard section by its id; under any "
    "other id it is never shown.",
    "Use one of the section ids listed in docs/export.md (such as manage_consent), or remove it.",
    bad="""\
[policy.document.sections]
manage_cookies = "Use the Cookie settings link at the bottom of every page."
""",
    good="""\
[policy.document.sections]
manage_consent = "Use the Cookie settings link at the bottom of every page."
""",
)

RULES: Final = (DUPLICATE_COLUMN, UNKNOWN_SECTION)


def check(ctx: Context) -> None:
    document = ctx.catalogue.policy.document
    if document is None:
        return
    _columns(ctx, document)
    _sections(ctx, document)


def _columns(ctx: Context, document: DocumentSettings) -> None:
    loc = document_loc()
    columns = document.columns or ()
    own = tuple(document.effective_layout.own_columns or ())
    seen: set[str] = set()
    for column in columns:
        if column not in DOCUMENT_COLUMNS and column not in own:
            guess = did_you_mean(column, DOCUMENT_COLUMNS)
            ctx.report(
                INVALID_VALUE,
                loc,
                f"columns of [policy.document] holds {quote(column)}, which is not a column of "
                "the document",
                field="document.columns",
                key=("columns",),
                hint=f'write "{guess}"' if guess else f"use {one_of(DOCUMENT_COLUMNS)}",
            )
        elif column in seen:
            unused = [c for c in DOCUMENT_COLUMNS if c not in columns]
            ctx.report(
                DUPLICATE_COLUMN,
                loc,
                f"columns of [policy.document] names {quote(column)} twice; the document would "
                "show it twice",
                field="document.columns",
                key=("columns",),
                hint="remove the repeated id"
                + (f", or use a column not listed yet: {one_of(unused)}" if unused else ""),
            )
        seen.add(column)


def _sections(ctx: Context, document: DocumentSettings) -> None:
    from consent_tui.core.export.texts.en import SECTIONS  # the standard sections' ids

    loc = document_loc()
    for key in section_texts(document, ctx.lang):
        if key not in SECTIONS:
            guess = did_you_mean(key, SECTIONS)
            ctx.report(
                UNKNOWN_SECTION,
                loc,
                f"[policy.document] sections has no standard section `{key}`",
                field=f"document.sections.{key}",
                key=("sections", key),
                alt=("sections",),
                hint=f"did you mean `{guess}`?" if guess else None,
            )


def section_texts(document: DocumentSettings, lang: str) -> dict[str, Text | None]:
    """The section texts by id, as the file has them.

    One wrongly typed entry makes the loader keep the whole table in ``extra``
    (``sections`` is then empty): its ids are all listed, with the well-formed
    texts read the way the loader reads them and ``None`` for the others, so
    that one mistake does not hide the checks of the other sections.
    """
    kept = document.extra.get("sections")
    if document.sections or not isinstance(kept, dict):
        return dict(document.sections)
    return {str(key): _text(value, lang) for key, value in kept.items()}


def _text(value: object, lang: str) -> Text | None:
    if isinstance(value, str):
        return Text.of(value, lang)
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return Text({str(k): v for k, v in value.items()})
    return None
