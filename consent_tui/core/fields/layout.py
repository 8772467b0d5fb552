"""The document layout of ``[policy.document]``, described once: its options, their choices.

Three kinds, as the model has them (core/model/layout.py):

- ``layout`` (:class:`~consent_tui.core.model.layout.Layout`) is written in
  ``[policy.document]`` itself (an ``inline`` part of the document): the
  grouping, ``words``, ``own_columns``, the per-table ``tables`` and the
  document's own table options;
- ``layout_table`` (:class:`~consent_tui.core.model.layout.TableLayout`): the
  options of a table, written in ``[policy.document]`` for every table (inline:
  its ``columns`` is then the document's own) or in
  ``[policy.document.tables.<id>]`` for one;
- ``own_column`` (:class:`~consent_tui.core.model.layout.OwnColumn`):
  ``[policy.document.own_columns.<id>]``.

An editor offers these options from here: each has its label, its doc, its
choices with their labels, and what leaving it out means (``implied``).
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.columns import TABLE_COLUMNS_FIELD
from consent_tui.core.fields.kinds import choices
from consent_tui.core.fields.spec import Choice, Entity, Field, words
from consent_tui.core.model.layout import (
    DURATION_STYLES,
    GROUPINGS,
    NAME_STYLES,
    OWN_COLUMN_OF,
    ROW_KINDS,
    SERVICE_CELLS,
    TABLE_DEFAULTS,
    Layout,
    OwnColumn,
    TableLayout,
)

SHOWN: Final = (Choice(True, "shown", short="shown"), Choice(False, "hidden", short="hidden"))


def _text(key: str, label: str, doc: str) -> Field:
    return Field(key, "text", words(label), doc=doc)


def _flag(key: str, label: str, doc: str) -> Field:
    return Field(key, "bool", words(label), doc=doc, choices=SHOWN, implied=TABLE_DEFAULTS.get(key))


def _style(key: str, label: str, doc: str, docs: dict[str, str], labels: dict[str, str]) -> Field:
    values = {"rows": ROW_KINDS, "service_cells": SERVICE_CELLS, "names": NAME_STYLES}
    listed = values.get(key, DURATION_STYLES)
    return Field(
        key,
        "enum",
        words(label),
        doc=doc,
        choices=choices(listed, docs, labels),
        implied=TABLE_DEFAULTS[key],
        expected=f"a string ({_one_of(listed)})",
    )


def _one_of(values: tuple[str, ...]) -> str:
    """'"a", "b" or "c"', as wrong-type messages list a string's values."""
    quoted = [f'"{v}"' for v in values]
    return ", ".join(quoted[:-1]) + f" or {quoted[-1]}" if len(quoted) > 1 else quoted[0]


AS_WRITTEN: Final = {"words": "in words", "as_written": "as written"}

LAYOUT_TABLE: Final = Entity(
    "layout_table",
    TableLayout,
    "[policy.document.tables.<id>]",
    ("table's options", "tables' options"),
    "One table's own options, laid over the document's.",
    (
        TABLE_COLUMNS_FIELD,
        Field(
            "headers",
            "texts",
            words("Column header"),
            doc="Header text of each column, keyed by column id (an empty text leaves the header "
            "cell empty). Default: the built-in headers in the document's language.",
            item_doc="The column's header.",
            expected="a table of column id -> translatable text",
        ),
        _flag("header_row", "Header row", "Whether the table has a header row."),
        _style(
            "rows",
            "Rows",
            "What a row of the table is.",
            {
                "service": "One row per service (its cookies in one cell).",
                "cookie": "One row per cookie or storage item.",
            },
            {"service": "a row per service", "cookie": "a row per cookie"},
        ),
        _style(
            "service_cells",
            "Service cells",
            "In a table per cookie, how the service's cells show on its cookies' rows.",
            {
                "repeat": "Each cookie's row repeats its service's cells.",
                "span": "The service's cells span its cookies' rows (HTML rowspan; Markdown and "
                "text leave them empty after the first row).",
                "blank": "The service's cells are left empty after its first row.",
            },
            {"repeat": "repeated", "span": "spanning", "blank": "blank after the first row"},
        ),
        _style(
            "names",
            "Cookie names",
            "How cookie names are shown (a cookie's display_name always is shown as written).",
            {
                "words": 'A name with * in words: "any cookie starting with _ga_".',
                "as_written": "Every name exactly as written, patterns included.",
            },
            AS_WRITTEN,
        ),
        _style(
            "durations",
            "Durations",
            "How durations are shown (a cookie's duration_text always is shown as written).",
            {
                "words": 'Parsed and written in the document\'s language: "13 months", '
                '"13 Monate".',
                "as_written": "Exactly as the catalogue writes duration.",
            },
            AS_WRITTEN,
        ),
        Field(
            "separator",
            "string",
            words("Separator"),
            doc='What separates several values in one cell (cookie names, purposes): "\\n" (the '
            "default) puts each on its own line; any other text joins them on one line, e.g. "
            '", " or " and ".',
            implied=TABLE_DEFAULTS["separator"],
            expected='a string (such as ", " or "\\n")',
        ),
        _text(
            "heading",
            "Heading",
            "The table's heading; {title} is the group's title, {cookies} and {services} the "
            "counts in words, {cookie_count} and {service_count} the numbers. Default: "
            '"{title}" (no heading for the one table of group_by = "none").',
        ),
        _text(
            "caption",
            "Caption",
            "The table's caption (HTML); placeholders as for heading. Empty: no caption. "
            'Default: the built-in "{title}: 2 services and 5 cookies".',
        ),
        _text(
            "intro",
            "Introduction",
            "Paragraphs under the table's heading, instead of the group's description.",
        ),
        _flag(
            "descriptions",
            "Group descriptions",
            "Whether the group's description (the category's, or the service's) is shown under "
            "its heading.",
        ),
        _flag(
            "consent_note",
            "Consent note",
            "Whether a category says whether it needs consent. Default: true, false with "
            "tables_only.",
        ),
    ),
)

OWN_COLUMN: Final = Entity(
    "own_column",
    OwnColumn,
    "[policy.document.own_columns.<id>]",
    ("own column", "own columns"),
    "An own column.",
    (
        Field(
            "of",
            "enum",
            words("Key of"),
            doc="Which tables hold the column's key.",
            choices=choices(
                OWN_COLUMN_OF,
                {
                    "cookie": "The key is written in the cookies ([[services.<id>.cookies]]).",
                    "service": "The key is written in the services ([services.<id>]).",
                },
                {"cookie": "the cookies", "service": "the services"},
            ),
            required=True,
            required_by="invalid-value",
            expected=f"a string ({_one_of(OWN_COLUMN_OF)})",
        ),
        _text("header", "Header", "The column's header. Default: its id."),
    ),
)

LAYOUT: Final = Entity(
    "layout",
    Layout,
    "[policy.document]",
    ("document layout", "document layouts"),
    "The layout keys of `[policy.document]`.",
    (
        Field(
            "group_by",
            "enum",
            words("Group tables by"),
            doc="How the tables are grouped.",
            choices=choices(
                GROUPINGS,
                {
                    "category": "A section and table per category (in the file's order).",
                    "service": "A section and table per service; its title is the provider.",
                    "party": "A table for first-party and one for third-party services.",
                    "type": "A table per storage type (HTTP cookies, local storage…).",
                    "none": "One table for the whole site (add the category column to say each "
                    "row's category).",
                },
                {"none": "not grouped (one table)"},
            ),
            implied="category",
            expected=f"a string ({_one_of(GROUPINGS)})",
        ),
        Field(
            "tables_only",
            "bool",
            words("Tables only"),
            doc="Export only the groups' headings, descriptions and tables, without the title, "
            "the standard sections and the consent sentences (as --tables-only).",
            choices=(Choice(True, "tables only"), Choice(False, "the whole document")),
            implied=False,
        ),
        Field(
            "table",
            "inline",
            words("Table options"),
            ref="layout_table",
            doc="The options of every table, written in [policy.document] itself.",
        ),
        Field(
            "words",
            "texts",
            words("Word"),
            doc="Built-in words and phrases replaced, keyed by word id (first, third, "
            "http_cookie, local_storage, starting, duration_session, … see docs/export.md).",
            item_doc="The word or phrase.",
            expected="a table of word id -> translatable text",
        ),
        Field(
            "own_columns",
            "entities",
            words("Own columns"),
            ref="own_column",
            doc="Columns of your own: each id is a key you add to cookies or services, shown "
            "under its own header.",
            expected="a table of own column id -> table (of, header)",
        ),
        Field(
            "tables",
            "entities",
            words("Tables"),
            ref="layout_table",
            doc='Options of one table, keyed by table id: a category id (group_by = "category"), '
            'a service id, first/third, a storage type, all (group_by = "none") or other.',
            expected="a table of table id -> table of options",
        ),
    ),
    part=True,
)
