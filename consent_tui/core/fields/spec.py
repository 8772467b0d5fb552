"""The shape of a field description: one :class:`Field` per key of a table, once.

A :class:`Field` says what a key is (its TOML key, which is also the model's
attribute, and its :data:`FieldType`), how people see it (a label per
language, a help line, a placeholder, choices with their labels, a table
column), and what the format asks of it (required, and when; the text the
JSON Schema and editors show). An :class:`Entity` is one kind of table (a
cookie, a service …): its model class and its fields, in the file's order.

Nothing here does anything: the store reads and writes the fields, the rules
check them, the JSON Schema is generated from them and the editor builds its
tables and forms from them (see docs/architecture.md, "where to add a field").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, Literal

FieldType = Literal[
    "id",  # the key of the entity's table ([services.<id>]), not a key inside it
    "string",  # free text that is not translated (a name)
    "text",  # a translatable text: a string, or a table of language -> string
    "url_text",  # a translatable link: a URL string, or a table of language -> URL
    "bool",
    "int",
    "date",  # a TOML local date
    "duration",  # "session", "13 months", "P13M" … (core/durations.py)
    "lifetime",  # a fixed duration of at least a day (how long a banner keeps a choice)
    "url",  # an absolute http(s) URL
    "contact",  # an http(s) URL or a mailto: address
    "country",  # an ISO 3166-1 alpha-2 code
    "domain",  # a host name, with an optional leading dot
    "path",  # a URL path starting with /
    "enum",  # one of ``choices``
    "ref",  # the id of an entity of kind ``ref``
    "refs",  # a list of ids of entities of kind ``ref``
    "enums",  # a list of ``choices``
    "strings",  # a list of free strings
    "languages",  # a list of language tags
    "regions",  # a list of ISO 3166 codes (or the EEA+UK+CH shorthand)
    "ints",  # a list of integers from ``low`` to ``high``
    "texts",  # a table of name -> translatable text
    "table",  # a sub-table: one entity of kind ``ref`` ([policy.document])
    "tables",  # an array of tables: entities of kind ``ref`` ([[…cookies]])
    "entities",  # a table of keyed entities of kind ``ref`` ([services.<id>])
    "inline",  # an entity of kind ``ref`` whose keys are written in this table itself
]

# Where a field's value lives: a key of the table, the table's own key, or the
# id of the entity the table belongs to (a cookie's service).
Place = Literal["value", "id", "parent"]

# The rule that reports a missing required field unless the field names another.
MISSING_RULE = "missing-required-field"

Words = Mapping[str, str]


def words(en: str, **other: str) -> Words:
    """A label in English and, optionally, other languages (``fr="Fournisseur"``)."""
    return MappingProxyType({"en": en, **other})


@dataclass(frozen=True, slots=True)
class Choice:
    """One allowed value: how forms offer it, how tables show it, what it means."""

    value: str | bool
    label: str  # in forms and pickers
    doc: str = ""  # for editors (the schema's x-taplo enumValues) and docs
    short: str = ""  # in tables; "" shows the value itself


@dataclass(frozen=True, slots=True)
class When:
    """A condition on another field of the same table: ``key`` holds ``value``."""

    key: str
    value: str

    def __str__(self) -> str:
        return f'{self.key} = "{self.value}"'


@dataclass(frozen=True, slots=True)
class Unless:
    """A condition on another field of the same table: ``key`` is not given."""

    key: str

    def __str__(self) -> str:
        return f"{self.key} is not given"


# True: the format requires it; When(...) or Unless(...): only then; "recommended":
# validation may say so.
Need = bool | When | Unless | Literal["recommended"]
# True: the form offers it; False: it does not; "when set": only while the table has it.
Offer = bool | Literal["when set"]


@dataclass(frozen=True, slots=True)
class Column:
    """A field shown as a column of its entity's table view."""

    order: int  # place among the view's columns (computed columns come after)
    max_width: int = 40
    min_width: int = 3
    grow: bool = False
    sort: Literal["", "duration"] = ""  # "duration": sessions first, then by length


@dataclass(frozen=True, slots=True, eq=False)
class Field:
    """One key of a table, described once."""

    key: str  # the TOML key and the model's attribute
    type: FieldType
    label: Words  # words("Provider"): forms, table headers, export/import headers
    doc: str = ""  # what it is, for the JSON Schema (editors' hover) and docs
    help: str = ""  # one line under the field in the form
    placeholder: str = ""  # shown in an empty form field
    required: Need = False  # the format requires it (validation, schema), or recommends it
    required_by: str = ""  # the rule reporting it missing, if not missing-required-field
    choices: tuple[Choice, ...] = ()  # enum, enums and bool fields
    ref: str = ""  # ref, refs, table, tables, entities: the entity kind
    default: str = ""  # what leaving it out means, in forms ("http_cookie")
    column: Column | None = None  # shown in the entity's table view
    form: Offer = True  # offered in the entity's form (always, or only while it is set)
    long: bool = False  # a long text: several lines in forms
    init: bool = False  # inserted by editors into a new table (x-taplo initKeys)
    expected: str = ""  # how wrong-type messages name the type, when not the default
    example: str = ""  # a TOML value for hints (`provider = "Example Ltd"`)
    low: int | None = None  # int, ints: the smallest value allowed
    high: int | None = None  # ints: the largest value allowed
    min_items: int = 0  # lists: how many items at least, when present
    item_doc: str = ""  # lists and texts: what one item is (schema)
    examples: tuple[str, ...] = ()  # values for the schema's examples
    implied: object = None  # what leaving it out means, as a value (the schema's default)
    also: str = ""  # enums: a sibling key (a table of keyed entries) whose ids are allowed too
    place: Place = "value"

    @property
    def missing_rule(self) -> str:
        """The id of the rule that reports the field missing ("" when none does)."""
        if self.required_by:
            return self.required_by
        return MISSING_RULE if self.required is True else ""

    @property
    def label_en(self) -> str:
        return self.label["en"]

    def label_in(self, lang: str) -> str:
        """The label in ``lang``, else in English."""
        return self.label.get(lang) or self.label["en"]

    @property
    def translatable(self) -> bool:
        return self.type in ("text", "url_text", "texts")

    @property
    def needed(self) -> bool:
        """Whether the format asks for it (always, or on a condition), not just recommends it."""
        return self.required is not False and self.required != "recommended"

    @property
    def is_list(self) -> bool:
        return self.type in ("refs", "enums", "strings", "languages", "regions", "ints")

    @property
    def values(self) -> tuple[Any, ...]:
        """The allowed values of an enum (or enums) field, in order."""
        return tuple(c.value for c in self.choices)

    def choice(self, value: object) -> Choice | None:
        for choice in self.choices:
            if choice.value == value and type(choice.value) is type(value):
                return choice
        return None


@dataclass(frozen=True, slots=True, eq=False)
class Entity:
    """One kind of table: its model class, how it is named, and its fields in file order."""

    kind: str  # "cookie"; problems, forms and flows name entities by it
    model: type[Any]  # the frozen dataclass of core/model (fields are its attributes)
    table: str  # how messages and docs name the table: "[[services.<id>.cookies]]"
    noun: tuple[str, str]  # ("cookie", "cookies")
    doc: str  # the JSON Schema's description of the table
    fields: tuple[Field, ...]
    title_key: str = ""  # the field pickers show beside an entity's id
    form_order: tuple[str, ...] = ()  # keys the form shows first, in this order
    part: bool = False  # written only inline, in its host's table (no table of its own)

    def field(self, key: str) -> Field:
        """The field of ``key``; ``KeyError`` when there is none."""
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(f"{self.kind} has no field {key!r}")

    def has(self, key: str) -> bool:
        return any(f.key == key for f in self.fields)

    @property
    def values(self) -> tuple[Field, ...]:
        """The model's values read from the table (not its id, not its parent).

        An ``inline`` field is one of them: the keys written for it are its
        entity's (see :func:`~consent_tui.core.fields.written`).
        """
        return tuple(f for f in self.fields if f.place == "value")

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(f.key for f in self.values)

    @property
    def in_form(self) -> tuple[Field, ...]:
        """The fields the form offers, ``form_order`` first, then the file's order."""
        shown = [f for f in self.fields if f.form]
        rank = {key: i for i, key in enumerate(self.form_order)}
        return tuple(sorted(shown, key=lambda f: rank.get(f.key, len(rank))))

    @property
    def columns(self) -> tuple[Field, ...]:
        """The fields shown as table columns, in column order."""
        shown = [f for f in self.fields if f.column is not None]
        return tuple(sorted(shown, key=lambda f: f.column.order if f.column else 0))

    def with_field(
        self, field: Field, *, after: str | None = None, model: type[Any] | None = None
    ) -> Entity:
        """A copy with ``field`` added (after ``after``, else at the end), for tests and tools."""
        fields = list(self.fields)
        at = len(fields) if after is None else [f.key for f in fields].index(after) + 1
        fields.insert(at, field)
        return replace(self, fields=tuple(fields), model=model or self.model)
