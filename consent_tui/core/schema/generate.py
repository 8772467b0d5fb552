"""The catalogue's JSON Schema, generated from the field description (core/fields).

The committed ``catalogue.schema.json`` (and its copy in docs/) is this
module's output; a test keeps them equal. After changing a field, write both:

    uv run python -m consent_tui.core.schema.generate

Each field type has its fragment here; a field adds its description (with
"Required." and "Translatable: …" when they apply), its choices' docs for
Taplo, its bounds and examples. The schema keeps to what Taplo reads (draft 4
ignores the siblings of a ``$ref``), so texts and durations are written out in
each property rather than referenced.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from consent_tui.core.fields import ENTITIES, Entity, Field, Unless, When, expand
from consent_tui.core.fields.cookie import DURATION_DOC, DURATION_EXAMPLES
from consent_tui.core.model import FORMAT_VERSION
from consent_tui.core.schema import CATALOGUE

Data = dict[str, Any]

ID: Final = "^[a-z0-9][a-z0-9_-]*$"
LANGUAGE: Final = "^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"
HTTP_URL: Final = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*$"
CONTACT: Final = r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*|[Mm][Aa][Ii][Ll][Tt][Oo]:[^\s]+)$"
COUNTRY: Final = "^[A-Z]{2}$"
PATH: Final = r"^/[^\s;]*$"  # as validation reads a cookie path: no spaces, no ;
REGION: Final = r"^(?:[A-Z]{2}(?:-[A-Z0-9]{1,3})?|EEA\+UK\+CH)$"
_NOT_LINK: Final = r"""\x00-\x20\\<>"'`{}"""  # characters no link holds as they are
_LINK: Final = f"[^{_NOT_LINK}]"
URL_REF: Final = (
    rf"^(?:[Hh][Tt][Tt][Pp][Ss]?://{_LINK}+|[Mm][Aa][Ii][Ll][Tt][Oo]:{_LINK}+"
    rf"|[^A-Za-z{_NOT_LINK}]{_LINK}*"
    rf"|[A-Za-z][A-Za-z0-9+.\-]*(?:[^A-Za-z0-9+.\-:{_NOT_LINK}]{_LINK}*)?)$"
)


def _anycase(word: str) -> str:
    return "".join(f"[{c.upper()}{c}]" for c in word)


_UNIT: Final = "|".join(
    _anycase(unit) + "[Ss]?"
    for unit in ("second", "minute", "hour", "day", "week", "month", "year", "sec", "min")
)
_SEP: Final = rf"(?:\s*,\s*|\s+{_anycase('and')}\s*|\s+)?"
_N: Final = "[0-9]{1,18}"
_TIME: Final = f"T(?:{_N}H(?:{_N}M)?(?:{_N}S)?|{_N}M(?:{_N}S)?|{_N}S)"
_ISO: Final = "|".join(
    (
        f"{_N}Y(?:{_N}M)?(?:{_N}W)?(?:{_N}D)?(?:{_TIME})?",
        f"{_N}M(?:{_N}W)?(?:{_N}D)?(?:{_TIME})?",
        f"{_N}W(?:{_N}D)?(?:{_TIME})?",
        f"{_N}D(?:{_TIME})?",
        _TIME,
    )
)
DURATION_FORMS: Final = (
    {
        "pattern": rf"^\s*(?:{_anycase('session')}|{_anycase('persistent')})\s*$",
        "title": "session or persistent",
    },
    {
        "pattern": rf"^\s*{_N}\s*(?:{_UNIT})(?:{_SEP}{_N}\s*(?:{_UNIT}))*\s*$",
        "title": "a number and a unit, e.g. 13 months",
    },
    {"pattern": rf"^\s*P(?:{_ISO})\s*$", "title": "an ISO 8601 duration, e.g. P13M"},
)
TRANSLATABLE: Final = (
    "Translatable: a string in the default language, or a table of language code to text."
)


def _text_forms() -> list[Data]:
    return [
        {
            "type": "string",
            "description": "The text in the default language (the first of policy.languages).",
        },
        {
            "type": "object",
            "description": "The text in each language, keyed by language code.",
            "propertyNames": {"pattern": LANGUAGE},
            "minProperties": 1,
            "additionalProperties": {"type": "string"},
        },
    ]


def _doc(field: Field) -> str:
    parts = [field.doc]
    if field.required is True:
        parts.append("Required.")
    elif isinstance(field.required, When):
        parts.append(f"Required when {field.required}.")
    elif isinstance(field.required, Unless):
        parts.append(f"Required unless {field.required}.")
    if field.type == "text":
        parts.append(TRANSLATABLE)
    return " ".join(p for p in parts if p)


def _enum_docs(field: Field) -> Data:
    return {"docs": {"enumValues": [c.doc for c in field.choices]}}


def _array(field: Field, items: Data, doc: str) -> Data:
    out: Data = {"type": "array"}
    if field.min_items:
        out["minItems"] = field.min_items
    out["uniqueItems"] = True
    out["items"] = items
    out["description"] = doc
    return out


def _strings(field: Field, doc: str) -> Data:
    t = field.type
    if t in ("string", "domain"):
        return {"type": "string", "minLength": 1, "description": doc}
    if t == "enum":
        values = list(field.values)
        return {"type": "string", "enum": values, "description": doc, "x-taplo": _enum_docs(field)}
    if t in ("duration", "lifetime"):
        # a banner keeps a choice for a fixed time: "session" and "persistent" are refused
        forms = DURATION_FORMS if t == "duration" else DURATION_FORMS[1:]
        return {"type": "string", "anyOf": [dict(f) for f in forms]} | {
            "description": doc,
            "examples": list(field.examples),
        }
    if t == "date":
        return {"type": "string", "format": "date", "description": doc}
    pattern = {"url": HTTP_URL, "contact": CONTACT, "country": COUNTRY, "path": PATH, "ref": ID}
    return {"type": "string", "pattern": pattern[t], "description": doc}


def _lists(field: Field, doc: str) -> Data:
    t = field.type
    if t == "languages":
        return {
            "type": "array",
            "items": {"$ref": "#/$defs/language"},
            "minItems": field.min_items or 1,
            "uniqueItems": True,
            "description": doc,
        }
    if t == "strings":
        items = {"type": "string", "minLength": 1}
        return {"type": "array", "description": doc, "items": items, "uniqueItems": True}
    if t == "refs":
        return _array(field, {"$ref": "#/$defs/id"}, doc)
    if t == "regions":
        return _array(
            field, {"type": "string", "pattern": REGION, "description": field.item_doc}, doc
        )
    if t == "ints":
        bounds: Data = {"type": "integer"}
        if field.low is not None:
            bounds["minimum"] = field.low
        if field.high is not None:
            bounds["maximum"] = field.high
        return _array(field, bounds, doc)
    enum: Data = {"type": "string", "enum": list(field.values), "description": field.item_doc}
    enum["x-taplo"] = _enum_docs(field)
    if field.also:  # or the id of an entry of a sibling table (an own column)
        listed = {"enum": enum["enum"], "description": "A built-in id."}
        listed["x-taplo"] = enum["x-taplo"]
        other = {"pattern": ID, "description": f"The id of one of {field.also}."}
        enum = {"type": "string", "description": field.item_doc, "anyOf": [listed, other]}
    return _array(field, enum, doc)  # enums


def _texts(field: Field, doc: str) -> Data:
    if field.type == "text":
        return {"description": doc, "anyOf": _text_forms()}
    if field.type == "url_text":
        forms = [
            {"type": "string", "pattern": URL_REF, "description": "One URL for every language."},
            {
                "type": "object",
                "description": field.item_doc,
                "propertyNames": {"pattern": LANGUAGE},
                "minProperties": 1,
                "additionalProperties": {"type": "string", "pattern": URL_REF},
            },
        ]
        return {"description": doc, "anyOf": forms, "examples": list(field.examples)}
    return {  # texts
        "type": "object",
        "description": doc,
        "propertyNames": {"pattern": ID},
        "additionalProperties": {
            "description": f"{field.item_doc} {TRANSLATABLE}",
            "anyOf": _text_forms(),
        },
    }


def property_schema(field: Field) -> Data:
    """The JSON Schema of one field's value (with its default, when leaving it out means one)."""
    out = _property(field)
    if field.implied is not None:
        out["default"] = field.implied
    return out


def _property(field: Field) -> Data:
    doc, t = _doc(field), field.type
    if t in ("text", "url_text", "texts"):
        return _texts(field, doc)
    if t in ("refs", "enums", "strings", "languages", "regions", "ints"):
        return _lists(field, doc)
    if t == "bool":
        return {"type": "boolean", "description": doc}
    if t == "int":
        out: Data = {"type": "integer"}
        if field.low is not None:
            out["minimum"] = field.low
        return out | {"description": doc}
    if t == "table":
        return {"$ref": f"#/$defs/{field.ref}"}
    if t == "tables":
        return {"type": "array", "items": {"$ref": f"#/$defs/{field.ref}"}, "description": doc}
    if t == "entities":
        return {
            "type": "object",
            "description": doc,
            "propertyNames": {"pattern": ID},
            "additionalProperties": {"$ref": f"#/$defs/{field.ref}"},
        }
    return _strings(field, doc)


def _conditions(fields: tuple[Field, ...]) -> Data:
    rules: list[Data] = []
    for field in fields:
        when = field.required
        if isinstance(when, When):
            condition = {"properties": {when.key: {"enum": [when.value]}}, "required": [when.key]}
            rules.append({"if": condition, "then": {"required": [field.key]}})
        elif isinstance(when, Unless):
            rules.append(
                {"if": {"not": {"required": [when.key]}}, "then": {"required": [field.key]}}
            )
    if len(rules) == 1:
        return rules[0]
    return {"allOf": rules} if rules else {}


def entity_schema(entity: Entity, kinds: Mapping[str, Entity] = ENTITIES) -> Data:
    """The JSON Schema of one kind of table (its inline parts' keys among its own)."""
    fields = expand(entity, kinds)
    out: Data = {
        "type": "object",
        "description": entity.doc,
        "properties": {f.key: property_schema(f) for f in fields},
        "required": [f.key for f in fields if f.required is True],
        "additionalProperties": True,
    }
    init = [f.key for f in fields if f.init]
    if init:
        out["x-taplo"] = {"initKeys": init}
    return out | _conditions(fields)


def _shared_defs() -> Data:
    return {
        "id": {
            "type": "string",
            "pattern": ID,
            "description": "An id: lower-case letters, digits, '-' and '_', starting with a "
            "letter or digit.",
        },
        "language": {
            "type": "string",
            "pattern": LANGUAGE,
            "description": 'A BCP 47 language tag in its standard form: "en", "fr", with a '
            'region ("pt-BR", "es-419") or a script ("zh-Hant", "sr-Latn"); consent-tui '
            "validate checks it against the IANA subtag registry.",
        },
        "text": {
            "description": "A translatable text: a string (in the catalogue's default language), "
            'or a table of language code to text, e.g. `{ en = "Cookies policy", fr = '
            '"Politique relative aux cookies" }`.',
            "anyOf": _text_forms(),
        },
        "duration": {
            "type": "string",
            "anyOf": [dict(f) for f in DURATION_FORMS],
            "description": DURATION_DOC,
            "examples": list(DURATION_EXAMPLES),
        },
        "http_url": {
            "type": "string",
            "pattern": HTTP_URL,
            "description": "An absolute http:// or https:// URL.",
        },
    }


def catalogue_schema(entities: Mapping[str, Entity] | None = None) -> Data:
    """The whole catalogue schema, from ``entities`` (the description by default)."""
    kinds = ENTITIES if entities is None else entities
    top = kinds["catalogue"]
    properties: Data = {}
    for field in top.values:
        if field.key == "format_version":
            properties[field.key] = {
                "description": field.doc,
                "type": "integer",
                "enum": [FORMAT_VERSION],
            }
        else:
            properties[field.key] = property_schema(field)
    defs = _shared_defs()
    defs |= {
        kind: entity_schema(e, kinds)
        for kind, e in kinds.items()
        if kind != "catalogue" and not e.part
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:consent-tui:schema:catalogue:{FORMAT_VERSION}",
        "title": f"consent-tui cookie catalogue (format version {FORMAT_VERSION})",
        "description": top.doc,
        "type": "object",
        "required": [f.key for f in top.values if f.required is True],
        "properties": properties,
        "additionalProperties": True,
        "x-taplo": {"initKeys": [f.key for f in top.values if f.init]},
        "$defs": defs,
    }


def catalogue_schema_json(entities: Mapping[str, Entity] | None = None) -> str:
    """The schema as the committed file holds it: two-space JSON, UTF-8, a final newline."""
    return json.dumps(catalogue_schema(entities), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    """Write the generated schema over the package's file and its docs/ copy."""
    root = Path(__file__).resolve().parents[3]
    text = catalogue_schema_json()
    for path in (Path(__file__).with_name(CATALOGUE), root / "docs" / CATALOGUE):
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
